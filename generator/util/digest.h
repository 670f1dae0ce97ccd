// Content digests for incremental builds: "is this the same bytes as last
// time?" 128 bits of SHA-256 as 32 hex digits: collisions are out of reach,
// and OpenSSL's SHA-256 runs at well over 1 GB/s on CPUs with SHA
// instructions.
#pragma once
#include <string>
#include <string_view>

namespace casfolio {

std::string content_digest(std::string_view bytes);

// Builds a digest from several fields; each is length-prefixed, so ("ab","c")
// and ("a","bc") differ.
class DigestBuilder {
 public:
  DigestBuilder();
  ~DigestBuilder();
  DigestBuilder(const DigestBuilder&) = delete;
  DigestBuilder& operator=(const DigestBuilder&) = delete;
  DigestBuilder& add(std::string_view field);
  DigestBuilder& add(long long number);
  std::string finish();  // 32 hex digits; the builder is spent

 private:
  void* ctx_;  // EVP_MD_CTX
};

}  // namespace casfolio
