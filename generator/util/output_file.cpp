#include "util/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace casfolio {

bool replace_file(const std::string& path, std::string_view data, std::string& error) {
  static std::atomic<unsigned> counter{0};
  std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
  auto fail = [&](const char* what) {
    error = std::string("cannot write '") + path + "': " + what;
    ::unlink(tmp.c_str());
    return false;
  };
  // O_EXCL: never write through a name someone else made (a link planted there).
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    error = std::string("cannot write '") + path + "': " + std::strerror(errno);
    return false;
  }
  for (size_t done = 0; done < data.size();) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int e = errno;
      ::close(fd);
      return fail(std::strerror(e));
    }
    done += size_t(n);
  }
  int synced = ::fsync(fd) == 0 ? 0 : errno;
  int closed = ::close(fd) == 0 ? 0 : errno;
  if (synced || closed) return fail(std::strerror(synced ? synced : closed));
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(std::strerror(errno));
  return true;
}

}  // namespace casfolio
