#include "util/request_path.h"

#include <vector>

#include "util/text.h"

namespace casfolio {

namespace fs = std::filesystem;

namespace {


bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

// "%2f", "%2E", ...: a '%' and two hex digits.
bool looks_encoded(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i)
    if (s[i] == '%' && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) return true;
  return false;
}

// True when `p` (canonical) is `base` (canonical) or lies below it with no
// name on the way that starts with '.': a link may not lead to a dot-file.
bool visible_inside(const fs::path& base, const fs::path& p) {
  const std::string& b = base.native();
  const std::string& s = p.native();
  if (s == b) return true;
  std::string prefix = b.ends_with('/') ? b : b + '/';
  if (!s.starts_with(prefix)) return false;
  for (size_t at = prefix.size(); at <= s.size();) {
    if (at < s.size() && s[at] == '.') return false;
    size_t slash = s.find('/', at);
    if (slash == std::string::npos) break;
    at = slash + 1;
  }
  return true;
}

}  // namespace

std::optional<std::string> request_relative_path(std::string_view target) {
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target.front() != '/') return std::nullopt;  // "http://host/...", "*", ""
  std::string decoded;
  decoded.reserve(target.size());
  for (size_t i = 1; i < target.size(); ++i) {
    auto c = static_cast<unsigned char>(target[i]);
    if (c == '%') {
      int hi = i + 2 < target.size() ? hex_digit(target[i + 1]) : -1;
      int lo = i + 2 < target.size() ? hex_digit(target[i + 2]) : -1;
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<unsigned char>(hi * 16 + lo);
      i += 2;
      // An encoded '/' would make one segment name two folders; decoded
      // first (as httplib's req.path is), it can no longer be told apart.
      if (c == '/') return std::nullopt;
    }
    if (is_control(c) || c == '\\') return std::nullopt;
    decoded += char(c);
  }
  if (!is_valid_utf8(decoded) || looks_encoded(decoded)) return std::nullopt;
  for (size_t start = 0; start < decoded.size();) {
    size_t slash = decoded.find('/', start);
    std::string_view segment = std::string_view(decoded).substr(start, slash == std::string::npos ? std::string::npos
                                                                                                  : slash - start);
    if (segment.empty() || segment == "." || segment == "..") return std::nullopt;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return decoded;
}

ServedPath resolve_request(const fs::path& root, std::string_view target) {
  ServedPath out;
  std::optional<std::string> relative = request_relative_path(target);
  if (!relative) return out;
  out.kind = ServedPath::Kind::missing;
  out.relative = *relative;
  bool wants_folder = relative->empty() || relative->back() == '/';
  if (wants_folder) out.relative += "index.html";

  std::vector<std::string> segments;
  for (size_t start = 0; start < out.relative.size();) {
    size_t slash = out.relative.find('/', start);
    if (slash == std::string::npos) slash = out.relative.size();
    segments.push_back(out.relative.substr(start, slash - start));
    start = slash + 1;
  }

  std::error_code ec;
  const fs::path base = fs::canonical(root, ec);
  if (ec) return out;
  // Stays canonical on the way: `base` is, each name is a plain one (no
  // '.', '..' or '/'), and a link is replaced by where it leads.
  fs::path here = base;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (segments[i].front() == '.') return out;  // dot-files are never served
    here /= segments[i];
    fs::file_status status = fs::symlink_status(here, ec);
    if (ec || !fs::exists(status)) return out;
    if (fs::is_symlink(status)) {
      fs::path to = fs::canonical(here, ec);
      if (ec || !visible_inside(base, to)) return out;
      here = std::move(to);
      status = fs::status(here, ec);
      if (ec) return out;
    }
    bool last = i + 1 == segments.size();
    if (!last && !fs::is_directory(status)) return out;
    if (last && fs::is_directory(status) && !wants_folder) {
      out.kind = ServedPath::Kind::directory;
      out.relative = *relative;
      return out;
    }
    if (last && !fs::is_regular_file(status)) return out;
  }
  // The walk above is the rule; this is the invariant it must keep.
  fs::path file = fs::canonical(here, ec);
  if (ec || file == base || !visible_inside(base, file)) return out;
  out.kind = ServedPath::Kind::file;
  out.file = std::move(file);
  return out;
}

}  // namespace casfolio
