#include "util/path.h"

#include <vector>

namespace casfolio {

bool has_scheme(std::string_view t) {
  if (t.starts_with("//")) return true;
  size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = t[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

std::optional<std::string> resolve_inside(std::string_view from_dir, std::string_view target) {
  if (target.empty() || target.front() == '/' || target.front() == '\\' || has_scheme(target))
    return std::nullopt;
  std::vector<std::string_view> parts;
  auto push = [&](std::string_view path) -> bool {
    size_t start = 0;
    while (start <= path.size()) {
      size_t slash = path.find_first_of("/\\", start);
      std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
    return true;
  };
  if (!push(from_dir) || !push(target) || parts.empty()) return std::nullopt;
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

std::string_view parent_dir(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::string_view file_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view file_stem(std::string_view path) {
  std::string_view name = file_name(path);
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(0, dot);
}

bool is_yaml_name(std::string_view path) { return extension(path) == ".yaml" || extension(path) == ".yml"; }

std::string extension(std::string_view path) {
  std::string_view name = file_name(path);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string ext(name.substr(dot));
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return ext;
}

std::string join_path(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  std::string out(a);
  if (out.back() != '/') out += '/';
  out += b;
  return out;
}

}  // namespace casfolio
