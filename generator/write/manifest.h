// manifest.json: what a bundle holds and how to prove it was not altered.
// Its "files" list every file of the bundle (not manifest.json itself) with
// its size and SHA-256, sorted by path; the other keys ("facts") describe the
// bundle. The shape is documented in docs/bundles.md and versioned by "schema".
// A signed bundle's facts hold "signature": {"algorithm": "Ed25519",
// "fingerprint": "SHA256:…", "public_key": PEM}, and manifest.json.sig next
// to manifest.json holds the 64-byte signature of manifest.json's bytes.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casfolio {

inline constexpr int kManifestSchema = 1;
inline constexpr const char* kManifestSignatureKey = "signature";
inline constexpr std::string_view kSignatureFile = "manifest.json.sig";

class SigningKey;
// The "signature" fact naming `key`.
nlohmann::ordered_json signature_record(const SigningKey& key);

struct ManifestFile {
  std::string path;  // relative to the bundle folder, '/' separated: "site/index.html"
  uint64_t size = 0;
  std::string sha256;  // 64 lower-case hex digits
};

struct Manifest {
  nlohmann::ordered_json facts = nlohmann::ordered_json::object();  // every key but "files", in order
  std::vector<ManifestFile> files;
};

// The facts, then "files" sorted by path; two-space indented, '\n' at the end.
std::string manifest_text(const Manifest& m);

// Reads a manifest.json. nullopt, with `error` saying what is wrong in plain
// words, when it is not JSON, has another schema, or a file record is malformed.
std::optional<Manifest> parse_manifest(std::string_view text, std::string& error);

// "2.0 GB", "500 MB", "12 KB", "100 bytes" (1 KB = 1024 bytes).
std::string format_size(uint64_t bytes);
// "500M", "500MB", "2G", "1.5GB", "800K", "1048576" (bytes). Case-insensitive;
// K, M, G and T count in 1024s. nullopt when it is not a size.
std::optional<uint64_t> parse_size(std::string_view text);

}  // namespace casfolio
