// Placeholder: replaced by the real renderer.
#include "render/site.h"
namespace casfolio {
std::vector<OutputFile> render_site(const Cohort&, const CohortAnalysis&, const SiteOptions&) { return {}; }
}
