#include "load/markdown_links.h"

#include <cmark-gfm.h>

#include <memory>

#include "load/text_index.h"
#include "util/markdown_budget.h"
#include "util/text.h"

namespace casfolio {

std::vector<MarkdownLink> markdown_links(std::string_view body, int first_line) {
  std::vector<MarkdownLink> out;
  if (markdown_too_complex(body)) return out;  // never handed to cmark: see util/markdown_budget.h
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
      cmark_parse_document(body.data(), body.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
  if (!doc) return out;
  TextIndex index(body);
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> it(cmark_iter_new(doc.get()), &cmark_iter_free);
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(it.get());
    cmark_node_type type = cmark_node_get_type(node);
    if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE) continue;
    MarkdownLink link;
    const char* url = cmark_node_get_url(node);
    link.destination = url ? url : "";
    link.image = type == CMARK_NODE_IMAGE;
    int line = cmark_node_get_start_line(node);
    int column = cmark_node_get_start_column(node);
    link.line = first_line + std::max(0, line - 1);
    link.column = std::max(1, column);
    if (line >= 1 && line <= index.line_count()) {
      std::string_view text = index.line(line - 1);
      size_t from = std::min(text.size(), size_t(std::max(0, column - 1)));
      // The destination is looked for inside the link only ("[a](b)" on one line).
      size_t to = text.size();
      if (cmark_node_get_end_line(node) == line) to = std::min(text.size(), size_t(std::max(0, cmark_node_get_end_column(node))));
      std::string_view inside = text.substr(from, to - from);
      size_t at = link.destination.empty() ? std::string_view::npos : inside.find(link.destination);
      link.column = index.column(line - 1, at != std::string_view::npos ? from + at : from);
    }
    out.push_back(std::move(link));
  }
  return out;
}


std::string link_path(std::string_view destination) {
  size_t cut = destination.find_first_of("?#");
  std::string_view path = destination.substr(0, cut);
  std::string decoded = percent_decoded(path);
  return is_valid_utf8(decoded) ? decoded : std::string(path);
}

bool is_local_absolute(std::string_view d) {
  bool drive = d.size() >= 3 && ((d[0] >= 'a' && d[0] <= 'z') || (d[0] >= 'A' && d[0] <= 'Z')) && d[1] == ':' &&
               (d[2] == '\\' || d[2] == '/');
  return drive || starts_with_ci_ascii(d, "file:");
}

}  // namespace casfolio
