// Loading: files -> typed model. Every problem of the input becomes a finding
// on the portfolio it belongs to; nothing throws past this interface, and one
// unreadable portfolio never stops the others from loading.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "load/file_source.h"
#include "model/cohort.h"

namespace casfolio {

// Limits on what one portfolio may contain; each overrun is a finding.
struct Limits {
  uint64_t max_text_file_bytes = 1u << 20;        // a Markdown or YAML file
  uint64_t max_evidence_bytes = 500ull << 20;     // one evidence file
  int max_yaml_depth = 64;                        // nesting of maps and lists
  int max_yaml_nodes = 100'000;                   // YAML nodes in one file, aliases expanded
  int max_files_per_portfolio = 5000;
};

struct LoadOptions {
  bool drafts = false;                     // include `draft: true` experiences
  std::optional<std::string> cohort_file;  // --cohort FILE (a path on disk)
  std::optional<std::string> staff_dir;    // --staff DIR (a path on disk); wins over cohort.yaml's `staff:`
  Limits limits;
  unsigned jobs = 1;  // threads reading portfolios (0 = one per core); the result never depends on it
  // Where `collect` put the checkouts of cohort.yaml's `repositories:`
  // (<folder>/<id>/), relative to the loaded root or absolute; unset: for
  // load_directory, the cache's (util/cache_dir.h), for load, none.
  std::optional<std::string> checkouts_dir;
};

// Loads `source` whose root is a cohort folder (has cohort.yaml) or a single
// portfolio folder (has portfolio.yaml). `parent_cohort` is the text of a
// cohort.yaml found in a parent folder on disk, used for a single portfolio.
Cohort load(const FileSource& source, const LoadOptions& options,
            std::optional<std::string> parent_cohort_yaml = std::nullopt);

// The disk entry point: `dir` as the user named it; looks for a cohort.yaml
// in its parents when `dir` is a single portfolio and no --cohort is given.
Cohort load_directory(const std::string& dir, const LoadOptions& options);

// One portfolio of a cohort loaded with load_directory(dir, options), read
// again (casfolio serve, after its files changed): `root` is its folder
// relative to `dir` (Portfolio::root). The result is what load_directory
// would now give for it, as long as its id is not one another portfolio
// also claims (make that a full load_directory).
LoadedPortfolio reload_portfolio(const std::string& dir, const std::string& root, const CohortConfig& config,
                                 const LoadOptions& options);

}  // namespace casfolio
