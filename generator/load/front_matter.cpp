#include "load/front_matter.h"

namespace casfolio {

namespace {

// `line` without its end of line and trailing blanks: "--- \r" -> "---".
std::string_view bare(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  return line;
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  FrontMatterSplit out;
  out.body = text;
  out.body_first_line = 1;

  size_t eol = text.find('\n');
  std::string_view first = text.substr(0, eol);
  if (bare(first) != "---") return out;

  out.has_front_matter = true;
  out.yaml_first_line = 2;
  size_t yaml_start = eol == std::string_view::npos ? text.size() : eol + 1;
  size_t pos = yaml_start;
  int line = 2;
  while (pos < text.size()) {
    size_t next = text.find('\n', pos);
    size_t end = next == std::string_view::npos ? text.size() : next + 1;
    std::string_view candidate = bare(text.substr(pos, end - pos));
    if (candidate == "---" || candidate == "...") {
      out.yaml = text.substr(yaml_start, pos - yaml_start);
      out.body = text.substr(end);
      out.body_first_line = line + 1;
      return out;
    }
    pos = end;
    ++line;
  }
  // Never closed: everything after the opening line would be YAML.
  out.unterminated = true;
  out.yaml = text.substr(yaml_start);
  out.body = text.substr(text.size());
  out.body_first_line = line;
  return out;
}

}  // namespace casfolio
