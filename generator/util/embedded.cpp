#include "util/embedded.h"

namespace casfolio::embedded {

std::optional<std::string_view> find(std::string_view path) {
  for (const File& f : files())
    if (f.path == path) return f.data;
  return std::nullopt;
}

}  // namespace casfolio::embedded
