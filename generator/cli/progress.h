// A progress bar for long builds, on stderr when it is a terminal:
//   building  [##########----------]  97/201 portfolios
// It appears only once a build has run for half a second (a quick build
// prints nothing extra), redraws at most ten times a second, and is erased
// when the build ends, so the findings and the summary print as before.
#pragma once
#include <chrono>
#include <mutex>
#include <ostream>
#include <string>

namespace casfolio {

class ProgressBar {
 public:
  // `enabled`: draw at all (a terminal, and not switched off).
  ProgressBar(std::ostream& out, bool enabled, std::string label);
  ~ProgressBar();
  // From any thread.
  void update(size_t done, size_t total);
  // Erases the bar.
  void finish();

  // The line drawn for done of total in `width` columns (for tests).
  static std::string line(const std::string& label, size_t done, size_t total, size_t width);

 private:
  std::ostream& out_;
  bool enabled_;
  std::string label_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
  std::mutex mutex_;
};

// True when stderr is a terminal and TERM is not "dumb".
bool stderr_is_terminal();

}  // namespace casfolio
