// Runs the casfolio command line in-process, as a test would type it.
#pragma once
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace casfolio::test {

struct CliRun {
  int code = 0;
  std::string out, err;
};

// `args` without the program's name: cli({"check", "content"}).
inline CliRun cli(std::vector<std::string> args) {
  args.insert(args.begin(), "casfolio");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  CliRun r;
  r.code = run_cli(int(argv.size()), argv.data(), out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// Runs in `dir` until it goes out of scope, so a test can work from a subfolder.
struct InFolder {
  std::filesystem::path before = std::filesystem::current_path();
  explicit InFolder(const std::filesystem::path& dir) { std::filesystem::current_path(dir); }
  ~InFolder() { std::filesystem::current_path(before); }
};

}  // namespace casfolio::test
