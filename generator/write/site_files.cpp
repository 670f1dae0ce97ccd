#include "write/site_files.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "util/path.h"

namespace casfolio {

namespace fs = std::filesystem;

std::string quoted(const std::string& s) { return "'" + s + "'"; }

FileFault fault_of(int error) {
  switch (error) {
    case ENAMETOOLONG:
    case EILSEQ:
    case EINVAL:
    case EISDIR:
      return FileFault::this_file;
    default:
      return FileFault::folder;
  }
}

bool copy_stream(const std::string& from, const fs::path& to, uint64_t& bytes, std::string& error,
                 FileFault* fault) {
  std::ifstream in(from, std::ios::binary);
  if (!in) {
    error = "cannot read " + quoted(from);
    if (fault) *fault = FileFault::this_file;
    return false;
  }
  errno = 0;
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  if (!out) {
    int e = errno;
    error = "cannot create " + quoted(to.string()) + (e ? std::string(": ") + std::strerror(e) : "");
    if (fault) *fault = fault_of(e);
    return false;
  }
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), std::streamsize(buffer.size()));
    std::streamsize n = in.gcount();
    if (n > 0) {
      out.write(buffer.data(), n);
      bytes += uint64_t(n);
    }
  }
  if (in.bad()) {
    error = "cannot read " + quoted(from);
    if (fault) *fault = FileFault::this_file;
    return false;
  }
  out.close();
  if (!out) {
    error = "cannot write " + quoted(to.string()) + " (is the disk full?)";
    return false;
  }
  return true;
}

bool write_bytes(const std::string& data, const fs::path& to, std::string& error, struct stat* st,
                 FileFault* fault) {
  int fd = ::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    int e = errno;
    error = "cannot create " + quoted(to.string()) + ": " + std::strerror(e);
    if (fault) *fault = fault_of(e);
    return false;
  }
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += size_t(n);
  }
  bool ok = done == data.size();
  if (ok && st && ::fstat(fd, st) != 0) ok = false;
  if (::close(fd) != 0) ok = false;
  if (!ok) {
    error = "cannot write " + quoted(to.string()) + " (is the disk full?)";
    return false;
  }
  return true;
}

int64_t mtime_ns(const struct stat& st) { return int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec; }

std::string source_stamp(const struct stat& st) {
  return "src:" + std::to_string(st.st_size) + ":" + std::to_string(mtime_ns(st)) + ":" +
         std::to_string(int64_t(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec) + ":" +
         std::to_string(st.st_ino) + ":" + std::to_string(st.st_dev);
}

bool swap_into_place(const fs::path& fresh, const fs::path& target, bool target_exists, std::string& error) {
  if (!target_exists) {
    if (::rename(fresh.c_str(), target.c_str()) == 0) return true;
    error = "cannot move the new site into " + quoted(target.string()) + ": " + std::strerror(errno);
    return false;
  }
#ifdef RENAME_EXCHANGE
  if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
    error = "cannot replace " + quoted(target.string()) + ": " + std::strerror(errno);
    return false;
  }
#endif
  // No atomic exchange here: old aside, new in, old into `fresh`'s name.
  fs::path aside = fresh;
  aside += ".old";
  if (::rename(target.c_str(), aside.c_str()) != 0) {
    error = "cannot move the old site aside: " + std::string(std::strerror(errno));
    return false;
  }
  if (::rename(fresh.c_str(), target.c_str()) != 0) {
    error = "cannot move the new site into " + quoted(target.string()) + ": " + std::strerror(errno);
    ::rename(aside.c_str(), target.c_str());
    return false;
  }
  ::rename(aside.c_str(), fresh.c_str());
  return true;
}

}  // namespace casfolio
