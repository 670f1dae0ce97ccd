// Privacy fails closed (issue 17, item 5): a `private:` that is not valid
// and understood is an error in check, and `build --public` publishes
// nothing it might have hidden: the experience (with its reflections), or,
// in portfolio.yaml, the whole student. Every file of the public site is
// searched, the search index included.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "diagnostics/diagnostics.h"
#include "load/loader.h"

using namespace casfolio;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "casfolio-private-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int run(std::vector<std::string> args) {
  std::vector<char*> argv;
  args.insert(args.begin(), "casfolio");
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream o, e;
  return run_cli(int(argv.size()), argv.data(), o, e);
}

const char* kCohort =
    "school: Test Lyceum\nlanguage: en\nstart: 2026-09-01\nend: 2028-04-15\nframework: ib-cas\ntheme: plain\n";

std::string experience(const std::string& title, const std::string& private_line, const std::string& body) {
  return "---\ntitle: " + title + "\nstrands: [service]\nstart: 2026-10-01\noutcomes: [1]\n" + private_line +
         "\n---\n" + body + "\n";
}

const char* kReflection = "---\ndate: 2026-10-05\n---\n";

// A student whose experience `secret` says `private_line`: its title, body
// and reflection carry `marker`; the student and a public experience do not.
void experience_case(const fs::path& root, const std::string& id, const std::string& private_line,
                     const std::string& marker) {
  fs::path s = root / "students" / id;
  write(s / "portfolio.yaml", "name: Visible " + id + "\n");
  write(s / "experiences/secret/index.md",
        experience(marker + "-TITLE", private_line, marker + "-BODY"));
  write(s / "experiences/secret/2026-10-05-day.md", std::string(kReflection) + marker + "-REFLECTION\n");
  write(s / "experiences/shown/index.md", experience("Shown walk " + id, "", "An open text."));
}

// A student whose portfolio.yaml says `private_line`; every value of it carries `marker`.
void portfolio_case(const fs::path& root, const std::string& id, const std::string& private_line,
                    const std::string& marker) {
  fs::path s = root / "students" / id;
  write(s / "portfolio.yaml", "name: " + marker + "-NAME\nclass: " + marker + "-CLASS\n" + private_line + "\n");
  write(s / "experiences/walk/index.md", experience(marker + "-EXPERIENCE", "", marker + "-BODY"));
}

struct Case {
  std::string id, private_line, marker;
  bool whole_student;
  std::string where, message;  // the finding: "file:line:col", English message
};

const std::vector<Case> kCases = {
    {"exp-on", "private: on", "HIDE-ON", false, "experiences/secret/index.md:6:10",
     "`private` must be `true` or `false`, not `on`; until it is fixed, this experience is treated as private"},
    {"exp-one", "private: 1", "HIDE-ONE", false, "experiences/secret/index.md:6:10",
     "`private` must be `true` or `false`, not `1`; until it is fixed, this experience is treated as private"},
    {"exp-y", "private: y", "HIDE-Y", false, "experiences/secret/index.md:6:10",
     "`private` must be `true` or `false`, not `y`; until it is fixed, this experience is treated as private"},
    {"exp-list", "private: [true]", "HIDE-LIST", false, "experiences/secret/index.md:6:10",
     "`private` must be `true` or `false`, not `[true]`; until it is fixed, this experience is treated as private"},
    {"pf-map", "private: {name: true}", "HIDE-MAP", true, "portfolio.yaml:3:10",
     "`private` must be a list of keys and experiences, not `{name: true}`; until it is fixed, nothing of this "
     "portfolio is published"},
    {"pf-case", "private: [Name]", "HIDE-CASE", true, "portfolio.yaml:3:1",
     "`private` lists `Name`, which is neither a profile key nor an experience; until it is fixed, nothing of this "
     "portfolio is published"},
    {"pf-comma", "private: \"name, class\"", "HIDE-COMMA", true, "portfolio.yaml:3:10",
     "`private` must be a list of keys and experiences, not `name, class`; until it is fixed, nothing of this "
     "portfolio is published"},
    {"pf-scalar", "private: name", "HIDE-SCALAR", true, "portfolio.yaml:3:10",
     "`private` must be a list of keys and experiences, not `name`; until it is fixed, nothing of this portfolio "
     "is published"},
};

// Every file under `dir` that contains `needle`.
std::vector<std::string> files_containing(const fs::path& dir, const std::string& needle) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && read(e.path()).find(needle) != std::string::npos)
      out.push_back(fs::relative(e.path(), dir).string());
  return out;
}

}  // namespace

TEST_CASE("an invalid private: is an error, and build --public publishes nothing it may have hidden") {
  TempDir tmp;
  write(tmp.path / "cohort.yaml", kCohort);
  for (const Case& c : kCases) {
    if (c.whole_student) portfolio_case(tmp.path, c.id, c.private_line, c.marker);
    else experience_case(tmp.path, c.id, c.private_line, c.marker);
  }
  // A valid `private: true` and a valid list keep working.
  experience_case(tmp.path, "valid-true", "private: true", "HIDE-TRUE");
  fs::path valid = tmp.path / "students/valid-list";
  write(valid / "portfolio.yaml", "name: Valid List\nclass: HIDE-VALID-CLASS\nprivate: [class, plan, hidden]\n");
  write(valid / "plan.md", "HIDE-VALID-PLAN\n");
  write(valid / "experiences/hidden/index.md", experience("HIDE-VALID-EXPERIENCE", "", "x"));
  write(valid / "experiences/open/index.md", experience("Open valid list", "", "y"));

  Cohort cohort = load_directory(tmp.path.string(), {});
  auto findings_of = [&](const std::string& id) {
    std::vector<std::string> out;
    for (const LoadedPortfolio& lp : cohort.portfolios)
      if (lp.portfolio.id == id)
        for (const Finding& f : lp.findings)
          if (f.code.starts_with("private-") || f.code == "unknown-private-entry")
            out.push_back(f.where.file + ":" + std::to_string(f.where.line) + ":" + std::to_string(f.where.column) +
                          " " + std::string(name(f.severity)) + " " + render_message(f, Language::en).message);
    return out;
  };
  for (const Case& c : kCases) {
    INFO(c.id);
    CHECK(findings_of(c.id) == std::vector<std::string>{c.where + " error " + c.message});
  }
  CHECK(findings_of("valid-true").empty());
  CHECK(findings_of("valid-list").empty());

  fs::path site = tmp.path.parent_path() / (tmp.path.filename().string() + "-public");
  REQUIRE(run({"build", tmp.path.string(), "--out", site.string(), "--public", "--as-of", "2027-06-15"}) == 0);
  struct Cleanup {
    fs::path p;
    ~Cleanup() { std::error_code ec; fs::remove_all(p, ec); }
  } cleanup{site};

  std::vector<std::string> hidden;
  for (const Case& c : kCases) {
    for (const char* part : {"-TITLE", "-BODY", "-REFLECTION", "-NAME", "-CLASS", "-EXPERIENCE"})
      hidden.push_back(c.marker + part);
    if (c.whole_student) hidden.push_back(c.id);  // not even the id: the student is left out
  }
  for (const char* v : {"HIDE-TRUE", "HIDE-VALID-CLASS", "HIDE-VALID-PLAN", "HIDE-VALID-EXPERIENCE"})
    hidden.push_back(v);
  bool searched_index = false;
  for (const auto& e : fs::recursive_directory_iterator(site))
    if (e.path().filename() == "search-index.js") searched_index = true;
  CHECK(searched_index);
  for (const std::string& value : hidden) {
    INFO(value);
    CHECK(files_containing(site, value).empty());
  }
  // What may be published still is.
  for (const char* shown : {"Visible exp-on", "Shown walk exp-on", "Shown walk exp-list", "Visible valid-true",
                            "Valid List", "Open valid list"}) {
    INFO(shown);
    CHECK_FALSE(files_containing(site, shown).empty());
  }
}
