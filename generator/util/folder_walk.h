// The one way casfolio walks a folder tree (the loader, the build cache's
// fingerprints, templates, serve's file watcher). Entries are seen as lstat
// sees them: a symbolic link is reported as a link, with what it leads to,
// and a linked folder is never descended, so no arrangement of links can make
// a walk go in circles or leave the tree. Depth and the number of entries
// are bounded; a folder that cannot be read is a result, not an exception.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casfolio {

enum class WalkKind { file, directory, link, other };  // other: a FIFO, a socket, a device

struct WalkStat {
  WalkKind kind = WalkKind::other;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  uint64_t inode = 0;
};

struct WalkEntry {
  std::string path;  // relative to the walk's root, '/'-separated
  std::string name;
  int depth = 1;     // 1 for an entry of the root itself
  WalkStat self;     // the entry itself, not followed
  WalkStat target;   // what a link leads to (kind `other` when it leads nowhere); for others, = self
  bool outside = false;  // a link whose target is not inside the walk's root

  bool is_link() const { return self.kind == WalkKind::link; }
  bool is_folder() const { return self.kind == WalkKind::directory; }  // a real folder, never a link
  // A file or a link to a file inside the root: what a caller may read as a file.
  bool is_readable_file() const { return target.kind == WalkKind::file && !outside; }
};

// The loader's rule for names it leaves out (and so everything that must
// agree with the loader): empty, or starting with '.' or '_'.
bool is_ignored_name(std::string_view name);
// True when a part of the '/'-separated `path` is an ignored name (empty
// parts, as in "a//b", are not names): the loader never reads such a file.
bool has_ignored_part(std::string_view path);

enum class WalkNames {
  all,
  skip_hidden,   // names starting with '.'
  skip_ignored,  // is_ignored_name
};

struct WalkLimits {
  int max_depth = 32;              // folders nested deeper are not listed
  size_t max_entries = 1'000'000;  // entries visited in all
  WalkNames names = WalkNames::all;
};

// What the visitor wants after seeing an entry. `descend` is honoured for real
// folders only (never for links), within max_depth.
enum class WalkStep { skip, descend, stop };
using WalkVisitor = std::function<WalkStep(const WalkEntry&)>;

struct WalkReport {
  size_t entries = 0;                   // entries visited
  bool too_many = false;                // stopped at max_entries
  std::string too_deep;                 // the first folder not listed for its depth
  std::vector<std::string> unreadable;  // folders that could not be listed ("" is the root)
};

// Lists one folder of a tree (relative to its root): fills name, self,
// target and outside of each entry. False when the folder cannot be read.
using FolderLister = std::function<bool(const std::string& dir, size_t max_entries, std::vector<WalkEntry>& out)>;

// Depth first, names sorted bytewise, each entry visited before what it holds.
WalkReport walk_tree(const FolderLister& list, const WalkLimits& limits, const WalkVisitor& visit);

// walk_tree over the disk below `root` (which may itself be a link: the
// user named it). Holds at most one folder open at a time.
WalkReport walk_folder(const std::string& root, const WalkLimits& limits, const WalkVisitor& visit);

// The entries of one folder on disk, sorted; false when it cannot be read.
// `root` is what `outside` is judged against; `dir` is below it.
bool list_folder(const std::string& root, const std::string& dir, size_t max_entries, std::vector<WalkEntry>& out);

// The bytes of `path` when it is a regular file (a link is followed), else
// nullopt. Checks the type of what it opened before reading, so a FIFO put
// where a file was expected is refused instead of blocking forever.
// At most `max_bytes` + 1 bytes are read, so a caller can tell "too large".
std::optional<std::string> read_regular_file(const std::string& path, uint64_t max_bytes = UINT64_MAX);

}  // namespace casfolio
