#include "util/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace casfolio {

unsigned resolve_jobs(unsigned jobs) {
  if (jobs > 0) return jobs;
  unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn) {
  size_t threads = std::min<size_t>(resolve_jobs(jobs), n);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  // Items are taken one at a time: portfolios differ a lot in size, and a
  // shared counter keeps every thread busy until the last one.
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace casfolio
