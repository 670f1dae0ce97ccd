// Shows findings the way compilers do:
//   students/ana/experiences/x/index.md:3:12: error: unknown CAS strand 'servce' [unknown-strand]
//       strands: [servce]
//                 ^~~~~~
//   note: did you mean 'service'?
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "diagnostics/diagnostics.h"

namespace casfolio {

class SourceCache;

struct PrintOptions {
  Language language = Language::en;
  bool color = false;
  // Prepended to each finding's file: the portfolio folder as the user named it.
  std::string path_prefix;
  // Returns the text of a file (by the finding's `file`) to quote its line.
  // Each file is read once and its lines indexed once, however many
  // findings point into it (the cache is shared by copies of these options
  // made after the first print: set read_source before printing).
  std::function<std::optional<std::string>(const std::string&)> read_source;
  mutable std::shared_ptr<SourceCache> sources;
};

void print_finding(std::ostream& out, const Finding& f, const PrintOptions& options);

// The work the printer did to quote source lines, for tests that bound it.
struct SourceStats {
  size_t reads = 0;          // calls of read_source
  size_t bytes_indexed = 0;  // bytes scanned for line starts
};
SourceStats source_stats(const PrintOptions& options);

// Text from files (names, quoted lines, a message's arguments) made safe to
// print on a terminal: control characters (C0 but `keep_tabs`' TAB, DEL,
// C1), bidirectional overrides and bytes that are not UTF-8 are shown as
// \xHH or \u{HHHH}, so a file name cannot move the cursor, recolour, ring
// the bell or reorder the text around it. Every finding casfolio prints
// (check, build, bundle, verify, serve) goes through it.
std::string escape_for_terminal(std::string_view text, bool keep_tabs = false);

}  // namespace casfolio
