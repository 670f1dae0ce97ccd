#include "cli/file_watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include "util/folder_walk.h"

namespace casfolio {

namespace {

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY |
                           IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;

// The cohort's discovery depth plus a portfolio's (load/loader.cpp,
// load/portfolio_reader.cpp): deeper folders are never read.
constexpr int kMaxDepth = 64;

std::string join(const std::string& a, const std::string& b) { return a.empty() ? b : a + "/" + b; }

}  // namespace

FileWatcher::FileWatcher(size_t max_watches)
    : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)), max_watches_(max_watches) {}

FileWatcher::~FileWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool FileWatcher::watch_tree(const std::string& dir, const std::string& base) {
  if (fd_ < 0 || !add_one(dir, base, 0, true)) return false;
  add_tree(dir, base, 0, nullptr);
  return true;
}

bool FileWatcher::add_one(const std::string& disk, const std::string& rel, int depth, bool top) {
  if (dirs_.size() >= max_watches_) {
    complete_ = false;
    return false;
  }
  // Only the folder the user named may be a link; below it, a folder that
  // became a link since the walk saw it is not watched.
  int wd = ::inotify_add_watch(fd_, disk.c_str(), kMask | IN_ONLYDIR | (top ? 0 : IN_DONT_FOLLOW));
  if (wd < 0) return false;
  dirs_[wd] = Watched{disk, rel, depth};
  return true;
}

void FileWatcher::add_tree(const std::string& disk, const std::string& rel, int depth,
                           std::vector<std::string>* found) {
  WalkLimits limits;
  limits.names = WalkNames::skip_hidden;
  limits.max_depth = kMaxDepth - depth;
  walk_folder(disk, limits, [&](const WalkEntry& e) {
    if (found) found->push_back(join(rel, e.path));
    if (!e.is_folder() || depth + e.depth > kMaxDepth) return WalkStep::skip;
    if (!add_one(disk + "/" + e.path, join(rel, e.path), depth + e.depth, false))
      return complete_ ? WalkStep::skip : WalkStep::stop;
    return WalkStep::descend;
  });
}

void FileWatcher::forget(const std::string& rel) {
  for (auto it = dirs_.begin(); it != dirs_.end();) {
    const std::string& r = it->second.rel;
    if (r == rel || (r.size() > rel.size() && r.starts_with(rel) && r[rel.size()] == '/')) {
      ::inotify_rm_watch(fd_, it->first);  // EINVAL when the kernel dropped it already: harmless
      it = dirs_.erase(it);
    } else {
      ++it;
    }
  }
}

bool FileWatcher::read(std::vector<std::string>& changed) {
  bool complete = true;
  alignas(struct inotify_event) char buf[64 * 1024];
  while (true) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) break;
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<struct inotify_event*>(p);
      p += sizeof(struct inotify_event) + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) {
        complete = false;
        continue;
      }
      auto it = dirs_.find(ev->wd);
      if (it == dirs_.end()) continue;
      Watched w = it->second;
      if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
        if (ev->mask & IN_IGNORED) dirs_.erase(it);
        if (!w.rel.empty()) changed.push_back(w.rel);
        continue;
      }
      std::string name = ev->len ? std::string(ev->name) : std::string();
      if (name.empty()) continue;
      std::string path = join(w.rel, name);
      changed.push_back(path);
      if (!(ev->mask & IN_ISDIR) || name[0] == '.') continue;
      // A folder removed or moved away is no longer watched (its watches
      // would otherwise stay, reporting under a path that is gone).
      if (ev->mask & (IN_DELETE | IN_MOVED_FROM)) forget(path);
      // A folder made (or moved in) later is watched too, with all it
      // holds; files written before the watch began are changes too.
      if ((ev->mask & (IN_CREATE | IN_MOVED_TO)) && w.depth + 1 <= kMaxDepth &&
          add_one(w.disk + "/" + name, path, w.depth + 1, false))
        add_tree(w.disk + "/" + name, path, w.depth + 1, &changed);
    }
  }
  return complete;
}

}  // namespace casfolio
