// Calendar dates without time zones: everything casfolio judges is a day.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casfolio {

class Date {
 public:
  Date() = default;  // the unset date: valid() is false
  static Date from_ymd(int year, int month, int day);  // caller guarantees a real date
  static Date from_days(int32_t days_since_epoch);
  // Strict YYYY-MM-DD with a real day of a real month; nullopt otherwise.
  static std::optional<Date> parse(std::string_view text);
  // Today in UTC, or SOURCE_DATE_EPOCH when set (reproducible builds).
  static Date today();

  bool valid() const { return days_ != kUnset; }
  int32_t days() const { return days_; }  // since 1970-01-01
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  std::string iso() const;  // "YYYY-MM-DD", or "" when unset

  friend auto operator<=>(const Date&, const Date&) = default;
  friend int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  static constexpr int32_t kUnset = INT32_MIN;
  int32_t days_ = kUnset;
};

// Whole months from `a` to `b` (b >= a), counting a month when the day of
// month is reached: 2026-09-09 -> 2028-03-09 is 18 months.
int months_between(Date a, Date b);

bool is_leap_year(int year);
int days_in_month(int year, int month);

}  // namespace casfolio
