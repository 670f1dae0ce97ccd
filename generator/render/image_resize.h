// Published images: a thumbnail and a web size, re-encoded by libvips with
// every piece of metadata stripped (EXIF with its GPS position, XMP, IPTC,
// comments), turned upright by their orientation tag, converted to sRGB.
// The original is never copied to the site. Same bytes in, same bytes out.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace casfolio {

// Evidence formats shown as images (by extension); others are links or players.
bool is_image_path(std::string_view path);

struct ImageRendition {
  std::string data;  // encoded bytes
  int width = 0, height = 0;
};

struct ResizedImage {
  bool ok = false;
  std::string error;        // why not, when !ok
  std::string extension;    // ".jpg" or ".png" (PNG and GIF keep transparency)
  ImageRendition thumbnail; // at most thumb_size wide and high
  ImageRendition web;       // at most web_size wide and high, never enlarged
};

// `source_extension` (".png", ".jpg", ...) picks the output format.
// Safe to call from several threads at once.
ResizedImage resize_image(const std::string& bytes, std::string_view source_extension, int thumb_size = 480,
                          int web_size = 1600);

// Resized images kept by the content of their source, so that a rebuild
// does not resize them again (resizing is most of a build's time when there
// are photos). Keys come from image_key; find and store may be called from
// several threads at once.
class ImageCache {
 public:
  virtual ~ImageCache() = default;
  virtual std::optional<ResizedImage> find(const std::string& key) = 0;
  virtual void store(const std::string& key, const ResizedImage& image) = 0;
};

// A digest of the source bytes, the format, the sizes, libvips's version and
// the encoding settings: the same key always resizes to the same bytes.
std::string image_key(const std::string& bytes, std::string_view source_extension, int thumb_size = 480,
                      int web_size = 1600);

}  // namespace casfolio
