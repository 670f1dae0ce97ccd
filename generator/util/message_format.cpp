#include "util/message_format.h"

#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>

#include <array>
#include <charconv>
#include <memory>
#include <mutex>
#include <optional>

#include "util/text.h"

namespace casfolio {

namespace {

// ICU's rules, made once per language; select() is const and thread-safe.
const icu::PluralRules* rules_of(Language lang) {
  static std::array<std::unique_ptr<icu::PluralRules>, kAllLanguages.size()> rules;
  static std::once_flag once;
  std::call_once(once, [] {
    for (Language l : kAllLanguages) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::PluralRules> r(icu::PluralRules::forLocale(icu::Locale(std::string(code(l)).c_str()), status));
      if (U_SUCCESS(status)) rules[size_t(l)] = std::move(r);
    }
  });
  return rules[size_t(lang)].get();
}

// The offset just past the '}' that closes the '{' at `open`, or npos.
size_t past_closing(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && --depth == 0) return i + 1;
  }
  return std::string_view::npos;
}

const std::string* find_arg(const MessageArgs& args, std::string_view name) {
  for (const auto& [k, v] : args)
    if (k == name) return &v;
  return nullptr;
}

// `body` with each '#' outside nested braces replaced by `count`.
std::string with_count(std::string_view body, std::string_view count) {
  std::string out;
  int depth = 0;
  for (char c : body) {
    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    if (c == '#' && depth == 0)
      out += count;
    else
      out += c;
  }
  return out;
}

// The branch of "one {…} few {…} other {…}" (`branches`) for `count`, or
// nullopt when the branches do not parse (the placeholder then stays as written).
std::optional<std::string_view> plural_branch(std::string_view branches, std::string_view count, Language lang) {
  std::string category = plural_category(count, lang);
  std::string exact = "=" + std::string(trim(count));
  std::optional<std::string_view> chosen, other;
  size_t i = 0;
  while (true) {
    while (i < branches.size() && (branches[i] == ' ' || branches[i] == '\n' || branches[i] == '\t')) ++i;
    if (i == branches.size()) break;
    size_t open = branches.find('{', i);
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view selector = trim(branches.substr(i, open - i));
    size_t end = past_closing(branches, open);
    if (selector.empty() || end == std::string_view::npos) return std::nullopt;
    std::string_view body = branches.substr(open + 1, end - open - 2);
    if (selector == exact) return body;  // an exact match wins over the category
    if (selector == category && !chosen) chosen = body;
    if (selector == "other") other = body;
    i = end;
  }
  if (chosen) return chosen;
  if (other) return other;
  return std::nullopt;
}

}  // namespace

std::string plural_category(std::string_view count, Language lang) {
  std::string n(trim(count));
  for (char& c : n)
    if (c == ',') c = '.';
  double value = 0;
  auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), value);
  const icu::PluralRules* rules = rules_of(lang);
  if (n.empty() || ec != std::errc() || end != n.data() + n.size() || !rules) return "other";
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString category;
  size_t dot = n.find('.');
  if (dot == std::string::npos) {
    category = rules->select(value);
  } else {
    // "1.0" and "1.5" are not "1": the visible fraction digits choose the form (CLDR's v and f).
    int digits = int(n.size() - dot - 1);
    auto formatted = icu::number::NumberFormatter::withLocale(icu::Locale(std::string(code(lang)).c_str()))
                         .precision(icu::number::Precision::fixedFraction(digits))
                         .formatDouble(value, status);
    category = rules->select(formatted, status);
  }
  if (U_FAILURE(status)) return "other";
  std::string out;
  category.toUTF8String(out);
  return out;
}

std::string format_message(std::string_view text, const MessageArgs& args, Language lang) {
  std::string out;
  out.reserve(text.size() + 32);
  for (size_t i = 0; i < text.size();) {
    size_t end = text[i] == '{' ? past_closing(text, i) : std::string_view::npos;
    if (end == std::string_view::npos) {
      out += text[i++];
      continue;
    }
    std::string_view inner = text.substr(i + 1, end - i - 2);
    size_t comma = inner.find(',');
    if (comma == std::string_view::npos) {
      if (const std::string* v = find_arg(args, inner)) {
        out += *v;
        i = end;
        continue;
      }
    } else {
      std::string_view rest = inner.substr(comma + 1);
      size_t second = rest.find(',');
      const std::string* v = find_arg(args, trim(inner.substr(0, comma)));
      if (v && second != std::string_view::npos && trim(rest.substr(0, second)) == "plural")
        if (auto branch = plural_branch(rest.substr(second + 1), *v, lang)) {
          out += format_message(with_count(*branch, *v), args, lang);
          i = end;
          continue;
        }
    }
    out += text[i++];  // not a placeholder we fill: kept as written
  }
  return out;
}

std::string without_placeholders(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t end = text[i] == '{' ? past_closing(text, i) : std::string_view::npos;
    if (end != std::string_view::npos) {
      out += "…";
      i = end;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace casfolio
