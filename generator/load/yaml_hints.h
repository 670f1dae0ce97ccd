// YAML mistakes a student makes, told in the student's terms (issue 15).
// yaml-cpp says where it gave up, which is rarely where the mistake is: an
// unclosed `[` is noticed at the next key, an unclosed quote not at all (it
// swallows the rest of the block). These read the text again around
// yaml-cpp's mark to find the mistake itself. Internal to the load stage.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace casfolio {

// A `[`, `{`, `"` or `'` that opens a value never closed where it should be.
struct UnclosedDelimiter {
  char open = 0;
  char close = 0;
  size_t offset = 0;      // of the opening character in the text
  std::string suggested;  // its line with the closer added at the end of the value ("strands: [service]")
};

// The delimiter that explains a parse error at byte `end` of `text`: the
// innermost `[`, `{` or quote still open there, else a quoted value that ran
// over a line end before `end` (a missing quote closed by the next one).
// One pass over text[0, end): quotes, comments and block scalars are skipped
// as YAML does, so a `[` inside a text is not taken for one.
std::optional<UnclosedDelimiter> unclosed_before(std::string_view text, size_t end);

// Whether a line's content (without its comment) ends in a block scalar
// header: '|' or '>' with optional chomping and indentation indicators
// ("|-", ">+", "|2"). The tree reader and the hints skip block scalars alike.
bool ends_with_block_header(std::string_view content);

// A quote still open at the end of `text`. yaml-cpp reads such a value to the
// end without a word; the caller confirms a quoted value starts there.
std::optional<UnclosedDelimiter> quote_open_at_end(std::string_view text);

// `key: value: more`, the value unquoted with a `: ` in it, which YAML takes
// for a second key ("illegal map value"): the key and the line with the value
// quoted (`title: "Chess: the club"`, a comment kept after it). nullopt when
// the line is not of that shape.
struct UnquotedColon {
  std::string key;
  std::string suggested;
  size_t value_start = 0, value_end = 0;  // bytes of the value (comment left out) in the line
};
std::optional<UnquotedColon> unquoted_colon(std::string_view line);

}  // namespace casfolio
