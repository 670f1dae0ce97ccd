// One portfolio folder -> a Portfolio and its findings: walks the files,
// reads portfolio.yaml, plan.md, experiences, reflections and interviews,
// resolves every evidence path and link, and sorts what it found.
#pragma once
#include <string>

#include "load/file_source.h"
#include "load/loader.h"
#include "model/cohort.h"

namespace casfolio {

// `files` is rooted at the portfolio folder; `root` is that folder relative
// to the loaded root ("students/ana", or "." for a single portfolio) and
// `folder_name` its last name (the id when portfolio.yaml gives none).
// The returned findings are sorted; the id is valid but not yet checked
// against other portfolios.
LoadedPortfolio read_portfolio(const FileSource& files, const std::string& root, const std::string& folder_name,
                               const CohortConfig& cohort, const LoadOptions& options);

// A valid id made from any folder name: "Aruzhan Bekova" -> "aruzhan-bekova"
// (only ASCII survives; "portfolio" when nothing does).
std::string slug_from(std::string_view name);

}  // namespace casfolio
