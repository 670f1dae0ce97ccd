// Shows findings the way compilers do:
//   students/ana/experiences/x/index.md:3:12: error: unknown CAS strand 'servce' [unknown-strand]
//       strands: [servce]
//                 ^~~~~~
//   note: did you mean 'service'?
#pragma once
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "diagnostics/diagnostics.h"

namespace casfolio {

struct PrintOptions {
  Language language = Language::en;
  bool color = false;
  // Prepended to each finding's file: the portfolio folder as the user named it.
  std::string path_prefix;
  // Returns the text of a file (by the finding's `file`) to quote its line.
  std::function<std::optional<std::string>(const std::string&)> read_source;
};

void print_finding(std::ostream& out, const Finding& f, const PrintOptions& options);

}  // namespace casfolio
