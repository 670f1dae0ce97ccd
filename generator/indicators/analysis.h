// One pass over a loaded cohort: checks, similarity and indicators for every
// student. This is what `check`, `report`, `build` and `bundle` all consume.
#pragma once
#include <vector>

#include "indicators/indicators.h"

namespace casfolio {

struct StudentAnalysis {
  const LoadedPortfolio* loaded = nullptr;  // points into the Cohort
  std::vector<Finding> findings;            // load + checks + similarity + social GPA, sorted
  StudentIndicators indicators;
};

struct CohortAnalysis {
  Date as_of;
  std::vector<StudentAnalysis> students;  // same order as cohort.portfolios
  CohortIndicators cohort;
};

CohortAnalysis analyse(const Cohort& cohort, Date as_of);

}  // namespace casfolio
