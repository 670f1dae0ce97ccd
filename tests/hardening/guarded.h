// `casfolio ARGS` under a hang guard, for inputs that once made it hang (a
// FIFO opened for reading, links walked in circles). Header only.
#pragma once
#include <filesystem>
#include <string>

#include "support.h"

namespace casfolio::hardening {

// Runs `casfolio ARGS` from `cwd`, with `env` (e.g. "CASFOLIO_CACHE_DIR=c")
// set, stopped after 120 s: far beyond any real run, so exit status 124
// means a hang, not a slow machine.
inline RunResult run_guarded(const std::string& args, const fs::path& cwd, const std::string& env = "") {
  return run_casfolio(args, cwd, (env.empty() ? "" : env + " ") + "timeout 120 ");
}

}  // namespace casfolio::hardening
