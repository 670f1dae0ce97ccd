#include "diagnostics/printer.h"

#include <map>
#include <vector>

#include "util/text.h"

namespace casfolio {

// Each file's text and where its lines start, read and indexed once.
class SourceCache {
 public:
  // Line `number` (1-based) of `file` without its '\n' (nor a '\r' before
  // it), or nullopt when the file cannot be read or is shorter.
  std::optional<std::string_view> line(const PrintOptions& o, const std::string& file, int number) {
    auto it = files_.find(file);
    if (it == files_.end()) {
      Indexed indexed;
      ++stats_.reads;
      if (auto text = o.read_source(file)) {
        indexed.text = std::move(*text);
        indexed.readable = true;
        indexed.starts.push_back(0);
        const std::string& t = indexed.text;
        for (size_t i = t.find('\n'); i != std::string::npos; i = t.find('\n', i + 1)) indexed.starts.push_back(i + 1);
        stats_.bytes_indexed += t.size();
      }
      it = files_.emplace(file, std::move(indexed)).first;
    }
    const Indexed& f = it->second;
    if (!f.readable || number < 1 || size_t(number) > f.starts.size()) return std::nullopt;
    size_t begin = f.starts[size_t(number) - 1];
    if (begin == f.text.size()) return std::nullopt;  // after the last '\n' (or an empty file): no line
    size_t end = size_t(number) < f.starts.size() ? f.starts[size_t(number)] - 1 : f.text.size();
    std::string_view l(f.text.data() + begin, end - begin);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
  }
  const SourceStats& stats() const { return stats_; }

 private:
  struct Indexed {
    bool readable = false;
    std::string text;
    std::vector<size_t> starts;  // byte offset of each line
  };
  std::map<std::string, Indexed> files_;
  SourceStats stats_;
};

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

void append_hex(std::string& out, unsigned value, std::string_view prefix, int digits, std::string_view suffix) {
  static const char* kHex = "0123456789abcdef";
  out += prefix;
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
  out += suffix;
}

// Length of the well-formed UTF-8 sequence at `s[i]`, or 0.
size_t sequence_length(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  return is_valid_utf8(s.substr(i, n)) ? n : 0;
}

unsigned code_point(std::string_view seq) {
  auto b = [&](size_t k) { return unsigned(static_cast<unsigned char>(seq[k])); };
  switch (seq.size()) {
    case 1: return b(0);
    case 2: return (b(0) & 0x1F) << 6 | (b(1) & 0x3F);
    case 3: return (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
    default: return (b(0) & 0x07) << 18 | (b(1) & 0x3F) << 12 | (b(2) & 0x3F) << 6 | (b(3) & 0x3F);
  }
}

}  // namespace

std::string escape_for_terminal(std::string_view text, bool keep_tabs) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t n = sequence_length(text, i);
    if (n == 0) {  // not UTF-8: the byte as it is would start an escape on some terminals
      append_hex(out, static_cast<unsigned char>(text[i]), "\\x", 2, "");
      ++i;
      continue;
    }
    std::string_view seq = text.substr(i, n);
    unsigned cp = code_point(seq);
    bool control = (cp < 0x20 && !(keep_tabs && cp == '\t')) || cp == 0x7f;
    bool c1 = cp >= 0x80 && cp <= 0x9f;
    bool bidi = (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f;
    if (control || c1)
      append_hex(out, cp, "\\x", 2, "");
    else if (bidi)
      append_hex(out, cp, "\\u{", 4, "}");
    else
      out += seq;
    i += n;
  }
  return out;
}

SourceStats source_stats(const PrintOptions& o) { return o.sources ? o.sources->stats() : SourceStats{}; }

void print_finding(std::ostream& out, const Finding& f, const PrintOptions& o) {
  const char* bold = o.color ? "\033[1m" : "";
  const char* reset = o.color ? "\033[0m" : "";
  MessageText text = render_message(f, o.language);

  out << bold;
  std::string file = f.where.file.empty() ? o.path_prefix : o.path_prefix + f.where.file;
  if (file.empty()) file = ".";
  out << escape_for_terminal(file);
  if (f.where.line > 0) {
    out << ':' << f.where.line;
    if (f.where.column > 0) out << ':' << f.where.column;
  }
  out << ": " << reset << (o.color ? color_of(f.severity) : "") << severity_word(f.severity, o.language) << ": "
      << reset << bold << escape_for_terminal(text.message) << " [" << f.code << "]" << reset << '\n';

  if (f.where.line > 0 && o.read_source) {
    if (!o.sources) o.sources = std::make_shared<SourceCache>();
    if (auto line = o.sources->line(o, f.where.file, f.where.line)) {
      // A very long line (minified data, a 2 MB paste) is cut around the caret.
      constexpr size_t kMaxShown = 200;
      if (line->size() <= kMaxShown * 4 && is_valid_utf8(*line)) {
        out << "    " << escape_for_terminal(*line, true) << '\n';
        if (f.where.column > 0) {
          // The caret under the same code point of the line as printed.
          std::string before = escape_for_terminal(line->substr(0, byte_offset(*line, f.where.column)), true);
          std::string pad;
          for (char c : before)
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) pad += c == '\t' ? '\t' : ' ';
          out << "    " << pad << (o.color ? "\033[1;32m" : "") << '^';
          for (int i = 1; i < f.where.length; ++i) out << '~';
          out << reset << '\n';
        }
      }
    }
  }
  if (!text.hint.empty())
    out << (o.color ? "\033[1;36m" : "") << catalog_text("_hint-label", o.language) << ": " << reset
        << escape_for_terminal(text.hint) << '\n';
}

}  // namespace casfolio
