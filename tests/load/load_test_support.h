// Shared by the loader's tests: findings as one line each, the way the
// expected.txt files of tests/fixtures/invalid/ hold them.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/cohort.h"
#include "util/path.h"

namespace casfolio::testing {

// "experiences/x/index.md:3:12: error: unknown-strand"
inline std::string finding_line(const Finding& f, const std::string& root) {
  std::string file = root.empty() || root == "." ? f.where.file : join_path(root, f.where.file);
  if (file.empty()) file = ".";
  std::string out = file;
  if (f.where.line > 0) {
    out += ":" + std::to_string(f.where.line);
    if (f.where.column > 0) out += ":" + std::to_string(f.where.column);
  }
  out += ": " + std::string(name(f.severity)) + ": " + f.code;
  return out;
}

inline std::string format_findings(const std::vector<Finding>& findings, const std::string& root = "") {
  std::string out;
  for (const Finding& f : findings) out += finding_line(f, root) + "\n";
  return out;
}

// Cohort findings first, then each portfolio's (in id order).
inline std::string format_findings(const Cohort& c) {
  std::string out = format_findings(c.config_findings);
  for (const LoadedPortfolio& lp : c.portfolios) out += format_findings(lp.findings, lp.portfolio.root);
  return out;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// A fresh folder under the system's temp folder, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("casfolio-load-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs `work` and gives up after `limit`: a hang must fail the test, not
// stop the run. On a timeout the process exits, since the thread cannot be
// stopped.
template <typename T>
T within(std::chrono::milliseconds limit, std::function<T()> work, const std::string& what) {
  struct State {
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    T value{};
  };
  auto state = std::make_shared<State>();
  std::thread([state, work] {
    T v = work();
    std::lock_guard<std::mutex> lock(state->m);
    state->value = std::move(v);
    state->done = true;
    state->cv.notify_all();
  }).detach();
  std::unique_lock<std::mutex> lock(state->m);
  if (!state->cv.wait_for(lock, limit, [&] { return state->done; })) {
    std::fprintf(stderr, "TIMEOUT: %s took longer than %lld ms\n", what.c_str(), (long long)limit.count());
    std::_Exit(3);
  }
  return std::move(state->value);
}

}  // namespace casfolio::testing
