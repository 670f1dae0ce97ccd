// The loader reads through this interface so that tests can use an
// in-memory tree and the disk is touched only at the edge.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "util/folder_walk.h"

namespace casfolio {

enum class EntryKind { file, directory, other };

struct DirEntry {
  std::string name;
  EntryKind kind = EntryKind::other;
  uint64_t size = 0;
  // The path resolves outside the source's root: a symbolic link leading
  // out, or an entry below such a link.
  bool escapes_root = false;
  // A symbolic link (the loader never descends into linked folders, so a
  // link cannot make it walk in circles).
  bool symlink = false;
};

class FileSource {
 public:
  virtual ~FileSource() = default;
  // Paths are '/'-separated and relative to the source's root; "" is the root.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  // Entries of a folder, sorted by name. Empty when it does not exist.
  virtual std::vector<DirEntry> list(const std::string& dir) const = 0;
  // The same, but nullopt when the folder exists and cannot be read, so
  // that a walk can say so (walk_source). By default, list().
  virtual std::optional<std::vector<DirEntry>> list_checked(const std::string& dir) const { return list(dir); }
  virtual std::optional<DirEntry> stat(const std::string& path) const = 0;
  // The same tree seen from `dir`: paths become relative to it, and
  // escapes_root is judged against it (a portfolio inside a cohort).
  virtual std::unique_ptr<FileSource> subtree(const std::string& dir) const;
};

// The shared walk (util/folder_walk.h) over `source`: a link is reported
// as one (WalkEntry::outside when it leads out of the source's root) and a
// linked folder is never descended.
WalkReport walk_source(const FileSource& source, const WalkLimits& limits, const WalkVisitor& visit);

// The real file system below `root`. Files are read only when they are
// regular files inside the root (never a FIFO, which would block).
class DiskFileSource : public FileSource {
 public:
  explicit DiskFileSource(std::string root);
  std::optional<std::string> read(const std::string& path) const override;
  std::vector<DirEntry> list(const std::string& dir) const override;
  std::optional<std::vector<DirEntry>> list_checked(const std::string& dir) const override;
  std::optional<DirEntry> stat(const std::string& path) const override;
  std::unique_ptr<FileSource> subtree(const std::string& dir) const override;
  const std::string& root() const { return root_; }

 private:
  // True when `dir` (below the root) and every folder above it are real
  // folders, not symbolic links: then nothing below it can lead out.
  bool plain_dir(const std::string& dir) const;

  std::string root_;
  std::string canonical_root_;
  mutable std::mutex plain_mutex_;
  mutable std::map<std::string, bool> plain_dirs_;  // plain_dir's answers
};

// An in-memory tree for tests: folders are implied by file paths.
class MemoryFileSource : public FileSource {
 public:
  void add(const std::string& path, std::string content);
  // A symbolic link that leads outside the root.
  void add_escaping_link(const std::string& path);
  std::optional<std::string> read(const std::string& path) const override;
  std::vector<DirEntry> list(const std::string& dir) const override;
  std::optional<DirEntry> stat(const std::string& path) const override;
  std::unique_ptr<FileSource> subtree(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, bool> escaping_links_;
};

}  // namespace casfolio
