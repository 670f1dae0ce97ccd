// `casfolio verify`: proves a bundle is whole and unaltered. It checks that
// the zip opens, that no entry could escape the folder it unpacks to ("..",
// absolute paths, backslashes, drive letters, symbolic links), that
// manifest.json is there and valid, that site/index.html is there, that
// every file the manifest lists is present with its size and SHA-256, and
// that nothing else was added. A cohort bundle's student bundles are
// verified too. Entries are read in chunks; nothing large enters memory.
// Work is bounded by the bytes really in the archive, never by the sizes it
// claims: an entry is read to at most 1032 times its compressed size (more
// than deflate can make), the whole archive to 1032 times its size, and a
// nested bundle is copied to a temporary file of at most twice the outer
// archive's size (and 16 GB). Entries that are not regular files or folders
// (links, named pipes, devices) are refused and never read.
// A signed bundle (manifest.json.sig, write/signing.h) has its signature
// checked against the key its manifest names; with trusted keys or
// fingerprints that key must be one of them and the signature must be there.
// A nested student bundle's own signature is checked when it has one (the
// cohort's signed manifest pins its bytes either way).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "write/signing.h"

namespace casfolio {

struct TrustedKey {
  std::string name;  // the key file as the user named it: "school.pub"
  SigningKey key;
};

struct VerifyOptions {
  std::vector<TrustedKey> keys;           // --key
  std::vector<std::string> fingerprints;  // --trust, as normalise_fingerprint gives them
  bool requires_signature() const { return !keys.empty() || !fingerprints.empty(); }
};

struct VerifyResult {
  // One finding per problem; `where.file` is "" for the zip itself, or
  // "!students/x-cas-portfolio.zip" for a problem inside a nested bundle.
  std::vector<Finding> problems;
  size_t files_checked = 0;          // files whose size and checksum matched
  std::string kind;                  // the manifest's "kind" ("student", "cohort"), "" if unknown
  Language language = Language::en;  // the manifest's "language", for messages
  uint64_t inflated_bytes = 0;       // bytes read out of entries, nested bundles' included
  uint64_t temp_bytes = 0;           // bytes written to temporary files (nested bundles)
  std::string signed_by;             // the fingerprint of a valid signature, "" when not signed
  std::string signer_name;           // the --key file that matched it, if any
  bool trusted = false;              // signed_by is a --key or --trust
  bool ok() const { return problems.empty(); }
};

VerifyResult verify_bundle(const std::string& zip_path, const VerifyOptions& options = {});
// The same for a zip in memory (tests, fuzzing).
VerifyResult verify_bundle_data(std::string_view zip_bytes, const VerifyOptions& options = {});

// True when `name` (a zip entry name) is one `bundle` could have written:
// write/entry_name.h's rule (relative, '/' separated, no "." or ".." part, no
// backslash, drive letter, control or Windows-reserved character, no
// reserved device name, bounded length; a folder's trailing '/' allowed).
bool is_safe_entry_name(std::string_view name);

}  // namespace casfolio
