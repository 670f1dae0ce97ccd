// The status is about the present (docs/indicators.md, "Status", the table
// of cases): one TEST_CASE per row of that table, with the exact status and
// the exact reasons (catalog text and values) the rule gives.
#include <catch2/catch.hpp>

#include "builders.h"
#include "indicators/indicators.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

const Date kAsOf = day("2027-06-01");

// A student who meets every default requirement, judged on kAsOf.
StudentIndicators meeting_everything() {
  StudentIndicators s;
  s.as_of = kAsOf;
  s.experiences_per_strand = {1, 1, 1};
  for (int i = 1; i <= 7; ++i) s.outcomes[std::to_string(i)].count = 1;
  s.projects = {{"river", 30, true}};
  s.span_months = 18;
  return s;
}

// The same student mid-programme: 9 of 18 months, so at best on-track.
StudentIndicators mid_programme() {
  StudentIndicators s = meeting_everything();
  s.span_months = 9;
  return s;
}

const UnmetRequirement kSpan{"_unmet-span", {{"months", "9"}, {"needed", "18"}}, false};

// `d` must outlive the indicators (DeadlineResult points into the calendar).
void add_missed(StudentIndicators& s, const Deadline& d) {
  DeadlineResult r;
  r.deadline = &d;
  r.state = DeadlineState::missed;
  s.deadlines.push_back(r);
  ++s.deadlines_missed;
}

Finding finding(const std::string& code, Severity severity) {
  Finding f;
  f.code = code;
  f.severity = severity;
  return f;
}

struct Judged {
  Status status;
  std::vector<UnmetRequirement> reasons;
};

Judged judge(const StudentIndicators& s, const Requirements& r = {}, const std::vector<Finding>& findings = {}) {
  return {judge_status(s, r, findings), unmet_requirements(s, r, findings)};
}

void check_reasons(const std::vector<UnmetRequirement>& got, const std::vector<UnmetRequirement>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].text == want[i].text);
    CHECK(got[i].args == want[i].args);
    CHECK(got[i].concern == want[i].concern);
  }
}

}  // namespace

TEST_CASE("row 1: every requirement met -> complete, no reason") {
  Judged j = judge(meeting_everything());
  CHECK(j.status == Status::complete);
  CHECK(j.reasons.empty());
}

TEST_CASE("row 2: a reflection deadline missed 10 days ago, nothing since -> of-concern") {
  Deadline d = deadline("2027-05-22", "reflection");
  StudentIndicators s = mid_programme();
  add_missed(s, d);
  s.handed_in = {day("2027-05-01")};  // before the deadline: does not catch it up
  Judged j = judge(s, {}, {finding("reflection-deadline-missed", Severity::warning)});
  CHECK(j.status == Status::of_concern);
  check_reasons(j.reasons,
                {{"_unmet-recent-deadlines", {{"count", "1"}, {"dates", "2027-05-22"}, {"days", "45"}}, true}, kSpan});
  CHECK(s.deadlines_missed == 1);
}

TEST_CASE("row 3: a reflection deadline missed 60 days ago -> on-track, still counted") {
  Deadline d = deadline("2027-04-02", "reflection");
  StudentIndicators s = mid_programme();
  add_missed(s, d);
  Judged j = judge(s, {}, {finding("reflection-deadline-missed", Severity::warning)});
  CHECK(j.status == Status::on_track);
  check_reasons(j.reasons, {kSpan});  // the deadline is on the record (deadlines_missed, the warning), not a reason
  CHECK(s.deadlines_missed == 1);
}

TEST_CASE("row 4: a reflection deadline missed exactly concern_days ago -> of-concern; a day more -> not") {
  Deadline d45 = deadline("2027-04-17", "reflection");  // 2027-06-01 - 45 days
  StudentIndicators s = mid_programme();
  add_missed(s, d45);
  Judged j = judge(s);
  CHECK(j.status == Status::of_concern);
  check_reasons(j.reasons,
                {{"_unmet-recent-deadlines", {{"count", "1"}, {"dates", "2027-04-17"}, {"days", "45"}}, true}, kSpan});
  Requirements r;
  r.concern_days = 44;
  j = judge(s, r);
  CHECK(j.status == Status::on_track);
  check_reasons(j.reasons, {kSpan});
}

TEST_CASE("row 5: a reflection deadline missed 10 days ago, caught up by a later reflection -> on-track") {
  Deadline d = deadline("2027-05-22", "reflection");
  StudentIndicators s = mid_programme();
  add_missed(s, d);
  s.handed_in = {day("2027-05-25")};
  Judged j = judge(s, {}, {finding("reflection-deadline-missed", Severity::warning)});
  CHECK(j.status == Status::on_track);
  check_reasons(j.reasons, {kSpan});
  CHECK(s.deadlines_missed == 1);
}

TEST_CASE("row 6: a missed deadline long ago does not keep a finished programme from complete") {
  Deadline d = deadline("2026-10-30", "reflection");
  StudentIndicators s = meeting_everything();
  add_missed(s, d);
  Judged j = judge(s, {}, {finding("reflection-deadline-missed", Severity::warning)});
  CHECK(j.status == Status::complete);
  CHECK(j.reasons.empty());
  CHECK(s.deadlines_missed == 1);
}

TEST_CASE("row 7: no entry for longer than max_gap_days up to as-of -> of-concern") {
  StudentIndicators s = mid_programme();
  s.current_gap = {day("2027-04-20"), kAsOf, 42, true};
  s.longest_gap = s.current_gap;
  Judged j = judge(s);
  CHECK(j.status == Status::of_concern);
  check_reasons(j.reasons, {{"_unmet-gap", {{"days", "42"}, {"from", "2027-04-20"}, {"max", "31"}}, true}, kSpan});
  Requirements no_limit;
  no_limit.max_gap_days = 0;  // 0 = no limit
  CHECK(judge(s, no_limit).status == Status::on_track);
}

TEST_CASE("row 8: a long gap in the past, writing again since -> on-track (the gap is a warning)") {
  StudentIndicators s = meeting_everything();
  s.longest_gap = {day("2026-12-20"), day("2027-02-10"), 52, false};
  s.current_gap = {day("2027-05-28"), kAsOf, 4, true};
  Judged j = judge(s, {}, {finding("activity-gap", Severity::warning)});
  CHECK(j.status == Status::on_track);
  check_reasons(j.reasons, {{"_unmet-warnings", {{"count", "1"}}, false}});
}

TEST_CASE("row 9: an interview missed and held since -> not of concern") {
  Deadline d = deadline("2027-01-15", "interview", "mid", "CAS interview 2");
  Interview held = interview("interviews/2027-02-03-mid.md", "2027-02-03", "Mid");
  StudentIndicators s = mid_programme();
  add_missed(s, d);
  s.interviews = {&held};
  Judged j = judge(s, {}, {finding("interview-deadline-missed", Severity::warning)});
  CHECK(j.status == Status::on_track);
  check_reasons(j.reasons, {kSpan});
  CHECK(s.deadlines_missed == 1);
}

TEST_CASE("row 10: an interview missed and not held since -> of-concern, however long ago") {
  Deadline d = deadline("2026-11-15", "interview", "mid", "CAS interview 2");
  Interview other = interview("interviews/2027-02-03-first.md", "2027-02-03", "first");  // another kind
  StudentIndicators s = mid_programme();
  add_missed(s, d);
  s.interviews = {&other};
  Judged j = judge(s);
  CHECK(j.status == Status::of_concern);
  check_reasons(j.reasons, {{"_unmet-interview", {{"name", "CAS interview 2"}, {"date", "2026-11-15"}}, true}, kSpan});
}

TEST_CASE("row 11: project.start_by passed with no project -> of-concern") {
  StudentIndicators s = mid_programme();
  s.projects.clear();
  Requirements r;
  r.project.start_by = day("2027-03-01");
  Judged j = judge(s, r);
  CHECK(j.status == Status::of_concern);
  check_reasons(j.reasons, {{"_unmet-project-start", {{"date", "2027-03-01"}}, true},
                            {"_unmet-projects", {{"count", "0"}, {"needed", "1"}, {"days", "30"}}, false},
                            kSpan});
}

TEST_CASE("row 12: project.start_by not reached, or a project started -> no such reason") {
  Requirements r;
  r.project.start_by = day("2027-06-02");  // the day after as-of
  StudentIndicators none = mid_programme();
  none.projects.clear();
  CHECK(judge(none, r).status == Status::on_track);
  r.project.start_by = day("2027-03-01");
  StudentIndicators started = mid_programme();
  started.projects = {{"garden", 12, false}};  // started, not finished: still to do, not a concern
  Judged j = judge(started, r);
  CHECK(j.status == Status::on_track);
  check_reasons(j.reasons, {{"_unmet-projects", {{"count", "0"}, {"needed", "1"}, {"days", "30"}}, false}, kSpan});
}

TEST_CASE("row 13: an error in the portfolio -> of-concern") {
  Judged j = judge(meeting_everything(), {}, {finding("bad-date", Severity::error)});
  CHECK(j.status == Status::of_concern);
  check_reasons(j.reasons, {{"_unmet-errors", {{"count", "1"}}, true}});
}

TEST_CASE("row 14: an ended experience without a reflection -> on-track (still to do)") {
  StudentIndicators s = meeting_everything();
  s.unreflected_experiences = {"chess"};
  Judged j = judge(s);
  CHECK(j.status == Status::on_track);
  check_reasons(j.reasons, {{"_unmet-unreflected", {{"experiences", "chess"}}, false}});
}

TEST_CASE("compute_student fills what the rule judges: as-of, the current gap, the hand-in days") {
  CohortConfig c;
  c.start = day("2026-09-01");
  c.requirements.min_months = 0;
  c.calendar = {deadline("2026-10-30", "reflection"), deadline("2026-11-30", "reflection")};
  Portfolio p;
  p.id = "ana";
  p.experiences = {experience("guitar", {Strand::creativity}, "2026-09-05")};
  p.reflections = {reflection("experiences/guitar/2026-10-10-a.md", "2026-10-10", {outcome("1")}),
                   reflection("experiences/guitar/2026-12-05-b.md", "2026-12-05", {outcome("2")})};
  finish(p);
  // 11-30 missed (nothing in 10-31..11-30), caught up by the 12-05 reflection.
  StudentIndicators s = compute_student(p, c, day("2026-12-10"), {});
  CHECK(s.as_of == day("2026-12-10"));
  CHECK(s.handed_in == std::vector<Date>{day("2026-10-10"), day("2026-12-05")});
  CHECK(s.current_gap.ongoing);
  CHECK(s.current_gap.from == day("2026-12-05"));
  CHECK(s.current_gap.days == 5);
  CHECK(s.deadlines_missed == 1);
  for (const UnmetRequirement& u : unmet_requirements(s, c.requirements, {})) CHECK_FALSE(u.concern);
  CHECK(s.status == Status::on_track);  // strands and outcomes still to do
  // Silent until 2027-01-20: a 46-day gap since 12-05 (longer than 31).
  StudentIndicators later = compute_student(p, c, day("2027-01-20"), {});
  CHECK(later.current_gap.days == 46);
  CHECK(later.status == Status::of_concern);
}
