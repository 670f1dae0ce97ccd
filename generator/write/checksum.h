// SHA-256 for bundles: of bytes in memory, or of a file read in chunks so a
// 2 GB video never sits in memory. Hex digests are lower-case.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/digest.h"  // Sha256

namespace casfolio {

std::string sha256_hex(std::string_view bytes);

struct FileDigest {
  uint64_t size = 0;
  std::string sha256;
};
// Reads `path` in 1 MiB chunks. nullopt (with `error` set) when it cannot be read.
std::optional<FileDigest> sha256_file(const std::string& path, std::string& error);

}  // namespace casfolio
