#include "cli/served_type.h"

#include "util/path.h"

namespace casfolio {

namespace {

enum class Kind {
  page,     // HTML: casfolio's pages, active
  active,   // runs script or styles a page if shown: casfolio's own assets only
  passive,  // raster images, audio, video: shown anywhere
  other,    // documents, fonts: shown for casfolio's own, downloaded for students'
};

struct Type {
  const char* extension;
  const char* content_type;
  Kind kind;
};

constexpr Type kTypes[] = {
    {".html", "text/html; charset=utf-8", Kind::page},
    {".css", "text/css; charset=utf-8", Kind::active},
    {".js", "text/javascript; charset=utf-8", Kind::active},
    {".json", "application/json", Kind::active},
    {".svg", "image/svg+xml", Kind::active},
    {".png", "image/png", Kind::passive},
    {".jpg", "image/jpeg", Kind::passive},
    {".jpeg", "image/jpeg", Kind::passive},
    {".gif", "image/gif", Kind::passive},
    {".webp", "image/webp", Kind::passive},
    {".avif", "image/avif", Kind::passive},
    {".ico", "image/x-icon", Kind::passive},
    {".mp3", "audio/mpeg", Kind::passive},
    {".ogg", "audio/ogg", Kind::passive},
    {".oga", "audio/ogg", Kind::passive},
    {".wav", "audio/wav", Kind::passive},
    {".m4a", "audio/mp4", Kind::passive},
    {".opus", "audio/opus", Kind::passive},
    {".flac", "audio/flac", Kind::passive},
    {".mp4", "video/mp4", Kind::passive},
    {".m4v", "video/mp4", Kind::passive},
    {".webm", "video/webm", Kind::passive},
    {".ogv", "video/ogg", Kind::passive},
    {".mov", "video/quicktime", Kind::passive},
    {".pdf", "application/pdf", Kind::other},
    {".txt", "text/plain; charset=utf-8", Kind::other},
    {".woff2", "font/woff2", Kind::other},
};

bool is_student_material(std::string_view path) {
  if (path.starts_with("media/")) return true;
  for (size_t start = 0; start < path.size();) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) break;  // the last name is the file's own
    if (path.substr(start, slash - start) == "files") return true;
    start = slash + 1;
  }
  return false;
}

}  // namespace

ServedType served_type(std::string_view relative_path) {
  std::string ext = extension(relative_path);
  const Type* type = nullptr;
  for (const Type& t : kTypes)
    if (ext == t.extension) type = &t;

  ServedType out;
  out.student_file = is_student_material(relative_path);
  if (!type) {  // a type casfolio does not write (.htm, .xhtml, .xml, .mjs, ...): never shown
    out.content_type = "application/octet-stream";
    out.attachment = true;
    return out;
  }
  out.content_type = type->content_type;
  if (!out.student_file) {
    out.page = type->kind == Kind::page;
    return out;
  }
  if (type->kind == Kind::passive) return out;
  out.attachment = true;
  if (type->kind == Kind::page || type->kind == Kind::active) out.content_type = "application/octet-stream";
  return out;
}

}  // namespace casfolio
