// What the site may publish of a student's file, decided from its name AND
// its first bytes, failing closed: a published file must never be content a
// browser could run in the site's origin (HTML, SVG, XML, scripts) or a web
// server could execute (PHP, CGI), whatever the server's MIME map, and an
// original image (with its EXIF and GPS) is never published.
//
//   the bytes are a raster image          -> re-encoded (only JPEG, PNG, GIF,
//                                            WebP, TIFF, HEIF/AVIF are decoded)
//   a name on the passive list, and bytes
//   that do not start like markup         -> copied as is, under its own name
//   anything else                         -> not published, with a finding
//
// The rules are in docs/hardening.md ("Published student files").
#pragma once
#include <cstddef>
#include <string_view>

namespace casfolio {

enum class MediaKind { image, pdf, audio, video, file };

enum class Publishing {
  reencode,       // a raster image casfolio decodes: only resized copies are published
  as_is,          // a passive type: copied under its own name
  refuse_image,   // an image casfolio does not decode, or a name promising an image its bytes are not
  refuse_active,  // something a browser or a web server could run, or a type not known to be passive
};

struct PublishedType {
  Publishing publishing = Publishing::refuse_active;
  MediaKind kind = MediaKind::file;  // how a page shows it (refused images stay images)
  // The format the bytes are in, for images and markup ("JPEG", "PNG",
  // "JPEG XL", "SVG", "HTML"); "" when the bytes are nothing known.
  std::string_view format;
  bool keeps_transparency = false;  // re-encoded as PNG (PNG, GIF), else JPEG
};

// How many first bytes published_type needs (fewer for a shorter file).
inline constexpr std::size_t kSniffBytes = 4096;

PublishedType published_type(std::string_view path, std::string_view head);

}  // namespace casfolio
