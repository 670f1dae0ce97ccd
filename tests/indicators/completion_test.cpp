// The IB completion list (`casfolio report --format completion`): the golden
// cohort's list compared byte for byte with a committed file worked out by
// hand, RFC 4180 quoting of awkward names, the report's language, and where
// --out may and may not write (the list holds candidate numbers).
//
// The committed file, by student (as of 2027-06-15, tests/indicators/golden_test.cpp
// has every figure): alma is complete (her one finding is a staff-only
// near-duplicate, which the coordinator should still look at); boris is of
// concern (three missed deadlines, a 106-day silence, an experience with no
// reflection, ten warnings, no creativity experience, outcome 3 unevidenced,
// no project, 5 of 8 months); chen's mural is confirmed `completed: false` in
// its review, so it is no finished project either, and he has no candidate number.
#include <catch2/catch.hpp>

#include <filesystem>

#include "indicators/completion.h"
#include "load/loader.h"
#include "support/cli_run.h"
#include "support/test_support.h"

using namespace casfolio;
namespace fs = std::filesystem;

namespace {

const fs::path kFixture = fs::path(CASFOLIO_SOURCE_DIR) / "tests/fixtures/golden-cohort";
const fs::path kGolden = fs::path(CASFOLIO_SOURCE_DIR) / "tests/indicators/golden-cohort.completion.csv";
const Date kAsOf = *Date::parse("2027-06-15");

std::vector<CompletionRow> rows_of(const fs::path& dir, Language lang) {
  Cohort cohort = load_directory(dir.string(), LoadOptions{});
  CohortAnalysis analysis = analyse(cohort, kAsOf);
  return completion_rows(cohort, analysis, lang);
}

const char* kBom = "\xEF\xBB\xBF";
const char* kHeader = "candidate,name,id,cas_complete,completed_on,reasons,staff_review\r\n";

}  // namespace

TEST_CASE("completion list: the golden cohort, byte for byte") {
  std::string csv = completion_csv(rows_of(kFixture, Language::en));
  if (std::getenv("CASFOLIO_UPDATE_GOLDEN")) {
    test::write_file(kGolden, csv);
    WARN("rewrote " << kGolden);
  }
  CHECK(csv == test::read_file(kGolden));
  CHECK(csv.starts_with(std::string(kBom) + kHeader));
}

TEST_CASE("completion list: complete exactly when the status is, with the as-of date") {
  Cohort cohort = load_directory(kFixture.string(), LoadOptions{});
  CohortAnalysis analysis = analyse(cohort, kAsOf);
  std::vector<CompletionRow> rows = completion_rows(cohort, analysis, Language::en);
  REQUIRE(rows.size() == analysis.students.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    INFO(rows[i].id);
    CHECK(rows[i].complete == (analysis.students[i].indicators.status == Status::complete));
    CHECK(rows[i].reasons.empty() == rows[i].complete);
    CHECK(rows[i].completed_on.valid() == rows[i].complete);
  }
  CHECK(rows[0].completed_on == kAsOf);
}

TEST_CASE("completion list: reasons in the report's language") {
  std::vector<CompletionRow> ru = rows_of(kFixture, Language::ru);
  REQUIRE(ru.size() == 3);
  CHECK(ru[2].reasons == std::vector<std::string>{"опыт подтверждён как незавершённый: mural",
                                                  "завершённых CAS-проектов не короче 30 дн.: 0 из 1"});
  std::vector<CompletionRow> kk = rows_of(kFixture, Language::kk);
  CHECK(kk[2].reasons.back() == "кемінде 30 күндік аяқталған CAS жобалары: 1 ішінен 0");
  CHECK(kk[1].reasons.back() == "CAS айлары: 8 ішінен 5");
}

TEST_CASE("completion list: a name with a comma, quotes and Cyrillic, and one that looks like a formula") {
  test::TempDir tmp;
  fs::copy(kFixture, tmp.path() / "cohort", fs::copy_options::recursive);
  test::write_file(tmp.path() / "cohort/students/alma/portfolio.yaml",
                   "name: 'Алма \"Әлия\" Нұрланова, Jr.'\nlanguage: en\nadvisor: Ms Sadykova\ncandidate: \"003412-0017\"\n");
  test::write_file(tmp.path() / "cohort/students/chen/portfolio.yaml",
                   "name: '=HYPERLINK(\"http://x\")'\nlanguage: en\ncandidate: ' 003412-0033 '\n");
  std::string csv = completion_csv(rows_of(tmp.path() / "cohort", Language::en));
  CHECK(csv.find("\r\n003412-0017,\"Алма \"\"Әлия\"\" Нұрланова, Jr.\",alma,yes,2027-06-15,,"
                 "findings for staff only to review: 1\r\n") != std::string::npos);
  // A spreadsheet must not run the name; the candidate number is trimmed.
  CHECK(csv.ends_with("\r\n003412-0033,\"'=HYPERLINK(\"\"http://x\"\")\",chen,no,,"
                      "experiences confirmed as not completed: mural; finished CAS projects of at least 30 days: 0 of 1,"
                      "findings for staff only to review: 1\r\n"));
}

TEST_CASE("casfolio report --format completion: stdout, --out, and a warning per missing candidate number") {
  test::TempDir tmp;
  test::CliRun r = test::cli({"report", kFixture.string(), "--format", "completion", "--as-of", "2027-06-15"});
  CHECK(r.code == 0);
  CHECK(r.out == test::read_file(kGolden));
  CHECK(r.err == kFixture.string() +
                     "/students/chen/portfolio.yaml: warning: No IB candidate number for chen: its row of the "
                     "completion list has an empty `candidate` [completion-no-candidate]\n"
                     "note: Add `candidate:` with the number IBIS gives to portfolio.yaml; it is private and never "
                     "published.\n");

  fs::path out = tmp.path() / "ibis.csv";
  test::write_file(out, "an older list\n");
  r = test::cli({"report", kFixture.string(), "--format", "completion", "--as-of", "2027-06-15", "--out", out.string()});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(test::read_file(out) == test::read_file(kGolden));
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(tmp.path())) left.push_back(e.path().filename().string());
  CHECK(left == std::vector<std::string>{"ibis.csv"});  // no temporary file stays behind
}

TEST_CASE("casfolio report --out never writes among the portfolios or into a site") {
  test::TempDir tmp;
  fs::copy(kFixture, tmp.path() / "cohort", fs::copy_options::recursive);
  std::string cohort = (tmp.path() / "cohort").string();
  fs::path inside = tmp.path() / "cohort/students/alma/ibis.csv";
  test::CliRun r = test::cli({"report", cohort, "--format", "completion", "--out", inside.string()});
  CHECK(r.code == 2);
  CHECK(r.err == "casfolio report: refusing to write '" + inside.string() + "': it is inside the portfolios ('" +
                     cohort + "'), which sites and bundles are made from; choose a file outside them\n");
  CHECK_FALSE(fs::exists(inside));

  test::write_file(tmp.path() / "site/.casfolio-site", "");
  fs::path in_site = tmp.path() / "site/en/ibis.csv";
  fs::create_directories(in_site.parent_path());
  r = test::cli({"report", cohort, "--format", "completion", "--out", in_site.string()});
  CHECK(r.code == 2);
  CHECK(r.err == "casfolio report: refusing to write '" + in_site.string() + "': it is inside a site casfolio built ('" +
                     (tmp.path() / "site").string() + "'), and a report is for staff only; choose a file outside it\n");
  CHECK_FALSE(fs::exists(in_site));

  r = test::cli({"report", cohort, "--format", "completion", "--out", (tmp.path() / "no-such-folder/x.csv").string()});
  CHECK(r.code == 1);
  CHECK(r.err.ends_with("casfolio report: cannot write '" + (tmp.path() / "no-such-folder/x.csv").string() +
                        "': No such file or directory\n"));
}
