// Who a page, a report or a bundle is for. One notion for pages, bundles,
// reports and serve (docs/format.md, "Views"):
//   staff   — everything the school keeps, findings about other students included;
//   student — what a student may see about themselves: their own findings
//             (a near-duplicate only as "staff have a question"), feedback
//             and interview records not marked staff_only, no staff banner;
//   anyone  — a public page: nothing private, no findings, no staff records.
#pragma once
#include <optional>
#include <string_view>

namespace casfolio {

enum class Audience { staff, student, anyone };

// "staff" | "student" | "public": the word of `build --view`.
std::string_view name(Audience audience);
// The audience `build --view WORD` names, or nothing for an unknown word.
std::optional<Audience> parse_audience(std::string_view word);

}  // namespace casfolio
