// Writing submission and archive bundles (`casfolio bundle`; what goes
// into them is decided in pipeline/bundle_build.h): one zip per student
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

#include "diagnostics/diagnostics.h"
#include "util/date.h"
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

// Seconds for entry times: SOURCE_DATE_EPOCH when set to a number, else
// the as-of day at 00:00:00 UTC.
int64_t bundle_timestamp(Date as_of);

}  // namespace casfolio
