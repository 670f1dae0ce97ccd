// Paths inside a portfolio are '/'-separated and relative to its root.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace casfolio {

// Resolves `target` (as written in a file at `from_dir`, itself relative to
// the portfolio root) to a normalised path relative to the root. Returns
// nullopt when the path is absolute, has a scheme or a drive letter, or
// climbs out of the root with "..".
std::optional<std::string> resolve_inside(std::string_view from_dir, std::string_view target);

// "a/b/c.md" -> "a/b"; "c.md" -> "".
std::string_view parent_dir(std::string_view path);
// "a/b/c.md" -> "c.md".
std::string_view file_name(std::string_view path);
// "a/b/c.yaml" -> "c"; "c" -> "c".
std::string_view file_stem(std::string_view path);
// A .yaml or .yml file name.
bool is_yaml_name(std::string_view path);
// "c.md" -> ".md" (lower-cased); "" when none.
std::string extension(std::string_view path);
// "a" + "b" -> "a/b"; either may be empty.
std::string join_path(std::string_view a, std::string_view b);
// True for an external link target: a URL scheme (http:, mailto:, ...) or "//".
bool has_scheme(std::string_view target);

}  // namespace casfolio
