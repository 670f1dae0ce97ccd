#include "load/yaml_hints.h"

#include <algorithm>
#include <vector>

namespace casfolio {

namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

struct Open {
  char c = 0;
  size_t offset = 0;
  size_t line_start = 0;  // offset of its line
};

struct Scan {
  std::vector<Open> flows;               // '[' and '{' open at the end, outermost first
  std::optional<Open> quote;             // a quote open at the end
  std::optional<Open> multiline_quote;   // the last quoted value that ran over a line end
};


// The delimiters of text[0, end), as YAML's scanner sees them. Work: one look
// at each byte before `end`.
Scan scan(std::string_view text, size_t end) {
  Scan s;
  int block_parent = -1;  // inside a block scalar: its lines are indented more than this
  size_t pos = 0;
  end = std::min(end, text.size());
  while (pos < end) {
    size_t nl = text.find('\n', pos);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, line_end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    bool is_blank = true;
    for (size_t k = indent; k < line.size(); ++k) is_blank &= blank(line[k]);
    bool in_value = s.quote || !s.flows.empty();
    if (block_parent >= 0 && !in_value) {
      if (is_blank || int(indent) > block_parent) {
        pos = line_end + 1;
        continue;
      }
      block_parent = -1;
    }
    size_t first = in_value ? 0 : indent;
    size_t comment = line.size();
    for (size_t i = first; i < line.size() && pos + i < end; ++i) {
      char c = line[i];
      if (s.quote) {
        if (s.quote->c == '\'' && c == '\'') {
          if (i + 1 < line.size() && line[i + 1] == '\'') ++i;
          else {
            if (s.quote->line_start != pos) s.multiline_quote = s.quote;
            s.quote.reset();
          }
        } else if (s.quote->c == '"' && c == '\\') {
          ++i;
        } else if (s.quote->c == '"' && c == '"') {
          if (s.quote->line_start != pos) s.multiline_quote = s.quote;
          s.quote.reset();
        }
        continue;
      }
      char prev = i == 0 ? ' ' : line[i - 1];
      bool in_flow = !s.flows.empty();
      bool token_start = i == first || blank(prev) || (in_flow && (prev == '[' || prev == '{' || prev == ','));
      if (c == '#' && (i == 0 || blank(prev))) {
        comment = i;
        break;
      }
      if ((c == '"' || c == '\'') && (token_start || (in_flow && prev == ':'))) {
        s.quote = Open{c, pos + i, pos};
        continue;
      }
      if ((c == '[' || c == '{') && (in_flow || token_start)) {
        s.flows.push_back(Open{c, pos + i, pos});
        continue;
      }
      if ((c == ']' || c == '}') && in_flow) s.flows.pop_back();
    }
    if (!s.quote && s.flows.empty() && ends_with_block_header(line.substr(first, comment - first)))
      block_parent = int(indent);
    pos = line_end + 1;
  }
  return s;
}

char closer_of(char open) { return open == '[' ? ']' : open == '{' ? '}' : open; }

// The opener's line with its closer added after the value (before a comment,
// when the opener is a bracket: inside a quote a '#' is text).
UnclosedDelimiter describe(std::string_view text, const Open& o) {
  UnclosedDelimiter u;
  u.open = o.c;
  u.close = closer_of(o.c);
  u.offset = o.offset;
  size_t nl = text.find('\n', o.line_start);
  std::string_view line = text.substr(o.line_start, nl == std::string_view::npos ? std::string_view::npos : nl - o.line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::string_view comment;
  if (o.c == '[' || o.c == '{')
    for (size_t i = o.offset - o.line_start + 1; i < line.size(); ++i)
      if (line[i] == '#' && blank(line[i - 1])) {
        comment = line.substr(i);
        line = line.substr(0, i);
        break;
      }
  while (!line.empty() && blank(line.back())) line.remove_suffix(1);
  u.suggested = std::string(line) + u.close;
  if (!comment.empty()) u.suggested += "  " + std::string(comment);
  return u;
}

}  // namespace

bool ends_with_block_header(std::string_view content) {
  while (!content.empty() && blank(content.back())) content.remove_suffix(1);
  size_t space = content.find_last_of(" \t");
  std::string_view token = space == std::string_view::npos ? content : content.substr(space + 1);
  if (token.empty() || (token[0] != '|' && token[0] != '>')) return false;
  for (char c : token.substr(1))
    if (c != '-' && c != '+' && !(c >= '1' && c <= '9')) return false;
  return true;
}

std::optional<UnclosedDelimiter> unclosed_before(std::string_view text, size_t end) {
  Scan s = scan(text, end);
  if (s.quote) return describe(text, *s.quote);
  if (!s.flows.empty()) return describe(text, s.flows.back());
  if (s.multiline_quote) return describe(text, *s.multiline_quote);
  return std::nullopt;
}

std::optional<UnclosedDelimiter> quote_open_at_end(std::string_view text) {
  Scan s = scan(text, text.size());
  if (s.quote && s.flows.empty()) return describe(text, *s.quote);
  return std::nullopt;
}

std::optional<UnquotedColon> unquoted_colon(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  while (i + 1 < line.size() && line[i] == '-' && blank(line[i + 1])) {
    ++i;
    while (i < line.size() && blank(line[i])) ++i;
  }
  if (i >= line.size() || std::string_view("\"'[{#?&*!|>%@`").find(line[i]) != std::string_view::npos) return std::nullopt;
  size_t colon = line.find(": ", i);
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view key = line.substr(i, colon - i);
  size_t value_start = colon + 2;
  while (value_start < line.size() && blank(line[value_start])) ++value_start;
  std::string_view value = line.substr(value_start);
  if (value.empty() || std::string_view("\"'[{|>&*!%@`#").find(value[0]) != std::string_view::npos) return std::nullopt;
  std::string_view comment;
  for (size_t k = 1; k < value.size(); ++k)
    if (value[k] == '#' && blank(value[k - 1])) {
      comment = value.substr(k);
      value = value.substr(0, k);
      break;
    }
  while (!value.empty() && blank(value.back())) value.remove_suffix(1);
  if (value.find(": ") == std::string_view::npos && !value.ends_with(':')) return std::nullopt;
  UnquotedColon out;
  out.key = std::string(key);
  out.value_start = value_start;
  out.value_end = value_start + value.size();
  out.suggested = std::string(line.substr(0, value_start)) + '"';
  for (char c : value) {
    if (c == '"' || c == '\\') out.suggested += '\\';
    out.suggested += c;
  }
  out.suggested += '"';
  if (!comment.empty()) out.suggested += "  " + std::string(comment);
  return out;
}

}  // namespace casfolio
