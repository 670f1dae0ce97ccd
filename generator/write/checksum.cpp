#include "write/checksum.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace casfolio {

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return h.hex_digest();
}

std::optional<FileDigest> sha256_file(const std::string& path, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::vector<char> buf(1 << 20);
  Sha256 h;
  FileDigest d;
  for (;;) {
    size_t n = std::fread(buf.data(), 1, buf.size(), f);
    if (n > 0) {
      h.update(std::string_view(buf.data(), n));
      d.size += n;
    }
    if (n < buf.size()) break;
  }
  bool failed = std::ferror(f);
  int saved = errno;
  std::fclose(f);
  if (failed) {
    error = std::strerror(saved);
    return std::nullopt;
  }
  d.sha256 = h.hex_digest();
  return d;
}

}  // namespace casfolio
