#include "util/markdown_budget.h"

#include <algorithm>

namespace casfolio {

namespace {

// cmark-gfm's autolink extension stops rescanning a text run after this many `@`.
constexpr uint64_t kAutolinkRescans = 1000;

}  // namespace

// Every estimate over-counts rather than under-counts: a paragraph is taken
// to run from one blank line to the next (cmark may end it sooner), a text
// run to be a whole line (cmark may cut it at any markup), every `]` to
// close a link and every `![` to stay open (so N images in one paragraph
// count N^2/2), and escaped or code-span characters count like the others:
// no markup can hide a construct from the estimate.
std::optional<MarkdownTooComplex> markdown_too_complex(std::string_view text, const MarkdownBudget& budget) {
  uint64_t image_steps = 0, pipe_steps = 0, autolink_steps = 0;
  uint64_t images = 0;  // `![` in the current paragraph
  uint64_t pipes = 0, ats = 0, line_bytes = 0;  // in the current line
  bool blank = true;  // the current line has nothing but blanks so far
  int line = 1;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      autolink_steps += std::min(ats, kAutolinkRescans) * line_bytes;
      if (autolink_steps > budget.max_autolink_steps) return MarkdownTooComplex{"@", line};
      if (blank) images = 0;  // a blank line ends the paragraph
      pipes = ats = line_bytes = 0;
      blank = true;
      ++line;
      continue;
    }
    char c = text[i];
    ++line_bytes;
    if (c != ' ' && c != '\t' && c != '\r') blank = false;
    switch (c) {
      case '[':
        if (i > 0 && text[i - 1] == '!') ++images;
        break;
      case ']':  // a link closed here walks back over every `![` still open
        image_steps += images;
        break;
      case '|':
        pipe_steps += 2 * pipes + 1;  // (pipes + 1)^2 - pipes^2
        ++pipes;
        if (pipe_steps > budget.max_table_pipe_steps) return MarkdownTooComplex{"|", line};
        break;
      case '@': ++ats; break;
      default: break;
    }
    if (image_steps > budget.max_image_bracket_steps) return MarkdownTooComplex{"![", line};
  }
  return std::nullopt;
}

}  // namespace casfolio
