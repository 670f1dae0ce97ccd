#include "diagnostics/printer.h"

#include "util/text.h"

namespace casfolio {

namespace {

const char* color_of(Severity s) {
  switch (s) {
    case Severity::error: return "\033[1;31m";
    case Severity::warning: return "\033[1;35m";
    case Severity::info: return "\033[1;36m";
  }
  return "";
}

// The byte offset of code point `column` (1-based) in `line`.
size_t byte_offset(std::string_view line, int column) {
  size_t cps = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) {
      if (++cps == size_t(column)) return i;
    }
  }
  return line.size();
}

}  // namespace

void print_finding(std::ostream& out, const Finding& f, const PrintOptions& o) {
  const char* bold = o.color ? "\033[1m" : "";
  const char* reset = o.color ? "\033[0m" : "";
  MessageText text = render_message(f, o.language);

  out << bold;
  std::string file = f.where.file.empty() ? o.path_prefix : o.path_prefix + f.where.file;
  if (file.empty()) file = ".";
  out << file;
  if (f.where.line > 0) {
    out << ':' << f.where.line;
    if (f.where.column > 0) out << ':' << f.where.column;
  }
  out << ": " << reset << (o.color ? color_of(f.severity) : "") << name(f.severity) << ": " << reset << bold
      << text.message << " [" << f.code << "]" << reset << '\n';

  if (f.where.line > 0 && o.read_source) {
    if (auto source = o.read_source(f.where.file)) {
      auto lines = split_lines(*source);
      if (size_t(f.where.line) <= lines.size()) {
        std::string_view line = lines[size_t(f.where.line) - 1];
        // A very long line (minified data, a 2 MB paste) is cut around the caret.
        constexpr size_t kMaxShown = 200;
        if (line.size() <= kMaxShown * 4 && is_valid_utf8(line)) {
          out << "    " << line << '\n';
          if (f.where.column > 0) {
            std::string pad;
            std::string_view before = line.substr(0, byte_offset(line, f.where.column));
            for (char c : before)
              if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) pad += c == '\t' ? '\t' : ' ';
            out << "    " << pad << (o.color ? "\033[1;32m" : "") << '^';
            for (int i = 1; i < f.where.length; ++i) out << '~';
            out << reset << '\n';
          }
        }
      }
    }
  }
  if (!text.hint.empty()) out << (o.color ? "\033[1;36m" : "") << "note: " << reset << text.hint << '\n';
}

}  // namespace casfolio
