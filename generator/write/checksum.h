// SHA-256 for bundles: of bytes in memory, or of a file read in chunks so a
// 2 GB video never sits in memory. Hex digests are lower-case.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace casfolio {

// Incremental hashing; feed with update() then take digest() once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  std::string hex_digest();  // 64 lower-case hex digits; the hasher is spent

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::string sha256_hex(std::string_view bytes);

struct FileDigest {
  uint64_t size = 0;
  std::string sha256;
};
// Reads `path` in 1 MiB chunks. nullopt (with `error` set) when it cannot be read.
std::optional<FileDigest> sha256_file(const std::string& path, std::string& error);

}  // namespace casfolio
