#include "load/file_source.h"

#include <algorithm>
#include <filesystem>

#include "util/disk_path.h"
#include "util/path.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

// Whether `p`, its links resolved, is inside the (resolved) root; a path
// that cannot be resolved is not (the walk fails closed).
bool is_inside(const fs::path& canonical_root, const fs::path& p) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(p, ec);
  return !ec && is_within(real, canonical_root);
}

std::string last_name(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool by_name(const DirEntry& a, const DirEntry& b) { return a.name < b.name; }

// Entries one folder may show; beyond it the walks' own limits have long
// been reached (a portfolio's max_files_per_portfolio, the cohort's folders).
constexpr size_t kMaxListed = 1'000'000;

// The default view of a subtree: paths are prefixed and passed on.
class PrefixedSource : public FileSource {
 public:
  PrefixedSource(const FileSource& base, std::string prefix) : base_(base), prefix_(std::move(prefix)) {}
  std::optional<std::string> read(const std::string& path) const override { return base_.read(full(path)); }
  std::vector<DirEntry> list(const std::string& dir) const override { return base_.list(full(dir)); }
  std::optional<std::vector<DirEntry>> list_checked(const std::string& dir) const override {
    return base_.list_checked(full(dir));
  }
  std::optional<DirEntry> stat(const std::string& path) const override { return base_.stat(full(path)); }

 private:
  std::string full(const std::string& path) const {
    if (prefix_.empty()) return path;
    return path.empty() ? prefix_ : prefix_ + "/" + path;
  }
  const FileSource& base_;
  std::string prefix_;
};

}  // namespace

std::unique_ptr<FileSource> FileSource::subtree(const std::string& dir) const {
  return std::make_unique<PrefixedSource>(*this, dir);
}

WalkReport walk_source(const FileSource& source, const WalkLimits& limits, const WalkVisitor& visit) {
  auto kind_of = [](EntryKind k) {
    return k == EntryKind::file ? WalkKind::file : k == EntryKind::directory ? WalkKind::directory : WalkKind::other;
  };
  auto list = [&](const std::string& dir, size_t max_entries, std::vector<WalkEntry>& out) {
    auto entries = source.list_checked(dir);
    if (!entries) return false;
    for (const DirEntry& e : *entries) {
      if (out.size() >= max_entries) break;
      WalkEntry w;
      w.name = e.name;
      w.target.kind = kind_of(e.kind);
      w.target.size = e.size;
      w.self = w.target;
      if (e.symlink) w.self = WalkStat{WalkKind::link};
      w.outside = e.escapes_root;
      out.push_back(std::move(w));
    }
    return true;
  };
  return walk_tree(list, limits, visit);
}

DiskFileSource::DiskFileSource(std::string root) : root_(std::move(root)) {
  canonical_root_ = resolved_path(root_).string();
}

std::optional<std::string> DiskFileSource::read(const std::string& path) const {
  // The one place the loader opens a file: a link leading out is not read
  // (whoever asked reports it), and read_regular_file refuses a FIFO.
  auto entry = stat(path);
  if (!entry || entry->escapes_root || entry->kind != EntryKind::file) return std::nullopt;
  fs::path p = path.empty() ? fs::path(root_) : fs::path(root_) / path;
  return read_regular_file(p.string());
}

std::optional<DirEntry> DiskFileSource::stat(const std::string& path) const {
  fs::path p = path.empty() ? fs::path(root_.empty() ? "." : root_) : fs::path(root_) / path;
  std::error_code ec;
  auto link = fs::symlink_status(p, ec);
  if (ec || !fs::exists(link)) return std::nullopt;
  DirEntry e;
  e.name = last_name(path);
  e.symlink = fs::is_symlink(link);
  // Judged for every path, not only links: a file below a linked folder
  // that leads out is outside too. A path with no link in it cannot lead
  // out, and needs no resolving (the slow part of loading a cohort).
  if (!path.empty()) {
    size_t slash = path.rfind('/');
    bool plain = !e.symlink && (slash == std::string::npos || plain_dir(path.substr(0, slash)));
    e.escapes_root = !plain && !is_inside(fs::path(canonical_root_), p);
  }
  auto st = fs::status(p, ec);
  if (ec) {  // a dangling link
    e.kind = EntryKind::other;
    return e;
  }
  e.kind = fs::is_regular_file(st) ? EntryKind::file : fs::is_directory(st) ? EntryKind::directory : EntryKind::other;
  if (e.kind == EntryKind::file) {
    auto size = fs::file_size(p, ec);
    e.size = ec ? 0 : size;
  }
  return e;
}

bool DiskFileSource::plain_dir(const std::string& dir) const {
  {
    std::lock_guard<std::mutex> lock(plain_mutex_);
    auto it = plain_dirs_.find(dir);
    if (it != plain_dirs_.end()) return it->second;
  }
  // Names are never "." or ".." here (paths come from listings and resolve_inside).
  size_t slash = dir.rfind('/');
  bool plain = dir.find("..") == std::string::npos && (slash == std::string::npos || plain_dir(dir.substr(0, slash)));
  if (plain) {
    std::error_code ec;
    auto st = fs::symlink_status(fs::path(root_) / dir, ec);
    plain = !ec && fs::is_directory(st);
  }
  std::lock_guard<std::mutex> lock(plain_mutex_);
  plain_dirs_[dir] = plain;
  return plain;
}

std::vector<DirEntry> DiskFileSource::list(const std::string& dir) const {
  return list_checked(dir).value_or(std::vector<DirEntry>{});
}

std::optional<std::vector<DirEntry>> DiskFileSource::list_checked(const std::string& dir) const {
  std::vector<WalkEntry> names;
  if (!list_folder(root_, dir, kMaxListed, names)) {
    std::error_code ec;
    fs::path p = dir.empty() ? fs::path(root_.empty() ? "." : root_) : fs::path(root_) / dir;
    if (!fs::exists(fs::symlink_status(p, ec))) return std::vector<DirEntry>{};  // missing is not unreadable
    return std::nullopt;
  }
  std::vector<DirEntry> out;
  for (const WalkEntry& name : names)
    if (auto e = stat(join_path(dir, name.name))) out.push_back(std::move(*e));
  std::sort(out.begin(), out.end(), by_name);
  return out;
}

std::unique_ptr<FileSource> DiskFileSource::subtree(const std::string& dir) const {
  if (dir.empty()) return std::make_unique<DiskFileSource>(root_);
  return std::make_unique<DiskFileSource>((fs::path(root_.empty() ? "." : root_) / dir).string());
}

void MemoryFileSource::add(const std::string& path, std::string content) { files_[path] = std::move(content); }

void MemoryFileSource::add_escaping_link(const std::string& path) { escaping_links_[path] = true; }

std::optional<std::string> MemoryFileSource::read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::optional<DirEntry> MemoryFileSource::stat(const std::string& path) const {
  std::string name = last_name(path);
  if (escaping_links_.count(path)) return DirEntry{name, EntryKind::file, 0, true, true};
  if (auto it = files_.find(path); it != files_.end())
    return DirEntry{name, EntryKind::file, it->second.size(), false, false};
  std::string prefix = path.empty() ? "" : path + "/";
  auto inside = [&](const std::string& p) { return p.compare(0, prefix.size(), prefix) == 0; };
  auto it = files_.lower_bound(prefix);
  auto link = escaping_links_.lower_bound(prefix);
  if ((it != files_.end() && inside(it->first)) || (link != escaping_links_.end() && inside(link->first)))
    return DirEntry{name, EntryKind::directory, 0, false, false};
  return std::nullopt;
}

std::vector<DirEntry> MemoryFileSource::list(const std::string& dir) const {
  std::string prefix = dir.empty() ? "" : dir + "/";
  std::vector<std::string> names;
  auto consider = [&](const std::string& path) {
    if (path.compare(0, prefix.size(), prefix) != 0 || path.size() == prefix.size()) return;
    std::string rest = path.substr(prefix.size());
    names.push_back(rest.substr(0, rest.find('/')));
  };
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
    consider(it->first);
  for (const auto& [path, flag] : escaping_links_) consider(path);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<DirEntry> out;
  for (const std::string& name : names)
    if (auto e = stat(prefix + name)) out.push_back(*e);
  std::sort(out.begin(), out.end(), by_name);
  return out;
}

std::unique_ptr<FileSource> MemoryFileSource::subtree(const std::string& dir) const {
  auto sub = std::make_unique<MemoryFileSource>();
  std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, content] : files_)
    if (path.compare(0, prefix.size(), prefix) == 0 && path.size() > prefix.size())
      sub->files_[path.substr(prefix.size())] = content;
  for (const auto& [path, flag] : escaping_links_)
    if (path.compare(0, prefix.size(), prefix) == 0 && path.size() > prefix.size())
      sub->escaping_links_[path.substr(prefix.size())] = flag;
  return sub;
}

}  // namespace casfolio
