// Typed values out of YamlNodes. Each reader reports a finding at the value
// when its type is wrong and returns nothing; a null value (a key with
// nothing after it) reads as absent, without a finding.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "load/key_tables.h"
#include "load/yaml_tree.h"
#include "model/portfolio.h"
#include "util/date.h"
#include "util/text.h"

namespace casfolio {

// Whether reading something reported an error: a staff record with any
// error counts for nothing.
struct ErrorCount {
  const Diagnostics& d;
  size_t before = d.count(Severity::error);
  bool clean() const { return d.count(Severity::error) == before; }
};

struct FieldContext {
  const std::string& file;
  Diagnostics& diagnostics;
};

std::optional<std::string> read_text(const YamlNode& v, std::string_view key, const FieldContext& c);
// A text in each language: one text (kept as the English, every language's
// fallback) or {kk, ru, en}; anything else is `not-localized-text`.
std::optional<LocalizedText> read_localized(const YamlNode& v, std::string_view key, const FieldContext& c);
// Every number is finite: `nan`, `inf` and `1e400` are not-a-number.
std::optional<double> read_number(const YamlNode& v, std::string_view key, const FieldContext& c);

// The largest amount of anything (points, hours per period of a scheme), and
// of hours in one `hours:` entry: far above any real value, low enough that
// no sum of them in a cohort can overflow or print as "inf".
constexpr double kMaxAmount = 1'000'000;
constexpr double kMaxHours = 10'000;

// A number from 0 to `max` (hours, points): negative-number below 0,
// number-out-of-range above `max`.
std::optional<double> read_amount(const YamlNode& v, std::string_view key, const FieldContext& c,
                                  double max = kMaxAmount);
// A whole number that may not be negative.
std::optional<int> read_count(const YamlNode& v, std::string_view key, const FieldContext& c);
// true/false, also yes/no, in any case.
std::optional<bool> read_bool(const YamlNode& v, std::string_view key, const FieldContext& c);
// The same rule on a text, without a finding: nullopt for anything else ("on", "1", "y").
std::optional<bool> parse_bool(std::string_view text);
std::optional<Date> read_date(const YamlNode& v, std::string_view key, const FieldContext& c);
// A list's items; a single scalar counts as a list of one ("strands: service").
std::vector<const YamlNode*> read_list(const YamlNode& v, std::string_view key, const FieldContext& c);
// A list of texts (items that are not text are reported and skipped).
std::vector<std::string> read_text_list(const YamlNode& v, std::string_view key, const FieldContext& c);
// True for a map; a null is quietly false; anything else is reported.
bool read_map(const YamlNode& v, std::string_view key, const FieldContext& c);

// Reports each key of `map` that is not in `known`, with a suggestion when one is close.
void check_keys(const YamlNode& map, const std::vector<std::string_view>& known, const FieldContext& c);
// The same against a key table (load/key_tables.h): its keys, in its order.
void check_keys(const YamlNode& map, const KeyTable& table, const FieldContext& c);
// The value of `key`, or a missing-key finding at `item` (the start of the item) when it is absent or null.
const YamlNode* require_key(const YamlNode& map, std::string_view key, Location item, const FieldContext& c);
// A present, non-null value, or nullptr.
const YamlNode* optional_key(const YamlNode& map, std::string_view key);

// Lines and columns of the top-level keys of `map`.
KeyLines key_lines(const YamlNode& map, const std::string& file, int first_line);

// A value as one line of YAML flow text for a message: `on`, `[true]`,
// `{name: true}` (cut at 60 code points with "…").
std::string flow_text(const YamlNode& v);

// Comma-separated names for messages: "a, b, c".
std::string join_names(const std::vector<std::string_view>& names);

// One of a fixed set of words (case and surrounding blanks ignored) into
// `into`; anything else is `unknown-value` listing the allowed words.
template <typename E>
bool choose(const YamlNode& v, std::string_view key, const std::vector<std::pair<std::string_view, E>>& values,
            const FieldContext& c, E& into) {
  auto s = read_text(v, key, c);
  if (!s) return false;
  std::string lower = to_lower_ascii(trim(*s));
  std::vector<std::string_view> names;
  for (const auto& [n, e] : values) {
    if (n == lower) {
      into = e;
      return true;
    }
    names.push_back(n);
  }
  c.diagnostics.report("unknown-value", v.where(c.file),
                       {{"key", std::string(key)}, {"value", *s}, {"allowed", join_names(names)}});
  return false;
}

}  // namespace casfolio
