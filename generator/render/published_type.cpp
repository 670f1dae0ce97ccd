#include "render/published_type.h"

#include <algorithm>
#include <array>
#include <string>

#include "util/path.h"

namespace casfolio {

namespace {

struct PassiveType {
  std::string_view extension;
  MediaKind kind;
};

// Types no browser renders as a page and no ordinary server executes; every
// ordinary MIME map (Apache, nginx, GitHub Pages, a browser's own for
// file://) knows them, and for a server that does not, the bytes are
// checked not to start like markup (which is what a browser sniffs for).
constexpr std::array kPassive = {
    PassiveType{".pdf", MediaKind::pdf},     PassiveType{".mp3", MediaKind::audio},
    PassiveType{".ogg", MediaKind::audio},   PassiveType{".oga", MediaKind::audio},
    PassiveType{".wav", MediaKind::audio},   PassiveType{".m4a", MediaKind::audio},
    PassiveType{".opus", MediaKind::audio},  PassiveType{".flac", MediaKind::audio},
    PassiveType{".aac", MediaKind::audio},   PassiveType{".mp4", MediaKind::video},
    PassiveType{".webm", MediaKind::video},  PassiveType{".ogv", MediaKind::video},
    PassiveType{".mov", MediaKind::video},   PassiveType{".m4v", MediaKind::video},
    PassiveType{".txt", MediaKind::file},    PassiveType{".csv", MediaKind::file},
    PassiveType{".doc", MediaKind::file},    PassiveType{".docx", MediaKind::file},
    PassiveType{".xls", MediaKind::file},    PassiveType{".xlsx", MediaKind::file},
    PassiveType{".ppt", MediaKind::file},    PassiveType{".pptx", MediaKind::file},
    PassiveType{".odt", MediaKind::file},    PassiveType{".ods", MediaKind::file},
    PassiveType{".odp", MediaKind::file},    PassiveType{".rtf", MediaKind::file},
    PassiveType{".zip", MediaKind::file},    PassiveType{".7z", MediaKind::file},
    PassiveType{".rar", MediaKind::file},
};

// Names that promise a raster image: when the bytes are not one casfolio
// decodes, the student is told about an image, not about a web page.
constexpr std::array<std::string_view, 15> kImageNames = {".jpg",  ".jpeg", ".jpe",  ".jfif", ".png",
                                                          ".gif",  ".webp", ".tif",  ".tiff", ".heic",
                                                          ".heif", ".avif", ".jxl",  ".bmp",  ".ico"};

// Extensions a browser renders as a page or a server runs. Anything not on
// the passive list is refused anyway; this list is for the extensions inside
// a name: Apache applies a handler for ANY extension of a name (AddHandler),
// so `x.php.pdf` may run as PHP and `x.html.gz` may be sent as HTML.
constexpr std::array<std::string_view, 41> kRunnable = {
    "html", "htm",  "xhtml", "xht",  "shtml", "shtm", "stm",  "mht",  "mhtml", "svg",  "svgz",
    "xml",  "xsl",  "xslt",  "js",   "mjs",   "cjs",  "swf",  "hta",  "php",   "php3", "php4",
    "php5", "php7", "php8",  "phtml", "pht",  "phar", "phps", "cgi",  "fcgi",  "pl",   "py",
    "rb",   "sh",   "asp",   "aspx", "ashx",  "jsp",  "jspx", "wasm"};

bool starts(std::string_view bytes, std::string_view prefix, size_t at = 0) {
  return bytes.size() >= at + prefix.size() && bytes.substr(at, prefix.size()) == prefix;
}

uint32_t u32_le(std::string_view b, size_t at) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v |= uint32_t(uint8_t(b[at + i])) << (8 * i);
  return v;
}

uint32_t u32_be(std::string_view b, size_t at) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v = (v << 8) | uint8_t(b[at + i]);
  return v;
}

struct Sniffed {
  std::string_view format;  // "" when not an image
  bool decoded = false;     // one of the formats casfolio re-encodes
  bool transparency = false;
};

// An ISO base media file (HEIF, AVIF, Canon CR3, but also MP4 and MOV video):
// an image only when its brands say so.
Sniffed sniff_iso_media(std::string_view b) {
  if (!starts(b, "ftyp", 4) || b.size() < 16) return {};
  uint32_t box = std::min<uint32_t>(u32_be(b, 0), uint32_t(b.size()));
  std::string_view avif = "", heif = "";
  for (size_t at = 8; at + 4 <= box; at += at == 8 ? 8 : 4) {  // the major brand, then the compatible ones
    std::string_view brand = b.substr(at, 4);
    if (brand == "crx ") return {"camera RAW (CR3)", false, false};
    if (brand == "avif" || brand == "avis") avif = "AVIF";
    for (std::string_view h : {"heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1"})
      if (brand == h) heif = "HEIF";
  }
  if (!avif.empty()) return {avif, true, false};
  if (!heif.empty()) return {heif, true, false};
  return {};
}

Sniffed sniff_image(std::string_view b) {
  if (starts(b, "\xFF\xD8\xFF")) return {"JPEG", true, false};
  if (starts(b, "\x89PNG\r\n\x1A\n")) return {"PNG", true, true};
  if (starts(b, "GIF87a") || starts(b, "GIF89a")) return {"GIF", true, true};
  if (starts(b, "RIFF") && starts(b, "WEBP", 8)) return {"WebP", true, false};
  if (starts(b, "IIRO") || starts(b, "IIRS") || starts(b, std::string_view("IIU\0", 4)) || starts(b, "FUJIFILMCCD-RAW"))
    return {"camera RAW", false, false};
  if (starts(b, std::string_view("II*\0", 4)) || starts(b, std::string_view("MM\0*", 4)) ||
      starts(b, std::string_view("II+\0", 4)) || starts(b, std::string_view("MM\0+", 4)))
    return {"TIFF", true, false};
  if (Sniffed iso = sniff_iso_media(b); !iso.format.empty()) return iso;
  if (starts(b, "\xFF\x0A") || starts(b, std::string_view("\0\0\0\x0CJXL \r\n\x87\n", 12))) return {"JPEG XL"};
  if (starts(b, std::string_view("\0\0\0\x0CjP  \r\n\x87\n", 12)) || starts(b, "\xFF\x4F\xFF\x51"))
    return {"JPEG 2000"};
  if (starts(b, "BM") && b.size() >= 18 && u32_le(b, 6) == 0) {
    uint32_t dib = u32_le(b, 14);
    if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124) return {"BMP"};
  }
  if ((starts(b, std::string_view("\0\0\1\0", 4)) || starts(b, std::string_view("\0\0\2\0", 4))) && b.size() >= 6 &&
      (b[4] || b[5]))
    return {"ICO"};
  if (starts(b, "8BPS")) return {"PSD"};
  if (starts(b, "\x76\x2F\x31\x01")) return {"OpenEXR"};
  return {};
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool contains_lower(std::string_view text, std::string_view needle) {
  auto it = std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return lower(a) == b; });
  return it != text.end();
}

// What a browser looks for when a server sends no type: after a byte order
// mark and white space, `<` and a tag, a comment or `<?xml` (the WHATWG
// sniffing rules and Chromium's and Firefox's sniffers match at the start).
// Wider than theirs on purpose: any `<` followed by a letter, `!`, `?` or `/`.
std::string_view sniff_markup(std::string_view b) {
  size_t at = starts(b, "\xEF\xBB\xBF") ? 3 : 0;
  while (at < b.size() && (b[at] == ' ' || b[at] == '\t' || b[at] == '\n' || b[at] == '\r' || b[at] == '\f')) ++at;
  if (at + 1 >= b.size() || b[at] != '<') return {};
  char next = lower(b[at + 1]);
  if (!((next >= 'a' && next <= 'z') || next == '!' || next == '?' || next == '/')) return {};
  if (contains_lower(b, "<svg")) return "SVG";
  if (contains_lower(b.substr(at, 5), "<?xml")) return "XML";
  return "HTML";
}

// Every extension inside the name (`x.php.pdf` has "php"), not the last.
bool has_runnable_inner_extension(std::string_view name) {
  size_t first = name.find('.', 1);
  size_t last = name.rfind('.');
  if (first == std::string_view::npos || first == last) return false;
  std::string_view inner = name.substr(first + 1, last - first - 1);
  for (size_t at = 0; at <= inner.size();) {
    size_t dot = std::min(inner.find('.', at), inner.size());
    std::string part;
    for (char c : inner.substr(at, dot - at)) part.push_back(lower(c));
    if (std::find(kRunnable.begin(), kRunnable.end(), part) != kRunnable.end()) return true;
    at = dot + 1;
  }
  return false;
}

}  // namespace

PublishedType published_type(std::string_view path, std::string_view head) {
  head = head.substr(0, std::min(head.size(), kSniffBytes));
  std::string ext = extension(path);
  PublishedType t;
  if (has_runnable_inner_extension(file_name(path))) return t;

  if (Sniffed image = sniff_image(head); !image.format.empty()) {
    t.kind = MediaKind::image;
    t.format = image.format;
    t.publishing = image.decoded ? Publishing::reencode : Publishing::refuse_image;
    t.keeps_transparency = image.transparency;
    return t;
  }
  std::string_view markup = sniff_markup(head);
  if (std::find(kImageNames.begin(), kImageNames.end(), ext) != kImageNames.end()) {
    t.kind = MediaKind::image;
    t.format = markup;  // an SVG named .jpg is an SVG; text named .jpg is nothing known
    t.publishing = Publishing::refuse_image;
    return t;
  }
  t.format = markup;
  if (!markup.empty()) return t;
  for (const PassiveType& p : kPassive)
    if (ext == p.extension) {
      t.kind = p.kind;
      t.publishing = Publishing::as_is;
      return t;
    }
  return t;
}

}  // namespace casfolio
