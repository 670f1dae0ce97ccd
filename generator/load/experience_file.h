// experiences/<id>/index.md (SPEC section 3) and its review.md (3.4).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/document.h"
#include "model/portfolio.h"

namespace casfolio {

// `file` is "experiences/<id>/index.md"; id and dir come from it. Evidence
// and links are returned in `refs` (resolved by the caller), so
// Experience::evidence and achievements' evidence are left empty here.
// nullopt when the file cannot be read at all.
std::optional<Experience> parse_experience(std::string_view text, const std::string& file, const ParseContext& ctx,
                                           std::vector<PathRef>& refs);

std::optional<Review> parse_review(std::string_view text, const std::string& file, const ParseContext& ctx,
                                   std::vector<PathRef>& refs);

// Strand names as written: "service", "S", "қызмет"; reports unknown ones at
// the item. Used for `strands:` and the keys of per-strand maps.
std::optional<Strand> read_strand(const YamlNode& item, std::string_view text, const std::string& file,
                                  Diagnostics& diagnostics);

}  // namespace casfolio
