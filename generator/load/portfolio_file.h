// portfolio.yaml (SPEC section 2): the student's profile.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "load/document.h"
#include "model/portfolio.h"

namespace casfolio {

struct ParsedProfile {
  Profile profile;
  std::string id;      // `id:` when given and valid, else ""
  bool id_given = false;
  Location id_where;   // the `id:` value, for findings about the id
};

// nullopt when the file cannot be read as a map at all (the portfolio is
// then unusable). `profile.language` defaults to the cohort's.
std::optional<ParsedProfile> parse_profile(std::string_view text, const std::string& file, const ParseContext& ctx);

}  // namespace casfolio
