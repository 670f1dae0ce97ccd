// Names the site could not be written with, found while loading so that
// `check` reports them and `build` never meets them: ids beyond a length,
// file names that would pass NAME_MAX once casfolio adds its suffix, names
// with control characters, and evidence that cannot be read.
#pragma once
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"

namespace casfolio {

class FileSource;

// An id is a folder and a part of web addresses: [a-z0-9-]+, at most 64.
inline constexpr size_t kMaxIdLength = 64;
// The longest suffix casfolio adds to a name it publishes: ".jpg" or ".png"
// after an image converted for the web ("photo.heic" -> "photo.heic.jpg");
// a page's ".md" -> ".html" adds 2. A part of a path may be NAME_MAX (255)
// bytes less that.
inline constexpr size_t kMaxNameSuffixBytes = 4;
inline constexpr size_t kMaxFileNameBytes = 255 - kMaxNameSuffixBytes;

// Reports `id` (from a folder's name or `id:`), which is_valid_id refused:
// `id-too-long` when only its length is wrong, else `bad-id`.
void report_bad_id(Diagnostics& sink, Location where, std::string_view id);
// A valid id made from `name`: its slug, cut to kMaxIdLength.
std::string id_from(std::string_view name);

// The files of a portfolio that cannot be published, left out of it.
class UnusableFiles {
 public:
  // Moves them out of `files` (paths relative to the portfolio).
  void sort_out(const FileSource& source, std::vector<std::string>& files);
  // When `path` is one of them: reports it at `where` (a link or an
  // `evidence:` entry) and returns true.
  bool report_reference(const std::string& path, const Location& where, Diagnostics& sink);
  // Reports, at the file itself, each one no reference named.
  void report_unreferenced(Diagnostics& sink) const;

 private:
  std::map<std::string, std::string> codes_;  // path -> what is wrong with it
  std::set<std::string> referenced_;
};

}  // namespace casfolio
