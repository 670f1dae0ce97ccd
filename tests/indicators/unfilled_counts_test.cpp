// Templates count for nothing in the figures too (issue 15): an entry still
// as casfolio new wrote it is left out of every indicator by the same rule
// that check_portfolio applies (check/counted.h), so report and check agree.
#include <catch2/catch.hpp>

#include "check/codes.h"
#include "check/counted.h"
#include "check/model_builder.h"
#include "indicators/indicators.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

CohortConfig with_deadlines() {
  CohortConfig c = cohort();
  Deadline october, november;
  october.date = d("2026-10-30");
  october.kind = "reflection";
  november.date = d("2026-11-30");
  november.kind = "reflection";
  c.calendar = {october, november};
  c.social_gpa = SocialGpaScheme{};
  return c;
}

// good_portfolio with 20 supervisor-confirmed service hours on the project.
Portfolio with_service_hours() {
  Portfolio p = good_portfolio();
  Experience& project = p.experiences[2];
  project.hours_given = true;
  project.claimed_hours[size_t(Strand::service)] = 20;
  Review r;
  r.file = project.dir + "/review.md";
  r.date = d("2026-11-20");
  r.hours = 20;
  r.completed = true;
  project.review = r;
  return p;
}

}  // namespace

TEST_CASE("the figures as they are when every entry is filled in") {
  Portfolio p = with_service_hours();
  StudentIndicators s = compute_student(p, with_deadlines(), d(kAsOf), {});
  CHECK(s.not_counted.empty());
  CHECK(s.reflections == 4);
  CHECK(s.outcomes_evidenced() == 7);
  CHECK(s.deadlines_met == 2);
  CHECK(s.experiences_per_strand == std::array<int, 3>{1, 1, 1});
  CHECK(s.claimed_hours[size_t(Strand::service)] == 20);
  CHECK(s.projects.size() == 1);
  REQUIRE(s.social_gpa);
  CHECK(s.social_gpa->points == 2);  // 20 confirmed volunteer hours, 1 point per 10
}

TEST_CASE("a reflection still the template counts for no reflection, outcome or deadline, on the cohort matrix too") {
  Portfolio p = with_service_hours();
  p.reflections[3].body = {kTemplateBody, 6};  // the November one: the only one for outcome 7 and the 11-30 deadline
  CohortConfig c = with_deadlines();
  StudentIndicators s = compute_student(p, c, d(kAsOf), {});
  CHECK(s.not_counted == std::vector<std::string>{"experiences/river-cleanup/2026-11-20.md"});
  CHECK_FALSE(s.counts("experiences/river-cleanup/2026-11-20.md"));
  CHECK(s.counts("experiences/river-cleanup/2026-10-15.md"));
  CHECK(s.reflections == 3);
  CHECK(s.outcomes["7"].count == 0);
  CHECK(s.outcomes["7"].reflections.empty());
  CHECK(s.outcomes_evidenced() == 6);
  CHECK(s.deadlines_met == 1);
  CHECK(s.deadlines_missed == 1);
  REQUIRE(s.deadlines.size() == 2);
  CHECK(s.deadlines[1].state == DeadlineState::missed);
  // The project ended 11-20 with its 10-15 reflection: still reflected.
  CHECK(s.unreflected_experiences.empty());

  Cohort cohort_of_one;
  cohort_of_one.config = c;
  cohort_of_one.portfolios.push_back(LoadedPortfolio{p, {}});
  CohortIndicators ci = compute_cohort(cohort_of_one, {s});
  CHECK(ci.outcome_matrix["ana"]["7"] == 0);
  CHECK(ci.outcome_matrix["ana"]["1"] == 1);
}

TEST_CASE("a project left as casfolio new wrote it gives no strand, no hours, no project and no social GPA") {
  Portfolio p = with_service_hours();
  p.experiences[2].collaborators = {""};
  StudentIndicators s = compute_student(p, with_deadlines(), d(kAsOf), {});
  CHECK(s.not_counted == std::vector<std::string>{"experiences/river-cleanup/index.md"});
  CHECK(s.experiences_per_strand == std::array<int, 3>{1, 1, 0});
  CHECK(s.claimed_hours == StrandHours{0, 0, 0});
  CHECK(s.confirmed_hours == StrandHours{0, 0, 0});
  CHECK(s.projects.empty());
  REQUIRE(s.social_gpa);
  CHECK(s.social_gpa->points == 0);
  CHECK(compute_social_gpa(p, with_deadlines(), d(kAsOf)).points == 0);
  // Its reflections stay, as general ones: their outcomes still count.
  CHECK(s.reflections == 4);
  CHECK(s.outcomes_evidenced() == 7);
}

TEST_CASE("check and the indicators leave out the same entries") {
  Portfolio p = with_service_hours();
  p.reflections[3].body = {kTemplateBody, 6};
  p.experiences[0].description = {kTemplateBody, 8};
  std::vector<Finding> unfilled;
  CountedPortfolio counted(p, &unfilled);
  CHECK(counted.left_out() == std::vector<std::string>{"experiences/guitar/index.md",
                                                        "experiences/river-cleanup/2026-11-20.md"});
  CHECK(unfilled.size() == 2);
  CHECK(compute_student(p, with_deadlines(), d(kAsOf), {}).not_counted == counted.left_out());
  CHECK(counted.portfolio().experiences.size() == 2);
  CHECK(counted.portfolio().reflections.size() == 3);
  // Nothing unfilled: the portfolio itself, not a copy.
  Portfolio filled = good_portfolio();
  CHECK(&CountedPortfolio(filled).portfolio() == &filled);
}
