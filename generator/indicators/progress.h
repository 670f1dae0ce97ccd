// Progress over time on the cohort home page (issue 14): how many
// reflections the cohort wrote each month, and how much of the framework it
// had evidenced by the end of each month. docs/indicators.md, "Progress over
// time", defines both figures.
#pragma once
#include <vector>

#include "indicators/analysis.h"

namespace casfolio {

struct MonthProgress {
  int year = 0, month = 0;  // month 1..12
  int reflections = 0;      // counted reflections dated in this month
  // (student, framework outcome) pairs with an evidencing reflection dated
  // on or before the last day of this month: coverage so far, never falling.
  int evidenced_pairs = 0;
};

struct CohortProgress {
  int students = 0;  // loaded portfolios
  int outcomes = 0;  // the framework's outcomes
  // From the cohort's start month (else the earliest counted reflection's)
  // to the as-of month, oldest first; at most kMaxProgressMonths, the latest.
  std::vector<MonthProgress> months;
};

inline constexpr int kMaxProgressMonths = 120;

CohortProgress cohort_progress(const CohortAnalysis& analysis, const CohortConfig& config);

}  // namespace casfolio
