// A moment in UTC to the second, written as ISO 8601 "2026-09-10T12:00:00Z":
// the times of the staff folder's ledger (docs/format.md, "The ledger").
// Only that exact form is read or written, so one moment has one spelling
// and a line's bytes (which the ledger's chain hashes) never depend on who
// formatted it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/date.h"

namespace casfolio {

class Timestamp {
 public:
  Timestamp() = default;  // 1970-01-01T00:00:00Z
  static Timestamp from_seconds(int64_t seconds_since_epoch);
  // Strict "YYYY-MM-DDTHH:MM:SSZ" (a real day, 00..23, 00..59, 00..59); nullopt otherwise.
  static std::optional<Timestamp> parse(std::string_view text);

  int64_t seconds() const { return seconds_; }  // since 1970-01-01T00:00:00Z
  Date day() const;                             // the UTC calendar day
  std::string iso() const;                      // "YYYY-MM-DDTHH:MM:SSZ"

  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;

 private:
  int64_t seconds_ = 0;
};

}  // namespace casfolio
