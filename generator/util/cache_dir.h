// Where casfolio keeps what it can always make again, outside the sources:
//   $CASFOLIO_CACHE_DIR, else $XDG_CACHE_HOME/casfolio, else ~/.cache/casfolio
// The build cache (pipeline/site_cache.h) and `collect`'s repositories and
// checkouts (docs/collect.md) live below it.
#pragma once
#include <string>

namespace casfolio {

// "" when there is no home to put it in.
std::string default_cache_root();

// `collect`'s folder for the cohort in `cohort_dir` (any spelling of the same
// folder gives the same one): <cache>/collect/<digest of its absolute path>.
//   repos/<id>.git    the fetched repository (bare)
//   checkouts/<id>/   its branch's tip tree, read by the loader like a student's folder
//   lock              held while a collect runs
std::string collect_cache_dir(const std::string& cache_root, const std::string& cohort_dir);

}  // namespace casfolio
