#include "write/site_writer.h"

#include "util/digest.h"
#include "util/disk_path.h"
#include "util/folder_walk.h"
#include "write/site_files.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <atomic>

namespace casfolio {

namespace fs = std::filesystem;

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
  fs::path out = resolved_path(options.out_dir);
  if (out == out.root_path()) return "refusing to write a site over the file system root";
  for (const std::string& src : options.source_dirs) {
    fs::path s = resolved_path(src);
    if (is_within(out, s))
      return "refusing to write the site to " + quoted(options.out_dir) + ": it is inside the sources (" +
             quoted(src) + "); choose an --out folder outside them";
    if (is_within(s, out))
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
  SiteWriter writer(options);
  if (!writer.begin()) return writer.result();
  for (const OutputFile& f : files) writer.add_one(f);
  return writer.commit();
}

size_t remove_abandoned_temporaries(const std::string& out_dir) {
  fs::path target = resolved_path(out_dir);
  if (target.filename().empty()) target = target.parent_path();
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  size_t removed = 0;
  std::error_code ec;
  std::vector<fs::path> abandoned;
  std::vector<WalkEntry> entries;
  list_folder(target.parent_path().string(), "", 1'000'000, entries);
  for (const WalkEntry& e : entries) {
    // mkdtemp's six characters; a real folder, never a link to elsewhere.
    if (e.name.size() == prefix.size() + 6 && e.name.starts_with(prefix) && e.is_folder())
      abandoned.push_back(target.parent_path() / e.name);
  }
  for (const fs::path& dir : abandoned)
    if (fs::remove_all(dir, ec) > 0 && !ec) ++removed;
  return removed;
}

void keep_valid_files(SiteManifest& manifest, const std::string& out_dir) {
  fs::path target = resolved_path(out_dir);
  struct stat st;
  if (::lstat((target / kSiteMarker).c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      st.st_ino != manifest.marker_inode || mtime_ns(st) != manifest.marker_mtime_ns) {
    manifest.files.clear();
    return;
  }
  std::erase_if(manifest.files, [&](const auto& entry) {
    const auto& [path, w] = entry;
    return ::lstat((target / path).c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_ino != w.inode ||
           uint64_t(st.st_size) != w.size || mtime_ns(st) != w.mtime_ns;
  });
}

SiteWriter::SiteWriter(SiteWriteOptions options) : options_(std::move(options)) {}

SiteWriter::~SiteWriter() {
  if (begun_ && !done_) abort();
}

bool SiteWriter::fail(std::string why) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!failed_) {
    failed_ = true;
    result_.error = std::move(why);
  }
  return false;
}

void SiteWriter::skip(const std::string& path, std::string why) {
  std::lock_guard<std::mutex> lock(mutex_);
  manifest_.files.erase(path);
  result_.skipped.push_back({path, std::move(why)});
}

bool SiteWriter::begin() {
  if (std::string why = check_out_dir(options_); !why.empty()) return fail(why);
  fs::path target = resolved_path(options_.out_dir);
  target_ = target.string();
  std::error_code ec;
  if (options_.mode == WriteMode::in_place) {
    fs::create_directories(target, ec);
    if (ec) return fail("cannot create " + casfolio::quoted(options_.out_dir) + ": " + ec.message());
    fresh_ = target_;
  } else {
    fs::path parent = target.parent_path();
    fs::create_directories(parent, ec);
    std::string pattern = (parent / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
      return fail("cannot create a folder beside " + casfolio::quoted(options_.out_dir) + ": " + std::strerror(errno));
    fresh_ = pattern;
  }
  begun_ = true;
  return true;
}

void SiteWriter::add(std::vector<OutputFile> files) {
  if (options_.mode == WriteMode::in_place && options_.previous) {
    // Files kept as they are (a student not rendered again) cost a look-up,
    // under one lock for the whole batch.
    std::lock_guard<std::mutex> lock(mutex_);
    for (OutputFile& f : files) {
      if (!f.unchanged || failed_) continue;
      auto old = options_.previous->files.find(f.path);
      if (old == options_.previous->files.end()) continue;  // add_one says why
      if (!manifest_.files.emplace(f.path, old->second).second) {
        failed_ = true;
        result_.error = "two files of the site have the same path " + casfolio::quoted(f.path);
        return;
      }
      ++result_.files;
      result_.bytes += old->second.size;
      f.path.clear();  // done
    }
  }
  for (const OutputFile& f : files)
    if (!f.path.empty()) add_one(f);
}

void SiteWriter::add_one(const OutputFile& f) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (failed_ || !begun_ || done_) return;
  }
  if (f.path == kSiteMarker) {
    fail("refusing to write " + casfolio::quoted(f.path) + ": it would leave the site folder");
    return;
  }
  if (!is_safe_site_path(f.path)) {  // a name from one student's files: theirs alone
    std::lock_guard<std::mutex> lock(mutex_);
    result_.skipped.push_back({f.path, "it would leave the site folder"});
    return;
  }
  std::string parent(f.path.substr(0, f.path.rfind('/') == std::string::npos ? 0 : f.path.rfind('/')));
  bool need_dir;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!manifest_.files.emplace(f.path, WrittenFile{}).second) {
      if (!failed_) {
        failed_ = true;
        result_.error = "two files of the site have the same path " + casfolio::quoted(f.path);
      }
      return;
    }
    need_dir = !parent.empty() && !dirs_.count(parent);
  }
  fs::path to = fs::path(fresh_) / f.path;
  if (need_dir) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (ec) {
      std::string why = "cannot create the folder for " + casfolio::quoted(f.path) + ": " + ec.message();
      if (fault_of(ec.value()) == FileFault::this_file) skip(f.path, std::move(why));
      else fail(std::move(why));
      return;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::string d = parent; !d.empty() && dirs_.insert(d).second;)
      d = d.substr(0, d.rfind('/') == std::string::npos ? 0 : d.rfind('/'));
  }

  const WrittenFile* old = nullptr;
  if (options_.previous) {
    auto it = options_.previous->files.find(f.path);
    if (it != options_.previous->files.end()) old = &it->second;
  }
  WrittenFile entry;
  struct stat st;
  std::string error;
  bool keep = false;
  if (f.unchanged) {
    if (!old) {
      fail("the previous site lost " + casfolio::quoted(f.path) + " during the build; build again");
      return;
    }
    entry = *old;
    keep = true;
  } else if (!f.source_path.empty()) {
    if (::stat(f.source_path.c_str(), &st) != 0) {
      skip(f.path, "cannot read " + casfolio::quoted(f.source_path) + ": " + std::strerror(errno));
      return;
    }
    entry.digest = source_stamp(st);
    entry.size = uint64_t(st.st_size);
    keep = old && old->digest == entry.digest && old->size == entry.size;
  } else {
    entry.size = f.data.size();
    // A file whose size changed has changed: it is not hashed, and its
    // digest stays "" (the next build hashes it if the size then matches).
    // This spares hashing the search indexes (megabytes) on every rebuild of serve.
    const bool size_changed = old && old->size != entry.size;
    if (!f.digest.empty()) entry.digest = f.digest;
    else if (!size_changed && (options_.previous || options_.digests)) entry.digest = content_digest(f.data);
    keep = old && !entry.digest.empty() && old->digest == entry.digest && old->size == entry.size;
  }
  if (keep) {
    entry = *old;
    entry.digest = old->digest;
  }

  bool written = false;
  if (keep && options_.mode == WriteMode::in_place) {
    // Already there.
  } else if (keep) {
    fs::path from = fs::path(target_) / f.path;
    if (::link(from.c_str(), to.c_str()) != 0) {
      // No hard links here (or the old file went away): a copy.
      uint64_t ignored = 0;
      if (!copy_stream(from.string(), to, ignored, error)) {
        fail(error);
        return;
      }
      if (::stat(to.c_str(), &st) == 0) {
        entry.inode = st.st_ino;
        entry.mtime_ns = mtime_ns(st);
      }
    }
  } else {
    // in_place: a temporary name beside it, then one rename, so the file is
    // never seen half written.
    fs::path dest = to;
    if (options_.mode == WriteMode::in_place) {
      static std::atomic<unsigned> counter{0};
      // Not named after the file: a name near NAME_MAX must still have a temporary.
      to = dest.parent_path() / (".casfolio-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)));
    }
    bool ok;
    FileFault fault = FileFault::none;
    if (!f.source_path.empty()) {
      uint64_t copied = 0;
      ok = copy_stream(f.source_path, to, copied, error, &fault) && ::stat(to.c_str(), &st) == 0;
    } else {
      ok = write_bytes(f.data, to, error, &st, &fault);
    }
    if (ok && options_.mode == WriteMode::in_place && ::rename(to.c_str(), dest.c_str()) != 0) {
      int e = errno;
      error = "cannot replace " + casfolio::quoted(dest.string()) + ": " + std::strerror(e);
      fault = fault_of(e);
      ok = false;
    }
    if (!ok) {
      ::unlink(to.c_str());  // whatever was begun of it
      if (fault == FileFault::this_file) skip(f.path, error);
      else fail(error.empty() ? "cannot write " + casfolio::quoted(dest.string()) : error);
      return;
    }
    entry.inode = st.st_ino;
    entry.mtime_ns = mtime_ns(st);
    written = true;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  manifest_.files[f.path] = std::move(entry);
  ++result_.files;
  result_.bytes += manifest_.files[f.path].size;
  result_.written += written;
}

SiteWriteResult SiteWriter::commit() {
  if (!begun_ || done_) {
    SiteWriteResult r = result_;
    r.ok = false;
    if (r.error.empty()) r.error = "nothing to commit";
    return r;
  }
  if (failed_) {
    abort();
    result_.ok = false;
    result_.files = 0;
    result_.bytes = 0;
    return result_;
  }
  std::error_code ec;
  fs::path marker = fs::path(fresh_) / kSiteMarker;
  std::string error;
  struct stat st;
  if (options_.mode == WriteMode::replace || ::lstat(marker.c_str(), &st) != 0) {
    if (!write_bytes("casfolio site: this folder is replaced as a whole on every build.\n", marker, error)) {
      fail(error);
      return commit();
    }
  }
  if (options_.mode == WriteMode::replace) {
    // mkdtemp made the folder private; a site is for reading.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(fresh_.c_str(), 0777 & ~mask);
    fs::path target = target_;
    bool existed = fs::exists(fs::symlink_status(target, ec));
    if (!swap_into_place(fresh_, target, existed, error)) {
      fail(error);
      return commit();
    }
    fs::remove_all(fresh_, ec);  // the previous site, if there was one
  } else if (options_.previous) {
    // Files of the previous build that this one did not produce.
    // Both maps are sorted by path: one pass over the two, no look-ups.
    std::set<std::string> emptied;
    auto now = manifest_.files.begin();
    for (const auto& [path, w] : options_.previous->files) {
      while (now != manifest_.files.end() && now->first < path) ++now;
      if (now != manifest_.files.end() && now->first == path) continue;
      if (::unlink((fs::path(target_) / path).c_str()) == 0) ++result_.removed;
      for (std::string d = path; d.rfind('/') != std::string::npos;) {
        d = d.substr(0, d.rfind('/'));
        emptied.insert(d);
      }
    }
    // Folders left empty, deepest first (rmdir refuses the others).
    for (auto it = emptied.rbegin(); it != emptied.rend(); ++it) ::rmdir((fs::path(target_) / *it).c_str());
  }
  if (::lstat((fs::path(target_) / kSiteMarker).c_str(), &st) == 0) {
    manifest_.marker_inode = st.st_ino;
    manifest_.marker_mtime_ns = mtime_ns(st);
  }
  done_ = true;
  result_.ok = true;
  return result_;
}

void SiteWriter::abort() {
  if (!begun_ || done_) return;
  done_ = true;
  if (options_.mode == WriteMode::replace) {
    std::error_code ec;
    fs::remove_all(fresh_, ec);
    return;
  }
  // In place, what was written stays: the manifest says what the folder
  // holds now, the previous build's files where this one did not get to them.
  std::lock_guard<std::mutex> lock(mutex_);
  std::erase_if(manifest_.files, [](const auto& entry) { return entry.second.inode == 0; });  // reserved, not written
  if (options_.previous)
    for (const auto& [path, w] : options_.previous->files) manifest_.files.emplace(path, w);
  struct stat st;
  if (::lstat((fs::path(target_) / kSiteMarker).c_str(), &st) == 0) {
    manifest_.marker_inode = st.st_ino;
    manifest_.marker_mtime_ns = mtime_ns(st);
  }
}

}  // namespace casfolio
