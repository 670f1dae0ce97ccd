#include "render/image_resize.h"

#include <vips/vips8>

#include <atomic>
#include <mutex>

#include "util/digest.h"

namespace casfolio {

namespace {

// The loaders casfolio means to use: the formats phones and cameras write.
// Everything else libvips can load (SVG, PDF, JPEG XL, JPEG 2000, FITS,
// Matlab, ImageMagick, OpenSlide, CSV and matrix text...) is blocked: a
// 1.6 KB SVG of nested <use> named photo.jpg would otherwise be rendered.
constexpr const char* kAllowedLoaders[] = {"VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadNsgif",
                                           "VipsForeignLoadWebp", "VipsForeignLoadTiff", "VipsForeignLoadHeif"};

std::atomic<unsigned long long> decoded{0};

// libvips is started once per process, whichever thread renders first, and
// its loaders are restricted before any image is read.
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
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    for (const char* loader : kAllowedLoaders) vips_operation_block_set(loader, FALSE);
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
  ++decoded;
  VImage image = VImage::thumbnail_buffer(
      source, size, VImage::option()->set("height", size)->set("size", VIPS_SIZE_DOWN)->set("export_profile", "srgb"));
  return encode(image, png);
}

}  // namespace

std::string image_loader(const std::string& bytes) {
  std::string error;
  if (!vips_ready(error)) return {};
  const char* name = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
  if (!name) {
    vips_error_clear();  // "not a known format" is our answer, not an error to keep
    return {};
  }
  // libvips 8.14 still names a blocked loader here (and refuses to run it).
  GType type = g_type_from_name(name);
  if (!type) return {};
  auto* klass = static_cast<VipsOperationClass*>(g_type_class_ref(type));
  std::string nickname = klass->flags & VIPS_OPERATION_BLOCKED ? "" : VIPS_OBJECT_CLASS(klass)->nickname;
  g_type_class_unref(klass);
  return nickname;
}

unsigned long long images_decoded() { return decoded.load(); }

ResizedImage resize_image(const std::string& bytes, bool png, int thumb_size, int web_size) {
  ResizedImage out;
  out.refusal = ImageRefusal::unreadable;
  if (!vips_ready(out.error)) return out;
  out.extension = png ? ".png" : ".jpg";
  if (image_loader(bytes).empty()) {
    out.refusal = ImageRefusal::format;
    out.error = "no loader casfolio allows reads it";
    return out;
  }
  auto attempt = [&] {
    try {
      // The header first, alone: a lazy, sequential image decodes nothing
      // until its pixels are asked for, so a 40,000 x 40,000 PNG costs a few
      // bytes here and is refused before any decoding.
      vips::VImage header = vips::VImage::new_from_buffer(
          bytes.data(), bytes.size(), "", vips::VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
      if (static_cast<long long>(header.width()) * header.height() > kMaxImagePixels) {
        out.refusal = ImageRefusal::too_large;
        out.source_width = header.width();
        out.source_height = header.height();
        out.error = "larger than the pixel limit";
        return;
      }
      out.thumbnail = resized(bytes, thumb_size, png);
      out.web = resized(bytes, web_size, png);
      out.ok = true;
      out.refusal = ImageRefusal::none;
    } catch (const vips::VError& e) {
      out.error = e.what();
      while (!out.error.empty() && (out.error.back() == '\n' || out.error.back() == ' ')) out.error.pop_back();
      out.thumbnail = {};
      out.web = {};
    }
  };
  attempt();
  if (!out.ok && out.refusal == ImageRefusal::unreadable) {
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

std::string image_key(const std::string& bytes, std::string_view output_extension, int thumb_size, int web_size) {
  DigestBuilder d;
  // Bump the first field whenever encode() changes what it writes.
  d.add("casfolio image 2").add(vips_version_string()).add(output_extension).add(kMaxImagePixels);
  d.add(thumb_size).add(web_size);
  d.add(content_digest(bytes));
  return d.finish();
}

}  // namespace casfolio
