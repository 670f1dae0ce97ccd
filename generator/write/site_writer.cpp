#include "write/site_writer.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

namespace casfolio {

namespace fs = std::filesystem;

namespace {

// The absolute, normalised form of `p`, symbolic links resolved where they exist.
fs::path normal(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) return fs::path(p).lexically_normal();
  fs::path canon = fs::weakly_canonical(abs, ec);
  return (ec ? abs : canon).lexically_normal();
}

// True when `inner` is `outer` or lies below it.
bool within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin(), o = outer.begin();
  for (; o != outer.end(); ++o, ++i) {
    if (o->empty() && std::next(o) == outer.end()) break;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

bool copy_stream(const std::string& from, const fs::path& to, uint64_t& bytes, std::string& error) {
  std::ifstream in(from, std::ios::binary);
  if (!in) {
    error = "cannot read " + quoted(from);
    return false;
  }
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  if (!out) {
    error = "cannot create " + quoted(to.string());
    return false;
  }
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), std::streamsize(buffer.size()));
    std::streamsize n = in.gcount();
    if (n > 0) {
      out.write(buffer.data(), n);
      bytes += uint64_t(n);
    }
  }
  if (in.bad()) {
    error = "cannot read " + quoted(from);
    return false;
  }
  out.close();
  if (!out) {
    error = "cannot write " + quoted(to.string()) + " (is the disk full?)";
    return false;
  }
  return true;
}

bool write_bytes(const std::string& data, const fs::path& to, std::string& error) {
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  if (!out) {
    error = "cannot create " + quoted(to.string());
    return false;
  }
  out.write(data.data(), std::streamsize(data.size()));
  out.close();
  if (!out) {
    error = "cannot write " + quoted(to.string()) + " (is the disk full?)";
    return false;
  }
  return true;
}

// Puts `fresh` where `target` is. With an existing target the two are
// exchanged atomically and `fresh` then holds the old site.
bool swap_into_place(const fs::path& fresh, const fs::path& target, bool target_exists, std::string& error) {
  if (!target_exists) {
    if (::rename(fresh.c_str(), target.c_str()) == 0) return true;
    error = "cannot move the new site into " + quoted(target.string()) + ": " + std::strerror(errno);
    return false;
  }
#ifdef RENAME_EXCHANGE
  if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
    error = "cannot replace " + quoted(target.string()) + ": " + std::strerror(errno);
    return false;
  }
#endif
  // No atomic exchange here: old aside, new in, old into `fresh`'s name.
  fs::path aside = fresh;
  aside += ".old";
  if (::rename(target.c_str(), aside.c_str()) != 0) {
    error = "cannot move the old site aside: " + std::string(std::strerror(errno));
    return false;
  }
  if (::rename(fresh.c_str(), target.c_str()) != 0) {
    error = "cannot move the new site into " + quoted(target.string()) + ": " + std::strerror(errno);
    ::rename(aside.c_str(), target.c_str());
    return false;
  }
  ::rename(aside.c_str(), fresh.c_str());
  return true;
}

}  // namespace

bool is_safe_site_path(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    std::string_view seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    for (unsigned char c : seg)
      if (c < 0x20 || c == 0x7f || c == '\\') return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

std::string check_out_dir(const SiteWriteOptions& options) {
  if (options.out_dir.empty()) return "the output folder is empty; give one with --out";
  fs::path out = normal(options.out_dir);
  if (out == out.root_path()) return "refusing to write a site over the file system root";
  for (const std::string& src : options.source_dirs) {
    fs::path s = normal(src);
    if (within(out, s))
      return "refusing to write the site to " + quoted(options.out_dir) + ": it is inside the sources (" +
             quoted(src) + "); choose an --out folder outside them";
    if (within(s, out))
      return "refusing to write the site to " + quoted(options.out_dir) + ": replacing it would delete the sources (" +
             quoted(src) + ")";
  }
  std::error_code ec;
  fs::file_status st = fs::symlink_status(options.out_dir, ec);
  if (fs::is_symlink(st)) return "refusing to replace " + quoted(options.out_dir) + ": it is a symbolic link";
  if (fs::exists(st)) {
    if (!fs::is_directory(st)) return "refusing to replace " + quoted(options.out_dir) + ": it is a file, not a folder";
    bool empty = fs::is_empty(options.out_dir, ec);
    if (!empty && !fs::exists(fs::path(options.out_dir) / kSiteMarker, ec))
      return "refusing to replace " + quoted(options.out_dir) + ": it is not a site casfolio built (no " +
             std::string(kSiteMarker) + " in it); remove it or choose another --out";
  }
  return {};
}

SiteWriteResult write_site(const std::vector<OutputFile>& files, const SiteWriteOptions& options) {
  SiteWriteResult result;
  if (std::string why = check_out_dir(options); !why.empty()) {
    result.error = why;
    return result;
  }
  // Every path is checked before anything is written.
  std::set<std::string_view> seen;
  for (const OutputFile& f : files) {
    if (!is_safe_site_path(f.path) || f.path == kSiteMarker) {
      result.error = "refusing to write " + quoted(f.path) + ": it would leave the site folder";
      return result;
    }
    if (!seen.insert(f.path).second) {
      result.error = "two files of the site have the same path " + quoted(f.path);
      return result;
    }
  }

  fs::path target = normal(options.out_dir);
  fs::path parent = target.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  std::string pattern = (parent / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) {
    result.error = "cannot create a folder beside " + quoted(options.out_dir) + ": " + std::strerror(errno);
    return result;
  }
  fs::path fresh = pattern;
  auto fail = [&](std::string why) {
    std::error_code ignored;
    fs::remove_all(fresh, ignored);
    result.error = std::move(why);
    result.files = 0;
    result.bytes = 0;
    return result;
  };

  for (const OutputFile& f : files) {
    fs::path to = fresh / f.path;
    fs::create_directories(to.parent_path(), ec);
    if (ec) return fail("cannot create the folder for " + quoted(f.path) + ": " + ec.message());
    std::string error;
    if (!f.source_path.empty()) {
      if (!copy_stream(f.source_path, to, result.bytes, error)) return fail(error);
    } else {
      if (!write_bytes(f.data, to, error)) return fail(error);
      result.bytes += f.data.size();
    }
    ++result.files;
  }
  std::string error;
  if (!write_bytes("casfolio site: this folder is replaced as a whole on every build.\n", fresh / kSiteMarker, error))
    return fail(error);
  // mkdtemp made the folder private; a site is for reading.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(fresh.c_str(), 0777 & ~mask);

  bool existed = fs::exists(fs::symlink_status(target, ec));
  if (!swap_into_place(fresh, target, existed, error)) return fail(error);
  fs::remove_all(fresh, ec);  // the previous site, if there was one
  result.ok = true;
  return result;
}

}  // namespace casfolio
