// Reflections (SPEC 3.1) and interview records (3.3): dated Markdown files.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/document.h"
#include "model/portfolio.h"

namespace casfolio {

// A reflection: front matter is optional when the file name starts with
// its date ("2026-09-30-first-chords.md"); `date:` wins over the name.
// nullopt (with a finding) when it cannot be read or has no usable date.
// Reflection::experience is left for the caller; evidence goes to `refs`.
std::optional<Reflection> parse_reflection(std::string_view text, const std::string& file, const ParseContext& ctx,
                                           std::vector<PathRef>& refs);

// interviews/*.md: `date` (or the file name's date) and `kind`.
std::optional<Interview> parse_interview(std::string_view text, const std::string& file, const ParseContext& ctx,
                                         std::vector<PathRef>& refs);

}  // namespace casfolio
