// The site's UI strings in one language (i18n/ui/<lang>.yaml, compiled in)
// and the date and number formats that go with them. Strings live in the
// repository's tables, never in code: code names a key, the table says it.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"
#include "util/language.h"

namespace casfolio {

class UiText {
 public:
  // The table of `lang`, parsed once from the embedded YAML.
  static const UiText& get(Language lang);
  // Parses one table (tests feed broken ones); `errors` collects what is wrong.
  static UiText parse(std::string_view yaml, Language lang, std::vector<std::string>& errors);

  Language language() const { return language_; }
  // The string for `key`; a missing key shows as "[key]" so it is seen, not hidden.
  const std::string& s(std::string_view key) const;
  bool has(std::string_view key) const { return strings_.count(std::string(key)) > 0; }
  // `key`'s string with "{name}" placeholders replaced.
  std::string format(std::string_view key, const std::vector<std::pair<std::string, std::string>>& args) const;
  const std::map<std::string, std::string>& strings() const { return strings_; }

  // "20 September 2026" / "20 сентября 2026 г." / "2026 жылғы 20 қыркүйек"; "" for an unset date.
  std::string date(Date d) const;
  // "20 Sep 2026" / "20.09.2026": for tables.
  std::string date_short(Date d) const;
  // "September 2026" (month in the nominative).
  std::string month_year(int year, int month) const;
  std::string month_short(int month) const;  // 1..12
  // 12.5 -> "12.5" (en) or "12,5" (kk, ru); whole numbers without decimals.
  std::string number(double value, int decimals = 1) const;

 private:
  Language language_ = Language::en;
  std::map<std::string, std::string> strings_;
  std::vector<std::string> months_, months_genitive_, months_short_;
};

// A label from the UI table for a value that may be outside it ("status_" +
// "on-track" -> status_on_track); the value itself when there is no entry.
std::string ui_label(const UiText& ui, const std::string& prefix, std::string_view value);
// The key ui_label looks up: `prefix` + `value` with '-' as '_'.
std::string ui_key(const std::string& prefix, std::string_view value);

}  // namespace casfolio
