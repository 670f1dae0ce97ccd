// Stage timings for `CASFOLIO_TIMINGS=1`: wall time of each stage of a
// build, printed to stderr after it (like Zola's "Done in 123ms"). Off, it
// costs one clock read per stage.
#pragma once
#include <chrono>
#include <ostream>
#include <string>
#include <vector>

namespace casfolio {

class Timings {
 public:
  // Enabled when the environment variable CASFOLIO_TIMINGS is set to anything but "" or "0".
  Timings();
  explicit Timings(bool enabled) : enabled_(enabled), last_(std::chrono::steady_clock::now()) {}

  bool enabled() const { return enabled_; }
  // Ends the stage that began at the previous mark (or construction) and names it.
  void mark(std::string stage);
  // "timings: load 812.3 ms, analyse 95.1 ms, ..., total 1510.2 ms; peak memory 143 MB\n", when enabled.
  void print(std::ostream& err) const;
  double total_ms() const;

 private:
  bool enabled_ = false;
  std::chrono::steady_clock::time_point last_;
  std::vector<std::pair<std::string, double>> stages_;  // name, milliseconds
};

}  // namespace casfolio
