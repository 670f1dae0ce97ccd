#include "util/normalised_text.h"

#include "util/digest.h"

namespace casfolio {

std::string normalised_text(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string out;
  out.reserve(text.size() + 1);
  size_t kept = 0;  // out's length up to the last non-blank line, with its LF
  std::string line;
  auto end_line = [&] {
    size_t last = line.find_last_not_of(" \t");
    line.erase(last == std::string::npos ? 0 : last + 1);
    out += line;
    out += '\n';
    if (!line.empty()) kept = out.size();
    line.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_line();
    } else if (c == '\n') {
      end_line();
    } else {
      line += c;
    }
  }
  if (!line.empty()) end_line();
  out.resize(kept);
  return out;
}

std::string normalised_text_sha256(std::string_view text) {
  Sha256 hash;
  hash.update(normalised_text(text));
  return hash.hex_digest();
}

}  // namespace casfolio
