// The social GPA's part of cohort.yaml and its records (docs/social-gpa.md):
// each mistake gives its finding at its line, and a record with an error
// counts for nothing.
#include <catch2/catch.hpp>

#include "load/loader.h"
#include "support/test_support.h"

using namespace casfolio;
namespace fs = std::filesystem;

namespace {

struct Fixture {
  test::TempDir dir;
  explicit Fixture(const std::string& social_gpa) {
    test::write_file(dir.path() / "cohort.yaml",
                     "language: en\nstart: 2026-09-01\nend: 2027-05-31\nstaff: staff\ncas: false\n" + social_gpa);
    test::write_file(dir.path() / "students/ana/portfolio.yaml", "name: Ana\nclass: 7A\n");
    fs::create_directories(dir.path() / "staff");
  }
  Cohort load() const { return load_directory(dir.str(), LoadOptions{}); }
};

// "file:line code" of every finding of the load.
std::vector<std::string> found(const Cohort& c) {
  std::vector<std::string> out;
  auto add = [&](const Finding& f) { out.push_back(f.where.file + ":" + std::to_string(f.where.line) + " " + f.code); };
  for (const Finding& f : c.config_findings) add(f);
  for (const LoadedPortfolio& lp : c.portfolios)
    for (const Finding& f : lp.findings) add(f);
  return out;
}

}  // namespace

TEST_CASE("social_gpa: components, domains, periods and approval are read", "[social-gpa][load]") {
  Fixture f(R"(social_gpa:
  model: levels
  levels: { high: 12, satisfactory: 6 }
  approved: { act: "Order 45", date: 2026-08-28 }
  components:
    scale: five_point
    list:
      - { id: care, name: { kk: Қамқорлық, ru: Забота, en: Care } }
      - { id: voice, name: Voice }
  domains: { olympiad: academic }
  points: { olympiad: 2 }
  periods:
    - { id: autumn, from: 2026-09-01, to: 2026-12-25, name: { ru: Осень } }
    - { id: spring, from: 2027-01-10, to: 2027-05-25 }
)");
  Cohort c = f.load();
  CHECK(found(c).empty());
  const SocialGpaScheme& s = *c.config.social_gpa;
  CHECK(s.levels_given);
  CHECK(s.component_scale == ComponentScale::five_point);
  REQUIRE(s.components.size() == 2);
  CHECK(s.components[0].name.kk == "Қамқорлық");
  CHECK(s.components[1].name.get(Language::ru) == "Voice");
  REQUIRE(s.periods.size() == 2);
  CHECK(s.periods[0].name.get(Language::ru) == "Осень");
  CHECK(s.periods[0].school_year == "2026-2027");
  CHECK(s.periods[1].name.get(Language::en) == "spring");
  CHECK(s.rules_version() == "2026-08-28");
  CHECK(s.domain_of("olympiad") == "academic");
  CHECK(s.domain_of("competition") == "sport-creative");
}

TEST_CASE("social_gpa: a bad list keeps the default, with its finding", "[social-gpa][load]") {
  Fixture f(R"(social_gpa:
  domains: { olympiad: maths }
  components:
    list:
      - { id: care, name: Care }
      - { id: care, name: Again }
  periods:
    - { id: a, from: 2026-09-01, to: 2026-12-31 }
    - { id: b, from: 2026-12-01, to: 2027-05-31 }
  approved: { act: "Order 45" }
  version: [1]
)");
  Cohort c = f.load();
  CHECK(found(c) == std::vector<std::string>{"cohort.yaml:7 gpa-unknown-domain", "cohort.yaml:11 gpa-duplicate-id",
                                             "cohort.yaml:13 gpa-periods-overlap", "cohort.yaml:15 missing-key",
                                             "cohort.yaml:16 not-text"});
  const SocialGpaScheme& s = *c.config.social_gpa;
  CHECK(s.components.size() == 7);  // the methodology's
  CHECK(s.periods.empty());         // the default periods
  CHECK_FALSE(s.approved);
}

TEST_CASE("staff records: a wrong component, answer or decision is reported and the record ignored",
          "[social-gpa][load]") {
  Fixture f("social_gpa: true\n");
  test::write_file(f.dir.path() / "staff/ana/social-gpa/2026-12/assessment.yaml",
                   "by: T\ndate: 2026-12-20\ncomponents:\n  civic: consistent\n  kindness: episodic\n");
  test::write_file(f.dir.path() / "staff/ana/social-gpa/2026-12/observations/t.yaml",
                   "by: T\ndate: 2026-12-20\nanswers:\n  initiative: always\n");
  test::write_file(f.dir.path() / "staff/ana/social-gpa/2026-12/parents.yaml",
                   "date: 2026-12-20\nanswers: { talks: yes }\n");
  test::write_file(f.dir.path() / "staff/commission-a.yaml",
                   "period: 2026-12\ndate: 2026-12-25\nmembers: [{ name: A, role: Chair }]\nstudents:\n  ana: confirm\n"
                   "  zoe: confirm\n");
  test::write_file(f.dir.path() / "staff/commission-b.yaml",
                   "period: 2026-12\ndate: 2026-12-26\nmembers: [{ name: B, role: Chair }]\nstudents:\n"
                   "  ana: { adjust: 1 }\n");
  Cohort c = f.load();
  std::vector<std::string> findings = found(c);
  std::sort(findings.begin(), findings.end());
  CHECK(findings == std::vector<std::string>{"staff/ana/social-gpa/2026-12/assessment.yaml:5 gpa-unknown-component",
                                             "staff/ana/social-gpa/2026-12/observations/t.yaml:4 unknown-value",
                                             "staff/commission-a.yaml:6 staff-unknown-student",
                                             "staff/commission-b.yaml:5 missing-key"});
  const StaffRecords& r = c.portfolios[0].portfolio.staff;
  REQUIRE(r.social_gpa.size() == 1);
  CHECK_FALSE(r.social_gpa[0].assessment);     // an error: it counts for nothing
  CHECK(r.social_gpa[0].observations.empty());
  CHECK(r.social_gpa[0].parents);
  REQUIRE(c.config.commissions.size() == 1);  // b had an error
  CHECK(c.config.commissions[0].decision("ana"));
}

TEST_CASE("a student decided on twice in one period: neither decision counts", "[social-gpa][load]") {
  Fixture f("social_gpa: true\n");
  for (const char* name : {"commission-7a.yaml", "commission-again.yaml"})
    test::write_file(f.dir.path() / "staff" / name,
                     "period: 2026-12\ndate: 2026-12-25\nmembers: [{ name: A, role: Chair }]\nstudents:\n  ana: confirm\n");
  Cohort c = f.load();
  CHECK(found(c) == std::vector<std::string>{"staff/commission-again.yaml:5 commission-student-twice"});
  REQUIRE(c.config.commissions.size() == 2);
  CHECK_FALSE(c.config.commissions[0].decision("ana"));
  CHECK_FALSE(c.config.commissions[1].decision("ana"));
}

TEST_CASE("the student's self-assessment: read by period, checked against the form", "[social-gpa][load]") {
  Fixture f("social_gpa: true\n");
  test::write_file(f.dir.path() / "students/ana/self-assessment/2026-12.yaml",
                   "date: 2026-12-20\nanswers:\n  events: fully\n  time: never\ncomment: Hard term\n");
  test::write_file(f.dir.path() / "students/ana/self-assessment/2027-05.yaml",
                   "date: 2027-05-20\nanswers:\n  events: often\n  dreams: fully\n");
  Cohort c = f.load();
  CHECK(found(c) == std::vector<std::string>{"self-assessment/2027-05.yaml:3 unknown-value",
                                             "self-assessment/2027-05.yaml:4 unknown-key"});
  const Portfolio& p = c.portfolios[0].portfolio;
  REQUIRE(p.self_assessments.size() == 1);
  CHECK(p.self_assessments[0].period == "2026-12");
  CHECK(p.self_assessments[0].comment == "Hard term");
  REQUIRE(p.self_assessments[0].answers.size() == 2);
  CHECK(p.self_assessments[0].answers[1].statement == "time");
  CHECK(p.self_assessments[0].answers[1].answer == "never");
}
