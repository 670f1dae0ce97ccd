// The reasons shown beside a status badge (docs/indicators.md, "Status"):
// the status rule's unmet requirements (unmet_requirements()), in the
// page's language, so that "of concern" always says why.
#pragma once
#include <optional>
#include <vector>

#include "indicators/indicators.h"
#include "render/site_builder.h"
#include "render/template_set.h"
#include "render/ui_text.h"

namespace casfolio {

// {label, concern, items: [{text, concern}], summary}: for of-concern the reasons
// that make it so ("Of concern because:"), for on-track what is still to
// do ("Still to do:"); summary is the items joined with "; " (for a title
// attribute). nullopt when complete: nothing to explain.
std::optional<View> status_reasons_view(const StudentIndicators& ind, const Requirements& r,
                                        const std::vector<Finding>& findings, const UiText& ui);
// The same for a student of the site, judged from the findings its status
// was judged from (the analysis's; staff-only ones count in neither).
std::optional<View> status_reasons_view(const StudentSite& s, const Requirements& r, const UiText& ui);

}  // namespace casfolio
