// A student's own bundle is built in the student view (model/audience.h):
// in the golden cohort, alma's portrait reflection is 88 % the same as one
// of chen's, and alma's zip must hold nothing of chen — or of boris — in any
// file (pages, manifest.json, the search index): no name, no id, no path,
// no text. The near-duplicate reaches her only as "staff have a question
// about this reflection". The cohort bundle, the school's copy, keeps the
// staff view and names both sides.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/cli_run.h"
#include "support/test_support.h"
#include "support/zip_entries.h"

namespace fs = std::filesystem;
using namespace casfolio;

namespace {

const fs::path kGoldenCohort = fs::path(CASFOLIO_SOURCE_DIR) / "tests/fixtures/golden-cohort";

// The body's first line of every reflection of a student, but `except`
// (the text alma's copy shares, which is hers too).
std::vector<std::string> reflection_lines(const std::string& id, const std::string& except) {
  std::vector<std::string> lines;
  fs::path root = kGoldenCohort / "students" / id;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.path().extension() != ".md" || e.path().filename() == "index.md" || e.path().filename() == "review.md")
      continue;
    if (fs::relative(e.path(), root) == except || e.path().parent_path().filename() == "interviews") continue;
    std::string text = test::read_file(e.path());
    size_t body = text.find("\n---\n", 4);
    REQUIRE(body != std::string::npos);
    size_t start = text.find_first_not_of('\n', body + 5);
    REQUIRE(start != std::string::npos);
    std::string line = text.substr(start, text.find('\n', start) - start);
    // The line as a page holds it: an apostrophe comes out as &#39;.
    size_t cut = line.find_first_of("'\"&<>");
    lines.push_back(line.substr(0, std::min<size_t>(cut, 60)));
  }
  return lines;
}

std::map<std::string, std::string> zip_files(const fs::path& zip) {
  std::map<std::string, std::string> files;
  test::read_zip(test::read_file(zip), "", files);
  return files;
}

}  // namespace

TEST_CASE("a student's bundle holds nothing of another student; the cohort bundle names both sides",
          "[bundle][privacy]") {
  test::TempDir d("casfolio-student-bundle-");
  fs::path dist = d.path() / "dist";
  auto run = test::cli({"bundle", kGoldenCohort.string(), "--out", dist.string(), "--as-of", "2027-06-15"});
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);

  // What alma may not see: her classmates' names, ids as paths and words, files and texts.
  std::vector<std::string> others = {"Chen Wei",          "Boris Lee",       "students/chen", "students/boris",
                                     "(chen)",            "\"chen\"",        "(boris)",       "\"boris\"",
                                     "reflections/2026-12-20.md", "88%", "88 %"};
  for (const std::string& line : reflection_lines("chen", "reflections/2026-12-20.md")) others.push_back(line);
  for (const std::string& line : reflection_lines("boris", "")) others.push_back(line);
  REQUIRE(others.size() >= 15);  // a test that looks for nothing proves nothing

  std::map<std::string, std::string> alma = zip_files(dist / "alma-cas-portfolio.zip");
  REQUIRE(alma.count("alma-cas-portfolio/manifest.json") == 1);
  REQUIRE(alma.count("alma-cas-portfolio/site/en/search-index.js") + alma.count("alma-cas-portfolio/site/en/search.html") >= 1);
  std::vector<std::string> leaks;
  size_t html = 0;
  for (const auto& [path, data] : alma) {
    if (path.ends_with(".html")) ++html;
    for (const std::string& other : others)
      if (data.find(other) != std::string::npos) leaks.push_back(path + " holds " + other);
    if (data.find("class=\"staff-banner\"") != std::string::npos) leaks.push_back(path + " has the staff banner");
  }
  CHECK(html >= 10);
  INFO([&] {
    std::string all;
    for (const auto& l : leaks) all += l + "\n";
    return all;
  }());
  CHECK(leaks.empty());

  // What she does see: the question, on her home page and in her manifest.
  const std::string& home = alma.at("alma-cas-portfolio/site/en/students/alma/index.html");
  CHECK(home.find("Staff have a question about this reflection") != std::string::npos);
  CHECK(home.find("<a href=\"../../../en/students/alma/experiences/painting/2027-02-18-portrait.html\">"
                  "experiences/painting/2027-02-18-portrait.md</a> <code>staff-question</code>") != std::string::npos);
  CHECK(alma.at("alma-cas-portfolio/manifest.json").find("\"code\": \"staff-question\"") != std::string::npos);

  // The school's copy: the cohort bundle's own pages are the staff view.
  std::map<std::string, std::string> cohort = zip_files(dist / "cohort-cas-portfolios.zip");
  const std::string& staff_home = cohort.at("cohort-cas-portfolios/site/en/students/alma/index.html");
  CHECK(staff_home.find("88% the same as reflections/2026-12-20.md in the portfolio of Chen Wei (chen)") !=
        std::string::npos);
  CHECK(staff_home.find("class=\"staff-banner\"") != std::string::npos);
}
