// The sample class examples/social-gpa-class (docs/social-gpa.md): every
// figure its files work out by hand, asserted exactly, as of 2027-06-10
// (both periods of 2026-2027 over).
#include <catch2/catch.hpp>

#include <map>

#include "indicators/analysis.h"
#include "indicators/social_gpa_record.h"
#include "load/loader.h"

using namespace casfolio;

namespace {

const std::string kClass = std::string(CASFOLIO_SOURCE_DIR) + "/examples/social-gpa-class";
const Date kAsOf = *Date::parse("2027-06-10");

struct Loaded {
  Cohort cohort = load_directory(kClass, LoadOptions{});
  std::map<std::string, SocialGpaRecord> records;
  Loaded() {
    for (const LoadedPortfolio& lp : cohort.portfolios)
      records[lp.portfolio.id] = compute_social_gpa_record(lp.portfolio, cohort.config, kAsOf);
  }
};

const Loaded& loaded() {
  static const Loaded l;
  return l;
}

struct Expected {
  std::string period;
  double computed, adjustment, points, scaled;
  std::string level;
  bool confirmed;
};

void check_periods(const std::string& id, const std::vector<Expected>& expected) {
  INFO(id);
  const SocialGpaRecord& r = loaded().records.at(id);
  REQUIRE(r.periods.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const GpaPeriodResult& p = r.periods[i];
    const Expected& e = expected[i];
    INFO(e.period);
    CHECK(p.period.id == e.period);
    CHECK(p.computed.points == Approx(e.computed));
    CHECK(p.adjustment == Approx(e.adjustment));
    CHECK(p.points == Approx(e.points));
    CHECK(p.scaled == Approx(e.scaled));
    CHECK(p.level == e.level);
    CHECK(p.confirmed == e.confirmed);
    CHECK_FALSE(p.open);
    CHECK(p.rules_version == "2026-1");
  }
}

}  // namespace

TEST_CASE("the sample class's cohort.yaml: mixed model, approved rules, no CAS", "[social-gpa][example]") {
  const CohortConfig& c = loaded().cohort.config;
  REQUIRE(c.social_gpa);
  CHECK(c.social_gpa->model == GpaModel::mixed);
  REQUIRE(c.social_gpa->approved);
  CHECK(c.social_gpa->approved->date.iso() == "2026-08-28");
  CHECK(c.social_gpa->domain_of("olympiad") == "academic");
  CHECK(c.social_gpa->components.size() == 7);
  CHECK_FALSE(c.requirements.cas);
  REQUIRE(c.commissions.size() == 2);
  CHECK(c.commissions[0].period == "2026-12");
  CHECK(c.commissions[0].members.size() == 4);
  CHECK(c.commissions[1].period == "2027-05");
  CHECK(loaded().cohort.config_findings.empty());
}

TEST_CASE("Арман: both periods confirmed by the commission", "[social-gpa][example]") {
  check_periods("arman-kassymov", {{"2026-12", 5, 0, 5, 1.0, "initial", true},
                                   {"2027-05", 8, 0, 8, 1.6, "satisfactory", true}});
  const SocialGpaRecord& r = loaded().records.at("arman-kassymov");
  REQUIRE(r.years.size() == 1);
  CHECK(r.years[0].school_year == "2026-2027");
  CHECK(r.years[0].points == Approx(13));
  CHECK(r.years[0].scaled == Approx(1.3));
  CHECK(r.years[0].level == "initial");
  CHECK(r.years[0].confirmed);
  CHECK(r.periods[0].checklist.hours == Approx(34));
  CHECK(r.periods[0].checklist.enough_hours);
  CHECK(r.periods[0].checklist.documented);
}

TEST_CASE("Әлия: adjusted by the commission in December, a draft in May, a link as evidence", "[social-gpa][example]") {
  check_periods("aliya-akhmetova", {{"2026-12", 4, -1, 3, 0.6, "initial", true},
                                    {"2027-05", 7, 0, 7, 1.4, "initial", false}});
  const SocialGpaRecord& r = loaded().records.at("aliya-akhmetova");
  const GpaPeriodResult& dec = r.periods[0];
  CHECK(dec.adjustment_reason.starts_with("Жәрмеңкені ұйымдастыру"));
  REQUIRE(dec.commission);
  CHECK(dec.commission->date.iso() == "2026-12-25");
  // The link-evidenced course certificate scores its 2 points in May.
  bool linked_course = false;
  for (const GpaItem& item : r.periods[1].computed.items)
    linked_course |= item.kind == "course_certificate" && item.counted && item.points == 2;
  CHECK(linked_course);
  // Two observation sheets: the median, the less frequent middle on a tie.
  std::vector<std::pair<std::string, std::string>> combined;
  for (const CombinedObservation& o : dec.observations) combined.emplace_back(o.statement, o.answer);
  CHECK(combined == std::vector<std::pair<std::string, std::string>>{{"initiative", "sometimes"},
                                                                      {"teamwork", "often"},
                                                                      {"decisions", "rarely"},
                                                                      {"responsibility", "often"},
                                                                      {"respect", "sometimes"},
                                                                      {"leadership", "not-observed"},
                                                                      {"integrity", "often"}});
  CHECK(dec.observers == 2);
  REQUIRE(dec.assessment);
  CHECK(dec.assessment->components ==
        std::vector<std::pair<std::string, int>>{{"civic", 2}, {"cooperation", 1}, {"engagement", 2},
                                                 {"integrity", 2}, {"leadership", 2}, {"maturity", 1},
                                                 {"self-organisation", 1}});
  REQUIRE(dec.self);
  CHECK(dec.self->answers.size() == 6);
  REQUIRE(dec.parents);
  CHECK(dec.parents->answers[1].answer == "unknown");
  CHECK(r.periods[1].checklist.hours == Approx(58));
  REQUIRE(r.years.size() == 1);
  CHECK(r.years[0].points == Approx(10));
  CHECK(r.years[0].scaled == Approx(1.0));
  CHECK_FALSE(r.years[0].confirmed);
}

TEST_CASE("Бекзат: nothing in December, one competition in May", "[social-gpa][example]") {
  check_periods("bekzat-nurlanov", {{"2026-12", 0, 0, 0, 0, "initial", true},
                                    {"2027-05", 1, 0, 1, 0.2, "initial", false}});
  CHECK(loaded().records.at("bekzat-nurlanov").years[0].scaled == Approx(0.1));
}

TEST_CASE("the sample class has no CAS finding: only the missing evidence", "[social-gpa][example]") {
  CohortAnalysis a = analyse(loaded().cohort, kAsOf);
  std::vector<std::string> codes;
  for (const StudentAnalysis& s : a.students)
    for (const Finding& f : s.findings) codes.push_back(s.loaded->portfolio.id + " " + f.code);
  CHECK(codes == std::vector<std::string>{"aliya-akhmetova gpa-no-evidence"});
}

TEST_CASE("observers combined: the median, the less frequent middle on a tie", "[social-gpa]") {
  CHECK(combined_answer({"often"}) == "often");
  CHECK(combined_answer({"often", "rarely"}) == "rarely");
  CHECK(combined_answer({"often", "often", "not-observed"}) == "often");
  CHECK(combined_answer({"not-observed", "sometimes", "often", "often"}) == "sometimes");
  CHECK(combined_answer({}) == "");
}

TEST_CASE("default periods: each school year's December and May, bounded", "[social-gpa]") {
  // June 10 is in December 2027's period already (June to December).
  std::vector<GpaPeriod> p = default_periods(*Date::parse("2026-09-01"), *Date::parse("2027-06-10"));
  REQUIRE(p.size() == 3);
  CHECK(p[2].id == "2027-12");
  CHECK(p[2].school_year == "2027-2028");
  CHECK(p[0].id == "2026-12");
  CHECK(p[0].from.iso() == "2026-06-01");
  CHECK(p[0].to.iso() == "2026-12-31");
  CHECK(p[0].school_year == "2026-2027");
  CHECK(p[0].name.kk == "2026 жылғы желтоқсан");
  CHECK(p[1].id == "2027-05");
  CHECK(p[1].from.iso() == "2027-01-01");
  CHECK(p[1].to.iso() == "2027-05-31");
  CHECK(p[1].school_year == "2026-2027");
  CHECK(default_periods(*Date::parse("2020-01-01"), *Date::parse("2040-01-01")).size() == size_t(kMaxDefaultPeriods));
  CHECK(default_periods(*Date::parse("2027-01-01"), *Date::parse("2026-01-01")).empty());
}
