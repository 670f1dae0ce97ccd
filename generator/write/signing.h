// Ed25519 keys and detached signatures for bundles, the only place casfolio
// calls OpenSSL's signing API. A key pair is two PEM files: NAME.key (PKCS#8,
// mode 0600) and NAME.pub (SubjectPublicKeyInfo), what `openssl pkey` and
// `openssl pkeyutl` read. A key's fingerprint is "SHA256:" and the lower-case
// hex SHA-256 of its DER SubjectPublicKeyInfo (`openssl pkey -pubin -in
// NAME.pub -outform DER | sha256sum`). Ed25519 is deterministic: the same key
// and message give the same 64-byte signature.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casfolio {

inline constexpr size_t kSignatureBytes = 64;
inline constexpr std::string_view kSignatureAlgorithm = "Ed25519";

// An Ed25519 key: a private one signs, any one verifies.
class SigningKey {
 public:
  // A new random key pair.
  static std::optional<SigningKey> generate(std::string& error);
  // A PEM file: a private key (PKCS#8) or a public key (SubjectPublicKeyInfo).
  // nullopt, with `error` in plain words, when it is unreadable or not Ed25519.
  static std::optional<SigningKey> read_file(const std::string& path, std::string& error);
  static std::optional<SigningKey> from_pem(std::string_view pem, std::string& error);

  bool has_private() const { return has_private_; }
  std::string fingerprint() const;  // "SHA256:" + 64 hex digits
  std::string public_pem() const;   // "-----BEGIN PUBLIC KEY-----\n…"
  std::string private_pem() const;  // "-----BEGIN PRIVATE KEY-----\n…"; "" without one
  // The 64-byte signature of `message` ("" without a private key).
  std::string sign(std::string_view message) const;
  bool verifies(std::string_view message, std::string_view signature) const;

 private:
  struct Handle;
  std::shared_ptr<Handle> key_;
  bool has_private_ = false;
};

// "SHA256:ab12…" for "ab12…", "SHA256:AB12…" or "sha256:ab12…"; nullopt when
// it is not 64 hex digits.
std::optional<std::string> normalise_fingerprint(std::string_view text);

// Writes `<name>.key` (mode 0600) and `<name>.pub`. Neither is ever
// overwritten: when either exists, nothing is written and `existing` names it.
enum class KeyWrite { written, exists, failed };
KeyWrite write_key_pair(const SigningKey& key, const std::string& name, std::string& existing_or_error);

}  // namespace casfolio
