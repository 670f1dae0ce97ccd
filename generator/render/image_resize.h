// Published images: a thumbnail and a web size, re-encoded by libvips with
// every piece of metadata stripped (EXIF with its GPS position, XMP, IPTC,
// comments), turned upright by their orientation tag, converted to sRGB.
// The original is never copied to the site. Same bytes in, same bytes out.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace casfolio {

// Images larger than this are not decoded at all: the size comes from the
// file's header, read without decoding a pixel (a 1.5 MB PNG can claim
// 40,000 x 40,000 pixels and take a minute to decode). 100 megapixels is
// more than any phone's default photo (12-50 MP).
inline constexpr long long kMaxImagePixels = 100'000'000;

struct ImageRendition {
  std::string data;  // encoded bytes
  int width = 0, height = 0;
};

enum class ImageRefusal {
  none,
  unreadable,  // libvips could not read it (see error)
  too_large,   // more than kMaxImagePixels (see width, height)
  format,      // no loader casfolio allows reads these bytes
};

struct ResizedImage {
  bool ok = false;
  std::string error;        // why not, when !ok
  ImageRefusal refusal = ImageRefusal::none;  // when !ok
  int source_width = 0, source_height = 0;    // from the header, when too_large
  std::string extension;    // ".jpg" or ".png"
  ImageRendition thumbnail; // at most thumb_size wide and high
  ImageRendition web;       // at most web_size wide and high, never enlarged
};

// `png`: encode as PNG (for PNG and GIF, so that transparency is kept),
// else as JPEG. Safe to call from several threads at once.
ResizedImage resize_image(const std::string& bytes, bool png, int thumb_size = 480, int web_size = 1600);

// The libvips loader ("pngload_buffer") that reads `bytes` under casfolio's
// policy, "" when none may. The first call into libvips starts it and
// blocks every loader but JPEG, PNG, GIF, WebP, TIFF and HEIF/AVIF (SVG,
// PDF, JPEG XL, ImageMagick and the rest are never used), whatever the
// file's name says: libvips picks a loader by the bytes.
std::string image_loader(const std::string& bytes);

// How many times this process has asked libvips to decode an image: a
// refused image costs none (tests count, they do not time).
unsigned long long images_decoded();

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

// A digest of the source bytes, the output format (".jpg", ".png"), the
// sizes, libvips's version and the encoding settings: the same key always
// resizes to the same bytes.
std::string image_key(const std::string& bytes, std::string_view output_extension, int thumb_size = 480,
                      int web_size = 1600);

}  // namespace casfolio
