#include "util/line_diff.h"

#include <dtl/dtl.hpp>

namespace casfolio {

namespace {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::optional<std::vector<DiffLine>> line_diff(std::string_view before, std::string_view after, size_t context) {
  std::vector<std::string> a = split_lines(before), b = split_lines(after);
  if (a.size() > kMaxDiffLines || b.size() > kMaxDiffLines) return std::nullopt;
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.compose();

  std::vector<DiffLine> all;
  for (const auto& [line, info] : diff.getSes().getSequence()) {
    DiffLine d;
    d.op = info.type == dtl::SES_ADD ? DiffLine::Op::added
           : info.type == dtl::SES_DELETE ? DiffLine::Op::removed
                                          : DiffLine::Op::same;
    d.text = line;
    all.push_back(std::move(d));
  }
  // Keep the unchanged lines within `context` of a change; fold the rest.
  std::vector<bool> keep(all.size(), false);
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].op == DiffLine::Op::same) continue;
    size_t from = i >= context ? i - context : 0, to = std::min(all.size(), i + context + 1);
    for (size_t k = from; k < to; ++k) keep[k] = true;
  }
  std::vector<DiffLine> out;
  bool changed = false;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].op != DiffLine::Op::same) changed = true;
    if (keep[i]) {
      out.push_back(std::move(all[i]));
    } else if (!out.empty() && out.back().op == DiffLine::Op::folded) {
      ++out.back().folded;
    } else {
      out.push_back(DiffLine{DiffLine::Op::folded, "", 1});
    }
  }
  if (!changed) out.clear();
  return out;
}

}  // namespace casfolio
