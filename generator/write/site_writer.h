// Writing a rendered site to disk, atomically. The files go to a fresh
// folder beside the target, which then takes the target's place in one
// rename (Linux renameat2 RENAME_EXCHANGE, else two renames), so a reader
// sees the old site or the new one, never half of each, and a build that
// fails midway leaves the previous site whole. Nothing is written outside
// the target, and the target may not be, hold or sit inside the sources.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/rendered_file.h"

namespace casfolio {

// The file at the root of every site casfolio writes. A folder that exists,
// is not empty and lacks it is refused: replacing it could delete someone's files.
inline constexpr std::string_view kSiteMarker = ".casfolio-site";

// What the writer left in a site folder, so that the next build can keep
// the files that did not change instead of writing them again (the build
// cache holds it between runs: pipeline/site_cache.h).
struct WrittenFile {
  // content_digest of the bytes; "src:..." for a verbatim copy (its
  // source's stat); "" when the size differed from the previous build's
  // copy (changed, whatever the bytes: no need to hash them).
  std::string digest;
  uint64_t size = 0;
  // The file as the writer left it. One that differs (edited, replaced) is
  // someone else's now and is never kept.
  uint64_t inode = 0;
  int64_t mtime_ns = 0;
};

struct SiteManifest {
  // The marker written with these files: the manifest describes the folder
  // only while the marker there is still this one.
  uint64_t marker_inode = 0;
  int64_t marker_mtime_ns = 0;
  std::map<std::string, WrittenFile> files;  // by site path
};

// How a build reaches the folder.
enum class WriteMode {
  // A fresh folder beside the target takes its place in one rename: readers
  // see the old site or the new one. Unchanged files are hard links to the
  // previous site's (copies where links are impossible), not rewritten.
  replace,
  // Changed files are replaced one by one (each by a rename), unchanged ones
  // left alone, files no longer produced removed: for a folder only casfolio
  // reads and writes (casfolio serve's), where a reader waits for the build.
  in_place,
};

struct SiteWriteOptions {
  std::string out_dir;                   // the site folder, as the user named it
  std::vector<std::string> source_dirs;  // folders the site must stay out of (the content)
  WriteMode mode = WriteMode::replace;
  // The manifest of the site now in out_dir, checked with keep_valid_files;
  // nullptr = nothing to keep (every file is written).
  const SiteManifest* previous = nullptr;
  // Digest every file (for a manifest the next build can use) even with no
  // `previous`; with one, every file whose size did not change is.
  bool digests = false;
};

// A file the site could not hold, left out while the rest was written.
struct SkippedFile {
  std::string path;    // in the site
  std::string reason;  // one sentence, as the system gives it
};

struct SiteWriteResult {
  bool ok = false;
  std::string error;   // one sentence for the user when !ok
  size_t files = 0;    // files in the site, the marker not counted
  uint64_t bytes = 0;  // their size
  size_t written = 0;  // of those, written now (the others kept from the previous build)
  size_t removed = 0;  // in_place: files of the previous build no longer in the site
  // Files whose own name or source was the problem (a name the file system
  // refuses, a source that cannot be read): one student's file never stops
  // the cohort's site. Failures of the folder itself (no space, no
  // permission) still fail the whole write.
  std::vector<SkippedFile> skipped;
};

// True for a path a site may contain: relative, '/'-separated, no empty,
// "." or ".." segment, no backslash, no control character.
bool is_safe_site_path(std::string_view path);

// Why `out_dir` may not receive a site (inside, equal to or holding a
// source folder; the file system root; a symbolic link; a non-empty folder
// without the marker; not a folder), or "" when it may.
std::string check_out_dir(const SiteWriteOptions& options);

SiteWriteResult write_site(const std::vector<OutputFile>& files, const SiteWriteOptions& options);

// Removes the temporary folders that builds into `out_dir` killed before
// their swap left beside it (".NAME.tmp-XXXXXX"); returns how many. Only
// while holding the OutputLock for `out_dir` (write/output_lock.h): then no
// other build is writing one.
size_t remove_abandoned_temporaries(const std::string& out_dir);

// Drops from `manifest` what no longer describes `out_dir`: everything when
// its marker is not the one the manifest was written with, else each file
// whose inode, size or modification time changed or that is gone.
void keep_valid_files(SiteManifest& manifest, const std::string& out_dir);

// The streaming writer (write_site is begin, add, commit): files arrive as
// the renderer makes them, from several threads at once.
class SiteWriter : public SiteSink {
 public:
  explicit SiteWriter(SiteWriteOptions options);
  ~SiteWriter() override;  // abort() unless committed
  SiteWriter(const SiteWriter&) = delete;
  SiteWriter& operator=(const SiteWriter&) = delete;

  // Checks the folder (check_out_dir) and prepares to write; false with
  // result().error set when it may not.
  bool begin();
  // Writes (or keeps) the files. After the first error the rest are ignored.
  void add(std::vector<OutputFile> files) override;
  void add_one(const OutputFile& file);
  // Finishes: the marker, then the swap (replace) or the removal of files no
  // longer produced (in_place). After an error, abort() instead, and the
  // result says why.
  SiteWriteResult commit();
  // Leaves the folder as it was (replace). in_place cannot undo what it
  // wrote: manifest() then describes the folder as it is.
  void abort();

  const SiteWriteResult& result() const { return result_; }
  // What is in the folder after commit() (or an in_place abort()): the next build's `previous`.
  const SiteManifest& manifest() const { return manifest_; }
  SiteManifest take_manifest() { return std::move(manifest_); }

 private:
  bool fail(std::string why);
  // Leaves `path` out of the site, for `why`, and goes on.
  void skip(const std::string& path, std::string why);

  SiteWriteOptions options_;
  SiteManifest manifest_;
  SiteWriteResult result_;
  std::string target_, fresh_;  // the folder, and where files go now (== target_ in place)
  std::set<std::string> dirs_;  // made below fresh_
  std::mutex mutex_;
  bool begun_ = false, done_ = false, failed_ = false;
};

}  // namespace casfolio
