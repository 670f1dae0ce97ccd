#include "model/cas.h"

#include "util/text.h"

namespace casfolio {

std::string_view name(Strand s) {
  switch (s) {
    case Strand::creativity: return "creativity";
    case Strand::activity: return "activity";
    case Strand::service: return "service";
  }
  return "";
}

std::optional<Strand> parse_strand(std::string_view text) {
  std::string t = to_lower_utf8(trim(text));
  static const std::pair<std::string_view, Strand> kNames[] = {
      {"creativity", Strand::creativity}, {"c", Strand::creativity},
      {"шығармашылық", Strand::creativity}, {"творчество", Strand::creativity},
      {"activity", Strand::activity}, {"a", Strand::activity},
      {"белсенділік", Strand::activity}, {"активность", Strand::activity},
      {"service", Strand::service}, {"s", Strand::service},
      {"қызмет", Strand::service}, {"служение", Strand::service},
  };
  for (const auto& [n, s] : kNames)
    if (t == n) return s;
  return std::nullopt;
}

std::string_view name(Stage s) {
  switch (s) {
    case Stage::investigation: return "investigation";
    case Stage::preparation: return "preparation";
    case Stage::action: return "action";
    case Stage::reflection: return "reflection";
    case Stage::demonstration: return "demonstration";
  }
  return "";
}

std::optional<Stage> parse_stage(std::string_view text) {
  std::string t = to_lower_ascii(trim(text));
  for (Stage s : kAllStages)
    if (t == name(s)) return s;
  return std::nullopt;
}

}  // namespace casfolio
