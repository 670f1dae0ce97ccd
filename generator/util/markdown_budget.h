// How much work cmark-gfm would do on a Markdown text, estimated by one
// linear pass before it is parsed. Debian's cmark-gfm (0.29.0.gfm.6) is
// superlinear on three constructs (measured: docs/decisions.md, "Markdown
// too complex"); a text whose estimate passes a limit is never given to
// cmark: the loader reports `markdown-too-complex` and takes no links from
// it, and render shows it as plain text. Every cmark parse in casfolio asks
// this first, so one rule decides for the loader and for render alike.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace casfolio {

// Units are "steps" of cmark's inner loops; 10,000,000 steps take about
// 10-50 ms on one core. Each limit is far above any real portfolio text.
struct MarkdownBudget {
  // For each `]`, the `![` before it in its paragraph: every link closed
  // walks back over all image openers still open (fixed upstream after
  // 0.29.0.gfm.6). "![[]()" repeated is quadratic.
  uint64_t max_image_bracket_steps = 10'000'000;
  // `|` squared per line, summed: a table row of n cells costs n^2.
  uint64_t max_table_pipe_steps = 10'000'000;
  // The autolink extension rescans a text run once per `@` in it, up to
  // 1000 times: min(@ in the line, 1000) times the line's length, summed.
  uint64_t max_autolink_steps = 10'000'000;
};

struct MarkdownTooComplex {
  std::string_view construct;  // "![", "|" or "@": what was too many
  int line = 1;                // 1-based line of `text` where the estimate passed its limit
};

// nullopt when cmark may parse `text`; otherwise the construct and the line
// at which its estimate passed the limit.
std::optional<MarkdownTooComplex> markdown_too_complex(std::string_view text, const MarkdownBudget& budget = {});

}  // namespace casfolio
