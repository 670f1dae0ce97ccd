// One pass over a loaded cohort: checks, similarity and indicators for every
// student. This is what `check`, `report`, `build` and `bundle` all consume.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "indicators/indicators.h"

namespace casfolio {

class SimilarityMemo;

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

// What analyse found per portfolio, kept between calls by a caller that
// rebuilds (casfolio serve), with the SimilarityMemo: a portfolio whose
// entry is here and whose near-duplicate findings did not change is not
// checked again. The owner must forget() a portfolio whenever it reads it
// again, and clear() it all when the cohort's configuration may have changed.
struct AnalysisMemo {
  struct Entry {
    std::vector<Finding> similar;   // check_similarity's findings when it was made
    std::vector<Finding> findings;  // StudentAnalysis::findings
    StudentIndicators indicators;
  };
  Date as_of;
  std::map<std::string, Entry> by_root;  // by Portfolio::root
  void forget(const std::string& root) { by_root.erase(root); }
  void clear() { by_root.clear(); }
};

// `jobs`: threads (0 = one per core); the result never depends on it.
// `similarity`, `memo`: kept between calls by a caller that rebuilds (serve).
CohortAnalysis analyse(const Cohort& cohort, Date as_of, unsigned jobs = 1, SimilarityMemo* similarity = nullptr,
                       AnalysisMemo* memo = nullptr);

}  // namespace casfolio
