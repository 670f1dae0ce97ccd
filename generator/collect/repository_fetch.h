// One student's repository: fetched with libgit2 into the cache (a bare
// repository, cloned the first time, fetched afterwards), its branch's tip
// tree written into a checkout from the object store, and the file
// versions the ledger has not seen yet found by walking back from the tip.
// Nothing here touches another repository, so several run at once.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "collect/ledger_writer.h"
#include "diagnostics/diagnostics.h"
#include "model/cohort.h"

namespace casfolio {

struct FetchLimits {
  uint64_t max_file_bytes = 500ull << 20;  // a larger file is not written (the loader's evidence limit)
  int max_files = 5000;                    // files in one tree (the loader's per-portfolio limit)
  int max_depth = 32;                      // folders inside each other
  int max_walk_commits = 10'000;           // commits walked back from the tip for the ledger
};

struct RepositoryOutcome {
  bool ok = false;
  // Why it failed (a catalog code: collect-unreachable, collect-empty, ...) and libgit2's words.
  std::string failure;
  std::string reason;
  std::vector<Finding> notes;        // skipped symlinks, submodules, large files; a cut walk
  std::vector<Sighting> entries;     // first sightings, oldest commit first
  std::string tip;                   // the commit the checkout is of
};

struct FetchPaths {
  std::string url;        // resolved: a relative local path made absolute
  std::string bare_repo;  // <collect dir>/repos/<id>.git
  std::string checkouts;  // <collect dir>/checkouts
};

// `seen`: seen_key(path, blob) of what the ledger holds for this student.
RepositoryOutcome fetch_repository(const Repository& repository, const FetchPaths& paths,
                                   const std::set<std::string>& seen, int64_t seen_at, const FetchLimits& limits);

// After the ledger took `outcome.entries`: the tip is remembered as walked,
// so the next walk stops there.
void remember_walked(const FetchPaths& paths, const std::string& tip);

// libgit2's process-wide set-up, once.
void init_git();

}  // namespace casfolio
