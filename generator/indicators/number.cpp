#include <cmath>
#include <string>

#include "indicators/indicators.h"

namespace casfolio {

double round2(double x) {
  if (!std::isfinite(x)) return 0;
  // The nudge keeps values such as 2.675 (stored as 2.67499...) rounding the
  // way a person computing by hand expects.
  double r = std::round(x * 100.0 + (x >= 0 ? 1e-7 : -1e-7)) / 100.0;
  return r == 0 ? 0.0 : r;  // never "-0"
}

std::string format_number(double x) {
  double r = round2(x);
  if (std::floor(r) == r && std::fabs(r) < 1e15) return std::to_string(static_cast<long long>(r));
  // Built from whole hundredths, not printf, so no locale can turn '.' into ','.
  long long cents = std::llround(std::fabs(r) * 100.0);
  std::string s = r < 0 ? "-" : "";
  s += std::to_string(cents / 100);
  s += '.';
  s += char('0' + cents % 100 / 10);
  if (cents % 10 != 0) s += char('0' + cents % 10);
  return s;
}

std::string_view name(GpaModel m) {
  switch (m) {
    case GpaModel::cumulative: return "cumulative";
    case GpaModel::levels: return "levels";
    case GpaModel::mixed: return "mixed";
  }
  return "cumulative";
}

std::string_view name(Rounding r) {
  switch (r) {
    case Rounding::floor: return "floor";
    case Rounding::nearest: return "nearest";
    case Rounding::none: return "none";
  }
  return "floor";
}

}  // namespace casfolio
