// `casfolio serve` as a child process for the tests: started on a free port
// with its own TMPDIR and cache, stdout and stderr in files, killed at the
// end whatever fails. Every wait is a bounded hang guard, never a measurement.
#pragma once
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/test_support.h"

extern char** environ;

namespace casfolio::test {

// Calls `done` every 50 ms until it says true, for at most `limit`.
template <class F>
bool wait_until(F done, std::chrono::seconds limit) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

class ServeProcess {
 public:
  // `work`: a folder of the test's own, for TMPDIR, the cache and the output.
  ServeProcess(const fs::path& work, const std::string& dir, std::vector<std::string> extra_args)
      : port_(free_port()), out_((work / "serve-out.txt").string()), err_((work / "serve-err.txt").string()) {
    fs::create_directories(work / "tmp");
    std::vector<std::string> args = {CASFOLIO_BINARY, "serve", dir, "--port", std::to_string(port_)};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env = {"TMPDIR=" + (work / "tmp").string(),
                                    "CASFOLIO_CACHE_DIR=" + (work / "cache").string(), "NO_COLOR=1"};
    for (char** e = environ; *e; ++e)
      if (!std::string(*e).starts_with("TMPDIR=") && !std::string(*e).starts_with("CASFOLIO_CACHE_DIR="))
        env.push_back(*e);
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (posix_spawn(&pid_, CASFOLIO_BINARY, &actions, nullptr, argv.data(), envp.data()) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
  }
  ~ServeProcess() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  bool started() const { return pid_ > 0; }
  int port() const { return port_; }
  std::string out() const { return read_file(out_); }
  std::string err() const { return read_file(err_); }

 private:
  int port_;
  std::string out_, err_;
  pid_t pid_ = -1;
};

}  // namespace casfolio::test
