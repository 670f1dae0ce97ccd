// The file-system steps of writing a site: copying and writing one file,
// telling a file's own fault from its folder's, and swapping a finished
// site into place. SiteWriter (write/site_writer.h) is their one user.
#pragma once
#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace casfolio {

// 'path', for the writer's messages.
std::string quoted(const std::string& s);

// How a file failed, for SiteWriter: its own fault (its name, its source)
// leaves it out; the folder's fault (no space, no permission) stops the build.
enum class FileFault { none, this_file, folder };

// Errors that belong to one name, not to the folder it is written in.
FileFault fault_of(int error);

// Copies `from` to `to` in 64 KiB pieces, adding the bytes copied to `bytes`.
bool copy_stream(const std::string& from, const std::filesystem::path& to, uint64_t& bytes, std::string& error,
                 FileFault* fault = nullptr);

// Writes `data` to `to` (created or truncated); `st`, when given, gets the
// written file's stat.
bool write_bytes(const std::string& data, const std::filesystem::path& to, std::string& error,
                 struct stat* st = nullptr, FileFault* fault = nullptr);

int64_t mtime_ns(const struct stat& st);

// What a verbatim copy's digest is: its source as stat sees it.
std::string source_stamp(const struct stat& st);

// Puts `fresh` where `target` is. With an existing target the two are
// exchanged atomically and `fresh` then holds the old site.
bool swap_into_place(const std::filesystem::path& fresh, const std::filesystem::path& target, bool target_exists,
                     std::string& error);

}  // namespace casfolio
