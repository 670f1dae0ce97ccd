// Lines and code-point columns of a text in constant time per question, so
// that a 1 MB line with 100,000 values on it costs no more than a short one.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace casfolio {

class TextIndex {
 public:
  explicit TextIndex(std::string_view text);
  int line_count() const { return int(line_starts_.size()); }
  // Byte offset where 0-based line `line0` starts (the text's end past the last line).
  size_t line_start(int line0) const;
  // The line without its end of line ("\n" or "\r\n").
  std::string_view line(int line0) const;
  // 1-based code-point column of byte `byte_in_line` of line `line0` (clamped to the line).
  int column(int line0, size_t byte_in_line) const;
  // The 0-based line that holds byte `offset`.
  int line_of(size_t offset) const;

 private:
  size_t code_points_before(size_t offset) const;

  std::string_view text_;
  std::vector<size_t> line_starts_;
  std::vector<size_t> checkpoints_;  // code points before byte k * kStride
};

}  // namespace casfolio
