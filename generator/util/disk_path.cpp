#include "util/disk_path.h"

namespace fs = std::filesystem;

namespace casfolio {

fs::path resolved_path(const std::string& path) {
  std::error_code ec;
  const std::string p = path.empty() ? "." : path;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = fs::path(p);
  fs::path canon = fs::weakly_canonical(abs, ec);
  fs::path n = (ec ? abs : canon).lexically_normal();
  while (n.has_relative_path() && n.filename().empty()) n = n.parent_path();
  return n;
}

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin(), o = outer.begin();
  for (; o != outer.end(); ++o, ++i) {
    if (o->empty() && std::next(o) == outer.end()) break;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

bool path_is_within(const std::string& path, const std::string& dir) {
  return is_within(resolved_path(path), resolved_path(dir));
}

}  // namespace casfolio
