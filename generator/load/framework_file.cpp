// A school's or course's outcome framework file (SPEC section 5). Strict
// like cohort.yaml: unknown keys are reported, bad entries are skipped with
// a finding, and only a file with no usable outcome is rejected as a whole.
#include "load/framework_file.h"

#include <map>

#include "load/key_tables.h"
#include "load/yaml_tree.h"
#include "util/path.h"
#include "util/text.h"

namespace casfolio {

namespace {

bool is_id_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
}

bool is_plain_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!is_id_char(c)) return false;
  return true;
}

class Parser {
 public:
  Parser(const std::string& file, Diagnostics& d) : file_(file), d_(d) {}

  // Reports every key of `map` not in `table` (load/key_tables.h).
  void unknown_keys(const YamlNode& map, const KeyTable& table) {
    std::vector<std::string_view> names = table.names();
    std::string list;
    for (std::string_view k : names) list += (list.empty() ? "" : ", ") + std::string(k);
    for (const auto& [key, value] : map.entries) {
      if (table.find(key.scalar)) continue;
      Args args{{"key", key.scalar}, {"known", list}};
      std::string_view best = closest_match(key.scalar, names);
      args.push_back({"suggestion", best.empty() ? list : std::string(best)});
      d_.report(best.empty() ? "framework-unknown-key" : "framework-unknown-key-typo", key.where(file_), args);
    }
  }

  // `name:` as one text (kept as the English, the fallback of every
  // language) or as { kk: ..., ru: ..., en: ... }.
  LocalizedText text(const YamlNode& node) {
    LocalizedText t;
    if (node.is_scalar()) {
      t.en = std::string(trim(node.scalar));
      return t;
    }
    if (node.is_map()) {
      unknown_keys(node, localized_text_keys());
      for (const auto& [key, value] : node.entries) {
        std::string* slot = key.scalar == "kk" ? &t.kk : key.scalar == "ru" ? &t.ru : key.scalar == "en" ? &t.en : nullptr;
        if (!slot) continue;
        if (value.is_scalar()) *slot = std::string(trim(value.scalar));
        else d_.report("framework-bad-text", value.where(file_));
      }
      return t;
    }
    d_.report("framework-bad-text", node.where(file_));
    return t;
  }

  static bool empty(const LocalizedText& t) { return t.kk.empty() && t.ru.empty() && t.en.empty(); }

  // Remembers an id; false (after reporting) when it was seen before.
  bool claim(const std::string& id, const YamlNode& at) {
    auto [it, fresh] = seen_.emplace(id, at.line);
    if (!fresh) d_.report("framework-duplicate-id", at.where(file_), {{"id", id}, {"first_line", std::to_string(it->second)}});
    return fresh;
  }

  std::optional<Indicator> indicator(const YamlNode& node, const std::string& outcome) {
    const YamlNode* id = node.is_map() ? node.find("id") : nullptr;
    if (!id || !id->is_scalar() || trim(id->scalar).empty()) {
      d_.report("framework-bad-indicator", node.where(file_), {{"outcome", outcome}});
      return std::nullopt;
    }
    unknown_keys(node, framework_indicator_keys());
    Indicator i;
    i.id = std::string(trim(id->scalar));
    std::string prefix = outcome + ".";
    if (!i.id.starts_with(prefix) || !is_plain_id(std::string_view(i.id).substr(prefix.size()))) {
      d_.report("framework-indicator-id", id->where(file_), {{"id", i.id}, {"outcome", outcome}});
      return std::nullopt;
    }
    if (!claim(i.id, *id)) return std::nullopt;
    if (const YamlNode* n = node.find("name")) i.name = text(*n);
    if (empty(i.name)) {
      d_.report("framework-missing-name", id->where(file_), {{"id", i.id}});
      i.name.en = i.id;
    }
    return i;
  }

  std::optional<Outcome> outcome(const YamlNode& node) {
    const YamlNode* id = node.is_map() ? node.find("id") : nullptr;
    if (!id || !id->is_scalar() || trim(id->scalar).empty()) {
      d_.report("framework-bad-outcome", node.where(file_));
      return std::nullopt;
    }
    unknown_keys(node, framework_outcome_keys());
    Outcome o;
    o.id = std::string(trim(id->scalar));
    if (starts_with_ci_ascii(o.id, "lo") || !is_plain_id(o.id)) {
      // "LO1" is how students may refer to outcome "1"; an id cannot start with it.
      d_.report("framework-bad-id", id->where(file_), {{"id", o.id}});
      return std::nullopt;
    }
    if (!claim(o.id, *id)) return std::nullopt;
    if (const YamlNode* n = node.find("name")) o.name = text(*n);
    if (empty(o.name)) {
      d_.report("framework-missing-name", id->where(file_), {{"id", o.id}});
      o.name.en = o.id;
    }
    if (const YamlNode* n = node.find("description")) o.description = text(*n);
    if (const YamlNode* list = node.find("indicators"); list && !list->is_null()) {
      if (!list->is_sequence()) {
        d_.report("framework-bad-indicator", list->where(file_), {{"outcome", o.id}});
      } else {
        for (const YamlNode& item : list->items)
          if (auto i = indicator(item, o.id)) o.indicators.push_back(std::move(*i));
      }
    }
    return o;
  }

  std::optional<Framework> framework(const YamlNode& root) {
    if (!root.is_map()) {
      d_.report("framework-not-a-map", Location{file_, root.line > 0 ? root.line : 1, root.column, 0});
      return std::nullopt;
    }
    unknown_keys(root, framework_keys());
    Framework f;
    if (const YamlNode* id = root.find("id"); id && id->is_scalar()) f.id = std::string(trim(id->scalar));
    if (f.id.empty()) {
      std::string stem(file_name(file_));
      if (size_t dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
      f.id = stem;
    }
    if (const YamlNode* n = root.find("name")) f.name = text(*n);
    if (empty(f.name)) f.name.en = f.id;
    const YamlNode* list = root.find("outcomes");
    if (list && list->is_sequence())
      for (const YamlNode& item : list->items)
        if (auto o = outcome(item)) f.outcomes.push_back(std::move(*o));
    if (f.outcomes.empty()) {
      Location at{file_, 1, 0, 0};  // at `outcomes:`, else the top of the file
      for (const auto& [key, value] : root.entries)
        if (key.scalar == "outcomes") at = key.where(file_);
      d_.report("framework-no-outcomes", at);
      return std::nullopt;
    }
    return f;
  }

 private:
  const std::string& file_;
  Diagnostics& d_;
  std::map<std::string, int> seen_;  // id -> line, outcomes and indicators together
};

}  // namespace

std::optional<Framework> parse_framework(std::string_view yaml, const std::string& file, Diagnostics& diagnostics) {
  std::optional<YamlNode> root = parse_yaml(yaml, file, 1, YamlLimits{}, diagnostics);
  if (!root) return std::nullopt;
  return Parser(file, diagnostics).framework(*root);
}

}  // namespace casfolio
