// Time-based facts about a portfolio, judged against one as-of date. Shared
// by the checks (which warn about them) and the indicators (which show them).
// Entries dated after as_of are ignored everywhere: a report "as of" a past
// day shows what was true on that day. docs/checks.md has worked examples.
#pragma once
#include <string>
#include <vector>

#include "model/cohort.h"

namespace casfolio {

enum class DeadlineState { met, missed, upcoming };
std::string_view name(DeadlineState s);

struct DeadlineResult {
  const Deadline* deadline = nullptr;  // points into CohortConfig::calendar
  DeadlineState state = DeadlineState::upcoming;
  std::string met_by;  // file of the reflection or interview that met it, if any
  // Reflection deadlines: the first day a reflection counts for this one (the
  // day after the previous reflection deadline, or the programme start,
  // whichever is later). Unset when unbounded (no start known) or for interviews.
  Date window_from;
};

// Only `reflection` and `interview` deadlines are judged (kinds compared
// without regard to ASCII case); others (events) are listed by the site but
// have no state. Results are in date order. Deadlines before the programme
// start (programme_start()) belong to no one's programme yet and are left out.
//  - reflection: met by a reflection (anywhere in the portfolio) dated in
//    [window_from, date] and not after as_of;
//  - interview: met by an interview record whose `kind` equals the
//    deadline's `interview` (any kind when that is empty), dated on or before
//    `date` (a range's last day) and not after as_of;
//  - otherwise missed when date <= as_of (a deadline on the as-of day is
//    judged), upcoming when it is later. An upcoming deadline already
//    satisfied is met. `met_by` names the earliest entry that met it.
std::vector<DeadlineResult> judge_deadlines(const Portfolio& p, const CohortConfig& c, Date as_of);

// The student's `started`, else the cohort's `start`; unset when neither.
Date programme_start(const Portfolio& p, const CohortConfig& c);

// Every dated entry (experience starts and ends, reflections, interviews,
// reviews) on or before as_of, sorted; one date per entry (repeats kept).
std::vector<Date> activity_dates(const Portfolio& p, Date as_of);

struct Gap {
  Date from, to;  // the two points around a stretch without an entry
  int days = 0;   // to - from: entries on 09-30 and 10-30 make a 30-day gap
  // The stretch runs from the last entry up to as_of with no entry there:
  // it is still growing ("nothing added since `from`").
  bool ongoing = false;
};

// Every stretch between consecutive points of the timeline, in date order,
// zero-day stretches left out. The points are the programme start
// (programme_start(); when unknown the timeline begins at the first entry),
// each entry from the start on, and the end of the timeline: as_of, or the
// cohort's `end` when that is earlier (a finished programme stops growing
// gaps). Empty when the timeline has not begun (as_of before the start, or
// no start and no entry).
std::vector<Gap> gaps(const Portfolio& p, const CohortConfig& c, Date as_of);

// The longest of gaps() (the earliest on a tie); a zero Gap when there is none.
// A student silent for 40 days up to as_of has a 40-day (ongoing) gap.
Gap longest_gap(const Portfolio& p, const CohortConfig& c, Date as_of);

// Whole months (months_between) from the first to the last of
// activity_dates(); 0 with fewer than two.
int programme_span_months(const Portfolio& p, Date as_of);

// Days an experience lasted: end - start + 1 once it has ended (end on or
// before as_of), else as_of - start + 1 while ongoing (no end, or an end
// still ahead). 0 when start is unset, not yet reached, or after the end.
int experience_days(const Experience& e, Date as_of);

}  // namespace casfolio
