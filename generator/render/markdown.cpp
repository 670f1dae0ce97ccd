#include "render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

#include "render/charts.h"
#include "util/markdown_budget.h"
#include "util/path.h"
#include "util/text.h"

namespace casfolio {

namespace {

void register_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// A GFM parser with the extensions students may use, in safe mode.
std::unique_ptr<cmark_parser, ParserDeleter> make_parser() {
  register_extensions();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  return parser;
}

// cmark-gfm's tasklist extension writes exactly these two boxes (and safe
// mode leaves no other <input> in the HTML): each gets its label.
void label_task_boxes(std::string& html, const MarkdownContext& context) {
  if (html.find("<input type=\"checkbox\"") == std::string::npos) return;
  auto label = [&](std::string_view box, const std::string& text) {
    if (text.empty()) return;
    std::string labelled = std::string(box.substr(0, box.size() - 2)) + "aria-label=\"" + escape_html(text) + "\" />";
    for (size_t at = html.find(box); at != std::string::npos; at = html.find(box, at + labelled.size())) {
      html.replace(at, box.size(), labelled);
    }
  };
  label("<input type=\"checkbox\" checked=\"\" disabled=\"\" />", context.task_done_label);
  label("<input type=\"checkbox\" disabled=\"\" />", context.task_open_label);
}

std::unique_ptr<cmark_node, NodeDeleter> parse(cmark_parser* parser, std::string_view text) {
  cmark_parser_feed(parser, text.data(), text.size());
  return std::unique_ptr<cmark_node, NodeDeleter>(cmark_parser_finish(parser));
}

void append_text(cmark_node* node, std::string& out) {
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(n)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += ' '; break;
      default: break;
    }
  }
  cmark_iter_free(iter);
}

// Moves `node`'s children to just before it, then removes it: a link that
// loses its target keeps its words.
void unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
  cmark_node_free(node);
}

// Replaces an image by a link to `url` with the image's alt text as its words
// (or `fallback_text` when the alt text is empty).
void image_to_link(cmark_node* image, const std::string& url, const std::string& fallback_text) {
  cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
  cmark_node_set_url(link, url.c_str());
  bool any = cmark_node_first_child(image) != nullptr;
  while (cmark_node* child = cmark_node_first_child(image)) cmark_node_append_child(link, child);
  if (!any) {
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, fallback_text.c_str());
    cmark_node_append_child(link, text);
  }
  cmark_node_insert_before(image, link);
  cmark_node_free(image);
}



enum class Kind { fragment, external, relative, refused };

Kind classify(std::string_view url) {
  if (url.empty()) return Kind::refused;
  if (url.front() == '#') return Kind::fragment;
  if (has_scheme(url)) {
    if (url.starts_with("//")) return Kind::refused;  // would become file://host from disk
    std::string scheme = to_lower_ascii(url.substr(0, url.find(':')));
    if (scheme == "http" || scheme == "https" || scheme == "mailto") return Kind::external;
    return Kind::refused;  // javascript:, vbscript:, data:, file:, ...
  }
  if (url.front() == '/' || url.front() == '\\') return Kind::refused;
  return Kind::relative;
}

// The portfolio path a relative target names, or nullopt when it leaves the portfolio.
std::optional<std::string> local_path(const std::string& dir, std::string_view url) {
  std::string_view path = url.substr(0, url.find_first_of("?#"));
  if (path.empty()) return std::nullopt;
  return resolve_inside(dir, percent_decoded(path));
}

// Runs of blanks and line breaks as one space, none at either end.
std::string collapse_spaces(std::string_view raw) {
  std::string collapsed;
  collapsed.reserve(raw.size());
  for (char c : raw) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

}  // namespace

RenderedMarkdown render_markdown(std::string_view text, const MarkdownContext& context) {
  RenderedMarkdown out;
  if (markdown_too_complex(text)) {  // the loader said so (markdown-too-complex); cmark never sees it
    out.html = "<pre class=\"markdown-as-text\">" + escape_html(text) + "</pre>\n";
    return out;
  }
  auto parser = make_parser();
  auto doc = parse(parser.get(), text);

  // Collect first: the tree is edited below, which an open iterator must not see.
  std::vector<cmark_node*> links, images, raw, headings;
  {
    cmark_iter* iter = cmark_iter_new(doc.get());
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* n = cmark_iter_get_node(iter);
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_LINK: links.push_back(n); break;
        case CMARK_NODE_IMAGE: images.push_back(n); break;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE: raw.push_back(n); break;
        case CMARK_NODE_HEADING: headings.push_back(n); break;
        default: break;
      }
    }
    cmark_iter_free(iter);
  }

  for (cmark_node* n : raw) cmark_node_free(n);  // safe mode would print a comment; say nothing
  for (cmark_node* h : headings)
    cmark_node_set_heading_level(h, std::min(6, cmark_node_get_heading_level(h) + context.heading_offset));

  auto resolve = [&](std::string_view url) -> std::optional<PublishedTarget> {
    auto path = local_path(context.dir, url);
    if (!path || !context.resolve) return std::nullopt;
    return context.resolve(*path);
  };

  for (cmark_node* link : links) {
    const char* u = cmark_node_get_url(link);
    std::string url = u ? u : "";
    switch (classify(url)) {
      case Kind::fragment:
      case Kind::external: break;
      case Kind::refused: unwrap(link); break;
      case Kind::relative:
        if (auto target = resolve(url)) cmark_node_set_url(link, target->href.c_str());
        else unwrap(link);
        break;
    }
  }

  // Images last: an image inside a link stays inside it, and the link was handled above.
  for (cmark_node* image : images) {
    const char* u = cmark_node_get_url(image);
    std::string url = u ? u : "";
    std::string alt;
    append_text(image, alt);
    switch (classify(url)) {
      case Kind::external: image_to_link(image, url, url); break;  // no request leaves the page
      case Kind::fragment:
      case Kind::refused: unwrap(image); break;
      case Kind::relative: {
        auto path = local_path(context.dir, url);
        auto target = resolve(url);
        if (!target) {
          unwrap(image);
        } else if (target->is_image) {
          cmark_node_set_url(image, target->href.c_str());
          out.images.emplace_back(*path, std::string(trim(alt)));
          if (trim(alt).empty()) {  // no caption: the file name is the alt text
            while (cmark_node* child = cmark_node_first_child(image)) cmark_node_free(child);
            cmark_node* name = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(name, std::string(file_name(*path)).c_str());
            cmark_node_append_child(image, name);
          }
        } else {
          image_to_link(image, target->href, std::string(file_name(*path)));
        }
        break;
      }
    }
  }

  char* html = cmark_render_html(doc.get(), CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser.get()));
  out.html = html;
  std::free(html);
  label_task_boxes(out.html, context);
  return out;
}

std::string truncate_text(std::string_view text, size_t max_chars) {
  if (max_chars == 0 || utf8_length(text) <= max_chars) return std::string(text);
  // Byte offset of code point `max_chars`.
  size_t count = 0, cut = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (count == max_chars) {
        cut = i;
        break;
      }
      ++count;
    }
  }
  std::string_view head = text.substr(0, cut);
  size_t space = head.rfind(' ');
  if (space != std::string_view::npos && space > cut * 2 / 3) head = head.substr(0, space);
  while (!head.empty() && (head.back() == ' ' || head.back() == ',' || head.back() == '.')) head.remove_suffix(1);
  return std::string(head) + "…";
}

std::string markdown_to_text(std::string_view text, size_t max_chars) {
  if (markdown_too_complex(text)) return truncate_text(collapse_spaces(text), max_chars);
  auto parser = make_parser();
  auto doc = parse(parser.get(), text);
  std::string raw;
  cmark_iter* iter = cmark_iter_new(doc.get());
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER) {
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK) {
        if (const char* lit = cmark_node_get_literal(n)) raw += lit;
      } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
        raw += ' ';
      }
    } else if (ev == CMARK_EVENT_EXIT && (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
      raw += ' ';  // the end of a paragraph, a heading, a list item, a table cell
    }
  }
  cmark_iter_free(iter);
  return truncate_text(collapse_spaces(raw), max_chars);
}

}  // namespace casfolio
