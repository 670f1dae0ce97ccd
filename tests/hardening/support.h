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

#include "write/checksum.h"

namespace casfolio::hardening {

namespace fs = std::filesystem;

inline void write_file(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh folder under the system's temp folder, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("casfolio-hardening-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

inline std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct RunResult {
  int exit_code = -1;  // -1: killed by a signal (a crash)
  std::string out;     // standard output
  std::string err;     // standard error
};

// Runs `casfolio ARGS` (ARGS already quoted for the shell) from `cwd`.
inline RunResult run_casfolio(const std::string& args, const fs::path& cwd) {
  static int counter = 0;
  fs::path out = cwd / (".run-" + std::to_string(++counter) + ".out");
  fs::path err = cwd / (".run-" + std::to_string(counter) + ".err");
  std::string cmd = "cd " + quoted(cwd.string()) + " && NO_COLOR=1 " + quoted(CASFOLIO_BINARY) + " " + args + " >" +
                    quoted(out.string()) + " 2>" + quoted(err.string());
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
