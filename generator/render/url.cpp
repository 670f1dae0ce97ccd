#include "render/url.h"

namespace casfolio {

std::string encode_path(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) {
      out += char(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}


std::string root_prefix(std::string_view page) {
  std::string out;
  for (char c : page)
    if (c == '/') out += "../";
  return out;
}

std::string with_html_extension(std::string_view path) {
  std::string p(path);
  size_t slash = p.rfind('/');
  size_t dot = p.rfind('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) p.erase(dot);
  return p + ".html";
}

std::string anchor_id(std::string_view text, int fallback_number) {
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += char(c);
    else if (c >= 'A' && c <= 'Z') out += char(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) out = "x" + std::to_string(fallback_number);
  return out;
}

}  // namespace casfolio
