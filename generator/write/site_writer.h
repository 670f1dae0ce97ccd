// Writing a rendered site to disk, atomically. The files go to a fresh
// folder beside the target, which then takes the target's place in one
// rename (Linux renameat2 RENAME_EXCHANGE, else two renames), so a reader
// sees the old site or the new one, never half of each, and a build that
// fails midway leaves the previous site whole. Nothing is written outside
// the target, and the target may not be, hold or sit inside the sources.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/site.h"

namespace casfolio {

// The file at the root of every site casfolio writes. A folder that exists,
// is not empty and lacks it is refused: replacing it could delete someone's files.
inline constexpr std::string_view kSiteMarker = ".casfolio-site";

struct SiteWriteOptions {
  std::string out_dir;                   // the site folder, as the user named it
  std::vector<std::string> source_dirs;  // folders the site must stay out of (the content)
};

struct SiteWriteResult {
  bool ok = false;
  std::string error;   // one sentence for the user when !ok
  size_t files = 0;    // files written, the marker not counted
  uint64_t bytes = 0;  // their size
};

// True for a path a site may contain: relative, '/'-separated, no empty,
// "." or ".." segment, no backslash, no control character.
bool is_safe_site_path(std::string_view path);

// Why `out_dir` may not receive a site (inside, equal to or holding a
// source folder; the file system root; a symbolic link; a non-empty folder
// without the marker; not a folder), or "" when it may.
std::string check_out_dir(const SiteWriteOptions& options);

SiteWriteResult write_site(const std::vector<OutputFile>& files, const SiteWriteOptions& options);

}  // namespace casfolio
