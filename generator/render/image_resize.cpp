#include "render/image_resize.h"

#include <vips/vips8>

#include <mutex>

#include "util/digest.h"
#include "util/path.h"

namespace casfolio {

namespace {

// libvips is started once per process, whichever thread renders first.
bool vips_ready(std::string& error) {
  static std::once_flag once;
  static bool ok = false;
  static std::string init_error;
  std::call_once(once, [] {
    if (VIPS_INIT("casfolio") != 0) {
      init_error = vips_error_buffer();
      vips_error_clear();
      return;
    }
    vips_cache_set_max(0);  // each image is read once; keep memory flat
    ok = true;
  });
  if (!ok) error = "libvips could not start: " + init_error;
  return ok;
}

ImageRendition encode(vips::VImage image, bool png) {
  using vips::VImage;
  if (!png && image.has_alpha()) image = image.flatten(VImage::option()->set("background", std::vector<double>{255}));
  if (image.interpretation() != VIPS_INTERPRETATION_sRGB && image.interpretation() != VIPS_INTERPRETATION_B_W &&
      image.interpretation() != VIPS_INTERPRETATION_GREY16 && image.interpretation() != VIPS_INTERPRETATION_RGB16)
    image = image.colourspace(VIPS_INTERPRETATION_sRGB);
  VipsBlob* blob = png ? image.pngsave_buffer(VImage::option()->set("strip", true)->set("compression", 9))
                       : image.jpegsave_buffer(VImage::option()
                                                   ->set("strip", true)
                                                   ->set("Q", 82)
                                                   ->set("optimize_coding", true)
                                                   ->set("interlace", false));
  size_t length = 0;
  const void* data = vips_blob_get(blob, &length);
  ImageRendition r;
  r.data.assign(static_cast<const char*>(data), length);
  r.width = image.width();
  r.height = image.height();
  vips_area_unref(VIPS_AREA(blob));
  return r;
}

ImageRendition resized(const std::string& bytes, int size, bool png) {
  using vips::VImage;
  // The blob borrows `bytes`, which outlives it.
  VipsBlob* source = vips_blob_new(nullptr, bytes.data(), bytes.size());
  struct Unref {
    VipsBlob* b;
    ~Unref() { vips_area_unref(VIPS_AREA(b)); }
  } unref{source};
  VImage image = VImage::thumbnail_buffer(
      source, size, VImage::option()->set("height", size)->set("size", VIPS_SIZE_DOWN)->set("export_profile", "srgb"));
  return encode(image, png);
}

}  // namespace

bool is_image_path(std::string_view path) {
  std::string ext = extension(path);
  for (const char* e : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".heic", ".heif", ".avif"})
    if (ext == e) return true;
  return false;
}

ResizedImage resize_image(const std::string& bytes, std::string_view source_extension, int thumb_size, int web_size) {
  ResizedImage out;
  if (!vips_ready(out.error)) return out;
  bool png = source_extension == ".png" || source_extension == ".gif";
  out.extension = png ? ".png" : ".jpg";
  auto attempt = [&] {
    try {
      out.thumbnail = resized(bytes, thumb_size, png);
      out.web = resized(bytes, web_size, png);
      out.ok = true;
    } catch (const vips::VError& e) {
      out.error = e.what();
      while (!out.error.empty() && (out.error.back() == '\n' || out.error.back() == ' ')) out.error.pop_back();
      out.thumbnail = {};
      out.web = {};
    }
  };
  attempt();
  if (!out.ok) {
    // libvips has one error buffer for the whole process: with other
    // threads resizing, the message may hold their words too. The failure
    // is certain; its message is taken again with the other failures kept out.
    static std::mutex failing;
    std::lock_guard<std::mutex> lock(failing);
    vips_error_clear();
    attempt();
    vips_error_clear();
  }
  return out;
}

std::string image_key(const std::string& bytes, std::string_view source_extension, int thumb_size, int web_size) {
  DigestBuilder d;
  // Bump the first field whenever encode() changes what it writes.
  d.add("casfolio image 1").add(vips_version_string()).add(source_extension).add(thumb_size).add(web_size);
  d.add(content_digest(bytes));
  return d.finish();
}

}  // namespace casfolio
