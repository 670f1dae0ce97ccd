#include "util/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace casfolio {

bool replace_file(const std::string& path, const std::function<bool(std::FILE*)>& fill, std::string& error,
                  bool durable) {
  static std::atomic<unsigned> counter{0};
  std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
  auto fail = [&](int e) {
    error = std::string("cannot write '") + path + "': " + std::strerror(e ? e : EIO);
    ::unlink(tmp.c_str());
    return false;
  };
  // O_EXCL: never write through a name someone else made (a link planted there).
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    error = std::string("cannot write '") + path + "': " + std::strerror(errno);
    return false;
  }
  std::FILE* file = ::fdopen(fd, "wb");
  if (!file) {
    int e = errno;
    ::close(fd);
    return fail(e);
  }
  errno = 0;
  bool filled = fill(file) && std::fflush(file) == 0;
  int e = errno;
  if (filled && durable && ::fsync(fd) != 0) {
    filled = false;
    e = errno;
  }
  if (std::fclose(file) != 0 && filled) {
    filled = false;
    e = errno;
  }
  if (!filled) return fail(e);
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(errno);
  return true;
}

bool replace_file(const std::string& path, std::string_view data, std::string& error) {
  return replace_file(
      path, [&](std::FILE* file) { return std::fwrite(data.data(), 1, data.size(), file) == data.size(); }, error);
}

}  // namespace casfolio
