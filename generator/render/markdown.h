// Student Markdown -> safe HTML. Students' text is untrusted: cmark-gfm runs
// in its safe mode (raw HTML omitted, javascript:/vbscript:/file:/data: links
// dropped), and on top of that every link and image is checked here: only
// http, https and mailto leave the site; a relative target is rewritten to
// where that file is published, or loses its link when it is not published;
// an external image becomes a plain link so no page makes an outside request.
// A text too complex for cmark-gfm (util/markdown_budget.h) is never parsed:
// it is shown as escaped plain text in a <pre>, with no link.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casfolio {

// What a relative link or image in Markdown points at, once published.
struct PublishedTarget {
  std::string href;        // relative to the page (ready for href/src), already %-encoded
  bool is_image = false;   // an image with a web-size rendition: `href` is it
};

struct MarkdownContext {
  std::string dir;  // folder of the Markdown file, relative to the portfolio root
  // Headings in the text are shifted down so that they nest under the
  // page's own: `# x` becomes <h(1 + heading_offset)>, at most <h6>.
  int heading_offset = 2;
  // Resolves a path (relative to the portfolio root, already normalised)
  // to its published place; nullopt: not published, the link is dropped.
  std::function<std::optional<PublishedTarget>(const std::string& path)> resolve;
  // What a task list's checkbox (`- [x]`, `- [ ]`) says to a screen reader,
  // in the page's language: cmark-gfm writes the box with no label.
  std::string task_done_label;
  std::string task_open_label;
};

struct RenderedMarkdown {
  std::string html;
  // Portfolio paths of the images shown inline, and their alt text, in order.
  std::vector<std::pair<std::string, std::string>> images;
};

RenderedMarkdown render_markdown(std::string_view text, const MarkdownContext& context);

// The text without markup (for the search index and excerpts), whitespace
// collapsed, cut after `max_chars` code points at a word boundary with "…".
std::string markdown_to_text(std::string_view text, size_t max_chars = 0);

// Cuts `text` to at most `max_chars` code points, at a space when one is
// near, adding "…" when anything was cut.
std::string truncate_text(std::string_view text, size_t max_chars);

}  // namespace casfolio
