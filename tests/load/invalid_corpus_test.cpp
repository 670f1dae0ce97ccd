// The bad-input corpus: tests/fixtures/invalid/<case>/ is a tiny portfolio or
// cohort, and expected.txt holds the exact findings, one per line. Cases that
// would need megabytes, or symbolic links, are made in a temp folder here.
// A hang is a failure (a generous guard, never a speed budget: speed is
// measured in bench/, and work is bounded here by counts).
//
// CASFOLIO_UPDATE_EXPECTED=1 rewrites the expected.txt files (then review
// the diff: the point of the corpus is that a person has read each line).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "load/file_source.h"
#include "load/loader.h"
#include "load_test_support.h"

namespace fs = std::filesystem;
using namespace casfolio;
using casfolio::testing::format_findings;
using casfolio::testing::read_file;
using casfolio::testing::TempDir;
using casfolio::testing::within;
using casfolio::testing::write_file;

namespace {

// Only a hang guard: every case takes milliseconds, and the guard is far
// beyond anything a busy or sanitized machine needs, so it fails only on a
// real hang. How much work a case does is asserted by counts below.
constexpr std::chrono::seconds kHangGuard{300};

Cohort load_case(const fs::path& dir, const LoadOptions& options = {}) {
  return within<Cohort>(kHangGuard, [&] { return load_directory(dir.string(), options); }, dir.filename().string());
}

// Counts what the loader asks of the file system, so a test can bound the
// loader's work by the size of its input instead of by the clock.
class CountingFileSource : public FileSource {
 public:
  explicit CountingFileSource(const FileSource& inner) : inner_(inner) {}
  std::optional<std::string> read(const std::string& path) const override {
    ++reads;
    return inner_.read(path);
  }
  std::vector<DirEntry> list(const std::string& dir) const override {
    ++lists;
    return inner_.list(dir);
  }
  std::optional<DirEntry> stat(const std::string& path) const override {
    ++stats;
    return inner_.stat(path);
  }
  mutable int reads = 0, lists = 0, stats = 0;

 private:
  const FileSource& inner_;
};

std::vector<fs::path> corpus() {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(fs::path(CASFOLIO_SOURCE_DIR) / "tests/fixtures/invalid"))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

}  // namespace

TEST_CASE("invalid corpus: each case gives exactly its expected findings") {
  std::vector<fs::path> cases = corpus();
  REQUIRE(cases.size() >= 20);
  bool update = std::getenv("CASFOLIO_UPDATE_EXPECTED") != nullptr;
  for (const fs::path& dir : cases) {
    SECTION(dir.filename().string()) {
      Cohort c = load_case(dir);
      std::string actual = format_findings(c);
      if (update) write_file(dir / "expected.txt", actual);
      REQUIRE(fs::exists(dir / "expected.txt"));
      CHECK(actual == read_file(dir / "expected.txt"));
    }
  }
}

TEST_CASE("invalid corpus: every case has at least one error, and the others still load") {
  for (const fs::path& dir : corpus()) {
    Cohort c = load_case(dir);
    INFO(dir.filename().string());
    bool error = false;
    for (const Finding& f : c.config_findings) error |= f.severity == Severity::error;
    for (const LoadedPortfolio& lp : c.portfolios)
      for (const Finding& f : lp.findings) error |= f.severity == Severity::error;
    CHECK(error);
    CHECK_FALSE(c.portfolios.empty());
  }
}

TEST_CASE("invalid: a broken portfolio is unusable and its neighbours load") {
  Cohort c = load_case(fs::path(CASFOLIO_SOURCE_DIR) / "tests/fixtures/invalid/cohort-one-broken");
  REQUIRE(c.portfolios.size() == 3);
  CHECK(c.portfolios[0].portfolio.usable);
  CHECK_FALSE(c.portfolios[1].portfolio.usable);
  CHECK(c.portfolios[1].portfolio.id == "b");
  CHECK(c.portfolios[2].portfolio.usable);
  CHECK(c.portfolios[2].portfolio.experiences.size() == 1);
}

TEST_CASE("invalid (generated): billion laughs in portfolio.yaml") {
  TempDir tmp;
  std::string bomb = "name: Ana\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= 9; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    bomb += "lol" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
    for (int k = 0; k < 8; ++k) bomb += ", " + prev;
    bomb += "]\n";
  }
  write_file(tmp.path() / "portfolio.yaml", bomb);
  Cohort c = load_case(tmp.path());
  REQUIRE(c.portfolios.size() == 1);
  CHECK_FALSE(c.portfolios[0].portfolio.usable);
  CHECK(format_findings(c) == "portfolio.yaml:2:27: error: yaml-too-many-nodes\n");
}

TEST_CASE("invalid (generated): 20,000 levels of nesting") {
  TempDir tmp;
  write_file(tmp.path() / "portfolio.yaml", "name: Ana\n");
  write_file(tmp.path() / "experiences/deep/index.md",
             "---\ntitle: Deep\nstrands: " + std::string(20000, '[') + std::string(20000, ']') + "\n---\n");
  std::string dashes = "---\ntitle: Deep\ntags:\n";
  for (int i = 0; i < 20000; ++i) dashes += "- ";
  write_file(tmp.path() / "experiences/dashes/index.md", dashes + "x\n---\n");
  std::string block = "name: Ana\n";
  for (int i = 0; i < 20000 && block.size() < 900'000; ++i) block += std::string(size_t(i % 1000), ' ') + "k:\n";
  write_file(tmp.path() / "reflections/2026-10-01.md", "---\n" + block + "---\n");
  Cohort c = load_case(tmp.path());
  CHECK(format_findings(c) ==
        "experiences/dashes/index.md:4:129: error: yaml-too-deep\n"
        "experiences/deep/index.md:3:73: error: yaml-too-deep\n"
        "reflections/2026-10-01.md:67:65: error: yaml-too-deep\n");
}

TEST_CASE("invalid (generated): a 2 MB line") {
  TempDir tmp;
  write_file(tmp.path() / "portfolio.yaml", "name: Ana\n");
  write_file(tmp.path() / "reflections/2026-10-01.md", "---\ntitle: " + std::string(2'000'000, 'a') + "\n---\n");
  write_file(tmp.path() / "experiences/x/index.md", "---\ntitle: X\n---\n" + std::string(2'000'000, '[') + "\n");
  Cohort c = load_case(tmp.path());
  CHECK(format_findings(c) ==
        "experiences/x/index.md: error: file-too-large\n"
        "reflections/2026-10-01.md: error: file-too-large\n");
  CHECK(c.portfolios[0].findings[1].args == Args{{"size", "1954"}, {"limit", "1024"}});

  // A long line under the limit is read, and quickly.
  TempDir under;
  write_file(under.path() / "portfolio.yaml", "name: Ana\n");
  write_file(under.path() / "reflections/2026-10-01.md", "---\ntitle: " + std::string(900'000, 'a') + "\n---\nx\n");
  Cohort ok = load_case(under.path());
  CHECK(format_findings(ok) == "");
  CHECK(ok.portfolios.at(0).portfolio.reflections.at(0).title.size() == 900'000);
}

TEST_CASE("invalid (generated): symbolic links that leave the portfolio") {
  TempDir tmp;
  fs::path cohort = tmp.path() / "cohort";
  write_file(cohort / "cohort.yaml", "school: S\n");
  write_file(cohort / "students/bob/portfolio.yaml", "name: Bob\n");
  write_file(cohort / "students/bob/secret.jpg", "bob's");
  write_file(tmp.path() / "outside/photo.jpg", "jpg");
  fs::path ana = cohort / "students/ana";
  write_file(ana / "portfolio.yaml", "name: Ana\n");
  write_file(ana / "inside.jpg", "jpg");
  write_file(ana / "reflections/2026-10-01.md",
             "---\nevidence: [../photo.jpg, ../bobs.jpg, ../linked/photo.jpg, ../alias.jpg]\n---\n"
             "![x](../photo.jpg)\n");
  fs::create_symlink(tmp.path() / "outside/photo.jpg", ana / "photo.jpg");           // leaves the cohort
  fs::create_symlink(cohort / "students/bob/secret.jpg", ana / "bobs.jpg");          // leaves the portfolio
  fs::create_directory_symlink(tmp.path() / "outside", ana / "linked");              // a folder that leads out
  fs::create_symlink(ana / "inside.jpg", ana / "alias.jpg");                         // stays inside: fine
  fs::create_symlink(tmp.path() / "outside/photo.jpg", ana / "unused.jpg");          // never referenced
  Cohort c = load_case(cohort);
  REQUIRE(c.portfolios.size() == 2);
  CHECK(format_findings(c) ==
        "students/ana/reflections/2026-10-01.md:2:12: error: symlink-outside-portfolio\n"
        "students/ana/reflections/2026-10-01.md:2:26: error: symlink-outside-portfolio\n"
        "students/ana/reflections/2026-10-01.md:2:39: error: symlink-outside-portfolio\n"
        "students/ana/reflections/2026-10-01.md:4:6: error: symlink-outside-portfolio\n"
        "students/ana/unused.jpg: error: symlink-outside-portfolio\n");
  const Portfolio& p = c.portfolios[0].portfolio;
  CHECK(p.reflections.at(0).evidence == std::vector<std::string>{"alias.jpg"});
  CHECK(p.files == std::vector<std::string>{"alias.jpg", "inside.jpg", "portfolio.yaml", "reflections/2026-10-01.md"});
}

TEST_CASE("invalid (generated): tens of thousands of keys and links cost work linear in their number") {
  // Each duplicate or unknown key and each link is one finding, and the
  // file system is asked about each distinct file once, however many links
  // name it: 20,000 links to one missing image are one stat, not 20,000.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  constexpr int n = 4000;  // linear, but a sanitizer makes each key cost far more
#else
  constexpr int n = 20000;
#endif
  std::string keys;
  for (int i = 0; i < n; ++i) keys += "k" + std::to_string(i) + ": 1\n";
  std::string links;
  for (int i = 0; i < n; ++i) links += "[a](m.png) ";
  MemoryFileSource files;
  files.add("portfolio.yaml", "name: Ana\n" + keys + "k7: 2\n");
  files.add("reflections/2026-10-01.md", links + "\n");
  CountingFileSource counted(files);
  Cohort c = within<Cohort>(kHangGuard, [&] { return load(counted, LoadOptions{}); }, "many keys and links");
  REQUIRE(c.portfolios.size() == 1);
  std::map<std::string, int> counts;
  for (const Finding& f : c.portfolios[0].findings) ++counts[f.code];
  CHECK(counts == std::map<std::string, int>{{"duplicate-key", 1}, {"missing-file", n}, {"unknown-key", n}});
  // Two files and two folders: a handful of questions each, independent of n.
  CHECK(counted.reads <= 4);
  CHECK(counted.lists <= 8);
  CHECK(counted.stats <= 8);
}
