// The data casfolio ships: templates/, themes/ and i18n/ of the repo. They
// are compiled into the binary, so one executable works anywhere; an
// installed copy (share/casfolio beside the executable's bin/, as the Debian
// package lays it out) is read instead, file by file, when it is there and of
// this version (docs/decisions.md, "Where the data comes from").
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace casfolio::embedded {

struct File {
  std::string_view path;  // relative to the repository root, '/' separated
  std::string_view data;
};

// Every data file, sorted by path: each installed file in place of the
// built-in one of the same path, and the built-in ones nothing replaces.
std::span<const File> files();

// The file at `path`, if there is one.
std::optional<std::string_view> find(std::string_view path);

// The installed data folder files() reads, or "" when everything is built in.
const std::string& installed_dir();

// The files compiled into the binary (cmake/embed.cmake writes them), sorted.
std::span<const File> built_in_files();

// share/casfolio relative to the folder holding `executable`: where an
// installation (/usr/bin/casfolio -> /usr/share/casfolio) keeps the data.
std::string data_dir_beside(const std::string& executable);

// The data files under `dir` (templates/, themes/, i18n/; hidden names and
// editor backups left out), read when `dir`/VERSION holds `version`; none
// otherwise, so a stale installation cannot mix with a newer binary.
struct InstalledData {
  std::vector<std::string> paths;  // sorted
  std::vector<std::string> bytes;  // bytes[i] is the file at paths[i]
};
std::optional<InstalledData> read_installed(const std::string& dir, std::string_view version);

// `built_in` with each path that `installed` also has taken from `installed`;
// sorted by path. The views point into both arguments.
std::vector<File> overlay(std::span<const File> built_in, const InstalledData& installed);

}  // namespace casfolio::embedded
