// Time-based facts about a portfolio, judged against one as-of date. Shared
// by the checks (which warn about them) and the indicators (which show them).
// Entries dated after as_of are ignored everywhere: a report "as of" a past
// day shows what was true on that day. docs/checks.md has worked examples.
#pragma once
#include <string>
#include <vector>

#include "model/cohort.h"
#include "util/timestamp.h"

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

// When a reflection counts as handed in for deadlines: the one rule
// (docs/checks.md, "Deadlines by hand-in time").
//  - Without hand-in times (the student has no StaffRecords::history: no
//    ledger, a damaged one, or not collected yet) it counts on its typed
//    `date`, as typed.
//  - With them, on max(typed date, first sighting - grace_days): the day the
//    school first saw the file (its first version: later edits keep it)
//    less the grace that covers how often the school collects. A typed date
//    more than grace_days before the first sighting is `backdated` and
//    counts on first sighting - grace_days, so a reflection meets a
//    deadline only when first seen on or before the deadline + grace_days.
//    A reflection the ledger has not seen (or saw only after as_of) is not
//    handed in: it counts for no deadline.
// An undated reflection (already reported by the loader) counts for none.
struct HandIn {
  Date counts_on;         // unset: counts for no deadline
  bool with_ledger = false;  // judged by hand-in time
  bool seen = false;      // with_ledger: the ledger saw it by as_of
  Timestamp first_seen;   // when seen
  bool backdated = false;
};
HandIn hand_in(const Reflection& r, const Portfolio& p, const CohortConfig& c, Date as_of);

// The day a deadline due on `due` is judged for `p`: `due` itself, or with
// hand-in times due + grace_days (a reflection may still be first seen
// until then).
Date judged_on(Date due, const Portfolio& p, const CohortConfig& c);

// Only `reflection` and `interview` deadlines are judged (kinds compared
// without regard to ASCII case); others (events) are listed by the site but
// have no state. Results are in date order. Deadlines before the programme
// start (programme_start()) belong to no one's programme yet and are left out.
//  - reflection: met by a reflection (anywhere in the portfolio) that
//    counts (hand_in()) on a day in [window_from, date] and not after as_of;
//  - interview: met by an interview record whose `kind` equals the
//    deadline's `interview` (any kind when that is empty), dated on or before
//    `date` (a range's last day) and not after as_of;
//  - otherwise missed when judged_on(date) <= as_of (a deadline on the
//    as-of day is judged), upcoming when it is later. An upcoming deadline already
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
