// Templates must be filled (issue 15): an entry casfolio new wrote and the
// student left as it was counts for nothing. The one place that knows what
// "still the template" means, fed by the archetypes compiled into casfolio
// (templates/archetypes/{kk,ru,en}, util/embedded.h). Internal to the check stage.
#pragma once
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/portfolio.h"

namespace casfolio::check {

// `p` without its unfilled entries, each reported as template-not-filled in
// `out`: a reflection or experience whose text is only the template's
// questions, a project with an empty collaborator or a stage that is only the
// template's question (an empty stage is project-missing-stages' to judge). Reflections of a removed experience stay, as general ones.
Portfolio without_unfilled_templates(const Portfolio& p, std::vector<Finding>& out);

}  // namespace casfolio::check
