#include "write/zip_writer.h"

#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <set>

#include "util/path.h"
#include "write/entry_name.h"

namespace casfolio {

namespace {

constexpr std::array<std::string_view, 27> kStoredExtensions = {
    ".jpg", ".jpeg", ".png",  ".gif", ".webp", ".avif", ".heic", ".pdf",  ".mp4",
    ".m4v", ".mov",  ".webm", ".mkv", ".avi",  ".mp3",  ".m4a",  ".aac",  ".ogg",
    ".oga", ".opus", ".flac", ".zip", ".gz",   ".7z",   ".docx", ".pptx", ".xlsx"};

constexpr uint32_t kFileMode = S_IFREG | 0644;
constexpr uint32_t kDirMode = S_IFDIR | 0755;
constexpr uint32_t kMsDosDirectory = 0x10;

std::string zip_error_text(zip_t* za) { return zip_strerror(za); }

}  // namespace

ZipMethod method_for(std::string_view name) {
  std::string ext = extension(name);
  return std::find(kStoredExtensions.begin(), kStoredExtensions.end(), ext) != kStoredExtensions.end()
             ? ZipMethod::store
             : ZipMethod::deflate;
}

DosTime dos_time(int64_t t) {
  constexpr int64_t kMin = 315532800;   // 1980-01-01T00:00:00Z
  constexpr int64_t kMax = 4354819198;  // 2107-12-31T23:59:58Z
  t = std::clamp(t, kMin, kMax);
  namespace c = std::chrono;
  c::sys_seconds s{c::seconds{t}};
  auto day = c::floor<c::days>(s);
  c::year_month_day ymd{day};
  c::hh_mm_ss hms{s - day};
  DosTime d;
  d.time = uint16_t(hms.seconds().count() / 2 | hms.minutes().count() << 5 | hms.hours().count() << 11);
  d.date = uint16_t(unsigned(ymd.day()) | unsigned(ymd.month()) << 5 | (int(ymd.year()) - 1980) << 9);
  return d;
}

std::optional<ZipFailure> write_zip(const std::string& path, std::vector<ZipEntry> entries, const ZipOptions& o) {
  std::sort(entries.begin(), entries.end(), [](const ZipEntry& a, const ZipEntry& b) { return a.name < b.name; });
  for (size_t i = 1; i < entries.size(); ++i)
    if (entries[i].name == entries[i - 1].name) return ZipFailure{entries[i].name, "two files with the same name"};
  // Never a name casfolio verify would refuse (callers filter them first, with a finding).
  for (const ZipEntry& e : entries)
    if (!is_portable_entry_name(e.name)) return ZipFailure{e.name, "a name that is not safe in a zip"};

  // Every parent folder gets an entry of its own, so unzip tools create it 0755.
  std::set<std::string> dirs;
  for (const ZipEntry& e : entries)
    for (size_t slash = e.name.find('/'); slash != std::string::npos; slash = e.name.find('/', slash + 1))
      dirs.insert(e.name.substr(0, slash + 1));

  // One sorted list of names: folders ("a/") and files ("a/b") interleaved.
  struct Item {
    std::string_view name;
    const ZipEntry* file = nullptr;  // null for a folder
  };
  std::vector<Item> items;
  items.reserve(entries.size() + dirs.size());
  for (const std::string& d : dirs) items.push_back({d, nullptr});
  for (const ZipEntry& e : entries) items.push_back({e.name, &e});
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.name < b.name; });

  int error = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!za) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, error);
    ZipFailure f{"", zip_error_strerror(&ze)};
    zip_error_fini(&ze);
    return f;
  }
  DosTime when = dos_time(o.timestamp);
  auto fail = [&](std::string_view entry) {
    ZipFailure f{std::string(entry), zip_error_text(za)};
    zip_discard(za);
    return f;
  };

  for (const Item& item : items) {
    std::string name(item.name);
    zip_int64_t index = -1;
    if (!item.file) {
      index = zip_dir_add(za, name.c_str(), ZIP_FL_ENC_UTF_8);
      if (index < 0) return fail(name);
      if (zip_set_file_compression(za, zip_uint64_t(index), ZIP_CM_STORE, 0) < 0 ||
          zip_file_set_external_attributes(za, zip_uint64_t(index), 0, ZIP_OPSYS_UNIX,
                                           kDirMode << 16 | kMsDosDirectory) < 0)
        return fail(name);
    } else {
      const ZipEntry& e = *item.file;
      zip_source_t* src = nullptr;
      if (e.source_path.empty())
        src = zip_source_buffer(za, e.data.data(), e.data.size(), 0);
      else if (e.size == 0)  // libzip reads a length of 0 as "to the end of the file"
        src = zip_source_buffer(za, "", 0, 0);
      else
        src = zip_source_file(za, e.source_path.c_str(), 0, zip_int64_t(e.size));
      if (!src) return fail(name);
      index = zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8);
      if (index < 0) {
        zip_source_free(src);
        return fail(name);
      }
      bool store = method_for(name) == ZipMethod::store;
      if (zip_set_file_compression(za, zip_uint64_t(index), store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                   store ? 0 : zip_uint32_t(o.deflate_level)) < 0 ||
          zip_file_set_external_attributes(za, zip_uint64_t(index), 0, ZIP_OPSYS_UNIX, kFileMode << 16) < 0)
        return fail(name);
    }
    if (zip_file_set_dostime(za, zip_uint64_t(index), when.time, when.date, 0) < 0) return fail(name);
  }

  if (zip_close(za) < 0) {
    // libzip names no entry; a streamed file that changed or vanished is the usual cause.
    return fail("");
  }
  return std::nullopt;
}

}  // namespace casfolio
