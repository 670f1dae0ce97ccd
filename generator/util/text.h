// UTF-8 and small string helpers. Columns in diagnostics count Unicode code
// points, not bytes, because students write Kazakh and Russian (documented
// in docs/diagnostics.md).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace casfolio {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);
// Byte offset of the first malformed sequence, or npos.
size_t first_invalid_utf8(std::string_view s);
// Number of code points in a valid UTF-8 string.
size_t utf8_length(std::string_view s);

std::string_view trim(std::string_view s);
bool starts_with_ci_ascii(std::string_view s, std::string_view prefix);
std::string to_lower_ascii(std::string_view s);
// Lower-cases ASCII and the Cyrillic letters used by Kazakh and Russian.
std::string to_lower_utf8(std::string_view s);
std::vector<std::string_view> split_lines(std::string_view s);  // keeps no '\n'
// The items with `separator` between them ("a, b, c").
std::string joined(const std::vector<std::string>& items, std::string_view separator);
// 0-15 for a hex digit ('a'-'f' in either case), else -1.
int hex_digit(char c);
// Each "%XX" (two hex digits) as its byte; anything else, a '%' without two
// hex digits too, as it is (links as students write them: "my%20photo.jpg").
std::string percent_decoded(std::string_view s);

// Levenshtein distance in code points; for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word`, if it is close enough to be a likely typo.
std::string_view closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace casfolio

namespace casfolio {

// A URL slug ([a-z0-9-]+) from any title: Kazakh and Russian letters are
// transliterated to Latin, everything else becomes '-'. "" if nothing is left.
std::string slugify(std::string_view title);

}  // namespace casfolio
