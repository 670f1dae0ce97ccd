// Paths of the site: where each page and file lands, and links between them.
// Every link is relative ("../../assets/style.css"), so the site works from
// a web server and from file:// alike, in any folder.
#pragma once
#include <string>
#include <string_view>

namespace casfolio {

// Percent-encodes a '/'-separated site path for an href or src: letters,
// digits, "-._~/" stay, every other byte becomes %XX (so a file name with a
// quote, a space or Kazakh letters is still one safe link).
std::string encode_path(std::string_view path);
// (Its inverse is util/text.h's percent_decoded.)

// "../" once per folder of `page` ("kk/students/a/index.html" -> "../../../").
std::string root_prefix(std::string_view page);

// "notes/2026-09-30-x.md" -> "notes/2026-09-30-x.html".
std::string with_html_extension(std::string_view path);

// A fragment id made from free text: ASCII letters and digits kept,
// everything else folded to '-'; "x" + a number when nothing is left.
// Callers put a prefix before it ("outcome-1"), so it may start with a digit.
std::string anchor_id(std::string_view text, int fallback_number);

}  // namespace casfolio
