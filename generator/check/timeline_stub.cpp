// Placeholder: replaced by check/timeline.cpp.
#include "check/timeline.h"
namespace casfolio {
std::string_view name(DeadlineState s) { return s == DeadlineState::met ? "met" : s == DeadlineState::missed ? "missed" : "upcoming"; }
std::vector<DeadlineResult> judge_deadlines(const Portfolio&, const CohortConfig&, Date) { return {}; }
std::vector<Date> activity_dates(const Portfolio&, Date) { return {}; }
Gap longest_gap(const Portfolio&, const CohortConfig&, Date) { return {}; }
int programme_span_months(const Portfolio&, Date) { return 0; }
int experience_days(const Experience& e, Date as_of) { return (e.end.valid() ? e.end : as_of) - e.start + 1; }
}
