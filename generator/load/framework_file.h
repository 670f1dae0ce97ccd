// A school's or course's own outcome framework (SPEC section 5), e.g.
//   id: bio-101
//   name: { en: "...", ru: "...", kk: "..." }
//   outcomes:
//     - id: 1
//       name: { en: "Understand ..." }
//       indicators:
//         - { id: 1.1, name: { en: "Describe ..." } }
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "diagnostics/diagnostics.h"
#include "model/framework.h"

namespace casfolio {

// Parses a framework file; problems are reported with `file` and lines.
// nullopt when it is unusable (then the caller keeps the built-in one).
std::optional<Framework> parse_framework(std::string_view yaml, const std::string& file, Diagnostics& diagnostics);

}  // namespace casfolio
