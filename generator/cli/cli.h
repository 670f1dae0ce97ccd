// The command line: a thin front over the library stages.
#pragma once
#include <ostream>

namespace casfolio {

// Exit codes: 0 success, 1 problems found (errors, or warnings with
// --strict), 2 usage or environment problems.
int run_cli(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace casfolio
