// Splits a Markdown file into YAML front matter and body, remembering lines.
#pragma once
#include <optional>
#include <string_view>

namespace casfolio {

struct FrontMatterSplit {
  bool has_front_matter = false;
  bool unterminated = false;  // opened with '---' but never closed
  std::string_view yaml;      // without the '---' lines
  int yaml_first_line = 0;    // 1-based line of yaml's first line in the file
  std::string_view body;
  int body_first_line = 1;
};

// Front matter opens with '---' on the first line (a UTF-8 BOM is skipped)
// and closes with the next line that is exactly '---' or '...'.
FrontMatterSplit split_front_matter(std::string_view text);

}  // namespace casfolio
