#include "model/audience.h"

namespace casfolio {

std::string_view name(Audience audience) {
  switch (audience) {
    case Audience::staff: return "staff";
    case Audience::student: return "student";
    case Audience::anyone: return "public";
  }
  return "public";
}

std::optional<Audience> parse_audience(std::string_view word) {
  for (Audience a : {Audience::staff, Audience::student, Audience::anyone})
    if (name(a) == word) return a;
  return std::nullopt;
}

}  // namespace casfolio
