// `casfolio verify`: proves a bundle is whole and unaltered. It checks that
// the zip opens, that no entry could escape the folder it unpacks to ("..",
// absolute paths, backslashes, drive letters, symbolic links), that
// manifest.json is there and valid, that site/index.html is there, that
// every file the manifest lists is present with its size and SHA-256, and
// that nothing else was added. A cohort bundle's student bundles are
// verified too. Entries are read in chunks; nothing large enters memory.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"

namespace casfolio {

struct VerifyResult {
  // One finding per problem; `where.file` is "" for the zip itself, or
  // "!students/x-cas-portfolio.zip" for a problem inside a nested bundle.
  std::vector<Finding> problems;
  size_t files_checked = 0;          // files whose size and checksum matched
  std::string kind;                  // the manifest's "kind" ("student", "cohort"), "" if unknown
  Language language = Language::en;  // the manifest's "language", for messages
  bool ok() const { return problems.empty(); }
};

VerifyResult verify_bundle(const std::string& zip_path);
// The same for a zip in memory (tests, fuzzing).
VerifyResult verify_bundle_data(std::string_view zip_bytes);

// True when `name` (a zip entry name) stays inside the folder it is unpacked
// in: relative, '/' separated, no "." or ".." part, no backslash, no drive
// letter, no empty part except a folder's trailing '/', no control characters.
bool is_safe_entry_name(std::string_view name);

}  // namespace casfolio
