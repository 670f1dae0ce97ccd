#include "util/timings.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace casfolio {

Timings::Timings() : last_(std::chrono::steady_clock::now()) {
  const char* v = std::getenv("CASFOLIO_TIMINGS");
  enabled_ = v && *v && std::strcmp(v, "0") != 0;
}

void Timings::mark(std::string stage) {
  auto now = std::chrono::steady_clock::now();
  stages_.emplace_back(std::move(stage), std::chrono::duration<double, std::milli>(now - last_).count());
  last_ = now;
}

double Timings::total_ms() const {
  double t = 0;
  for (const auto& [name, ms] : stages_) t += ms;
  return t;
}

void Timings::print(std::ostream& err) const {
  if (!enabled_ || stages_.empty()) return;
  char buf[32];
  err << "timings:";
  for (size_t i = 0; i < stages_.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%.1f", stages_[i].second);
    err << (i ? ", " : " ") << stages_[i].first << ' ' << buf << " ms";
  }
  std::snprintf(buf, sizeof buf, "%.1f", total_ms());
  err << ", total " << buf << " ms";
  struct rusage usage;
  if (::getrusage(RUSAGE_SELF, &usage) == 0) err << "; peak memory " << usage.ru_maxrss / 1024 << " MB";
  err << '\n';
}

}  // namespace casfolio
