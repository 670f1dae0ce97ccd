// What goes into the bundles of `casfolio bundle`, and the whole run: each
// student's site rendered for that student, their sources and manifest
// facts, then the cohort's. The pipeline decides and renders; write/bundle.h
// only hashes, signs and zips.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indicators/analysis.h"
#include "render/site.h"
#include "write/bundle.h"

namespace casfolio {

// The parts of one student's bundle: `site` as rendered for that student,
// the portfolio's files below `source_root` (left out of a --public bundle)
// and the manifest facts (no indicators in a --public bundle).
BundleSpec student_bundle(const Cohort& cohort, const StudentAnalysis& student, std::vector<OutputFile> site,
                          const std::string& source_root, bool is_public, Date as_of);

struct BundledStudent {
  std::string id, name;
  std::string zip_path;  // the student's bundle on disk
  std::string status;    // "" in a --public bundle
};
// The cohort bundle: the cohort's site and every student's zip under students/.
BundleSpec cohort_bundle(const Cohort& cohort, std::vector<OutputFile> site,
                         const std::vector<BundledStudent>& students, bool is_public, Date as_of);

// What `casfolio bundle` does, for the command line and end-to-end tests.
struct BundleRun {
  std::string source_root;  // the folder the cohort (or portfolio) was loaded from
  std::string out_dir = "dist";
  bool is_public = false;
  std::string theme_dir;
  BundleOptions bundle;
};

struct StudentBundleResult {
  std::string id;
  Language language = Language::en;
  std::optional<WrittenBundle> written;  // nullopt when it failed or was withheld: see findings
  bool withheld = false;                 // not bundled on purpose (--public, a private: not understood)
  std::vector<Finding> findings;         // the bundle's and the renderer's; files are paths on disk
};

struct BundleReport {
  std::vector<StudentBundleResult> students;
  bool cohort_attempted = false;        // the folder was a cohort, so a cohort bundle was due
  std::optional<WrittenBundle> cohort;  // when it was written
  std::vector<Finding> cohort_findings;
  double render_seconds = 0;  // spent in render_site
  double write_seconds = 0;   // spent hashing and zipping
  bool failed() const;        // a bundle that was due was not written
};

// Bundles every student (skipping portfolios whose portfolio.yaml could not
// be read), then, for a cohort folder, the cohort bundle with the students
// that succeeded. `progress` is called before each bundle with (n, total,
// name): a student's id, then the cohort bundle's folder name.
BundleReport bundle_cohort(const Cohort& cohort, const CohortAnalysis& analysis, const BundleRun& run,
                           const std::function<void(size_t, size_t, std::string_view)>& progress = {});

}  // namespace casfolio
