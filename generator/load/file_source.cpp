#include "load/file_source.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace casfolio {

namespace {

bool is_inside(const fs::path& canonical_root, const fs::path& p) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(p, ec);
  if (ec) return false;
  auto r = canonical_root.begin(), x = real.begin();
  for (; r != canonical_root.end(); ++r, ++x)
    if (x == real.end() || *r != *x) return false;
  return true;
}

}  // namespace

DiskFileSource::DiskFileSource(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  canonical_root_ = fs::weakly_canonical(root_.empty() ? "." : root_, ec).string();
}

std::optional<std::string> DiskFileSource::read(const std::string& path) const {
  fs::path p = path.empty() ? fs::path(root_) : fs::path(root_) / path;
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  return std::move(buf).str();
}

std::optional<DirEntry> DiskFileSource::stat(const std::string& path) const {
  fs::path p = path.empty() ? fs::path(root_) : fs::path(root_) / path;
  std::error_code ec;
  auto link = fs::symlink_status(p, ec);
  if (ec || !fs::exists(link)) return std::nullopt;
  DirEntry e;
  e.name = p.filename().string();
  if (fs::is_symlink(link)) e.escapes_root = !is_inside(canonical_root_, p);
  auto st = fs::status(p, ec);
  if (ec) {  // a dangling link
    e.kind = EntryKind::other;
    return e;
  }
  e.kind = fs::is_regular_file(st) ? EntryKind::file : fs::is_directory(st) ? EntryKind::directory : EntryKind::other;
  if (e.kind == EntryKind::file) e.size = fs::file_size(p, ec);
  return e;
}

std::vector<DirEntry> DiskFileSource::list(const std::string& dir) const {
  std::vector<DirEntry> out;
  fs::path p = dir.empty() ? fs::path(root_.empty() ? "." : root_) : fs::path(root_) / dir;
  std::error_code ec;
  for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::string rel = dir.empty() ? name : dir + "/" + name;
    if (auto e = stat(rel)) out.push_back(std::move(*e));
  }
  std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return out;
}

void MemoryFileSource::add(const std::string& path, std::string content) { files_[path] = std::move(content); }

void MemoryFileSource::add_escaping_link(const std::string& path) { escaping_links_[path] = true; }

std::optional<std::string> MemoryFileSource::read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::optional<DirEntry> MemoryFileSource::stat(const std::string& path) const {
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  if (escaping_links_.count(path)) return DirEntry{name, EntryKind::file, 0, true};
  if (auto it = files_.find(path); it != files_.end()) return DirEntry{name, EntryKind::file, it->second.size(), false};
  std::string prefix = path.empty() ? "" : path + "/";
  auto it = files_.lower_bound(prefix);
  if (it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0)
    return DirEntry{name, EntryKind::directory, 0, false};
  return std::nullopt;
}

std::vector<DirEntry> MemoryFileSource::list(const std::string& dir) const {
  std::string prefix = dir.empty() ? "" : dir + "/";
  std::vector<DirEntry> out;
  auto consider = [&](const std::string& path) {
    if (path.compare(0, prefix.size(), prefix) != 0 || path.size() == prefix.size()) return;
    std::string rest = path.substr(prefix.size());
    std::string name = rest.substr(0, rest.find('/'));
    if (!out.empty() && out.back().name == name) return;
    if (std::any_of(out.begin(), out.end(), [&](const DirEntry& e) { return e.name == name; })) return;
    if (auto e = stat(prefix + name)) out.push_back(*e);
  };
  for (const auto& [path, content] : files_) consider(path);
  for (const auto& [path, flag] : escaping_links_) consider(path);
  std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return out;
}

}  // namespace casfolio
