#include "util/timestamp.h"

#include <cstdio>

namespace casfolio {

namespace {
constexpr int64_t kSecondsPerDay = 86400;

// Floor division: a moment before 1970 still falls on the right day.
int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

Timestamp Timestamp::from_seconds(int64_t seconds) {
  Timestamp t;
  t.seconds_ = seconds;
  return t;
}

std::optional<Timestamp> Timestamp::parse(std::string_view s) {
  if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return std::nullopt;
  std::optional<Date> day = Date::parse(s.substr(0, 10));
  if (!day) return std::nullopt;
  auto two = [&](size_t at) -> int {
    if (s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return -1;
    return (s[at] - '0') * 10 + (s[at + 1] - '0');
  };
  int h = two(11), m = two(14), sec = two(17);
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) return std::nullopt;
  return from_seconds(int64_t(day->days()) * kSecondsPerDay + h * 3600 + m * 60 + sec);
}

Date Timestamp::day() const { return Date::from_days(int32_t(floor_div(seconds_, kSecondsPerDay))); }

std::string Timestamp::iso() const {
  int64_t in_day = seconds_ - floor_div(seconds_, kSecondsPerDay) * kSecondsPerDay;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", int(in_day / 3600), int(in_day / 60 % 60), int(in_day % 60));
  return day().iso() + buf;
}

}  // namespace casfolio
