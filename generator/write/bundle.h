// Submission and archive bundles (`casfolio bundle`): one zip per student
// that unpacks to one folder,
//   <id>-cas-portfolio/manifest.json   every file below with size and SHA-256
//   <id>-cas-portfolio/manifest.json.sig   with --sign: the Ed25519 signature of manifest.json
//   <id>-cas-portfolio/site/...        the student's pages; site/index.html opens them
//   <id>-cas-portfolio/source/...      the portfolio folder as written, byte for byte
// and, for a cohort, cohort-cas-portfolios.zip holding the cohort's site and
// every student's zip. The same input and timestamp give the same bytes.
#pragma once
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indicators/analysis.h"
#include "render/site.h"
#include "write/signing.h"

namespace casfolio {

// One file of a bundle.
struct BundleFile {
  std::string path;         // inside the bundle folder: "site/index.html", "source/plan.md"
  std::string data;         // the bytes, unless source_path is set
  std::string source_path;  // a file on disk, hashed and copied by streaming
};

struct BundleSpec {
  std::string folder;  // the one folder the zip unpacks to; the zip is <folder>.zip
  nlohmann::ordered_json facts = nlohmann::ordered_json::object();  // manifest keys before "files"
  std::vector<BundleFile> files;
};

struct BundleOptions {
  int64_t timestamp = 315532800;           // every entry's time, UTC seconds (default 1980-01-01)
  uint64_t max_file_bytes = 500ull << 20;  // a file from disk larger than this fails the bundle
  // With a private key: the manifest names it ("signature") and is signed
  // into manifest.json.sig.
  std::optional<SigningKey> signer;
};

struct WrittenBundle {
  std::string path;    // the zip on disk
  size_t files = 0;    // files listed in the manifest
  uint64_t bytes = 0;  // size of the zip
};

// Hashes every file (streaming the ones on disk), adds manifest.json and
// writes <out_dir>/<folder>.zip. On a problem (a file too large or
// unreadable, the zip not writable) reports findings into `sink` and leaves
// whatever was at that path before.
std::optional<WrittenBundle> write_bundle(BundleSpec spec, const std::string& out_dir, const BundleOptions& options,
                                          Diagnostics& sink);

// "ana-cas-portfolio", or "ana-cas-portfolio-public" for a --public bundle.
std::string student_bundle_folder(std::string_view id, bool is_public);
// "cohort-cas-portfolios", or "cohort-cas-portfolios-public".
std::string cohort_bundle_folder(bool is_public);

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

// True when `path` is `dir` or lies below it (after resolving "..", "." and
// symbolic links of the parts that exist).
bool path_is_within(const std::string& path, const std::string& dir);

// Seconds for entry times: SOURCE_DATE_EPOCH when set to a number, else
// the as-of day at 00:00:00 UTC.
int64_t bundle_timestamp(Date as_of);

}  // namespace casfolio
