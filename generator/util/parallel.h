// Running independent pieces of work on all cores. Each index is done once,
// by one thread, in no particular order; callers put results in slots of
// their own (results[i]) so the outcome never depends on the order.
#pragma once
#include <cstddef>
#include <functional>

namespace casfolio {

// Threads for `jobs`: itself when above 0, else the machine's cores (at least 1).
unsigned resolve_jobs(unsigned jobs);

// Calls fn(i) for every i in [0, n), on up to `jobs` threads (0 = one per
// core); returns when all are done. One thread or one item runs inline, on
// the caller's thread. `fn` must not throw.
void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn);

}  // namespace casfolio
