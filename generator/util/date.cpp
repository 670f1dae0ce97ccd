#include "util/date.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace casfolio {

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

Date Date::from_ymd(int y, int m, int d) {
  namespace c = std::chrono;
  Date out;
  out.days_ = int32_t(
      c::sys_days{c::year{y} / c::month{unsigned(m)} / c::day{unsigned(d)}}.time_since_epoch().count());
  return out;
}

Date Date::from_days(int32_t days) {
  Date out;
  out.days_ = days;
  return out;
}

std::optional<Date> Date::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t n) -> int {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return from_ymd(y, m, d);
}

Date Date::today() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long secs = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && secs >= 0) return from_days(int32_t(secs / 86400));
  }
  namespace c = std::chrono;
  return from_days(int32_t(c::floor<c::days>(c::system_clock::now()).time_since_epoch().count()));
}

namespace {
std::chrono::year_month_day ymd(int32_t days) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}
}  // namespace

int Date::year() const { return int(ymd(days_).year()); }
int Date::month() const { return int(unsigned(ymd(days_).month())); }
int Date::day() const { return int(unsigned(ymd(days_).day())); }

std::string Date::iso() const {
  if (!valid()) return {};
  auto d = ymd(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()) % 10000, unsigned(d.month()),
                unsigned(d.day()));
  return buf;
}

int months_between(Date a, Date b) {
  if (!a.valid() || !b.valid() || b < a) return 0;
  int months = (b.year() - a.year()) * 12 + (b.month() - a.month());
  if (b.day() < a.day()) --months;
  return months;
}

}  // namespace casfolio
