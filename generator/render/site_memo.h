// What rendering one student produced, kept from one build to the next so
// that an incremental build renders only the students whose inputs changed
// (docs/performance.md). The pages themselves are not kept: the previous
// site on disk has them, and the writer reuses a file by its digest.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"

namespace casfolio {

// One entry of a language's search index: its page, and the entry as the
// index's JSON has it (made once, when its page is rendered).
struct SearchEntry {
  std::string url;
  std::string json;
  friend bool operator==(const SearchEntry&, const SearchEntry&) = default;
};

struct MemoFile {
  std::string path;         // in the site
  std::string digest;       // content_digest of its bytes, "" for a verbatim copy
  uint64_t size = 0;
  std::string source_path;  // a verbatim copy of this file on disk, else ""
};

struct StudentMemo {
  std::string key;  // digest of everything the student's pages depend on
  std::vector<MemoFile> files;                      // its pages and media
  std::array<std::vector<SearchEntry>, 3> search;   // by Language
  std::vector<Finding> findings;                    // what rendering reported
};

struct SiteMemo {
  std::map<std::string, StudentMemo> students;  // by student id
  size_t rendered = 0;  // students the build that filled it rendered (the others' entries were kept)
};

}  // namespace casfolio
