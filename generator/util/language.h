#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace casfolio {

// The UI and message languages casfolio speaks. Order is the display order.
enum class Language { kk, ru, en };
inline constexpr std::array<Language, 3> kAllLanguages = {Language::kk, Language::ru, Language::en};

constexpr std::string_view code(Language l) {
  switch (l) {
    case Language::kk: return "kk";
    case Language::ru: return "ru";
    case Language::en: return "en";
  }
  return "en";
}
inline std::optional<Language> parse_language(std::string_view s) {
  for (Language l : kAllLanguages)
    if (code(l) == s) return l;
  return std::nullopt;
}

}  // namespace casfolio
