// Progress over time (issue 14, docs/indicators.md): reflections per month
// and cumulative outcome coverage, worked out by hand for a two-student
// cohort built in code and analysed as `build` does.
//
// As of 2026-11-15, in the sample cohort's programme (start 2026-09-09):
//   ana (good_portfolio): 09-30 outcomes 1 2; 10-15 outcomes 5 6; 10-30
//       outcomes 3 4 but still the template (counts for nothing); 11-20
//       outcome 7, after as_of (left out).
//   ben: 08-20 outcome 1, before the start (no month, but outcome 1 is
//       evidenced from the first month on); 11-01 outcomes 1 2.
#include <catch2/catch.hpp>

#include "check/model_builder.h"
#include "indicators/analysis.h"
#include "indicators/progress.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

Cohort two_students(CohortConfig config = cohort()) {
  Cohort c;
  c.root = "cohort";
  c.config = std::move(config);
  Portfolio ana = good_portfolio();
  ana.reflections[2].body = {kTemplateBody, 6};  // experiences/football/2026-10-30.md
  Portfolio ben = good_portfolio();
  ben.id = "ben";
  ben.profile.name = "Ben";
  ben.reflections = {reflection("reflections/2026-08-20.md", "2026-08-20", -1, {"1"}),
                     reflection("experiences/guitar/2026-11-01.md", "2026-11-01", 0, {"1", "2"})};
  link(ben);
  c.portfolios.push_back({std::move(ana), {}});
  c.portfolios.push_back({std::move(ben), {}});
  return c;
}

struct Row {
  int year, month, reflections, evidenced_pairs;
  bool operator==(const Row&) const = default;
};

std::vector<Row> rows(const CohortProgress& p) {
  std::vector<Row> out;
  for (const MonthProgress& m : p.months) out.push_back({m.year, m.month, m.reflections, m.evidenced_pairs});
  return out;
}

}  // namespace

TEST_CASE("progress: reflections per month and coverage so far, from the cohort's start to the as-of month",
          "[progress]") {
  Cohort c = two_students();
  CohortAnalysis a = analyse(c, d("2026-11-15"));
  REQUIRE(a.students[0].indicators.not_counted == std::vector<std::string>{"experiences/football/2026-10-30.md"});
  CohortProgress p = cohort_progress(a, c.config);
  CHECK(p.students == 2);
  CHECK(p.outcomes == 7);
  // Sep: ana's 09-30 (1, 2) + ben's outcome 1 from August. Oct: ana's 10-15
  // (5, 6); the template of 10-30 neither counts nor evidences 3 and 4.
  // Nov: ben's 11-01 adds outcome 2; ana's 11-20 is after as_of.
  CHECK(rows(p) == std::vector<Row>{{2026, 9, 1, 3}, {2026, 10, 1, 5}, {2026, 11, 1, 6}});
}

TEST_CASE("progress: a portfolio that was not loaded is no student", "[progress]") {
  Cohort c = two_students();
  CohortAnalysis a = analyse(c, d("2026-11-15"));
  a.students.push_back(StudentAnalysis{});  // loaded == nullptr
  CohortProgress p = cohort_progress(a, c.config);
  CHECK(p.students == 2);
  CHECK(rows(p) == std::vector<Row>{{2026, 9, 1, 3}, {2026, 10, 1, 5}, {2026, 11, 1, 6}});
}

TEST_CASE("progress: without a start, the months begin at the earliest counted reflection", "[progress]") {
  CohortConfig config = cohort();
  config.start = Date();
  Cohort c = two_students(config);
  CohortProgress p = cohort_progress(analyse(c, d("2026-11-15")), c.config);
  CHECK(rows(p) == std::vector<Row>{{2026, 8, 1, 1}, {2026, 9, 1, 3}, {2026, 10, 1, 5}, {2026, 11, 1, 6}});
}

TEST_CASE("progress: at most 120 months, the latest, with earlier coverage carried into the first", "[progress]") {
  Cohort c = two_students();
  // 2026-09 .. 2037-01 is 125 months: the window starts at 2027-02.
  CohortProgress p = cohort_progress(analyse(c, d("2037-01-15")), c.config);
  REQUIRE(p.months.size() == 120);
  CHECK(rows(p).front() == Row{2027, 2, 0, 7});  // ana 1 2 5 6 7, ben 1 2
  CHECK(rows(p).back() == Row{2037, 1, 0, 7});
  int reflections = 0;
  for (const MonthProgress& m : p.months) reflections += m.reflections;
  CHECK(reflections == 0);  // every one was written before the window
}

TEST_CASE("progress: no month when as_of is before the start, or there is no reflection and no start",
          "[progress]") {
  Cohort c = two_students();
  CohortProgress before = cohort_progress(analyse(c, d("2026-08-31")), c.config);
  CHECK(before.students == 2);
  CHECK(before.months.empty());

  CohortConfig config = cohort();
  config.start = Date();
  Cohort empty = two_students(config);
  for (LoadedPortfolio& lp : empty.portfolios) lp.portfolio.reflections.clear();
  for (LoadedPortfolio& lp : empty.portfolios) link(lp.portfolio);
  CHECK(cohort_progress(analyse(empty, d("2026-11-15")), empty.config).months.empty());
}
