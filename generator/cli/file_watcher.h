// Watching folders for changes (inotify), for casfolio serve: every folder
// below the ones given, including folders made later. Changes come back as
// paths relative to the first folder watched.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace casfolio {

class FileWatcher {
 public:
  // Each watch costs the kernel memory and counts against the user's
  // fs.inotify.max_user_watches: a tree with more folders is watched in part.
  static constexpr size_t kDefaultMaxWatches = 8192;

  explicit FileWatcher(size_t max_watches = kDefaultMaxWatches);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  bool ok() const { return fd_ >= 0; }
  // Watches `dir` and every folder below it, found by the shared walker
  // (util/folder_walk.h: links are never followed, names starting with '.'
  // are skipped, depth is bounded). Changes in it are reported as paths
  // below `base`: "" for the folder being built, a name of one's own for
  // another (a theme folder). False when `dir` itself cannot be watched.
  bool watch_tree(const std::string& dir, const std::string& base);
  // The descriptor to poll() for reading.
  int fd() const { return fd_; }
  // Reads what is pending (without blocking) and appends the changed paths.
  // Returns false when events were lost (the kernel's queue overflowed):
  // anything may have changed.
  bool read(std::vector<std::string>& changed);

  // Folders watched now (a removed or moved-away folder is no longer watched).
  size_t watches() const { return dirs_.size(); }
  // False once a folder was left unwatched for the limit on watches.
  bool complete() const { return complete_; }

 private:
  struct Watched {
    std::string disk;  // the folder on disk
    std::string rel;   // its path in reports
    int depth = 0;     // folders below the watched tree's top
  };
  // Watches `disk` and the folders below it; `found` (when given) gets every
  // entry's path below it.
  void add_tree(const std::string& disk, const std::string& rel, int depth, std::vector<std::string>* found);
  bool add_one(const std::string& disk, const std::string& rel, int depth, bool top);
  // Stops watching the folder reported as `rel` and everything below it.
  void forget(const std::string& rel);

  int fd_ = -1;
  size_t max_watches_;
  bool complete_ = true;
  std::map<int, Watched> dirs_;  // watch descriptor -> folder
};

}  // namespace casfolio
