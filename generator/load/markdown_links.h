// The links and images of a Markdown text, where they are written.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace casfolio {

struct MarkdownLink {
  std::string destination;  // as CommonMark reads it (entities and escapes decoded)
  bool image = false;
  int line = 0;    // in the file: the body's first line + the line in the body - 1
  int column = 0;  // code points, 1-based: the destination if it can be found on the line, else the '['
};

// Every link and image destination of `body` (GitHub-flavoured Markdown as
// cmark-gfm parses it; raw HTML is not looked into), in document order.
std::vector<MarkdownLink> markdown_links(std::string_view body, int first_line);

// What a link destination points at inside the portfolio, before resolving:
// the path part, with "?query" and "#fragment" removed and %XX decoded.
// Empty for a pure "#anchor".
std::string link_path(std::string_view destination);

// A destination that leaves the portfolio by its form: "C:\..." or "file:...".
bool is_local_absolute(std::string_view destination);

}  // namespace casfolio
