// The golden cohort (tests/fixtures/golden-cohort): three small portfolios
// read through the real loader, every indicator worked out by hand below and
// asserted exactly, then the whole report compared with committed files.
//
// After an intended change to the report, regenerate the committed files with
//   CASFOLIO_UPDATE_GOLDEN=1 build/tests/test_indicators "[golden]"
// and review the diff like code.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/wait.h>

#include "indicators/report.h"
#include "load/loader.h"

using namespace casfolio;

namespace {

const char* kFixture = CASFOLIO_SOURCE_DIR "/tests/fixtures/golden-cohort";
const Date kAsOf = *Date::parse("2027-06-15");

Date day(const char* s) { return *Date::parse(s); }

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Compares `actual` with the committed file, or rewrites it on request.
void compare_with_golden(const std::string& actual, const std::string& path) {
  if (std::getenv("CASFOLIO_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
  }
  CHECK(actual == read(path));
}

struct Loaded {
  Cohort cohort;
  CohortAnalysis analysis;
};

const Loaded& golden() {
  static const Loaded* loaded = [] {
    auto* l = new Loaded;
    l->cohort = load_directory(kFixture, LoadOptions{});
    l->analysis = analyse(l->cohort, kAsOf);
    return l;
  }();
  return *loaded;
}

const StudentAnalysis& student(const std::string& id) {
  for (const StudentAnalysis& s : golden().analysis.students)
    if (s.indicators.id == id) return s;
  FAIL("no student " << id);
  throw;
}

std::vector<std::string> codes(const StudentAnalysis& s) {
  std::vector<std::string> out;
  for (const Finding& f : s.findings) out.push_back(f.code);
  return out;
}

}  // namespace

TEST_CASE("golden cohort: loads with its framework file", "[golden]") {
  const Cohort& c = golden().cohort;
  CHECK(c.config_findings.empty());
  REQUIRE(c.portfolios.size() == 3);
  CHECK(c.config.framework.id == "golden");
  REQUIRE(c.config.framework.outcomes.size() == 3);
  CHECK(c.config.framework.outcomes[0].indicators.size() == 2);
  for (const LoadedPortfolio& p : c.portfolios) CHECK(p.findings.empty());
}

TEST_CASE("golden cohort: alma, complete", "[golden]") {
  const StudentAnalysis& a = student("alma");
  const StudentIndicators& s = a.indicators;
  // One experience per strand: painting (C), running (A), garden (S, the project).
  CHECK(s.experiences_per_strand == std::array<int, 3>{1, 1, 1});
  // Claimed: painting 40, running 30, garden 24. Confirmed: painting's review 36, garden's 24.
  CHECK(s.claimed_hours == StrandHours{40, 30, 24});
  CHECK(s.confirmed_hours == StrandHours{36, 0, 24});
  // Reflections by date: painting 10-10 [1.1], running 12-05 [2.1], painting 02-18 [1.2, 2],
  // garden 03-20 [3], running 04-20 [2], garden 05-12 [1, 3].
  CHECK(s.reflections == 6);
  CHECK(s.outcomes.at("1").reflections == std::vector<std::string>{"experiences/painting/2026-10-10-colour.md",
                                                                    "experiences/painting/2027-02-18-portrait.md",
                                                                    "experiences/garden/2027-05-12-harvest.md"});
  CHECK(s.outcomes.at("2").count == 3);  // 12-05 (2.1), 02-18, 04-20
  CHECK(s.outcomes.at("3").count == 2);  // 03-20, 05-12
  // garden: 2027-01-10 .. 2027-05-10 = 22 + 28 + 31 + 30 + 10 = 121 days, finished.
  REQUIRE(s.projects.size() == 1);
  CHECK(s.projects[0].days == 121);
  CHECK(s.projects[0].finished);
  // Entries: 09-05 09-12 10-10 11-10 12-05 | 01-10 02-18 03-20 04-20 05-10 05-12 05-14 05-18 05-20 05-25.
  // 2026-09-05 -> 2027-05-25: 8 whole months.
  CHECK(s.span_months == 8);
  // Gaps from the start (09-01): 4 7 28 31 25 36 39 30 31 20 2 2 4 2 5, and 21 to as-of. Longest 39.
  CHECK(s.longest_gap.days == 39);
  CHECK(s.longest_gap.from == day("2027-01-10"));
  CHECK(s.longest_gap.to == day("2027-02-18"));
  CHECK_FALSE(s.longest_gap.ongoing);
  // Deadlines: 10-31 met by 10-10; first interview by 11-10; 12-31 by 12-05; 03-31 by 02-18
  // (window 01-01..03-31); mid interview by 05-18; 05-31 by 04-20; 08-31 upcoming.
  REQUIRE(s.deadlines.size() == 7);
  CHECK(s.deadlines[3].met_by == "experiences/painting/2027-02-18-portrait.md");
  CHECK(s.deadlines[4].met_by == "interviews/2027-05-18-mid.md");
  CHECK(s.deadlines_met == 6);
  CHECK(s.deadlines_missed == 0);
  CHECK(s.deadlines_upcoming == 1);
  CHECK(s.interviews.size() == 2);
  // Social GPA (mixed): garden 24 h -> floor(2.4) = 2; course certificate 2; competition 1 + prize 1;
  // event organised 2; committee 1. 9 points, 9 / 20 x 4 = 1.8, at or above 8: satisfactory.
  REQUIRE(s.social_gpa);
  CHECK(s.social_gpa->points == 9);
  CHECK(s.social_gpa->scaled == 1.8);
  CHECK(s.social_gpa->level == "satisfactory");
  CHECK(s.social_gpa->items.size() == 7);
  // Only the staff-only near-duplicate finding, which leaves the status alone: every requirement is met.
  CHECK(codes(a) == std::vector<std::string>{"similar-reflection"});
  CHECK(s.status == Status::complete);
}

TEST_CASE("golden cohort: boris, of-concern", "[golden]") {
  const StudentAnalysis& b = student("boris");
  const StudentIndicators& s = b.indicators;
  CHECK(s.experiences_per_strand == std::array<int, 3>{0, 1, 1});
  CHECK(s.claimed_hours == StrandHours{0, 50, 12});
  CHECK(s.confirmed_hours == StrandHours{0, 0, 9});
  CHECK(s.reflections == 2);
  CHECK(s.outcomes.at("1").count == 1);
  CHECK(s.outcomes.at("2").count == 1);
  CHECK(s.outcomes.at("3").count == 0);
  CHECK(s.projects.empty());
  // Entries: 09-20 10-05 11-01 11-12 11-30 12-02 02-10 03-01; 2026-09-20 -> 2027-03-01 = 5 months.
  CHECK(s.span_months == 5);
  // Nothing since 03-01: 31 + 30 + 31 + 15 = 106 days up to as-of (longer than 12-02 -> 02-10, 70).
  CHECK(s.longest_gap.days == 106);
  CHECK(s.longest_gap.from == day("2027-03-01"));
  CHECK(s.longest_gap.to == kAsOf);
  CHECK(s.longest_gap.ongoing);
  // 10-31 met (10-05); first interview met (11-12); 12-31 missed (nothing in 11-01..12-31);
  // 03-31 met (02-10); mid interview missed; 05-31 missed; 08-31 upcoming.
  CHECK(s.deadlines_met == 3);
  CHECK(s.deadlines_missed == 3);
  CHECK(s.deadlines_upcoming == 1);
  CHECK(s.deadlines[2].state == DeadlineState::missed);
  CHECK(s.deadlines[4].state == DeadlineState::missed);
  CHECK(s.interviews.size() == 1);
  // book-drive ended 2026-11-30 without a reflection.
  CHECK(s.unreflected_experiences == std::vector<std::string>{"book-drive"});
  // Social GPA: 9 confirmed hours -> 0; the competition has no evidence -> 0 and a finding.
  REQUIRE(s.social_gpa);
  CHECK(s.social_gpa->points == 0);
  CHECK(s.social_gpa->scaled == 0);
  CHECK(s.social_gpa->level == "initial");
  CHECK_FALSE(s.social_gpa->items.back().counted);
  CHECK(s.status == Status::of_concern);
  // Of concern today for three reasons (docs/indicators.md, "Status"): the
  // 106-day silence, the 05-31 deadline (15 days ago, nothing since) and the
  // mid interview never held. The 12-31 miss is caught up by 02-10: counted, no reason.
  std::vector<std::string> concerns;
  for (const UnmetRequirement& u : unmet_requirements(s, golden().cohort.config.requirements, b.findings))
    if (u.concern) concerns.push_back(u.text);
  CHECK(concerns == std::vector<std::string>{"_unmet-gap", "_unmet-recent-deadlines", "_unmet-interview"});
  // gpa-no-evidence points at the achievement's line in index.md.
  bool found = false;
  for (const Finding& f : b.findings)
    if (f.code == "gpa-no-evidence") {
      found = true;
      CHECK(f.where.file == "experiences/football/index.md");
      CHECK(f.where.line == 9);
    }
  CHECK(found);
}

TEST_CASE("golden cohort: chen, on-track", "[golden]") {
  const StudentAnalysis& c = student("chen");
  const StudentIndicators& s = c.indicators;
  // creativity: robotics, mural; activity: swimming; service: mural.
  CHECK(s.experiences_per_strand == std::array<int, 3>{2, 1, 1});
  // Claimed: robotics 20 C, swimming 25 A, mural {creativity: 10, service: 30}.
  CHECK(s.claimed_hours == StrandHours{30, 25, 30});
  // mural's review confirms 20 h, split like the claim (10 : 30): 5 C, 15 S.
  CHECK(s.confirmed_hours == StrandHours{5, 0, 15});
  CHECK(s.reflections == 7);
  CHECK(s.outcomes_evidenced() == 3);
  // mural started 2027-04-01 and goes on: 30 + 31 + 15 = 76 days to as-of, not finished.
  REQUIRE(s.projects.size() == 1);
  CHECK(s.projects[0].days == 76);
  CHECK_FALSE(s.projects[0].finished);
  // 2026-09-08 -> 2027-06-10 (the review): 9 months.
  CHECK(s.span_months == 9);
  // Gaps: 7 7 35 25 11 25 33 34 31 4 34 15 21 5: longest 35, 09-15 -> 10-20.
  CHECK(s.longest_gap.days == 35);
  CHECK(s.longest_gap.from == day("2026-09-15"));
  CHECK(s.deadlines_met == 6);
  CHECK(s.deadlines_missed == 0);
  // 15 service hours -> 1 point; 1 / 20 x 4 = 0.2.
  REQUIRE(s.social_gpa);
  CHECK(s.social_gpa->points == 1);
  CHECK(s.social_gpa->scaled == 0.2);
  CHECK(s.social_gpa->level == "initial");
  // No error, no warning the student sees, but the project is not finished yet.
  CHECK(codes(c) == std::vector<std::string>{"similar-reflection"});
  CHECK(s.status == Status::on_track);
}

TEST_CASE("golden cohort: the cohort figures", "[golden]") {
  const CohortIndicators& c = golden().analysis.cohort;
  CHECK(c.per_status.at(Status::complete) == 1);
  CHECK(c.per_status.at(Status::on_track) == 1);
  CHECK(c.per_status.at(Status::of_concern) == 1);
  CHECK(c.experiences_per_strand == std::array<int, 3>{3, 3, 3});
  CHECK(c.claimed_hours == StrandHours{70, 105, 66});
  CHECK(c.confirmed_hours == StrandHours{41, 0, 48});
  // boris: book-drive (ended 2026-11-30), 12-31 reflection, mid interview (05-22), 05-31 reflection.
  REQUIRE(c.overdue.size() == 4);
  CHECK(c.overdue[0].what == "experience-without-reflection");
  CHECK(c.overdue[2].detail == "Mid interview");
  REQUIRE(c.advisors.size() == 2);
  CHECK(c.advisors[0].students == std::vector<std::string>{"alma", "boris"});
  CHECK(c.advisors[1].name.empty());
}

TEST_CASE("golden cohort: the report JSON and CSV", "[golden]") {
  const Loaded& l = golden();
  compare_with_golden(report_json(l.cohort, l.analysis).dump(2) + "\n",
                      CASFOLIO_SOURCE_DIR "/tests/indicators/golden-cohort.report.json");
  compare_with_golden(report_csv(l.cohort, l.analysis), CASFOLIO_SOURCE_DIR "/tests/indicators/golden-cohort.report.csv");
}

TEST_CASE("casfolio report prints the same JSON", "[golden][cli]") {
  const std::string tmp = (std::filesystem::temp_directory_path() / "casfolio-golden-report").string();
  std::string run = std::string(CASFOLIO_BINARY) + " report " + kFixture + " --as-of 2027-06-15 --format json > " +
                    tmp + ".json";
  REQUIRE(std::system(run.c_str()) == 0);
  CHECK(read(tmp + ".json") == read(CASFOLIO_SOURCE_DIR "/tests/indicators/golden-cohort.report.json"));
  std::string bad = std::string(CASFOLIO_BINARY) + " report " + kFixture + " --format xml 2> " + tmp + ".err";
  CHECK(WEXITSTATUS(std::system(bad.c_str())) == 2);
  CHECK(read(tmp + ".err") == "casfolio report: --format is json, csv, completion or sqlite, got 'xml'\n");
  std::string missing = std::string(CASFOLIO_BINARY) + " report /nonexistent-casfolio-dir 2> " + tmp + ".err";
  CHECK(WEXITSTATUS(std::system(missing.c_str())) == 2);
  CHECK(read(tmp + ".err") == "casfolio report: '/nonexistent-casfolio-dir' is not a folder\n");
  std::filesystem::remove(tmp + ".json");
  std::filesystem::remove(tmp + ".err");
}
