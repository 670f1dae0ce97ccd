#include "util/folder_walk.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>

namespace casfolio {

namespace {

int64_t ns(const struct timespec& t) { return int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

WalkStat stat_of(const struct stat& st) {
  WalkStat s;
  s.kind = S_ISREG(st.st_mode)   ? WalkKind::file
           : S_ISDIR(st.st_mode) ? WalkKind::directory
           : S_ISLNK(st.st_mode) ? WalkKind::link
                                 : WalkKind::other;
  s.size = S_ISREG(st.st_mode) ? uint64_t(st.st_size) : 0;
  s.mtime_ns = ns(st.st_mtim);
  s.ctime_ns = ns(st.st_ctim);
  s.inode = uint64_t(st.st_ino);
  return s;
}

std::string join(const std::string& a, const std::string& b) { return a.empty() ? b : a + "/" + b; }

bool skipped(std::string_view name, WalkNames names) {
  if (name == "." || name == "..") return true;
  switch (names) {
    case WalkNames::all: return false;
    case WalkNames::skip_hidden: return name.empty() || name.front() == '.';
    case WalkNames::skip_ignored: return is_ignored_name(name);
  }
  return false;
}

std::string real_path(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

// True when `path` (fully resolved) is `root` or below it.
bool resolves_inside(const std::string& real_root, const std::string& path) {
  std::string real = real_path(path);
  if (real.empty() || real_root.empty()) return false;
  if (real_root == "/") return true;
  return real == real_root || (real.starts_with(real_root) && real[real_root.size()] == '/');
}

bool walk_dir(const FolderLister& list, const WalkLimits& limits, const WalkVisitor& visit, const std::string& dir,
              int depth, WalkReport& report) {
  std::vector<WalkEntry> entries;
  // One more than may be visited, so that "more" can be told from "exactly".
  size_t room = limits.max_entries - report.entries + 1;
  if (!list(dir, room, entries)) {
    report.unreadable.push_back(dir);
    return true;
  }
  std::sort(entries.begin(), entries.end(), [](const WalkEntry& a, const WalkEntry& b) { return a.name < b.name; });
  for (WalkEntry& e : entries) {
    if (skipped(e.name, limits.names)) continue;
    if (report.entries >= limits.max_entries) {
      report.too_many = true;
      return false;
    }
    ++report.entries;
    e.path = join(dir, e.name);
    e.depth = depth + 1;
    WalkStep step = visit(e);
    if (step == WalkStep::stop) return false;
    if (step != WalkStep::descend || !e.is_folder()) continue;
    if (e.depth > limits.max_depth) {
      if (report.too_deep.empty()) report.too_deep = e.path;
      continue;
    }
    if (!walk_dir(list, limits, visit, e.path, depth + 1, report)) return false;
  }
  return true;
}

}  // namespace

bool is_ignored_name(std::string_view name) { return name.empty() || name.front() == '.' || name.front() == '_'; }

bool has_ignored_part(std::string_view path) {
  for (size_t start = 0; start <= path.size();) {
    size_t slash = path.find('/', start);
    std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!part.empty() && is_ignored_name(part)) return true;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

WalkReport walk_tree(const FolderLister& list, const WalkLimits& limits, const WalkVisitor& visit) {
  WalkReport report;
  walk_dir(list, limits, visit, "", 0, report);
  return report;
}

bool list_folder(const std::string& root, const std::string& dir, size_t max_entries, std::vector<WalkEntry>& out) {
  std::string base = root.empty() ? "." : root;
  std::string path = dir.empty() ? base : base + "/" + dir;
  // Below the root a folder is opened only if it is still a folder, not a
  // link put in its place since it was listed.
  int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (dir.empty() ? 0 : O_NOFOLLOW);
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) return false;
  DIR* d = ::fdopendir(fd);
  if (!d) {
    ::close(fd);
    return false;
  }
  std::string real_root;  // resolved only when a link needs it
  while (struct dirent* de = ::readdir(d)) {
    std::string_view name = de->d_name;
    if (name == "." || name == "..") continue;
    if (out.size() >= max_entries) break;
    WalkEntry e;
    e.name = std::string(name);
    struct stat st;
    if (::fstatat(::dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;  // gone since readdir
    e.self = stat_of(st);
    e.target = e.self;
    if (e.is_link()) {
      e.target = ::fstatat(::dirfd(d), de->d_name, &st, 0) == 0 ? stat_of(st) : WalkStat{};
      if (real_root.empty()) real_root = real_path(base);
      e.outside = !resolves_inside(real_root, path + "/" + e.name);
    }
    out.push_back(std::move(e));
  }
  ::closedir(d);
  std::sort(out.begin(), out.end(), [](const WalkEntry& a, const WalkEntry& b) { return a.name < b.name; });
  return true;
}

WalkReport walk_folder(const std::string& root, const WalkLimits& limits, const WalkVisitor& visit) {
  return walk_tree([&](const std::string& dir, size_t max_entries,
                       std::vector<WalkEntry>& out) { return list_folder(root, dir, max_entries, out); },
                   limits, visit);
}

std::optional<std::string> read_regular_file(const std::string& path, uint64_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string bytes;
  uint64_t limit = max_bytes == UINT64_MAX ? max_bytes : max_bytes + 1;
  bytes.reserve(size_t(std::min<uint64_t>(uint64_t(st.st_size), limit)));
  char buf[64 * 1024];
  while (bytes.size() < limit) {
    ssize_t n = ::read(fd, buf, size_t(std::min<uint64_t>(sizeof buf, limit - bytes.size())));
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    bytes.append(buf, size_t(n));
  }
  ::close(fd);
  return bytes;
}

}  // namespace casfolio
