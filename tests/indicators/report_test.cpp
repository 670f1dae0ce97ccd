// The report's JSON objects and CSV rows, on a cohort built in code.
#include <catch2/catch.hpp>

#include "builders.h"
#include "indicators/report.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

struct Built {
  Cohort cohort;
  CohortAnalysis analysis;
};

// One student; the analysis is made by hand so that only our own figures and
// the findings chosen here appear.
Built build(std::string name, std::optional<SocialGpaScheme> scheme) {
  Built b;
  b.cohort.config.start = day("2026-09-01");
  b.cohort.config.social_gpa = scheme;
  b.cohort.config.requirements.max_gap_days = 100;  // 10-01 -> 12-01 is 61 days: not of concern here
  LoadedPortfolio lp;
  lp.portfolio.id = "ana";
  lp.portfolio.root = "students/ana";
  lp.portfolio.profile.name = std::move(name);
  Experience e = experience("shelter", {Strand::activity, Strand::service}, "2026-09-10");
  claim(e, 25);
  review(e, "2026-12-01", 15);
  lp.portfolio.experiences = {e};
  lp.portfolio.reflections = {reflection("experiences/shelter/2026-10-01-dogs.md", "2026-10-01", {outcome("2")})};
  finish(lp.portfolio);
  b.cohort.portfolios.push_back(lp);

  b.analysis.as_of = day("2027-01-15");
  StudentAnalysis s;
  s.loaded = &b.cohort.portfolios[0];
  Finding f;
  f.code = "gpa-no-evidence";
  f.severity = Severity::info;
  f.where = {"experiences/shelter/index.md", 9, 0, 0};
  f.args = {{"title", "Cup"}};
  s.findings = {f};
  s.indicators = compute_student(s.loaded->portfolio, b.cohort.config, b.analysis.as_of, s.findings);
  b.analysis.students = {s};
  b.analysis.cohort = compute_cohort(b.cohort, {s.indicators});
  return b;
}

}  // namespace

TEST_CASE("report JSON: a student's figures") {
  Built b = build("Ana", SocialGpaScheme{});
  nlohmann::ordered_json j = report_json(b.cohort, b.analysis);
  CHECK(j["schema"] == 2);
  CHECK(j["as_of"] == "2027-01-15");
  CHECK(j["framework"]["id"] == "ib-cas");
  const auto& s = j["students"][0];
  CHECK(s["id"] == "ana");
  CHECK(s["advisor"].is_null());
  // 25 h claimed and 15 h confirmed over activity and service: 12.5 / 7.5 each.
  CHECK(s["hours"].dump() ==
        R"({"claimed":{"creativity":0,"activity":12.5,"service":12.5},"confirmed":{"creativity":0,"activity":7.5,"service":7.5}})");
  CHECK(s["outcomes"]["2"].dump() == R"({"count":1,"reflections":["experiences/shelter/2026-10-01-dogs.md"]})");
  CHECK(s["outcomes"]["7"].dump() == R"({"count":0,"reflections":[]})");
  CHECK(s["projects"].dump() == "[]");
  CHECK(s["deadlines"].dump() == "[]");
  // Cumulative: the scaled number is the result, the level is not part of it.
  CHECK(s["social_gpa"]["model"] == "cumulative");
  CHECK(s["social_gpa"]["points"] == 0);  // 7.5 service hours
  CHECK(s["social_gpa"]["scaled"] == 0);
  CHECK(s["social_gpa"]["level"].is_null());
  CHECK(s["social_gpa"]["items"][0].dump() ==
        R"({"kind":"volunteer_hours","domain":"community","experience":"shelter","title":"shelter",)"
        R"("file":"experiences/shelter/review.md",)"
        R"("line":3,"date":"2026-12-01","level":null,"quantity":7.5,"points":0,"counted":true,"hours_from":"review"})");
  CHECK(s["social_gpa"]["rules"].dump() ==
        R"({"model":"cumulative","points":{"volunteer_hours":{"per":10,"points":1,"max":5,"rounding":"floor"},)"
        R"("event_organised":2,"committee":1,"competition":1,"prize":1,"course_certificate":2},)"
        R"("require_evidence":true,"links_count_as_evidence":true,"scale":{"max":4,"full_points":20},"levels":{"high":15,"satisfactory":8}})");
  CHECK(s["findings"].dump() ==
        R"([{"severity":"info","code":"gpa-no-evidence","file":"experiences/shelter/index.md","line":9,"column":0,)"
        R"("message":"The achievement 'Cup' has no evidence, so it scores 0 points in the social GPA",)"
        R"("hint":"Add `evidence:` with a file from this experience's folder (a certificate, a photo, a letter)."}])");
  CHECK(j["cohort"]["per_status"].dump() == R"({"complete":0,"on-track":1,"of-concern":0})");
  CHECK(j["cohort"]["advisers"].dump() ==
        R"([{"name":null,"students":["ana"],"per_status":{"complete":0,"on-track":1,"of-concern":0}}])");
}

TEST_CASE("report JSON: each social GPA model, and none") {
  SocialGpaScheme levels;
  levels.model = GpaModel::levels;
  Built b = build("Ana", levels);
  auto s = report_json(b.cohort, b.analysis)["students"][0]["social_gpa"];
  CHECK(s["scaled"].is_null());
  CHECK(s["level"] == "initial");

  SocialGpaScheme mixed;
  mixed.model = GpaModel::mixed;
  b = build("Ana", mixed);
  s = report_json(b.cohort, b.analysis)["students"][0]["social_gpa"];
  CHECK(s["scaled"] == 0);
  CHECK(s["level"] == "initial");

  b = build("Ana", std::nullopt);
  CHECK(report_json(b.cohort, b.analysis)["students"][0]["social_gpa"].is_null());
}

TEST_CASE("numbers in the JSON") {
  CHECK(number_json(12).dump() == "12");
  CHECK(number_json(12.5).dump() == "12.5");
  CHECK(number_json(10.0 / 3).dump() == "3.33");
  CHECK(number_json(0.1 + 0.2).dump() == "0.3");
}

TEST_CASE("report CSV: one row per student, RFC 4180") {
  Built b = build("Bekova, \"Ana\"", std::nullopt);
  std::string csv = report_csv(b.cohort, b.analysis);
  auto second_line = csv.substr(csv.find("\r\n") + 2);
  CHECK(second_line ==
        "ana,\"Bekova, \"\"Ana\"\"\",,on-track,1,0,1,1,0,12.5,12.5,0,7.5,7.5,1,7,0,1,0,0,0,0,0,0,0,0,2,61,45,0,0,0,0,,,,0,0,1,0\r\n");
  // span: 09-10 -> 12-01 = 2 months; longest gap 10-01 -> 12-01 = 61 days.
  CHECK(csv.starts_with("id,name,advisor,status,reflections,experiences_creativity,"));

  // A name a spreadsheet would run as a formula is defused.
  b = build("=HYPERLINK(\"http://x\")", std::nullopt);
  csv = report_csv(b.cohort, b.analysis);
  CHECK(csv.find("ana,\"'=HYPERLINK(\"\"http://x\"\")\",") != std::string::npos);
}
