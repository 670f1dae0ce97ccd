// Which of a student's findings an audience may read (model/audience.h).
// One rule, used by the pages, the bundle's manifest, `report` and serve:
//   staff   — every finding;
//   student — every finding not marked staff_only; a near-duplicate match
//             (similar-reflection, similar-own-reflection) becomes one
//             `staff-question` at the student's own reflection, with no
//             percentage, no other file, name, id or text; any other
//             staff-only finding (backdated, a review in the portfolio)
//             is left out;
//   anyone  — none.
#pragma once
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/audience.h"

namespace casfolio {

std::vector<Finding> findings_for(Audience audience, const std::vector<Finding>& findings);

}  // namespace casfolio
