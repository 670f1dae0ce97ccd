// The loader reads through this interface so that tests can use an
// in-memory tree and the disk is touched only at the edge.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace casfolio {

enum class EntryKind { file, directory, other };

struct DirEntry {
  std::string name;
  EntryKind kind = EntryKind::other;
  uint64_t size = 0;
  // A symbolic link whose target lies outside the source's root.
  bool escapes_root = false;
};

class FileSource {
 public:
  virtual ~FileSource() = default;
  // Paths are '/'-separated and relative to the source's root; "" is the root.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  // Entries of a folder, sorted by name. Empty when it does not exist.
  virtual std::vector<DirEntry> list(const std::string& dir) const = 0;
  virtual std::optional<DirEntry> stat(const std::string& path) const = 0;
};

// The real file system below `root`.
class DiskFileSource : public FileSource {
 public:
  explicit DiskFileSource(std::string root);
  std::optional<std::string> read(const std::string& path) const override;
  std::vector<DirEntry> list(const std::string& dir) const override;
  std::optional<DirEntry> stat(const std::string& path) const override;
  const std::string& root() const { return root_; }

 private:
  std::string root_;
  std::string canonical_root_;
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

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, bool> escaping_links_;
};

}  // namespace casfolio
