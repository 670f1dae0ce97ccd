// Watching folders for changes (inotify), for casfolio serve: every folder
// below the ones given, including folders made later. Changes come back as
// paths relative to the first folder watched.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace casfolio {

class FileWatcher {
 public:
  FileWatcher();
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  bool ok() const { return fd_ >= 0; }
  // Watches `dir` and every folder below it (names starting with '.' are
  // skipped). Changes in it are reported as paths below `base`: "" for the
  // folder being built, a name of one's own for another (a theme folder).
  bool watch_tree(const std::string& dir, const std::string& base);
  // The descriptor to poll() for reading.
  int fd() const { return fd_; }
  // Reads what is pending (without blocking) and appends the changed paths.
  // Returns false when events were lost (the kernel's queue overflowed):
  // anything may have changed.
  bool read(std::vector<std::string>& changed);

 private:
  void add(const std::string& dir, const std::string& rel, int depth);

  int fd_ = -1;
  std::map<int, std::pair<std::string, std::string>> dirs_;  // watch -> (folder on disk, its path for reports)
};

}  // namespace casfolio
