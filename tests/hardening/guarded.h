// `casfolio ARGS` under a hang guard, for inputs that once made it hang (a
// FIFO opened for reading, links walked in circles). Header only.
#pragma once
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support.h"

namespace casfolio::hardening {

// Runs `casfolio ARGS` from `cwd`, with `env` (e.g. "CASFOLIO_CACHE_DIR=c")
// set, stopped after 120 s: far beyond any real run, so exit status 124
// means a hang, not a slow machine.
inline RunResult run_guarded(const std::string& args, const fs::path& cwd, const std::string& env = "") {
  fs::path out = cwd / ".guarded.out", err = cwd / ".guarded.err";
  std::string cmd = "cd " + shell_quoted(cwd.string()) + " && " + env + " NO_COLOR=1 timeout 120 " +
                    shell_quoted(CASFOLIO_BINARY) + " " + args + " >" + shell_quoted(out.string()) + " 2>" +
                    shell_quoted(err.string());
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

}  // namespace casfolio::hardening
