// A reproducible zip writer: the same entries and options give the same
// bytes on any machine and in any time zone. Entries are written sorted by
// name, each parent folder gets its own entry, every entry has the same
// modification time, files are 0644 and folders 0755, and no extra fields
// (no "UT" timestamps, no uid/gid) are written. Media that is already
// compressed is stored; everything else is deflated.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casfolio {

struct ZipEntry {
  std::string name;  // path inside the archive, '/' separated, relative; never ends in '/'
  std::string data;  // the bytes, unless source_path is set
  // When set, the entry is this file on disk, streamed by libzip while the
  // archive is written: it never enters memory. Exactly `size` bytes are
  // copied, so a file that changed after it was hashed fails the write.
  std::string source_path;
  uint64_t size = 0;  // for source_path entries: the size that was hashed
};

struct ZipOptions {
  // Every entry's modification time, read as UTC calendar time, in seconds
  // since 1970-01-01. A zip cannot hold times before 1980-01-01 or after
  // 2107-12-31: those are clamped.
  int64_t timestamp = 315532800;  // 1980-01-01T00:00:00Z
  int deflate_level = 6;
};

enum class ZipMethod { store, deflate };
// Store for formats that are compressed already (JPEG, PNG, GIF, WebP, PDF,
// MP4, MOV, WebM, MP3, M4A, Ogg, zip, docx, pptx...), deflate otherwise.
ZipMethod method_for(std::string_view name);

struct ZipFailure {
  std::string entry;    // the entry (its name in the archive) that failed, or "" for the archive
  std::string message;  // libzip's or the system's reason
};

// Writes `entries` to `path`. libzip writes into a temporary file beside
// `path` and renames it over `path` only when everything was written, so a
// failure leaves whatever was at `path` before untouched.
std::optional<ZipFailure> write_zip(const std::string& path, std::vector<ZipEntry> entries, const ZipOptions& options);

// The two 16-bit MS-DOS fields a zip stores a time in, for a UTC time.
struct DosTime {
  uint16_t time = 0;  // seconds/2 | minute << 5 | hour << 11
  uint16_t date = 0;  // day | month << 5 | (year - 1980) << 9
};
DosTime dos_time(int64_t unix_seconds);

}  // namespace casfolio
