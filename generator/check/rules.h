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
std::vector<std::vector<Finding>> check_similarity(const Cohort& cohort);

}  // namespace casfolio
