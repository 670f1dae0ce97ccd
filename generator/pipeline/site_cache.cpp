#include "pipeline/site_cache.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "pipeline/fingerprint.h"
#include "util/output_file.h"
#include "util/cache_dir.h"
#include "util/digest.h"
#include "util/folder_walk.h"

namespace casfolio {

namespace fs = std::filesystem;

namespace {

// The format: a header line naming the generator that wrote it, then
// length-prefixed fields. A different generator means different pages, so
// its cache is of no use and is not read at all.
std::string header() { return "casfolio cache 1 " + generator_identity() + "\n"; }

// Into `out`, spilled into `file` (when set) a megabyte at a time, so that
// a big cohort's cache is never all in memory twice.
class Writer {
 public:
  explicit Writer(std::FILE* file = nullptr) : file_(file) {}
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out += char((v >> (8 * i)) & 0xff);
  }
  void str(std::string_view s) {
    u64(s.size());
    out.append(s);
    if (file_ && out.size() > (1u << 20)) flush();
  }
  bool flush() {
    if (file_ && !out.empty()) {
      ok_ &= std::fwrite(out.data(), 1, out.size(), file_) == out.size();
      out.clear();
    }
    return ok_;
  }
  std::string out;

 private:
  std::FILE* file_;
  bool ok_ = true;
};

void encode(const SiteCache& cache, Writer& w);

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool u64(uint64_t& v) {
    if (in_.size() - pos_ < 8) return ok_ = false;
    v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t(static_cast<unsigned char>(in_[pos_ + size_t(i)])) << (8 * i);
    pos_ += 8;
    return true;
  }
  bool i64(int64_t& v) {
    uint64_t u;
    if (!u64(u)) return false;
    v = int64_t(u);
    return true;
  }
  bool str(std::string& s) {
    uint64_t n;
    if (!u64(n) || n > in_.size() - pos_) return ok_ = false;
    s.assign(in_.substr(pos_, size_t(n)));
    pos_ += size_t(n);
    return true;
  }
  // A count of items that each take at least `min_bytes`: never more than the input could hold.
  bool count(uint64_t& n, size_t min_bytes) {
    if (!u64(n) || n > (in_.size() - pos_) / min_bytes) return ok_ = false;
    return true;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream s;
  s << in.rdbuf();
  out = s.str();
  return !in.bad();
}

// `fill` writes the content into a temporary file beside `path`, which then
// takes its place in one rename; on any failure nothing is left behind.
fs::path absolute_normal(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  fs::path canon = fs::weakly_canonical(abs, ec);
  return (ec ? abs : canon).lexically_normal();
}

}  // namespace

std::string default_cache_dir() { return default_cache_root(); }

std::string site_cache_path(const std::string& cache_dir, const std::string& out_dir) {
  return (fs::path(cache_dir) / "sites" / content_digest(absolute_normal(out_dir).string())).string();
}

std::string encode_site_cache(const SiteCache& cache) {
  Writer w;
  encode(cache, w);
  return std::move(w.out);
}

namespace {

void encode(const SiteCache& cache, Writer& w) {
  w.out += header();
  const SiteManifest& m = cache.manifest;
  w.u64(m.marker_inode);
  w.u64(uint64_t(m.marker_mtime_ns));
  w.u64(m.files.size());
  for (const auto& [path, f] : m.files) {
    w.str(path);
    w.str(f.digest);
    w.u64(f.size);
    w.u64(f.inode);
    w.u64(uint64_t(f.mtime_ns));
  }
  w.u64(cache.memo.students.size());
  for (const auto& [id, s] : cache.memo.students) {
    w.str(id);
    w.str(s.key);
    w.u64(s.files.size());
    for (const MemoFile& f : s.files) {
      w.str(f.path);
      w.str(f.digest);
      w.u64(f.size);
      w.str(f.source_path);
    }
    for (const auto& entries : s.search) {
      w.u64(entries.size());
      for (const SearchEntry& e : entries) {
        w.str(e.url);
        w.str(e.json);
      }
    }
    w.u64(s.findings.size());
    for (const Finding& f : s.findings) {
      w.u64(uint64_t(f.severity));
      w.str(f.code);
      w.str(f.where.file);
      w.u64(uint64_t(int64_t(f.where.line)));
      w.u64(uint64_t(int64_t(f.where.column)));
      w.u64(uint64_t(int64_t(f.where.length)));
      w.u64(f.staff_only);
      w.u64(f.args.size());
      for (const auto& [k, v] : f.args) {
        w.str(k);
        w.str(v);
      }
    }
  }
}

}  // namespace

std::optional<SiteCache> decode_site_cache(std::string_view bytes) {
  std::string head = header();
  if (!bytes.starts_with(head)) return std::nullopt;
  Reader r(bytes.substr(head.size()));
  SiteCache c;
  uint64_t n = 0, u = 0;
  int64_t i = 0;
  r.u64(c.manifest.marker_inode);
  r.i64(c.manifest.marker_mtime_ns);
  if (!r.count(n, 40)) return std::nullopt;
  for (uint64_t k = 0; k < n && r.ok(); ++k) {
    std::string path;
    WrittenFile f;
    r.str(path);
    r.str(f.digest);
    r.u64(f.size);
    r.u64(f.inode);
    r.i64(f.mtime_ns);
    c.manifest.files.emplace(std::move(path), std::move(f));
  }
  if (!r.count(n, 16)) return std::nullopt;
  for (uint64_t k = 0; k < n && r.ok(); ++k) {
    std::string id;
    StudentMemo s;
    r.str(id);
    r.str(s.key);
    uint64_t files = 0;
    if (!r.count(files, 32)) return std::nullopt;
    for (uint64_t f = 0; f < files && r.ok(); ++f) {
      MemoFile m;
      r.str(m.path);
      r.str(m.digest);
      r.u64(m.size);
      r.str(m.source_path);
      s.files.push_back(std::move(m));
    }
    for (auto& entries : s.search) {
      uint64_t count = 0;
      if (!r.count(count, 16)) return std::nullopt;
      for (uint64_t e = 0; e < count && r.ok(); ++e) {
        SearchEntry x;
        r.str(x.url);
        r.str(x.json);
        entries.push_back(std::move(x));
      }
    }
    uint64_t findings = 0;
    if (!r.count(findings, 64)) return std::nullopt;
    for (uint64_t f = 0; f < findings && r.ok(); ++f) {
      Finding x;
      r.u64(u);
      if (u > uint64_t(Severity::error)) return std::nullopt;
      x.severity = Severity(u);
      r.str(x.code);
      r.str(x.where.file);
      r.i64(i);
      x.where.line = int(i);
      r.i64(i);
      x.where.column = int(i);
      r.i64(i);
      x.where.length = int(i);
      r.u64(u);
      x.staff_only = u != 0;
      uint64_t args = 0;
      if (!r.count(args, 16)) return std::nullopt;
      for (uint64_t a = 0; a < args && r.ok(); ++a) {
        std::string key, value;
        r.str(key);
        r.str(value);
        x.args.emplace_back(std::move(key), std::move(value));
      }
      s.findings.push_back(std::move(x));
    }
    c.memo.students.emplace(std::move(id), std::move(s));
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return c;
}

std::optional<SiteCache> read_site_cache(const std::string& path) {
  std::string bytes;
  if (!read_file(path, bytes)) return std::nullopt;
  return decode_site_cache(bytes);
}

bool write_site_cache(const std::string& path, const SiteCache& cache) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::string error;  // a cache: failing to keep it is no error
  bool written = replace_file(
      path,
      [&](std::FILE* file) {
        Writer w(file);
        encode(cache, w);
        return w.flush();
      },
      error, /*durable=*/false);
  if (!written) return false;
  // One file per site folder ever built: the least recently written go
  // beyond kKeptSites (each is about 1 KB per page of its site).
  constexpr size_t kKeptSites = 32;
  std::string cache_dir = fs::path(path).parent_path().string();
  std::vector<WalkEntry> entries;
  if (!cache_dir.empty()) list_folder(cache_dir, "", 100'000, entries);  // never the working folder
  std::vector<std::pair<int64_t, std::string>> files;  // a regular file's modification time, its name
  for (const WalkEntry& e : entries)
    if (e.self.kind == WalkKind::file) files.emplace_back(e.self.mtime_ns, e.name);
  if (files.size() > kKeptSites) {
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = kKeptSites; i < files.size(); ++i) fs::remove(fs::path(cache_dir) / files[i].second, ec);
  }
  return true;
}

DiskImageCache::DiskImageCache(std::string dir) : dir_(std::move(dir)) {}

// An image file: "casfolio image\nok EXT TW TH WW WH THUMB_BYTES\n", the
// thumbnail's bytes, the web size's. Failures are not kept: an image that
// could not be read is tried again next time.
std::optional<ResizedImage> DiskImageCache::find(const std::string& key) {
  std::string bytes;
  if (!read_file((fs::path(dir_) / key).string(), bytes)) return std::nullopt;
  std::istringstream in(bytes);
  std::string magic, kind;
  if (!std::getline(in, magic) || magic != "casfolio image" || !std::getline(in, kind)) return std::nullopt;
  ResizedImage r;
  std::istringstream fields(kind);
  size_t thumb_size = 0;
  std::string ok;
  if (!(fields >> ok >> r.extension >> r.thumbnail.width >> r.thumbnail.height >> r.web.width >> r.web.height >>
        thumb_size) ||
      ok != "ok")
    return std::nullopt;
  size_t start = size_t(in.tellg());
  if (start > bytes.size() || thumb_size > bytes.size() - start) return std::nullopt;
  r.thumbnail.data = bytes.substr(start, thumb_size);
  r.web.data = bytes.substr(start + thumb_size);
  r.ok = true;
  return r;
}

void DiskImageCache::store(const std::string& key, const ResizedImage& image) {
  if (!image.ok) return;
  std::string bytes = "casfolio image\n";
  {
    bytes += "ok " + image.extension + " " + std::to_string(image.thumbnail.width) + " " +
             std::to_string(image.thumbnail.height) + " " + std::to_string(image.web.width) + " " +
             std::to_string(image.web.height) + " " + std::to_string(image.thumbnail.data.size()) + "\n";
    bytes += image.thumbnail.data;
    bytes += image.web.data;
  }
  // A cache: failing to keep it is no error.
  std::error_code ec;
  fs::create_directories(dir_, ec);
  std::string error;
  replace_file(
      (fs::path(dir_) / key).string(),
      [&](std::FILE* file) { return std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size(); }, error,
      /*durable=*/false);
}

}  // namespace casfolio
