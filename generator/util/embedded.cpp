#include "util/embedded.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "util/folder_walk.h"

namespace casfolio::embedded {

namespace {

namespace fs = std::filesystem;

// The folders of the data, the same three cmake/embed.cmake compiles in.
constexpr std::string_view kDataRoots[] = {"templates", "themes", "i18n"};
// Bounds on what an installed folder may make casfolio read at start-up.
constexpr size_t kMaxInstalledEntries = 20'000;
constexpr uint64_t kMaxInstalledFileBytes = 16u << 20;

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// What files() serves, worked out once: the installed data (if any) laid
// over the built-in files.
struct DataSet {
  std::string dir;
  InstalledData installed;
  std::vector<File> files;
};

const DataSet& data_set() {
  static const DataSet set = [] {
    DataSet s;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::string dir = ec ? std::string() : data_dir_beside(exe.string());
    auto installed = dir.empty() ? std::nullopt : read_installed(dir, CASFOLIO_VERSION);
    if (installed) {
      s.dir = dir;
      s.installed = std::move(*installed);
    }
    s.files = overlay(built_in_files(), s.installed);
    return s;
  }();
  return set;
}

}  // namespace

std::string data_dir_beside(const std::string& executable) {
  return (fs::path(executable).parent_path().parent_path() / "share" / "casfolio").string();
}

std::optional<InstalledData> read_installed(const std::string& dir, std::string_view version) {
  auto stamp = read_regular_file((fs::path(dir) / "VERSION").string(), 64);
  if (!stamp || trimmed(*stamp) != version) return std::nullopt;
  std::map<std::string, std::string> found;
  for (std::string_view root : kDataRoots) {
    std::string base = (fs::path(dir) / root).string();
    WalkLimits limits;
    limits.names = WalkNames::skip_hidden;
    limits.max_entries = kMaxInstalledEntries;
    walk_folder(base, limits, [&](const WalkEntry& e) {
      if (e.is_readable_file() && !e.name.ends_with("~")) {
        auto bytes = read_regular_file((fs::path(base) / e.path).string(), kMaxInstalledFileBytes);
        if (bytes && bytes->size() <= kMaxInstalledFileBytes) found[std::string(root) + "/" + e.path] = std::move(*bytes);
      }
      return WalkStep::descend;
    });
  }
  InstalledData data;
  for (auto& [path, bytes] : found) {
    data.paths.push_back(path);
    data.bytes.push_back(std::move(bytes));
  }
  return data;
}

std::vector<File> overlay(std::span<const File> built_in, const InstalledData& installed) {
  std::map<std::string_view, std::string_view> merged;
  for (const File& f : built_in) merged[f.path] = f.data;
  for (size_t i = 0; i < installed.paths.size(); ++i) merged[installed.paths[i]] = installed.bytes[i];
  std::vector<File> out;
  out.reserve(merged.size());
  for (const auto& [path, data] : merged) out.push_back(File{path, data});
  return out;
}

std::span<const File> files() { return data_set().files; }

const std::string& installed_dir() { return data_set().dir; }

std::optional<std::string_view> find(std::string_view path) {
  for (const File& f : files())
    if (f.path == path) return f.data;
  return std::nullopt;
}

}  // namespace casfolio::embedded
