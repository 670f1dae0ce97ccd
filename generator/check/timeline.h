// Time-based facts about a portfolio, judged against one as-of date. Shared
// by the checks (which warn about them) and the indicators (which show them).
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
};

// Only `reflection` and `interview` deadlines are judged; others (events)
// are listed by the site but have no state.
std::vector<DeadlineResult> judge_deadlines(const Portfolio& p, const CohortConfig& c, Date as_of);

// Every dated entry (experience starts and ends, reflections, interviews,
// reviews) on or before as_of, sorted.
std::vector<Date> activity_dates(const Portfolio& p, Date as_of);

struct Gap {
  Date from, to;  // the two entries around the longest stretch without one
  int days = 0;
};
// The longest stretch without an entry, from the programme start (the
// student's `started`, else the cohort's) to the last entry.
Gap longest_gap(const Portfolio& p, const CohortConfig& c, Date as_of);

// Whole months from the first to the last dated activity.
int programme_span_months(const Portfolio& p, Date as_of);

// Days an experience lasted: end (or as_of while ongoing) - start + 1.
int experience_days(const Experience& e, Date as_of);

}  // namespace casfolio
