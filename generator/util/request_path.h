// What an HTTP request names in a served folder: the one place that turns
// the raw request target a client sent ("/kk/index.html?x=1") into a file
// inside the folder, or a refusal. `casfolio serve` answers from it, and
// fuzz/serve_path_fuzz.cpp checks that what it accepts stays inside.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace casfolio {

// The path `target` names relative to the folder, decoded once and checked:
// "/" -> "", "/kk/" -> "kk/" (a trailing '/' is kept: it asks for the
// folder's index), "/a%20b.txt" -> "a b.txt". nullopt when the target is
// malformed or could name anything but a plain path below the folder: it
// does not start with '/'; it has a control character (NUL included) or a
// backslash, raw or percent-encoded; an encoded '/'; a '%' not followed by
// two hex digits; an empty, "." or ".." segment; invalid UTF-8 once
// decoded; or a '%' and two hex digits still there after decoding (a second
// decoder somewhere could turn them into a separator).
std::optional<std::string> request_relative_path(std::string_view target);

struct ServedPath {
  enum class Kind {
    refused,    // a malformed target (request_relative_path said no): 400
    missing,    // nothing to serve there: no such file, a dot-file, or a link leaving the folder: 404
    directory,  // a folder asked for without its trailing '/': redirect to it
    file,       // `file` is to be served
  };
  Kind kind = Kind::refused;
  // As request_relative_path gives it; for a folder's index, with "index.html" added.
  std::string relative;
  // kind == file: the file, canonical (no link, no "..") and inside the folder.
  std::filesystem::path file;
};

// Resolves `target` in the folder `root`, segment by segment: every name
// starting with '.' is missing (never served), a symbolic link is followed
// only when where it leads is still inside the folder, and the file found
// is checked once more to lie inside the canonical folder.
ServedPath resolve_request(const std::filesystem::path& root, std::string_view target);

}  // namespace casfolio
