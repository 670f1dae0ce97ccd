// SHA-256 (OpenSSL), and the content digests of incremental builds built
// on it: "is this the same bytes as last time?" 128 bits of SHA-256 as 32
// hex digits: collisions are out of reach, and OpenSSL's SHA-256 runs at
// well over 1 GB/s on CPUs with SHA instructions. Hex is lower-case.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace casfolio {

// Incremental hashing; feed with update() then take a digest once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  // The first `bytes` bytes of the digest (all 32 by default) as hex; the
  // hasher is spent.
  std::string hex_digest(size_t bytes = 32);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::string content_digest(std::string_view bytes);

// Builds a digest from several fields; each is length-prefixed, so ("ab","c")
// and ("a","bc") differ.
class DigestBuilder {
 public:
  DigestBuilder& add(std::string_view field);
  DigestBuilder& add(long long number);
  std::string finish();  // 32 hex digits; the builder is spent

 private:
  Sha256 hash_;
};

}  // namespace casfolio
