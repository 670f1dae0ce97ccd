// The CAS requirements (SPEC section 7) as pure functions of the model.
// Findings are warnings (a requirement not yet met) or info (advice); input
// errors are the loader's.
#pragma once
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/cohort.h"

namespace casfolio {

std::vector<Finding> check_portfolio(const Portfolio& p, const CohortConfig& c, Date as_of);

// Academic honesty across the cohort: near-duplicate reflections. Returns,
// per portfolio (same order as cohort.portfolios), staff-only findings.
// `jobs`: threads for hashing the reflections (0 = one per core); `memo`:
// what an earlier call computed, reused for portfolios it still holds (see
// SimilarityMemo in check/similarity.h). The result never depends on either.
class SimilarityMemo;
std::vector<std::vector<Finding>> check_similarity(const Cohort& cohort, unsigned jobs = 1,
                                                   SimilarityMemo* memo = nullptr);

}  // namespace casfolio
