#include "model/portfolio.h"

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

}  // namespace casfolio
