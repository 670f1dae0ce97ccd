// Paths on disk (the portfolio's own '/'-paths are util/path.h): the one
// place that says what folder a path names and whether it lies inside
// another — the loader's "never follow a link out of the tree", the site
// writer's "never write into the sources", the commands' --out checks.
#pragma once
#include <filesystem>
#include <string>

namespace casfolio {

// The absolute, normalised form of `path`, symbolic links resolved as far
// as it exists, without a trailing separator: "site/" and "site" name the
// same folder.
std::filesystem::path resolved_path(const std::string& path);

// True when `inner` is `outer` or lies below it, comparing whole components
// ("a/bc" is not inside "a/b"). Both should be resolved_path()s.
bool is_within(const std::filesystem::path& inner, const std::filesystem::path& outer);

// is_within(resolved_path(path), resolved_path(dir)).
bool path_is_within(const std::string& path, const std::string& dir);

}  // namespace casfolio
