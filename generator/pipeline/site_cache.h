// The build cache on disk: for each site folder, what the last build wrote
// there (its manifest) and what rendering each student produced (its memo),
// and, shared by all sites, the resized images by content. It lives outside
// both the sources and the site:
//   $CASFOLIO_CACHE_DIR, else $XDG_CACHE_HOME/casfolio, else ~/.cache/casfolio
//     sites/<digest of the site folder's absolute path>   manifest and memo
//     images/<image_key>                                   thumbnail and web size
// A cache file that cannot be read, or that a different casfolio wrote, is
// ignored: the build is then a full one. Deleting the folder is always safe.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "render/image_resize.h"
#include "render/site_memo.h"
#include "write/site_writer.h"

namespace casfolio {

// The default cache folder (see above); "" when there is no home to put it in.
std::string default_cache_dir();

struct SiteCache {
  SiteManifest manifest;
  SiteMemo memo;
};

// The file in `cache_dir` for the site in `out_dir`.
std::string site_cache_path(const std::string& cache_dir, const std::string& out_dir);

// nullopt when missing, unreadable, or written by another build of casfolio.
std::optional<SiteCache> read_site_cache(const std::string& path);
// Atomically (a temporary file, then a rename); false when it could not.
bool write_site_cache(const std::string& path, const SiteCache& cache);

// The serialised form, for tests (round trips, corrupt input).
std::string encode_site_cache(const SiteCache& cache);
std::optional<SiteCache> decode_site_cache(std::string_view bytes);

// Resized images as files below `dir` (images/ in the cache folder); safe
// from several threads. Only images that could be read are kept.
class DiskImageCache : public ImageCache {
 public:
  explicit DiskImageCache(std::string dir);
  std::optional<ResizedImage> find(const std::string& key) override;
  void store(const std::string& key, const ResizedImage& image) override;

 private:
  std::string dir_;
};

}  // namespace casfolio
