// Placeholder: replaced by check/rules.cpp.
#include "check/rules.h"
namespace casfolio {
std::vector<Finding> check_portfolio(const Portfolio&, const CohortConfig&, Date) { return {}; }
}
