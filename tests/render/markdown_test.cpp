#include <catch2/catch.hpp>

#include "render/markdown.h"

using namespace casfolio;

namespace {

// Publishes chart.jpg as an image and cert.pdf as a file, nothing else.
MarkdownContext context() {
  MarkdownContext c;
  c.dir = "experiences/guitar";
  c.heading_offset = 1;
  c.resolve = [](const std::string& path) -> std::optional<PublishedTarget> {
    if (path == "experiences/guitar/chart.jpg") return PublishedTarget{"../../media/web/chart.jpg", true};
    if (path == "experiences/guitar/cert.pdf") return PublishedTarget{"../../media/files/cert.pdf", false};
    if (path == "experiences/guitar/a\"b.pdf") return PublishedTarget{"x", false};
    return std::nullopt;
  };
  return c;
}

std::string html(std::string_view md) { return render_markdown(md, context()).html; }

}  // namespace

TEST_CASE("raw HTML in Markdown is dropped, not passed through") {
  CHECK(html("Hi <script>alert(1)</script> there\n") == "<p>Hi alert(1) there</p>\n");
  CHECK(html("<script>alert(1)</script>\n") == "");
  CHECK(html("<img src=x onerror=alert(2)>\n") == "");
  CHECK(html("a <b onmouseover=\"x()\">bold</b>\n") == "<p>a bold</p>\n");
}

TEST_CASE("links with dangerous schemes lose the link and keep the words") {
  CHECK(html("[click](javascript:alert(1))\n") == "<p>click</p>\n");
  CHECK(html("[click](JavaScript:alert(1))\n") == "<p>click</p>\n");
  CHECK(html("[x](vbscript:msgbox)\n") == "<p>x</p>\n");
  CHECK(html("[x](data:text/html;base64,PHNjcmlwdD4=)\n") == "<p>x</p>\n");
  CHECK(html("[x](file:///etc/passwd)\n") == "<p>x</p>\n");
  CHECK(html("[x](//evil.example/)\n") == "<p>x</p>\n");
  CHECK(html("<javascript:alert(1)>\n") == "<p>javascript:alert(1)</p>\n");
}

TEST_CASE("external links stay; external images become links so no page fetches them") {
  CHECK(html("[site](https://example.org/a?b=1)\n") == "<p><a href=\"https://example.org/a?b=1\">site</a></p>\n");
  CHECK(html("[mail](mailto:a@example.org)\n") == "<p><a href=\"mailto:a@example.org\">mail</a></p>\n");
  CHECK(html("![logo](https://example.org/x.png)\n") == "<p><a href=\"https://example.org/x.png\">logo</a></p>\n");
  CHECK(html("![](http://example.org/x.png)\n") ==
        "<p><a href=\"http://example.org/x.png\">http://example.org/x.png</a></p>\n");
  CHECK(html("![x](data:image/png;base64,iVBORw0KGgo=)\n") == "<p>x</p>\n");
}

TEST_CASE("relative links and images are rewritten to where the evidence is published") {
  auto r = render_markdown("![Chord chart](chart.jpg) [cert](cert.pdf) [gone](missing.pdf) [out](../../../x.pdf)\n",
                           context());
  CHECK(r.html ==
        "<p><img src=\"../../media/web/chart.jpg\" alt=\"Chord chart\" /> <a href=\"../../media/files/cert.pdf\">cert</a> "
        "gone out</p>\n");
  REQUIRE(r.images.size() == 1);
  CHECK(r.images[0] == std::pair<std::string, std::string>{"experiences/guitar/chart.jpg", "Chord chart"});
  // An image without a caption is described by its file name.
  CHECK(html("![](chart.jpg)\n") == "<p><img src=\"../../media/web/chart.jpg\" alt=\"chart.jpg\" /></p>\n");
  // An image of something that is not an image becomes a link to it.
  CHECK(html("![the certificate](cert.pdf)\n") == "<p><a href=\"../../media/files/cert.pdf\">the certificate</a></p>\n");
  // Percent-encoded names are decoded before they are looked up.
  CHECK(html("[q](a%22b.pdf)\n") == "<p><a href=\"x\">q</a></p>\n");
  CHECK(html("[abs](/etc/passwd)\n") == "<p>abs</p>\n");
}

TEST_CASE("headings nest under the page's own and GFM extensions work") {
  CHECK(html("# Title\n") == "<h2>Title</h2>\n");
  CHECK(html("###### Deep\n") == "<h6>Deep</h6>\n");
  CHECK(html("~~old~~ new\n") == "<p><del>old</del> new</p>\n");
  CHECK(html("| a |\n|---|\n| 1 |\n") ==
        "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n");
  CHECK(html("- [x] done\n") == "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n</ul>\n");
  CHECK(html("see www.example.org\n") == "<p>see <a href=\"http://www.example.org\">www.example.org</a></p>\n");
}

TEST_CASE("a task list's boxes say done or not done to a screen reader, in the page's language") {
  MarkdownContext c = context();
  c.task_done_label = "Выполнено";
  c.task_open_label = "Ещё \"не\" сделано";
  CHECK(render_markdown("- [x] hall\n- [ ] poster\n- [x] tickets\n", c).html ==
        "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Выполнено\" /> hall</li>\n"
        "<li><input type=\"checkbox\" disabled=\"\" aria-label=\"Ещё &quot;не&quot; сделано\" /> poster</li>\n"
        "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Выполнено\" /> tickets</li>\n</ul>\n");
  // A box written as text is not a box: safe mode keeps it escaped.
  CHECK(render_markdown("`<input type=\"checkbox\" disabled=\"\" />`\n", c).html ==
        "<p><code>&lt;input type=&quot;checkbox&quot; disabled=&quot;&quot; /&gt;</code></p>\n");
}

TEST_CASE("Markdown becomes plain text for the search index, cut at a word") {
  CHECK(markdown_to_text("# Hello\n\nSome **bold** and [a link](x.md).\n\n- one\n- two\n") ==
        "Hello Some bold and a link. one two");
  CHECK(markdown_to_text("<script>x()</script>\n\nok\n") == "ok");
  CHECK(markdown_to_text("one two three four five", 9) == "one two…");
  CHECK(truncate_text("Қазақстан Республикасы", 9) == "Қазақстан…");
  CHECK(truncate_text("short", 10) == "short");
}
