#include "write/output_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

namespace casfolio {

namespace fs = std::filesystem;

OutputLock::OutputLock(const std::string& out_dir, const std::function<void()>& waiting) {
  fs::path out = fs::absolute(fs::path(out_dir)).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();  // "site/" is "site"
  fs::path parent = out.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) {
      ::close(fd);
      return;
    }
    if (waiting) waiting();
    int rc;
    while ((rc = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
    }
    if (rc != 0) {
      ::close(fd);
      return;
    }
  }
  fd_ = fd;
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace casfolio
