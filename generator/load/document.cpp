#include "load/document.h"
#include "load/name_rules.h"

#include <algorithm>

#include "load/front_matter.h"
#include "load/markdown_links.h"
#include "load/text_index.h"
#include "load/yaml_fields.h"
#include "util/markdown_budget.h"
#include "util/path.h"
#include "util/text.h"
#include "util/web_address.h"

namespace casfolio {

namespace {

std::string kilobytes(uint64_t bytes) { return std::to_string((bytes + 1023) / 1024); }

// The line and column of byte `bad` of `text`.
Location byte_location(std::string_view text, size_t bad, const std::string& file) {
  TextIndex index(text);
  int line0 = index.line_of(bad);
  return Location{file, line0 + 1, index.column(line0, bad - index.line_start(line0)), 1};
}

}  // namespace

YamlLimits yaml_limits(const Limits& limits) { return YamlLimits{limits.max_yaml_depth, limits.max_yaml_nodes}; }

std::optional<std::string> read_text_file(const FileSource& files, const std::string& path, const Limits& limits,
                                          Diagnostics& diagnostics) {
  auto entry = files.stat(path);
  if (entry && entry->escapes_root) {  // what a link leads to outside is never read
    diagnostics.report("symlink-outside-portfolio", Location{path}, {{"path", path}});
    return std::nullopt;
  }
  if (!entry || entry->kind != EntryKind::file) {
    diagnostics.report("file-unreadable", Location{path});
    return std::nullopt;
  }
  auto too_large = [&](uint64_t size) {
    diagnostics.report("file-too-large", Location{path},
                       {{"size", kilobytes(size)}, {"limit", kilobytes(limits.max_text_file_bytes)}});
  };
  if (entry->size > limits.max_text_file_bytes) {
    too_large(entry->size);
    return std::nullopt;
  }
  auto text = files.read(path);
  if (!text) {
    diagnostics.report("file-unreadable", Location{path});
    return std::nullopt;
  }
  if (text->size() > limits.max_text_file_bytes) {  // it grew since stat
    too_large(text->size());
    return std::nullopt;
  }
  if (size_t bad = first_invalid_utf8(*text); bad != std::string::npos) {
    diagnostics.report("invalid-utf8", byte_location(*text, bad, path));
    return std::nullopt;
  }
  if (size_t nul = text->find('\0'); nul != std::string::npos) {
    diagnostics.report("nul-byte", byte_location(*text, nul, path));
    return std::nullopt;
  }
  return text;
}

bool is_blank_text(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return trim(text).empty();
}

std::optional<YamlNode> parse_yaml_map(std::string_view text, const std::string& file, const Limits& limits,
                                       Diagnostics& diagnostics) {
  if (is_blank_text(text)) {
    diagnostics.report("empty-file", Location{file});
    return std::nullopt;
  }
  auto node = parse_yaml(text, file, 1, yaml_limits(limits), diagnostics);
  if (!node) return std::nullopt;
  if (node->is_null()) {  // only comments
    node->kind = YamlNode::Kind::map;
    return node;
  }
  if (!node->is_map()) {
    diagnostics.report("file-not-a-map", node->where(file));
    return std::nullopt;
  }
  return node;
}

std::optional<MarkdownDocument> parse_markdown_document(std::string_view text, const std::string& file,
                                                        FrontMatter need, const Limits& limits,
                                                        Diagnostics& diagnostics) {
  if (is_blank_text(text)) {
    diagnostics.report("empty-file", Location{file});
    return std::nullopt;
  }
  FrontMatterSplit split = split_front_matter(text);
  MarkdownDocument doc;
  doc.front.kind = YamlNode::Kind::map;
  doc.front.line = 1;
  doc.front.column = 1;
  doc.has_front_matter = split.has_front_matter;
  doc.body = MarkdownBody{std::string(split.body), split.body_first_line};
  if (!split.has_front_matter) {
    if (need == FrontMatter::required) {
      diagnostics.report("missing-front-matter", Location{file, 1, 1, 0});
      return std::nullopt;
    }
    return doc;
  }
  if (split.unterminated) {
    diagnostics.report("unterminated-front-matter", Location{file, 1, 1, 3});
    return std::nullopt;
  }
  doc.front_first_line = split.yaml_first_line;
  auto node = parse_yaml(split.yaml, file, split.yaml_first_line, yaml_limits(limits), diagnostics);
  if (!node) return std::nullopt;
  if (node->is_null()) {  // "---" "---" or only comments
    doc.front.line = split.yaml_first_line;
    return doc;
  }
  if (!node->is_map()) {
    diagnostics.report("file-not-a-map", node->where(file));
    return std::nullopt;
  }
  doc.front = std::move(*node);
  return doc;
}

void collect_body_refs(const MarkdownBody& body, const std::string& file, Diagnostics& diagnostics,
                       std::vector<PathRef>& refs) {
  if (auto too_complex = markdown_too_complex(body.text)) {
    diagnostics.report("markdown-too-complex", Location{file, body.first_line + too_complex->line - 1, 0, 0},
                       {{"construct", std::string(too_complex->construct)}});
    return;
  }
  for (MarkdownLink& link : markdown_links(body.text, body.first_line)) {
    std::string_view d = link.destination;
    if (d.empty() || d.front() == '#') continue;
    if (!is_local_absolute(d) && has_scheme(d)) continue;  // http:, mailto:, //host: not ours to check
    PathRef ref;
    ref.kind = link.image ? PathRef::Kind::image : PathRef::Kind::link;
    ref.where = Location{file, link.line, link.column, int(utf8_length(d))};
    ref.target = std::move(link.destination);
    refs.push_back(std::move(ref));
  }
}

void collect_evidence_refs(const YamlNode& value, const std::string& file, Diagnostics& diagnostics,
                           std::vector<PathRef>& refs, std::vector<EvidenceLink>& links, int achievement) {
  FieldContext c{file, diagnostics};
  for (const YamlNode* item : read_list(value, "evidence", c)) {
    auto target = read_text(*item, "evidence", c);
    if (!target) continue;
    if (has_address_scheme(*target)) {  // never a path: not resolved, so never a file of the portfolio
      WebAddressCheck verdict = check_web_address(*target);
      if (verdict == WebAddressCheck::ok) links.push_back(EvidenceLink{*target, item->line});
      else if (verdict == WebAddressCheck::other_scheme)
        diagnostics.report("evidence-link-scheme", item->where(file), {{"url", *target}});
      else
        diagnostics.report("evidence-link-invalid", item->where(file), {{"url", *target}});
      continue;
    }
    PathRef ref;
    ref.kind = PathRef::Kind::evidence;
    ref.target = *target;
    ref.where = item->where(file);
    ref.achievement = achievement;
    refs.push_back(std::move(ref));
  }
}

std::vector<OutcomeRef> read_outcomes(const YamlNode& value, std::string_view key, const Framework& framework,
                                      const std::string& file, Diagnostics& diagnostics) {
  FieldContext c{file, diagnostics};
  std::vector<OutcomeRef> out;
  for (const YamlNode* item : read_list(value, key, c)) {
    auto text = read_text(*item, key, c);
    if (!text) continue;
    auto ref = parse_outcome_ref(*text, framework);
    if (!ref) {
      std::vector<std::string_view> ids;
      for (const Outcome& o : framework.outcomes) ids.push_back(o.id);
      diagnostics.report("unknown-outcome", item->where(file), {{"outcome", *text}, {"known", join_names(ids)}});
      continue;
    }
    if (std::find(out.begin(), out.end(), *ref) == out.end()) out.push_back(std::move(*ref));
  }
  return out;
}

std::optional<Date> date_from_file_name(std::string_view name, bool* found) {
  if (found) *found = false;
  if (name.size() < 10) return std::nullopt;
  for (size_t i = 0; i < 10; ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? name[i] != '-' : !(name[i] >= '0' && name[i] <= '9')) return std::nullopt;
  }
  if (name.size() > 10 && name[10] != '-' && name[10] != '_' && name[10] != '.' && name[10] != ' ') return std::nullopt;
  if (found) *found = true;
  return Date::parse(name.substr(0, 10));
}

}  // namespace casfolio

namespace casfolio {
bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}
}  // namespace casfolio
