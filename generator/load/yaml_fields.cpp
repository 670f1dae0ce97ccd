#include "load/yaml_fields.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "util/text.h"

namespace casfolio {

namespace {

void wrong(std::string_view code, const YamlNode& v, std::string_view key, const FieldContext& c, bool with_value) {
  Args args{{"key", std::string(key)}};
  if (with_value) args.emplace_back("value", v.scalar);
  c.diagnostics.report(code, v.where(c.file), std::move(args));
}

// A scalar, or a not-text finding for a list or map; nullptr for a null.
const YamlNode* scalar_or_report(const YamlNode& v, std::string_view key, const FieldContext& c) {
  if (v.is_null()) return nullptr;
  if (!v.is_scalar()) {
    wrong("not-text", v, key, c, false);
    return nullptr;
  }
  return &v;
}

// "10000", "1000000": a limit as students write it.
std::string whole_number(double d) { return std::to_string(static_cast<long long>(d)); }

std::optional<double> parse_double(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double d = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

}  // namespace

std::optional<std::string> read_text(const YamlNode& v, std::string_view key, const FieldContext& c) {
  const YamlNode* s = scalar_or_report(v, key, c);
  if (!s) return std::nullopt;
  return s->scalar;
}

std::optional<LocalizedText> read_localized(const YamlNode& v, std::string_view key, const FieldContext& c) {
  if (v.is_null()) return std::nullopt;
  LocalizedText t;
  if (v.is_scalar()) {
    t.en = std::string(trim(v.scalar));
    return t;
  }
  if (!v.is_map()) {
    c.diagnostics.report("not-localized-text", v.where(c.file), {{"key", std::string(key)}});
    return std::nullopt;
  }
  check_keys(v, localized_text_keys(), c);
  for (const auto& [lang, value] : v.entries) {
    std::string* slot = lang.scalar == "kk" ? &t.kk : lang.scalar == "ru" ? &t.ru : lang.scalar == "en" ? &t.en : nullptr;
    if (!slot) continue;
    if (auto s = read_text(value, lang.scalar, c)) *slot = std::string(trim(*s));
  }
  if (t.kk.empty() && t.ru.empty() && t.en.empty()) {
    c.diagnostics.report("not-localized-text", v.where(c.file), {{"key", std::string(key)}});
    return std::nullopt;
  }
  return t;
}

std::optional<double> read_number(const YamlNode& v, std::string_view key, const FieldContext& c) {
  if (v.is_null()) return std::nullopt;
  if (!v.is_scalar()) {
    c.diagnostics.report("not-a-number", v.where(c.file), {{"key", std::string(key)}});
    return std::nullopt;
  }
  auto d = parse_double(v.scalar);
  if (!d) wrong("not-a-number", v, key, c, true);
  return d;
}

std::optional<double> read_amount(const YamlNode& v, std::string_view key, const FieldContext& c, double max) {
  auto d = read_number(v, key, c);
  if (d && *d < 0) {
    wrong("negative-number", v, key, c, true);
    return std::nullopt;
  }
  if (d && *d > max) {
    c.diagnostics.report("number-out-of-range", v.where(c.file),
                         {{"key", std::string(key)}, {"value", v.scalar}, {"min", "0"}, {"max", whole_number(max)}});
    return std::nullopt;
  }
  return d;
}

std::optional<int> read_count(const YamlNode& v, std::string_view key, const FieldContext& c) {
  if (v.is_null()) return std::nullopt;
  if (!v.is_scalar()) {
    c.diagnostics.report("not-a-whole-number", v.where(c.file), {{"key", std::string(key)}});
    return std::nullopt;
  }
  std::string_view s = trim(v.scalar);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  long long n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || n > 1'000'000'000 || n < -1'000'000'000) {
    wrong("not-a-whole-number", v, key, c, true);
    return std::nullopt;
  }
  if (n < 0) {
    wrong("negative-number", v, key, c, true);
    return std::nullopt;
  }
  return int(n);
}

std::optional<bool> parse_bool(std::string_view text) {
  std::string s = to_lower_ascii(trim(text));
  if (s == "true" || s == "yes") return true;
  if (s == "false" || s == "no") return false;
  return std::nullopt;
}

std::optional<bool> read_bool(const YamlNode& v, std::string_view key, const FieldContext& c) {
  if (v.is_null()) return std::nullopt;
  if (v.is_scalar()) {
    if (auto b = parse_bool(v.scalar)) return b;
    wrong("not-a-boolean", v, key, c, true);
  } else {
    c.diagnostics.report("not-a-boolean", v.where(c.file), {{"key", std::string(key)}});
  }
  return std::nullopt;
}

std::optional<Date> read_date(const YamlNode& v, std::string_view key, const FieldContext& c) {
  if (v.is_null()) return std::nullopt;
  if (!v.is_scalar()) {
    c.diagnostics.report("bad-date", v.where(c.file), {{"key", std::string(key)}});
    return std::nullopt;
  }
  auto d = Date::parse(trim(v.scalar));
  if (!d) wrong("bad-date", v, key, c, true);
  return d;
}

std::vector<const YamlNode*> read_list(const YamlNode& v, std::string_view key, const FieldContext& c) {
  std::vector<const YamlNode*> out;
  if (v.is_scalar()) out.push_back(&v);
  else if (v.is_sequence())
    for (const YamlNode& item : v.items) out.push_back(&item);
  else if (v.is_map())
    wrong("not-a-list", v, key, c, false);
  return out;
}

std::vector<std::string> read_text_list(const YamlNode& v, std::string_view key, const FieldContext& c) {
  std::vector<std::string> out;
  for (const YamlNode* item : read_list(v, key, c)) {
    // "- Patient: I finish what I start" is a one-entry map to YAML, but in a
    // list of texts it can only be the sentence the student wrote.
    if (item->is_map() && item->entries.size() == 1) {
      const auto& [k, value] = item->entries.front();
      if (!k.quoted && value.is_scalar() && !value.quoted && value.scalar.find('\n') == std::string::npos) {
        out.push_back(k.scalar + ": " + value.scalar);
        continue;
      }
    }
    if (auto s = read_text(*item, key, c)) out.push_back(std::move(*s));
  }
  return out;
}

bool read_map(const YamlNode& v, std::string_view key, const FieldContext& c) {
  if (v.is_map()) return true;
  if (!v.is_null()) wrong("not-a-map", v, key, c, false);
  return false;
}

void check_keys(const YamlNode& map, const std::vector<std::string_view>& known, const FieldContext& c) {
  std::string known_list;
  for (const auto& [k, v] : map.entries) {
    if (std::find(known.begin(), known.end(), std::string_view(k.scalar)) != known.end()) continue;
    std::string_view suggestion = closest_match(k.scalar, known);
    if (!suggestion.empty())
      c.diagnostics.report("misspelled-key", k.where(c.file), {{"key", k.scalar}, {"suggestion", std::string(suggestion)}});
    else {
      if (known_list.empty()) known_list = join_names(known);
      c.diagnostics.report("unknown-key", k.where(c.file), {{"key", k.scalar}, {"known", known_list}});
    }
  }
}

void check_keys(const YamlNode& map, const KeyTable& table, const FieldContext& c) {
  if (table.other_keys && table.other_names.empty()) return;  // any key (a kind -> its points)
  std::vector<std::string_view> names = table.names();
  names.insert(names.end(), table.other_names.begin(), table.other_names.end());
  check_keys(map, names, c);
}

const YamlNode* optional_key(const YamlNode& map, std::string_view key) {
  const YamlNode* v = map.find(key);
  return v && !v->is_null() ? v : nullptr;
}

const YamlNode* require_key(const YamlNode& map, std::string_view key, Location item, const FieldContext& c) {
  const YamlNode* v = map.find(key);
  if (v && !v->is_null()) return v;
  if (v) item = Location{c.file, v->line, v->column, int(utf8_length(key))};  // "title:" with nothing after it
  c.diagnostics.report("missing-key", std::move(item), {{"key", std::string(key)}});
  return nullptr;
}

KeyLines key_lines(const YamlNode& map, const std::string& file, int first_line) {
  KeyLines k;
  k.file = file;
  k.line = first_line;
  for (const auto& [key, value] : map.entries) {
    if (k.keys.empty()) k.line = key.line;
    k.keys[key.scalar] = {key.line, key.column};
  }
  return k;
}

namespace {

void append_flow(const YamlNode& v, std::string& out) {
  constexpr size_t kEnough = 80;  // bytes: the result is cut at 60 code points anyway
  if (out.size() > kEnough) return;
  switch (v.kind) {
    case YamlNode::Kind::null: out += "null"; break;
    case YamlNode::Kind::scalar: out += v.scalar; break;
    case YamlNode::Kind::sequence:
      out += '[';
      for (size_t i = 0; i < v.items.size() && out.size() <= kEnough; ++i) {
        if (i) out += ", ";
        append_flow(v.items[i], out);
      }
      out += ']';
      break;
    case YamlNode::Kind::map:
      out += '{';
      for (size_t i = 0; i < v.entries.size() && out.size() <= kEnough; ++i) {
        if (i) out += ", ";
        append_flow(v.entries[i].first, out);
        out += ": ";
        append_flow(v.entries[i].second, out);
      }
      out += '}';
      break;
  }
}

}  // namespace

std::string flow_text(const YamlNode& v) {
  std::string out;
  append_flow(v, out);
  for (char& ch : out)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  constexpr size_t kMaxChars = 60;
  if (utf8_length(out) <= kMaxChars) return out;
  size_t count = 0, cut = 0;
  while (cut < out.size() && count < kMaxChars) {
    ++cut;
    while (cut < out.size() && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) ++cut;
    ++count;
  }
  return out.substr(0, cut) + "…";
}

std::string join_names(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace casfolio
