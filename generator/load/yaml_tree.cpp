#include "load/yaml_tree.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "load/text_index.h"
#include "load/yaml_hints.h"
#include "load/yaml_messages.h"
#include "util/text.h"

namespace casfolio {

YamlNode::YamlNode() = default;
YamlNode::YamlNode(const YamlNode&) = default;
YamlNode::YamlNode(YamlNode&&) noexcept = default;
YamlNode& YamlNode::operator=(const YamlNode&) = default;
YamlNode& YamlNode::operator=(YamlNode&&) noexcept = default;
YamlNode::~YamlNode() = default;

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.scalar == key) return &v;
  return nullptr;
}

namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

class Converter {
 public:
  Converter(const TextIndex& lines, const std::string& file, int first_line, const YamlLimits& limits,
            Diagnostics& diagnostics)
      : lines_(lines), file_(file), first_line_(first_line), limits_(limits), diagnostics_(diagnostics) {}

  // False once the budget or the depth limit has been exceeded (reported once).
  bool convert(const YAML::Node& in, YamlNode& out, int depth, int fallback_line, int fallback_column) {
    if (failed_) return false;
    place(in, out, fallback_line, fallback_column);
    // A long text counts as one value per 64 bytes, so that an alias cannot
    // copy a big text a hundred thousand times either.
    visited_ += 1 + (in.IsScalar() ? int(in.Scalar().size() / 64) : 0);
    if (visited_ > limits_.max_nodes) {
      diagnostics_.report("yaml-too-many-nodes", Location{file_, out.line, out.column, 0},
                          {{"limit", std::to_string(limits_.max_nodes)}});
      failed_ = true;
      return false;
    }
    if (depth > limits_.max_depth) {
      diagnostics_.report("yaml-too-deep", Location{file_, out.line, out.column, 0},
                          {{"limit", std::to_string(limits_.max_depth)}});
      failed_ = true;
      return false;
    }
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = YamlNode::Kind::null;
        return true;
      case YAML::NodeType::Scalar: {
        out.kind = YamlNode::Kind::scalar;
        out.scalar = in.Scalar();
        out.quoted = in.Tag() == "!";
        bool one_line = out.scalar.find('\n') == std::string::npos;
        if (one_line) out.length = int(utf8_length(out.scalar)) + (out.quoted ? 2 : 0);
        if (out.quoted && !out.scalar.empty() && !one_line) out.length = 0;
        return true;
      }
      case YAML::NodeType::Sequence:
        out.kind = YamlNode::Kind::sequence;
        for (const YAML::Node& item : in) {
          YamlNode& o = out.items.emplace_back();
          if (!convert(item, o, depth + 1, out.line, out.column)) return false;
        }
        return true;
      case YAML::NodeType::Map: {
        out.kind = YamlNode::Kind::map;
        std::map<std::string, int, std::less<>> first_lines;  // key -> line of its first use
        for (const auto& kv : in) {
          YamlNode key;
          if (!convert(kv.first, key, depth + 1, out.line, out.column)) return false;
          if (!key.is_scalar()) {
            diagnostics_.report("yaml-syntax", key.where(file_), {{"detail", "a key must be plain text"}});
            continue;
          }
          YamlNode value;
          if (!convert(kv.second, value, depth + 1, key.line, key.column)) return false;
          // A key with nothing after it: point at the key, not at the next line.
          if (value.is_null()) {
            value.line = key.line;
            value.column = key.column;
            value.length = 0;
          }
          auto [first, fresh] = first_lines.emplace(key.scalar, key.line);
          if (!fresh) {
            diagnostics_.report("duplicate-key", key.where(file_),
                                {{"key", key.scalar}, {"first_line", std::to_string(first->second)}});
            continue;
          }
          out.entries.emplace_back(std::move(key), std::move(value));
        }
        return true;
      }
    }
    return true;
  }

 private:
  void place(const YAML::Node& in, YamlNode& out, int fallback_line, int fallback_column) {
    YAML::Mark m = in.Mark();
    if (m.line < 0 || m.column < 0) {
      out.line = fallback_line;
      out.column = fallback_column;
      return;
    }
    out.line = first_line_ + m.line;
    out.column = lines_.column(m.line, size_t(m.column));
  }

  const TextIndex& lines_;
  const std::string& file_;
  int first_line_;
  YamlLimits limits_;
  Diagnostics& diagnostics_;
  int visited_ = 0;
  bool failed_ = false;
};


void report_unclosed(const UnclosedDelimiter& open, const TextIndex& lines, const std::string& file, int first_line,
                     int noticed_line, Diagnostics& diagnostics) {
  int line0 = lines.line_of(open.offset);
  diagnostics.report("yaml-unclosed",
                     Location{file, first_line + line0, lines.column(line0, open.offset - lines.line_start(line0)), 1},
                     {{"open", std::string(1, open.open)},
                      {"close", std::string(1, open.close)},
                      {"noticed", std::to_string(noticed_line)},
                      {"suggested", open.suggested}});
}

// A finding that names the mistake behind yaml-cpp's error, when one is
// recognised (yaml_hints.h); false to report yaml-cpp's own words.
bool explain_syntax_error(std::string_view text, const TextIndex& lines, const YAML::Exception& e,
                          const std::string& file, int first_line, Diagnostics& diagnostics) {
  if (e.mark.line < 0 || e.mark.line >= lines.line_count()) return false;
  int line0 = e.mark.line;
  if (e.msg == YAML::ErrorMsg::MAP_VALUE) {
    if (auto colon = unquoted_colon(lines.line(line0))) {
      int from = lines.column(line0, colon->value_start), to = lines.column(line0, colon->value_end);
      diagnostics.report("yaml-unquoted-colon", Location{file, first_line + line0, from, to - from},
                         {{"key", colon->key}, {"suggested", colon->suggested}});
      return true;
    }
  }
  size_t end = e.mark.pos >= 0 ? size_t(e.mark.pos) : lines.line_start(line0);
  if (auto open = unclosed_before(text, std::min(end, text.size()))) {
    report_unclosed(*open, lines, file, first_line, first_line + line0, diagnostics);
    return true;
  }
  return false;
}

// yaml-syntax's arguments: yaml-cpp's words and the catalog text that says
// them in the reader's language (yaml_messages.h).
Args detail_args(const std::string& msg) {
  YamlMessage m = yaml_message(msg);
  if (m.text.empty()) return {{"detail", msg}};
  return {{"detail", msg}, {"detail_text", m.text}, {"what", m.what}};
}

// Whether a quoted scalar starts at `line`:`column` in `node` (its tree is
// bounded by YamlLimits::max_nodes).
bool has_quoted_value_at(const YamlNode& node, int line, int column) {
  if (node.is_scalar()) return node.quoted && node.line == line && node.column == column;
  for (const YamlNode& item : node.items)
    if (has_quoted_value_at(item, line, column)) return true;
  for (const auto& [key, value] : node.entries)
    if (has_quoted_value_at(key, line, column) || has_quoted_value_at(value, line, column)) return true;
  return false;
}

}  // namespace

int code_point_column(std::string_view text, int line0, int byte_column) {
  return TextIndex(text).column(line0, size_t(std::max(0, byte_column)));
}

std::optional<std::pair<int, int>> find_deep_nesting(std::string_view text, int max_depth) {
  std::vector<int> stack;  // indentation columns of the enclosing block nodes
  int flow = 0;            // open '[' and '{'
  char quote = 0;          // inside a quoted scalar that continues on the next line
  int block_parent = -1;   // inside a block scalar: its lines are indented more than this
  int line_no = -1;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    bool is_blank = indent == line.size() || std::all_of(line.begin() + long(indent), line.end(), blank);
    if (block_parent >= 0) {
      if (is_blank || int(indent) > block_parent) continue;
      block_parent = -1;
    }

    size_t i = 0;
    size_t content_start = 0;
    if (quote == 0 && flow == 0) {
      if (is_blank || line[indent] == '#') continue;
      if ((line.starts_with("---") || line.starts_with("...")) && (line.size() == 3 || blank(line[3]))) {
        stack.clear();
        i = 3;
      } else {
        while (!stack.empty() && stack.back() >= int(indent)) stack.pop_back();
        stack.push_back(int(indent));
        i = indent;
        // "- - - x" and "? x" open a node per indicator on one line.
        while (i < line.size() && (line[i] == '-' || line[i] == '?') && (i + 1 == line.size() || blank(line[i + 1]))) {
          ++i;
          while (i < line.size() && blank(line[i])) ++i;
          stack.push_back(int(i));
          if (int(stack.size()) > max_depth) return std::pair<int, int>{line_no, int(i)};
        }
        if (int(stack.size()) > max_depth) return std::pair<int, int>{line_no, int(indent)};
      }
      content_start = i;
    }

    size_t comment = line.size();
    for (; i < line.size(); ++i) {
      char c = line[i];
      if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < line.size() && line[i + 1] == '\'') ++i;
          else quote = 0;
        }
        continue;
      }
      if (quote == '"') {
        if (c == '\\') ++i;
        else if (c == '"') quote = 0;
        continue;
      }
      char prev = i == 0 ? ' ' : line[i - 1];
      bool token_start = i == content_start || blank(prev) || (flow > 0 && (prev == '[' || prev == '{' || prev == ','));
      if (c == '#' && (i == 0 || blank(prev))) {
        comment = i;
        break;
      }
      if ((c == '"' || c == '\'') && (token_start || (flow > 0 && prev == ':'))) {
        quote = c;
        continue;
      }
      if (c == '[' || c == '{') {
        if (flow > 0 || token_start) {
          ++flow;
          if (flow + int(stack.size()) > max_depth) return std::pair<int, int>{line_no, int(i)};
        }
        continue;
      }
      if ((c == ']' || c == '}') && flow > 0) --flow;
    }
    if (quote == 0 && flow == 0 && !stack.empty()) {
      std::string_view content = line.substr(content_start, comment - content_start);
      if (ends_with_block_header(content)) {
        std::string_view trimmed = trim(content);
        // "- |": the item's own indentation; "key: |": the key's column.
        bool header_only = trimmed.size() <= 3 && (trimmed[0] == '|' || trimmed[0] == '>');
        block_parent = header_only ? int(indent) : stack.back();
      }
    }
  }
  return std::nullopt;
}

std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& file, int first_line,
                                   const YamlLimits& limits, Diagnostics& diagnostics) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  TextIndex lines(text);
  if (size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    int line0 = lines.line_of(bad);
    diagnostics.report("invalid-utf8", Location{file, first_line + line0, lines.column(line0, bad - lines.line_start(line0)), 1});
    return std::nullopt;
  }
  if (auto deep = find_deep_nesting(text, limits.max_depth)) {
    diagnostics.report("yaml-too-deep",
                       Location{file, first_line + deep->first, lines.column(deep->first, size_t(deep->second)), 0},
                       {{"limit", std::to_string(limits.max_depth)}});
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    int line0 = std::max(0, e.mark.line);
    if (!explain_syntax_error(text, lines, e, file, first_line, diagnostics))
      diagnostics.report("yaml-syntax",
                         Location{file, first_line + line0, lines.column(line0, size_t(std::max(0, e.mark.column))), 0},
                         detail_args(e.msg));
    return std::nullopt;
  } catch (const std::exception& e) {
    diagnostics.report("yaml-syntax", Location{file, first_line, 1, 0}, {{"detail", e.what()}});
    return std::nullopt;
  }
  YamlNode out;
  Converter converter(lines, file, first_line, limits, diagnostics);
  try {
    if (!converter.convert(root, out, 0, first_line, 1)) return std::nullopt;
  } catch (const std::exception& e) {  // yaml-cpp may throw while iterating a malformed node
    diagnostics.report("yaml-syntax", Location{file, first_line, 1, 0}, {{"detail", e.what()}});
    return std::nullopt;
  }
  // A quote never closed: yaml-cpp reads the rest of the block into the
  // value without a word, and the keys after it would be "missing".
  if (auto open = quote_open_at_end(text)) {
    int open_line0 = lines.line_of(open->offset);
    int line = first_line + open_line0;
    int column = lines.column(open_line0, open->offset - lines.line_start(open_line0));
    if (has_quoted_value_at(out, line, column)) {
      int last_line0 = lines.line_of(text.empty() ? 0 : text.size() - 1);  // the last line with text
      report_unclosed(*open, lines, file, first_line, first_line + last_line0, diagnostics);
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace casfolio
