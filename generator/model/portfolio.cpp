#include "model/portfolio.h"

#include "util/path.h"

namespace casfolio {

std::pair<int, int> KeyLines::at(std::string_view key) const {
  auto it = keys.find(key);
  return it == keys.end() ? std::pair<int, int>{line, 0} : it->second;
}

const Experience* Portfolio::find_experience(std::string_view wanted) const {
  for (const Experience& e : experiences)
    if (e.id == wanted) return &e;
  return nullptr;
}

std::string Portfolio::path_from_build_root(std::string_view file) const { return join_path(folder(), file); }

std::string Portfolio::folder_on_disk(std::string_view build_root) const { return join_path(build_root, folder()); }

}  // namespace casfolio
