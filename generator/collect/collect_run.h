// `casfolio collect`: every repository of a cohort's `repositories:`
// fetched (several at a time) into the cache, its checkout refreshed, and
// the file versions seen for the first time appended to the staff folder's
// ledger. One repository failing never stops the others.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "collect/repository_fetch.h"
#include "diagnostics/diagnostics.h"
#include "load/loader.h"

namespace casfolio {

struct CollectOptions {
  std::string cohort_dir;
  std::string cache_root;                 // "" = default_cache_root()
  std::optional<std::string> staff_dir;   // --staff DIR, instead of cohort.yaml's `staff:`
  unsigned jobs = 0;                      // 0 = one per core
  int64_t seen_at = 0;                    // the collect's time (UTC seconds)
  int lock_wait_seconds = 60;             // how long to wait for another collect of the same cohort
  Limits limits;
  int max_walk_commits = 10'000;
  std::function<void(size_t done, size_t total)> progress;  // from any thread
};

struct RepositoryReport {
  std::string id;
  Location where;  // its entry in cohort.yaml or the repositories file
  RepositoryOutcome outcome;
};

struct CollectResult {
  std::vector<Finding> config_findings;  // cohort.yaml, the repositories file, the lock, the ledger
  std::vector<RepositoryReport> repositories;  // in the listed order
  std::string ledger;                    // its path, "" when there is no staff folder
  size_t ledger_lines_added = 0;
  bool ledger_failed = false;
  Language language = Language::en;  // cohort.yaml's, for the messages
  bool failed() const;                   // a repository or the ledger failed, or cohort.yaml has an error
};

CollectResult run_collect(const CollectOptions& options);

}  // namespace casfolio
