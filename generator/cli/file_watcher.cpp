#include "cli/file_watcher.h"

#include <dirent.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <climits>

namespace casfolio {

namespace {

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY |
                           IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;

std::string join(const std::string& a, const std::string& b) { return a.empty() ? b : a + "/" + b; }

}  // namespace

FileWatcher::FileWatcher() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}

FileWatcher::~FileWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool FileWatcher::watch_tree(const std::string& dir, const std::string& base) {
  if (fd_ < 0) return false;
  add(dir, base, 0);
  return true;
}

void FileWatcher::add(const std::string& dir, const std::string& rel, int depth) {
  if (depth > 64) return;
  int wd = ::inotify_add_watch(fd_, dir.c_str(), kMask | IN_ONLYDIR);
  if (wd < 0) return;
  dirs_[wd] = {dir, rel};
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  while (struct dirent* e = ::readdir(d)) {
    if (e->d_name[0] == '.') continue;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
      DIR* probe = ::opendir((dir + "/" + e->d_name).c_str());
      is_dir = probe != nullptr;
      if (probe) ::closedir(probe);
      if (e->d_type == DT_LNK) is_dir = false;  // the loader does not follow linked folders either
    }
    if (is_dir) add(dir + "/" + e->d_name, join(rel, e->d_name), depth + 1);
  }
  ::closedir(d);
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
      auto [disk, rel] = it->second;
      if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
        if (ev->mask & IN_IGNORED) dirs_.erase(it);
        if (!rel.empty()) changed.push_back(rel);
        continue;
      }
      std::string name = ev->len ? std::string(ev->name) : std::string();
      if (name.empty()) continue;
      std::string path = join(rel, name);
      changed.push_back(path);
      // A folder made (or moved in) later is watched too, with all it holds.
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)) && name[0] != '.') {
        add(disk + "/" + name, path, 0);
        // Files written before the watch began are changes too.
        std::vector<std::string> inside;
        std::vector<std::pair<std::string, std::string>> todo{{disk + "/" + name, path}};
        while (!todo.empty()) {
          auto [d, r] = todo.back();
          todo.pop_back();
          DIR* dd = ::opendir(d.c_str());
          if (!dd) continue;
          while (struct dirent* e = ::readdir(dd)) {
            if (e->d_name[0] == '.') continue;
            changed.push_back(join(r, e->d_name));
            if (e->d_type == DT_DIR) todo.push_back({d + "/" + e->d_name, join(r, e->d_name)});
          }
          ::closedir(dd);
        }
      }
    }
  }
  return complete;
}

}  // namespace casfolio
