// Helpers for the bundle and verify tests: a temporary folder, and a reader
// of a zip's raw records so tests can see exactly what was written (times,
// modes, extra fields) and patch bytes the way an attacker would.
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace casfolio::testing {

namespace fs = std::filesystem;

// test::TempDir, with paths as strings and a way to write a file in it.
class TempDir : public test::TempDir {
 public:
  TempDir() : test::TempDir("casfolio-bundle-") {}
  std::string operator/(const std::string& rel) const { return (path() / rel).string(); }
  // Writes `content` to `rel` (creating folders) and returns the full path.
  std::string file(const std::string& rel, const std::string& content) const {
    test::write_file(path() / rel, content);
    return (path() / rel).string();
  }
};

inline std::string read_bytes(const std::string& path) { return test::read_file(path); }

inline void write_bytes(const std::string& path, const std::string& bytes) { test::write_file(path, bytes); }

struct RawEntry {
  std::string name;
  uint16_t made_by = 0;  // high byte: host system (3 = UNIX)
  uint16_t flags = 0;
  uint16_t method = 0;  // 0 stored, 8 deflated
  uint16_t time = 0, date = 0;
  uint32_t compressed = 0, uncompressed = 0;
  uint16_t extra_length = 0;        // in the central directory
  uint16_t local_extra_length = 0;  // in the local header
  uint16_t local_time = 0, local_date = 0;
  uint32_t external = 0;
  uint64_t local_offset = 0;
  uint64_t central_offset = 0;  // of this record
  uint64_t data_offset = 0;     // first byte of the entry's data
};

inline uint16_t le16(const std::string& b, size_t at) {
  return uint16_t(uint8_t(b.at(at)) | uint8_t(b.at(at + 1)) << 8);
}
inline uint32_t le32(const std::string& b, size_t at) {
  return uint32_t(le16(b, at)) | uint32_t(le16(b, at + 2)) << 16;
}

// The central directory's records, in order (no zip64: test zips are small).
inline std::vector<RawEntry> raw_entries(const std::string& b) {
  size_t eocd = b.rfind(std::string("PK\x05\x06", 4));
  if (eocd == std::string::npos) throw std::runtime_error("no end of central directory");
  uint16_t count = le16(b, eocd + 10);
  size_t at = le32(b, eocd + 16);
  std::vector<RawEntry> out;
  for (uint16_t i = 0; i < count; ++i) {
    if (le32(b, at) != 0x02014b50) throw std::runtime_error("bad central record");
    RawEntry e;
    e.central_offset = at;
    e.made_by = le16(b, at + 4);
    e.flags = le16(b, at + 8);
    e.method = le16(b, at + 10);
    e.time = le16(b, at + 12);
    e.date = le16(b, at + 14);
    e.compressed = le32(b, at + 20);
    e.uncompressed = le32(b, at + 24);
    uint16_t name_len = le16(b, at + 28);
    e.extra_length = le16(b, at + 30);
    uint16_t comment_len = le16(b, at + 32);
    e.external = le32(b, at + 38);
    e.local_offset = le32(b, at + 42);
    e.name = b.substr(at + 46, name_len);
    size_t local = e.local_offset;
    if (le32(b, local) != 0x04034b50) throw std::runtime_error("bad local header");
    e.local_time = le16(b, local + 10);
    e.local_date = le16(b, local + 12);
    e.local_extra_length = le16(b, local + 28);
    e.data_offset = local + 30 + le16(b, local + 26) + e.local_extra_length;
    out.push_back(e);
    at += 46 + name_len + e.extra_length + comment_len;
  }
  return out;
}

}  // namespace casfolio::testing
