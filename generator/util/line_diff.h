// A line diff of two texts, for showing staff what changed in a plan or a
// proposal since it was approved. The edit script is dtl's (Debian's
// libdtl-dev: Myers' O(ND) algorithm); this adds only the shape a page needs:
// unchanged lines kept around each change, longer unchanged runs folded.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casfolio {

struct DiffLine {
  enum class Op { same, removed, added, folded };
  Op op = Op::same;
  std::string text;      // the line without its LF; for `folded`, empty
  size_t folded = 0;     // for `folded`: how many unchanged lines it stands for
};

// Texts longer than this (in lines, either side) are not compared: the
// diff's cost grows with their product in the worst case.
constexpr size_t kMaxDiffLines = 5000;

// The changes from `before` to `after`, with `context` unchanged lines
// before and after each change. Empty when the texts are equal; nullopt
// when either has more than kMaxDiffLines lines.
std::optional<std::vector<DiffLine>> line_diff(std::string_view before, std::string_view after, size_t context = 2);

}  // namespace casfolio
