// Findings as pages show them: backticks become <code>, and a hint that
// speaks of the terminal's mark has a page form without it.
#include <catch2/catch.hpp>

#include "diagnostics/diagnostics.h"
#include "render/charts.h"

using namespace casfolio;

TEST_CASE("finding text on pages: `code` in <code>, escaped, an odd backtick kept") {
  CHECK(catalog_text_html("Put `title: \"a\"` here") == "Put <code>title: &quot;a&quot;</code> here");
  CHECK(catalog_text_html("`<b>` and `x`") == "<code>&lt;b&gt;</code> and <code>x</code>");
  CHECK(catalog_text_html("a ` b & c") == "a ` b &amp; c");
  CHECK(catalog_text_html("") == "");
}

TEST_CASE("finding text on pages: no 'marked place' on a page, which shows no mark") {
  for (const char* code : {"yaml-syntax", "invalid-utf8", "nul-byte"})
    for (Language l : kAllLanguages) {
      INFO(code << " " << std::string(casfolio::code(l)));
      MessageText t = render_message(make_finding(code), l);
      CHECK(t.page_hint != t.hint);
      CHECK_FALSE(t.page_hint.empty());
    }
  MessageText en = render_message(make_finding("yaml-syntax"), Language::en);
  CHECK(en.hint.starts_with("Look at the marked place"));
  CHECK(en.page_hint.starts_with("Look at that line and the one before it"));
  // Codes without a page form show their hint as it is.
  MessageText other = render_message(make_finding("yaml-unquoted-colon", {}, {{"key", "k"}, {"suggested", "s"}}),
                                     Language::en);
  CHECK(other.page_hint == other.hint);
}
