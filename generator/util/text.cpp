#include "util/text.h"

#include <algorithm>
#include <cstdint>

namespace casfolio {

size_t first_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

bool starts_with_ci_ascii(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && to_lower_ascii(s.substr(0, prefix.size())) == to_lower_ascii(prefix);
}

namespace {

// Decodes one code point at s[i] (valid UTF-8 assumed; bad bytes map to themselves).
uint32_t decode(std::string_view s, size_t& i) {
  unsigned c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (i + len > s.size()) len = 1;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void encode(uint32_t cp, std::string& out) {
  if (cp < 0x80) out += char(cp);
  else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
  }
}

uint32_t lower(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;   // А..Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;   // Ѐ..Џ (Ё, І)
  switch (cp) {  // Kazakh letters outside the basic Cyrillic block
    case 0x492: case 0x49A: case 0x4A2: case 0x4AE: case 0x4B0: case 0x4BA: case 0x4D8: case 0x4E8:
      return cp + 1;
  }
  return cp;
}

}  // namespace

std::string to_lower_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) encode(lower(decode(s, i)), out);
  return out;
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < s.size()) lines.push_back(s.substr(start));
      break;
    }
    std::string_view line = s.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  return lines;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<uint32_t> x, y;
  for (size_t i = 0; i < a.size();) x.push_back(decode(a, i));
  for (size_t i = 0; i < b.size();) y.push_back(decode(b, i));
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[y.size()];
}

std::string_view closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  size_t best_distance = SIZE_MAX;
  for (std::string_view c : candidates) {
    size_t d = edit_distance(to_lower_utf8(word), to_lower_utf8(c));
    if (d < best_distance) { best_distance = d; best = c; }
  }
  // A typo changes a few letters; anything further is a different word.
  size_t limit = std::max<size_t>(1, utf8_length(word) / 3);
  return best_distance <= limit ? best : std::string_view{};
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& i : items) {
    if (!out.empty()) out += separator;
    out += i;
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += char(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace casfolio

namespace casfolio {

namespace {

// Latin spelling for a lower-case Cyrillic letter (Russian and Kazakh), the
// common passport-style transliteration; "" for letters dropped (ъ, ь).
std::string_view latin(uint32_t cp) {
  switch (cp) {
    case 0x430: return "a";   case 0x431: return "b";   case 0x432: return "v";   case 0x433: return "g";
    case 0x434: return "d";   case 0x435: return "e";   case 0x451: return "e";   case 0x436: return "zh";
    case 0x437: return "z";   case 0x438: return "i";   case 0x439: return "i";   case 0x43A: return "k";
    case 0x43B: return "l";   case 0x43C: return "m";   case 0x43D: return "n";   case 0x43E: return "o";
    case 0x43F: return "p";   case 0x440: return "r";   case 0x441: return "s";   case 0x442: return "t";
    case 0x443: return "u";   case 0x444: return "f";   case 0x445: return "kh";  case 0x446: return "ts";
    case 0x447: return "ch";  case 0x448: return "sh";  case 0x449: return "shch"; case 0x44A: return "";
    case 0x44B: return "y";   case 0x44C: return "";    case 0x44D: return "e";   case 0x44E: return "iu";
    case 0x44F: return "ia";  case 0x456: return "i";   case 0x4D9: return "a";   case 0x493: return "g";
    case 0x49B: return "q";   case 0x4A3: return "n";   case 0x4E9: return "o";   case 0x4B1: return "u";
    case 0x4AF: return "u";   case 0x4BB: return "h";
  }
  return "-";
}

}  // namespace

std::string slugify(std::string_view title) {
  std::string lowered = to_lower_utf8(title), out;
  for (size_t i = 0; i < lowered.size();) {
    uint32_t cp = decode(lowered, i);
    std::string_view piece;
    char ascii[2] = {0, 0};
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      ascii[0] = char(cp);
      piece = ascii;
    } else {
      piece = latin(cp);
    }
    for (char c : piece) {
      if (c == '-' && (out.empty() || out.back() == '-')) continue;
      out += c;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace casfolio
