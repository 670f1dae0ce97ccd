// The text an approval is about, normalised so that re-saving a file in
// another editor (a BOM, CRLF line ends, trailing blanks) does not break an
// approval, while any change of words does. Staff approvals store the
// SHA-256 of this text (docs/format.md, "Staff records").
#pragma once
#include <string>
#include <string_view>

namespace casfolio {

// Strips a UTF-8 BOM; CRLF and lone CR become LF; trailing spaces and tabs
// are removed from every line; trailing empty lines are removed; a non-empty
// result ends with exactly one LF. Empty (or blank) text stays empty.
std::string normalised_text(std::string_view text);

// SHA-256 of normalised_text(text), 64 lower-case hex digits.
std::string normalised_text_sha256(std::string_view text);

}  // namespace casfolio
