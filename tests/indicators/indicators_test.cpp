// Per-student and per-cohort indicators and the status rule, on models
// built in code. Every expected value is worked out by hand in comments.
#include <catch2/catch.hpp>

#include "builders.h"
#include "indicators/indicators.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

CohortConfig small_cohort() {
  CohortConfig c;
  c.start = day("2026-09-01");
  c.calendar = {deadline("2026-09-30", "reflection"), deadline("2026-10-30", "interview", "first", "CAS interview 1"),
                deadline("2026-10-30", "reflection"), deadline("2026-11-15", "event", "", "Gallery"),
                deadline("2026-11-30", "reflection")};
  c.social_gpa = SocialGpaScheme{};
  return c;
}

Portfolio ana() {
  Portfolio p;
  p.id = "ana";
  p.profile.name = "Ana";
  Experience guitar = experience("guitar", {Strand::creativity}, "2026-09-05");
  claim(guitar, 20);
  review(guitar, "2026-11-10", 12);
  guitar.achievements.push_back(achievement("competition", "2026-11-01", "City contest", "experiences/guitar/c.pdf", 11));
  Experience cleanup = experience("cleanup", {Strand::service}, "2026-09-10", "2026-10-20");
  cleanup.project = true;
  claim(cleanup, 15);
  review(cleanup, "2026-10-22", 15);
  Experience tutoring = experience("tutoring", {Strand::activity, Strand::service}, "2026-09-15");
  claim(tutoring, 30);
  review(tutoring, "2026-11-12", 10);
  Experience chess = experience("chess", {Strand::creativity}, "2026-09-20", "2026-10-01");
  Experience job = experience("paid-job", {Strand::service}, "2026-10-05");
  job.paid = true;
  claim(job, 40);
  p.experiences = {guitar, cleanup, tutoring, chess, job};
  p.reflections = {
      reflection("experiences/guitar/2026-09-20-first.md", "2026-09-20", {outcome("1"), outcome("2")}),
      reflection("experiences/cleanup/2026-10-15-plan.md", "2026-10-15", {outcome("2"), outcome("5")}),
      reflection("reflections/2026-10-25.md", "2026-10-25", {outcome("1", "1.1"), outcome("1", "1.2")}),
      reflection("reflections/2026-12-01-future.md", "2026-12-01", {outcome("3")}),
  };
  p.interviews = {interview("interviews/2026-10-28-first.md", "2026-10-28", "first"),
                  interview("interviews/2026-12-02-mid.md", "2026-12-02", "mid")};
  p.files = {"experiences/guitar/c.pdf"};
  finish(p);
  return p;
}

}  // namespace

TEST_CASE("student indicators, worked out by hand") {
  CohortConfig c = small_cohort();
  Portfolio p = ana();
  StudentIndicators s = compute_student(p, c, day("2026-11-20"), {});

  CHECK(s.id == "ana");
  // creativity: guitar, chess; activity: tutoring; service: cleanup, tutoring (the paid job is not CAS).
  CHECK(s.experiences_per_strand == std::array<int, 3>{2, 1, 2});
  // claimed: guitar 20 | tutoring 30/2 = 15 | cleanup 15 + tutoring 15.
  CHECK(s.claimed_hours == StrandHours{20, 15, 30});
  // confirmed: guitar 12 | tutoring 10/2 = 5 | cleanup 15 + tutoring 5.
  CHECK(s.confirmed_hours == StrandHours{12, 5, 20});
  // The 2026-12-01 reflection is after as-of: 3 count.
  CHECK(s.reflections == 3);
  REQUIRE(s.outcomes.size() == 7);
  CHECK(s.outcomes["1"].count == 2);  // 1.1 and 1.2 in one reflection count once
  CHECK(s.outcomes["1"].reflections ==
        std::vector<std::string>{"experiences/guitar/2026-09-20-first.md", "reflections/2026-10-25.md"});
  CHECK(s.outcomes["2"].count == 2);
  CHECK(s.outcomes["3"].count == 0);
  CHECK(s.outcomes["5"].reflections == std::vector<std::string>{"experiences/cleanup/2026-10-15-plan.md"});
  CHECK(s.outcomes_evidenced() == 3);
  // cleanup: 2026-09-10 .. 2026-10-20 = 21 + 20 = 41 days.
  REQUIRE(s.projects.size() == 1);
  CHECK(s.projects[0].id == "cleanup");
  CHECK(s.projects[0].days == 41);
  CHECK(s.projects[0].finished);
  // Entries up to as-of: 09-05 .. 11-12 -> 2 whole months.
  CHECK(s.span_months == 2);
  // Gaps: 09-01 start, 09-05 (4), 09-10 (5), 09-15 (5), 09-20 (5), 10-01 (11), 10-05 (4),
  // 10-15 (10), 10-20 (5), 10-22 (2), 10-25 (3), 10-28 (3), 11-10 (13), 11-12 (2), 11-20 as-of (8).
  CHECK(s.longest_gap.days == 13);
  CHECK(s.longest_gap.from == day("2026-10-28"));
  CHECK(s.longest_gap.to == day("2026-11-10"));
  CHECK_FALSE(s.longest_gap.ongoing);
  // 09-30 reflection met (09-20); 10-30 interview met (10-28); 10-30 reflection met (10-15,
  // the earliest in 10-01..10-30); the event is not judged; 11-30 upcoming.
  REQUIRE(s.deadlines.size() == 4);
  CHECK(s.deadlines[0].state == DeadlineState::met);
  CHECK(s.deadlines[0].met_by == "experiences/guitar/2026-09-20-first.md");
  CHECK(s.deadlines[1].deadline->kind == "interview");
  CHECK(s.deadlines[1].met_by == "interviews/2026-10-28-first.md");
  CHECK(s.deadlines[2].met_by == "experiences/cleanup/2026-10-15-plan.md");
  CHECK(s.deadlines[3].state == DeadlineState::upcoming);
  CHECK(s.deadlines_met == 3);
  CHECK(s.deadlines_missed == 0);
  CHECK(s.deadlines_upcoming == 1);
  REQUIRE(s.interviews.size() == 1);
  CHECK(s.interviews[0]->file == "interviews/2026-10-28-first.md");
  // chess ended 10-01 with no reflection.
  CHECK(s.unreflected_experiences == std::vector<std::string>{"chess"});
  // Social GPA: cleanup 15 + tutoring 5 = 20 h -> 2; competition 1 -> 3 points, 3/20 x 4 = 0.6, initial.
  REQUIRE(s.social_gpa);
  CHECK(s.social_gpa->points == 3);
  CHECK(s.social_gpa->scaled == 0.6);
  CHECK(s.social_gpa->level == "initial");
  // chess is unreflected: still to do, not a concern (status_present_test.cpp, row 14).
  CHECK(s.status == Status::on_track);
}

TEST_CASE("without a social GPA scheme there is no result") {
  CohortConfig c = small_cohort();
  c.social_gpa.reset();
  CHECK_FALSE(compute_student(ana(), c, day("2026-11-20"), {}).social_gpa);
}

TEST_CASE("an experience ending on the as-of day is not yet unreflected") {
  CohortConfig c = small_cohort();
  Portfolio p = ana();
  CHECK(compute_student(p, c, day("2026-10-01"), {}).unreflected_experiences.empty());
  CHECK(compute_student(p, c, day("2026-10-02"), {}).unreflected_experiences == std::vector<std::string>{"chess"});
}

namespace {

// Figures that meet every default requirement.
StudentIndicators meeting_everything() {
  StudentIndicators s;
  s.experiences_per_strand = {1, 1, 1};
  for (int i = 1; i <= 7; ++i) s.outcomes[std::to_string(i)].count = 1;
  s.projects = {{"river", 30, true}};
  s.span_months = 18;
  s.longest_gap.days = 31;
  return s;
}

Finding finding(Severity severity, bool staff_only = false) {
  Finding f;
  f.severity = severity;
  f.code = "x";
  f.staff_only = staff_only;
  return f;
}

}  // namespace

TEST_CASE("status rule: of-concern") {
  // The rule's cases one by one, with their reasons: status_present_test.cpp.
  Requirements r;
  StudentIndicators s = meeting_everything();
  CHECK(judge_status(s, r, {}) == Status::complete);
  CHECK(judge_status(s, r, {finding(Severity::error)}) == Status::of_concern);
  // A missed deadline alone (no date to judge it by) is on the record, not a concern.
  s.deadlines_missed = 1;
  CHECK(judge_status(s, r, {}) == Status::complete);
  s = meeting_everything();
  s.longest_gap.days = 32;  // an old gap: its activity-gap warning is what counts
  CHECK(judge_status(s, r, {}) == Status::complete);
  s.current_gap = {day("2027-01-01"), day("2027-02-02"), 32, true};  // max_gap_days 31
  CHECK(judge_status(s, r, {}) == Status::of_concern);
  r.max_gap_days = 32;
  CHECK(judge_status(s, r, {}) == Status::complete);
  r = Requirements{};
  s = meeting_everything();
  s.unreflected_experiences = {"chess"};
  CHECK(judge_status(s, r, {}) == Status::on_track);
  // of-concern wins over everything else.
  s = meeting_everything();
  s.current_gap = {day("2027-01-01"), day("2027-02-02"), 32, true};
  s.span_months = 2;
  CHECK(judge_status(s, r, {finding(Severity::warning)}) == Status::of_concern);
}

TEST_CASE("status rule: findings") {
  Requirements r;
  StudentIndicators s = meeting_everything();
  CHECK(judge_status(s, r, {finding(Severity::info)}) == Status::complete);
  CHECK(judge_status(s, r, {finding(Severity::warning)}) == Status::on_track);
  // Staff-only findings (academic honesty) leave the status alone.
  CHECK(judge_status(s, r, {finding(Severity::warning, true)}) == Status::complete);
  CHECK(judge_status(s, r, {finding(Severity::error, true)}) == Status::complete);
}

TEST_CASE("status rule: complete needs every requirement") {
  Requirements r;
  StudentIndicators s = meeting_everything();

  s.experiences_per_strand = {1, 0, 1};
  CHECK(judge_status(s, r, {}) == Status::on_track);
  r.all_strands = false;
  r.min_experiences = {1, 0, 1};
  CHECK(judge_status(s, r, {}) == Status::complete);
  r = Requirements{};
  r.min_experiences = {3, 3, 3};
  s.experiences_per_strand = {3, 3, 2};
  CHECK(judge_status(s, r, {}) == Status::on_track);
  s.experiences_per_strand = {3, 3, 3};
  CHECK(judge_status(s, r, {}) == Status::complete);

  r = Requirements{};
  s = meeting_everything();
  s.outcomes["6"].count = 0;
  CHECK(judge_status(s, r, {}) == Status::on_track);
  r.all_outcomes = false;
  CHECK(judge_status(s, r, {}) == Status::complete);

  r = Requirements{};
  s = meeting_everything();
  s.projects = {{"river", 30, false}};  // not finished
  CHECK(judge_status(s, r, {}) == Status::on_track);
  s.projects = {{"river", 29, true}};  // shorter than min_days
  CHECK(judge_status(s, r, {}) == Status::on_track);
  s.projects = {};
  CHECK(judge_status(s, r, {}) == Status::on_track);
  r.project.min = 0;
  CHECK(judge_status(s, r, {}) == Status::complete);
  r.project.min = 2;
  s.projects = {{"river", 30, true}, {"garden", 45, true}};
  CHECK(judge_status(s, r, {}) == Status::complete);

  r = Requirements{};
  s = meeting_everything();
  s.span_months = 17;
  CHECK(judge_status(s, r, {}) == Status::on_track);
}

TEST_CASE("status names") {
  CHECK(name(Status::complete) == "complete");
  CHECK(name(Status::on_track) == "on-track");
  CHECK(name(Status::of_concern) == "of-concern");
}

TEST_CASE("cohort indicators: statuses, matrix, balance, overdue, advisers") {
  Cohort cohort;
  cohort.config = small_cohort();
  const std::vector<Deadline>& cal = cohort.config.calendar;
  auto add = [&](const std::string& id, const std::string& advisor) {
    LoadedPortfolio lp;
    lp.portfolio.id = id;
    lp.portfolio.profile.advisor = advisor;
    cohort.portfolios.push_back(lp);
  };
  add("ana", "Ms Omarova");
  add("bek", "");
  add("chen", "Mr Adams");
  cohort.portfolios[1].portfolio.experiences.push_back(experience("chess", {Strand::creativity}, "2026-09-20", "2026-10-01"));

  std::vector<StudentIndicators> s(3);
  s[0].id = "ana";
  s[0].status = Status::complete;
  s[0].experiences_per_strand = {2, 1, 1};
  s[0].claimed_hours = {10, 5, 20};
  s[0].confirmed_hours = {8, 5, 12.5};
  s[0].outcomes["1"].count = 2;
  s[0].outcomes["2"].count = 0;
  s[1].id = "bek";
  s[1].status = Status::of_concern;
  s[1].experiences_per_strand = {1, 0, 0};
  s[1].outcomes["1"].count = 1;
  s[1].outcomes["2"].count = 3;
  s[1].deadlines = {{&cal[2], DeadlineState::missed, "", {}}, {&cal[0], DeadlineState::missed, "", {}},
                    {&cal[4], DeadlineState::upcoming, "", {}}};
  s[1].unreflected_experiences = {"chess"};
  s[2].id = "chen";
  s[2].status = Status::of_concern;
  s[2].deadlines = {{&cal[1], DeadlineState::missed, "", {}}};

  CohortIndicators c = compute_cohort(cohort, s);
  CHECK(c.per_status[Status::complete] == 1);
  CHECK(c.per_status[Status::on_track] == 0);
  CHECK(c.per_status[Status::of_concern] == 2);
  CHECK(c.outcome_matrix["ana"]["1"] == 2);
  CHECK(c.outcome_matrix["bek"]["2"] == 3);
  CHECK(c.experiences_per_strand == std::array<int, 3>{3, 1, 1});
  CHECK(c.claimed_hours == StrandHours{10, 5, 20});
  CHECK(c.confirmed_hours == StrandHours{8, 5, 12.5});

  // By date, then student: bek 09-30, bek's chess (ended 10-01), bek 10-30, chen's interview 10-30.
  REQUIRE(c.overdue.size() == 4);
  CHECK(c.overdue[0].student == "bek");
  CHECK(c.overdue[0].what == "deadline");
  CHECK(c.overdue[0].date == day("2026-09-30"));
  CHECK(c.overdue[0].detail == "reflection");
  CHECK(c.overdue[1].what == "experience-without-reflection");
  CHECK(c.overdue[1].date == day("2026-10-01"));
  CHECK(c.overdue[1].detail == "chess");
  CHECK(c.overdue[2].student == "bek");
  CHECK(c.overdue[2].date == day("2026-10-30"));
  CHECK(c.overdue[3].student == "chen");
  CHECK(c.overdue[3].detail == "CAS interview 1");

  // Named advisers by name, then the students with none.
  REQUIRE(c.advisors.size() == 3);
  CHECK(c.advisors[0].name == "Mr Adams");
  CHECK(c.advisors[0].students == std::vector<std::string>{"chen"});
  CHECK(c.advisors[0].per_status[Status::of_concern] == 1);
  CHECK(c.advisors[1].name == "Ms Omarova");
  CHECK(c.advisors[1].per_status[Status::complete] == 1);
  CHECK(c.advisors[1].per_status[Status::on_track] == 0);
  CHECK(c.advisors[2].name == "");
  CHECK(c.advisors[2].students == std::vector<std::string>{"bek"});
  CHECK(c.students_per_advisor["Ms Omarova"] == std::vector<std::string>{"ana"});
}
