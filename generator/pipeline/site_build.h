// The whole build as one call: load, analyse, render, write, with the
// state an incremental build needs kept between runs (casfolio build runs
// once with the cache on disk; casfolio serve runs again on every change,
// keeping everything in memory). docs/performance.md says what is reused
// when.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/site_cache.h"
#include "check/similarity.h"
#include "indicators/analysis.h"
#include "load/loader.h"
#include "render/site.h"
#include "util/timings.h"
#include "write/site_writer.h"

namespace casfolio {

struct SiteBuildOptions {
  std::string dir;        // the cohort or portfolio folder
  LoadOptions load;
  Date as_of;
  Audience audience = Audience::staff;  // whom the pages are for (model/audience.h)
  std::string theme;      // --theme: a theme folder; "" = the cohort's `theme:` or the built-in one
  std::string out_dir;
  unsigned jobs = 0;      // threads (0 = one per core)
  WriteMode mode = WriteMode::replace;
  // The cache folder (pipeline/site_cache.h); "" = none: every page is
  // rendered, every file written and every image resized.
  std::string cache_dir;
  // Read and write the site's manifest and memo in cache_dir (the images
  // are kept either way). serve builds into a folder of its own and keeps
  // them in memory instead.
  bool keep_site_cache = true;
  // Keep, between runs, what makes the next run() faster (the hashed
  // reflections, each portfolio's checks): serve does; a single build
  // would only carry it to the end.
  bool keep_state = false;
  // Called as students are done (done of total, the cohort's own pages
  // counted as one more), from any thread, never two at once.
  std::function<void(size_t done, size_t total)> progress;
  // Called once when another casfolio is building into the same folder's
  // parent and this build waits for it (write/output_lock.h).
  std::function<void()> waiting;
};

struct SiteBuildResult {
  bool ok = false;              // the site was written
  std::string error;            // why not, for the user ("" when a template error is why: see findings)
  std::vector<Finding> render_findings;  // what the renderer reported (images, templates)
  SiteWriteResult written;
  size_t students = 0;          // portfolios in the site
  size_t rendered = 0;          // of those, rendered again (the others' pages were kept)
  size_t reloaded = 0;          // portfolios read again (all of them on a full load)
  bool full_load = false;
};

class SiteBuild {
 public:
  explicit SiteBuild(SiteBuildOptions options);
  ~SiteBuild();

  // Builds. `changed`: paths (relative to options.dir, '/'-separated) that
  // changed since the previous run; nullptr = anything may have changed.
  // Only the portfolios they belong to are read again; a path outside every
  // portfolio (cohort.yaml, a theme) means a full load. `timings`, when
  // set, gets a mark per stage.
  SiteBuildResult run(const std::vector<std::string>* changed = nullptr, Timings* timings = nullptr);

  // After run(): the model and analysis the site was built from.
  const Cohort& cohort() const { return *cohort_; }
  const CohortAnalysis& analysis() const { return analysis_; }
  const SiteBuildOptions& options() const { return options_; }

 private:
  bool load(const std::vector<std::string>* changed, SiteBuildResult& result);
  std::string theme_folder() const;

  SiteBuildOptions options_;
  std::unique_ptr<Cohort> cohort_;
  CohortAnalysis analysis_;
  std::map<std::string, std::string> fingerprints_;  // portfolio root -> folder_fingerprint
  SimilarityMemo similarity_;
  AnalysisMemo analysis_memo_;
  std::optional<SiteCache> previous_;  // what the last successful write left (memory), else read from disk
  bool previous_loaded_ = false;
  std::unique_ptr<DiskImageCache> images_;
};

}  // namespace casfolio
