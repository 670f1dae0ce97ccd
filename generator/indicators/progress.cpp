#include "indicators/progress.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

namespace casfolio {

namespace {

// Months since year 0: consecutive months are consecutive numbers.
int month_number(Date d) { return d.year() * 12 + (d.month() - 1); }

// A reflection the figures count and can place in a month: not the
// template, dated, and not after as_of. (An undated one counts for the
// other figures but belongs to no month.)
bool placed(const Reflection& r, const StudentIndicators& s, Date as_of) {
  return r.date.valid() && r.date <= as_of && s.counts(r.file);
}

// The earliest placed reflection of the cohort, or nullopt when there is none.
std::optional<int> earliest_month(const CohortAnalysis& analysis) {
  std::optional<int> earliest;
  for (const StudentAnalysis& student : analysis.students) {
    if (!student.loaded) continue;
    for (const Reflection& r : student.loaded->portfolio.reflections)
      if (placed(r, student.indicators, analysis.as_of))
        earliest = std::min(earliest.value_or(month_number(r.date)), month_number(r.date));
  }
  return earliest;
}

}  // namespace

CohortProgress cohort_progress(const CohortAnalysis& analysis, const CohortConfig& config) {
  CohortProgress progress;
  progress.outcomes = int(config.framework.outcomes.size());
  for (const StudentAnalysis& student : analysis.students) progress.students += student.loaded != nullptr;
  if (!analysis.as_of.valid()) return progress;

  std::optional<int> first = config.start.valid() ? std::optional<int>(month_number(config.start))
                                                  : earliest_month(analysis);
  const int last = month_number(analysis.as_of);
  if (!first || *first > last) return progress;
  first = std::max(*first, last - kMaxProgressMonths + 1);
  const int count = last - *first + 1;
  progress.months.resize(size_t(count));
  for (int i = 0; i < count; ++i) {
    progress.months[size_t(i)].year = (*first + i) / 12;
    progress.months[size_t(i)].month = (*first + i) % 12 + 1;
  }
  // Index of a month in the window; a month before it is clamped to the
  // first (coverage gained earlier is coverage from the start).
  auto index = [&](Date d) { return std::max(0, month_number(d) - *first); };

  for (const StudentAnalysis& student : analysis.students) {
    if (!student.loaded) continue;
    const StudentIndicators& s = student.indicators;
    std::map<std::string, Date> date_of;  // reflection file -> date, for the outcomes' evidence
    for (const Reflection& r : student.loaded->portfolio.reflections) {
      if (!placed(r, s, analysis.as_of)) continue;
      date_of[r.file] = r.date;
      if (month_number(r.date) >= *first) ++progress.months[size_t(index(r.date))].reflections;
    }
    for (const Outcome& o : config.framework.outcomes) {
      auto evidence = s.outcomes.find(o.id);
      if (evidence == s.outcomes.end()) continue;
      std::optional<Date> earliest;
      for (const std::string& file : evidence->second.reflections)
        if (auto d = date_of.find(file); d != date_of.end()) earliest = std::min(earliest.value_or(d->second), d->second);
      if (!earliest) continue;
      for (int i = index(*earliest); i < count; ++i) ++progress.months[size_t(i)].evidenced_pairs;
    }
  }
  return progress;
}

}  // namespace casfolio
