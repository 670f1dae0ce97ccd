// Where model items came from, shared by the student's files (portfolio.h)
// and the staff folder's records (staff.h).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace casfolio {

// Where a YAML key sits, by key name, so a check can point at `strands:`
// rather than at the top of the file. `at` falls back to the item's start.
struct KeyLines {
  std::string file;  // relative to the portfolio root (staff records: to the staff folder)
  int line = 1;      // first line of the item (the front matter's first key, or 1)
  std::map<std::string, std::pair<int, int>, std::less<>> keys;  // key -> (line, column)
  std::pair<int, int> at(std::string_view key) const;
};

// A Markdown body and where it starts in its file.
struct MarkdownBody {
  std::string text;
  int first_line = 1;  // line of the file on which `text` begins
};

}  // namespace casfolio
