// Shared by the hardening tests: temporary folders, running the casfolio
// binary, and snapshots of a folder's bytes.
#pragma once
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include "support/test_support.h"
#include "write/checksum.h"

namespace casfolio::hardening {

namespace fs = std::filesystem;

using test::read_file;
using test::TempDir;
using test::write_file;
using test::shell_quoted;

struct RunResult {
  int exit_code = -1;  // -1: killed by a signal (a crash)
  std::string out;     // standard output
  std::string err;     // standard error
};

// Runs `casfolio ARGS` (ARGS already quoted for the shell) from `cwd`;
// `prefix` goes before the binary (environment settings, `timeout 120`, …).
inline RunResult run_casfolio(const std::string& args, const fs::path& cwd, const std::string& prefix = "") {
  static int counter = 0;
  fs::path out = cwd / (".run-" + std::to_string(++counter) + ".out");
  fs::path err = cwd / (".run-" + std::to_string(counter) + ".err");
  std::string cmd = "cd " + shell_quoted(cwd.string()) + " && NO_COLOR=1 " + prefix + shell_quoted(CASFOLIO_BINARY) +
                    " " + args + " >" + shell_quoted(out.string()) + " 2>" + shell_quoted(err.string());
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

// Every file and folder below `root` (relative, '/'-separated): a file maps
// to its size and SHA-256, a folder to "dir", a symbolic link to its target.
inline std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    std::string rel = fs::relative(it->path(), root).generic_string();
    if (it->is_symlink()) {
      out[rel] = "link -> " + fs::read_symlink(it->path()).string();
    } else if (it->is_directory()) {
      out[rel] = "dir";
    } else {
      std::string error;
      auto digest = sha256_file(it->path().string(), error);
      out[rel] = digest ? std::to_string(digest->size) + " " + digest->sha256 : "unreadable: " + error;
    }
  }
  return out;
}

}  // namespace casfolio::hardening
