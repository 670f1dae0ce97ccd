#include "util/cache_dir.h"

#include <cstdlib>
#include <filesystem>

#include "util/digest.h"

namespace fs = std::filesystem;

namespace casfolio {

std::string default_cache_root() {
  if (const char* d = std::getenv("CASFOLIO_CACHE_DIR"); d && *d) return d;
  if (const char* d = std::getenv("XDG_CACHE_HOME"); d && *d) return (fs::path(d) / "casfolio").string();
  if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".cache/casfolio").string();
  return {};
}

std::string collect_cache_dir(const std::string& cache_root, const std::string& cohort_dir) {
  std::error_code ec;
  fs::path abs = fs::absolute(cohort_dir.empty() ? "." : cohort_dir, ec);
  fs::path canon = fs::weakly_canonical(abs, ec);
  std::string key = (ec ? abs : canon).lexically_normal().string();
  while (key.size() > 1 && key.back() == '/') key.pop_back();
  return (fs::path(cache_root) / "collect" / content_digest(key).substr(0, 32)).string();
}

}  // namespace casfolio
