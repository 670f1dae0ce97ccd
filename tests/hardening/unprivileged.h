// Permission tests that mean something when the tests run as root: root
// reads a folder whatever its mode (chmod 000 stops nobody with
// CAP_DAC_OVERRIDE), so the code under test runs in a child process that has
// given up root for the "nobody" user and group. Header only.
#pragma once
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace casfolio::test {

constexpr uid_t kNobody = 65534;

// `f()` run without root's privileges (in a child process when the tests
// run as root, else here); nullopt when they could not be given up.
inline std::optional<std::string> unprivileged(const std::function<std::string()>& f) {
  if (::geteuid() != 0) return f();
  int fds[2];
  if (::pipe(fds) != 0) return std::nullopt;
  pid_t pid = ::fork();
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    ::close(fds[0]);
    if (::setgroups(0, nullptr) != 0 || ::setresgid(kNobody, kNobody, kNobody) != 0 ||
        ::setresuid(kNobody, kNobody, kNobody) != 0)
      ::_exit(3);
    std::string out = f();
    for (size_t done = 0; done < out.size();) {
      ssize_t n = ::write(fds[1], out.data() + done, out.size() - done);
      if (n <= 0) ::_exit(4);
      done += size_t(n);
    }
    ::_exit(0);  // no destructors, no test framework in the child
  }
  ::close(fds[1]);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, size_t(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

// False only where root cannot give up its privileges (no CAP_SETUID, as in
// some containers): then a permission case cannot be made to fail, and the
// test says so and skips it.
inline bool can_run_unprivileged() {
  return unprivileged([] { return std::string("ok"); }) == std::optional<std::string>("ok");
}

#define SKIP_UNLESS_UNPRIVILEGED_POSSIBLE()                                                              \
  do {                                                                                                   \
    if (!casfolio::test::can_run_unprivileged()) {                                                       \
      WARN("skipped: running as root and unable to give up root, so no folder can be made unreadable"); \
      return;                                                                                            \
    }                                                                                                    \
  } while (false)

// Lets the unprivileged child reach `dir` (a TempDir is made 0700 under
// some umasks): every folder from it down gets o+rx, every file o+r.
inline void open_to_others(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  fs::permissions(dir, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_symlink()) continue;
    fs::permissions(it->path(), it->is_directory() ? fs::perms::others_read | fs::perms::others_exec : fs::perms::others_read,
                    fs::perm_options::add);
  }
}

}  // namespace casfolio::test
