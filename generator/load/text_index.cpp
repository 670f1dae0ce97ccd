#include "load/text_index.h"

#include <algorithm>

namespace casfolio {

namespace {
constexpr size_t kStride = 64;
bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }
}  // namespace

TextIndex::TextIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  checkpoints_.reserve(text.size() / kStride + 1);
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kStride == 0) checkpoints_.push_back(count);
    if (starts_code_point(text[i])) ++count;
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
  if (text.size() % kStride == 0) checkpoints_.push_back(count);
}

size_t TextIndex::line_start(int line0) const {
  if (line0 < 0) return 0;
  if (size_t(line0) >= line_starts_.size()) return text_.size();
  return line_starts_[size_t(line0)];
}

std::string_view TextIndex::line(int line0) const {
  if (line0 < 0 || size_t(line0) >= line_starts_.size()) return {};
  size_t start = line_starts_[size_t(line0)];
  size_t end = size_t(line0) + 1 < line_starts_.size() ? line_starts_[size_t(line0) + 1] - 1 : text_.size();
  std::string_view l = text_.substr(start, end - start);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

size_t TextIndex::code_points_before(size_t offset) const {
  offset = std::min(offset, text_.size());
  size_t k = offset / kStride;
  size_t count = k < checkpoints_.size() ? checkpoints_[k] : checkpoints_.back();
  for (size_t i = k * kStride; i < offset; ++i)
    if (starts_code_point(text_[i])) ++count;
  return count;
}

int TextIndex::column(int line0, size_t byte_in_line) const {
  std::string_view l = line(line0);
  size_t start = line_start(line0);
  size_t end = start + std::min(byte_in_line, l.size());
  return int(code_points_before(end) - code_points_before(start)) + 1;
}

int TextIndex::line_of(size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return int(it - line_starts_.begin()) - 1;
}

}  // namespace casfolio
