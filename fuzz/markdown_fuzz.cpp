// Fuzzes render/markdown.h with the options casfolio renders students' text
// with (GFM tables, strikethrough, autolinks, task lists; safe mode; every
// link checked): arbitrary text never crashes it, and no script, no raw HTML
// and no link to anywhere but http(s)/mailto or a published file survives.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "render/markdown.h"
#include "util/text.h"  // utf8_length

using namespace casfolio;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  MarkdownContext context;
  context.dir = "experiences/guitar";
  context.heading_offset = int(size % 4);
  // Some paths are published (images get a web rendition), the rest are not.
  context.resolve = [](const std::string& path) -> std::optional<PublishedTarget> {
    if (path.ends_with(".jpg") || path.ends_with(".png"))
      return PublishedTarget{"../../media/" + path + ".webp", true};
    if (path.ends_with(".pdf") || path.ends_with(".md")) return PublishedTarget{"../../files/" + path, false};
    return std::nullopt;
  };
  RenderedMarkdown out = render_markdown(text, context);
  std::string lower = out.html;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  FUZZ_CHECK(lower.find("<script") == std::string::npos);
  FUZZ_CHECK(lower.find("href=\"javascript:") == std::string::npos);
  FUZZ_CHECK(lower.find("src=\"http") == std::string::npos);  // no outside request

  std::string plain = markdown_to_text(text, size % 300);
  if (size % 300 != 0) FUZZ_CHECK(utf8_length(plain) <= size % 300 + 1);
  (void)truncate_text(text, size % 50);
  return 0;
}
