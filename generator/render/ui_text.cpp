#include "render/ui_text.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <mutex>

#include "util/embedded.h"
#include "util/message_format.h"

namespace casfolio {

namespace {

std::string two_digits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

UiText UiText::parse(std::string_view yaml, Language lang, std::vector<std::string>& errors) {
  UiText t;
  t.language_ = lang;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    errors.push_back(std::string("not valid YAML: ") + e.what());
    return t;
  }
  if (!root.IsMap()) {
    errors.push_back("the table is not a map of keys to strings");
    return t;
  }
  for (const auto& item : root) {
    std::string key = item.first.as<std::string>("");
    if (item.second.IsSequence()) {
      std::vector<std::string>* list = key == "months"            ? &t.months_
                                       : key == "months_genitive" ? &t.months_genitive_
                                       : key == "months_short"    ? &t.months_short_
                                                                  : nullptr;
      if (!list) {
        errors.push_back("'" + key + "' is a list; only the month lists may be");
        continue;
      }
      for (const auto& m : item.second) list->push_back(m.as<std::string>(""));
      if (list->size() != 12) errors.push_back("'" + key + "' must name 12 months");
    } else if (item.second.IsScalar()) {
      t.strings_[key] = item.second.as<std::string>("");
    } else {
      errors.push_back("'" + key + "' must be a string");
    }
  }
  for (auto* list : {&t.months_, &t.months_genitive_, &t.months_short_})
    if (list->size() != 12) list->resize(12);
  if (t.months_genitive_.empty() || t.months_genitive_[0].empty()) t.months_genitive_ = t.months_;
  return t;
}

const UiText& UiText::get(Language lang) {
  static std::array<UiText, 3> tables;
  static std::once_flag once;
  std::call_once(once, [] {
    for (Language l : kAllLanguages) {
      std::string path = "i18n/ui/" + std::string(code(l)) + ".yaml";
      std::vector<std::string> errors;  // the tables are ours; a test keeps them valid
      auto text = embedded::find(path);
      tables[size_t(l)] = parse(text ? *text : std::string_view(), l, errors);
    }
  });
  return tables[size_t(lang)];
}

const std::string& UiText::s(std::string_view key) const {
  auto it = strings_.find(std::string(key));
  if (it != strings_.end()) return it->second;
  // Missing keys are kept (and shown) so that the gap is visible on the page.
  static std::map<std::string, std::string> missing;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  auto [m, inserted] = missing.try_emplace("[" + std::string(key) + "]", "[" + std::string(key) + "]");
  return m->second;
}

std::string UiText::format(std::string_view key, const std::vector<std::pair<std::string, std::string>>& args) const {
  return format_message(s(key), args, language_);
}

std::string UiText::date(Date d) const {
  if (!d.valid()) return {};
  return format_message(s("date_long"), {{"day", std::to_string(d.day())},
                                     {"month", months_[size_t(d.month() - 1)]},
                                     {"month_genitive", months_genitive_[size_t(d.month() - 1)]},
                                     {"year", std::to_string(d.year())}}, language_);
}

std::string UiText::date_short(Date d) const {
  if (!d.valid()) return {};
  return format_message(s("date_short"), {{"day", std::to_string(d.day())},
                                      {"dd", two_digits(d.day())},
                                      {"mm", two_digits(d.month())},
                                      {"month_short", months_short_[size_t(d.month() - 1)]},
                                      {"year", std::to_string(d.year())}}, language_);
}

std::string UiText::month_year(int year, int month) const {
  if (month < 1 || month > 12) return std::to_string(year);
  return format_message(s("month_year"), {{"month", months_[size_t(month - 1)]}, {"year", std::to_string(year)}}, language_);
}

std::string UiText::month_short(int month) const {
  if (month < 1 || month > 12) return {};
  return months_short_[size_t(month - 1)];
}

std::string UiText::number(double value, int decimals) const {
  if (!std::isfinite(value)) return "–";
  double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  char buf[64];
  if (rounded == std::floor(rounded)) {
    std::snprintf(buf, sizeof buf, "%.0f", rounded);
  } else {
    std::snprintf(buf, sizeof buf, "%.*f", decimals, rounded);
    // Trim trailing zeros: 2.50 -> 2.5.
    std::string s = buf;
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    std::snprintf(buf, sizeof buf, "%s", s.c_str());
  }
  std::string out = buf;
  if (out == "-0") out = "0";
  const std::string& sep = s("decimal_separator");
  if (auto dot = out.find('.'); dot != std::string::npos) out.replace(dot, 1, sep);
  return out;
}

std::string ui_key(const std::string& prefix, std::string_view value) {
  std::string key = prefix;
  for (char c : value) key += c == '-' ? '_' : c;
  return key;
}

std::string ui_label(const UiText& ui, const std::string& prefix, std::string_view value) {
  std::string key = ui_key(prefix, value);
  return ui.has(key) ? ui.s(key) : std::string(value);
}

}  // namespace casfolio
