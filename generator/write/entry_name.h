// The one rule for a name inside a casfolio zip: what `bundle` may write and
// what `verify` accepts are this function, so the two cannot disagree. A name
// passes when every common extractor (Info-ZIP, 7-Zip, Windows Explorer,
// macOS Archive Utility, Python's zipfile) unpacks it inside the folder it
// is unpacked in, under the same name, on Linux, macOS and Windows alike.
#pragma once
#include <cstddef>
#include <string_view>

namespace casfolio {

// Longest name, in bytes, and longest '/'-separated part of it.
inline constexpr size_t kMaxEntryNameBytes = 1024;
inline constexpr size_t kMaxEntrySegmentBytes = 255;

enum class EntryNameProblem {
  none,
  empty,               // "" (or only "/")
  absolute,            // starts with '/' or a drive letter ("C:")
  backslash,           // '\' is a separator for Windows extractors: "x\..\..\evil.bat"
  control_character,   // C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F)
  reserved_character,  // < > : " | ? * (Windows refuses or reads them as streams and wildcards)
  invalid_utf8,        // the name is written as UTF-8 (the zip's language flag)
  dot_segment,         // "." or ".." as a part
  empty_segment,       // "a//b"
  reserved_device,     // CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9 as a part, with any extension
  trailing_dot_or_space,  // "notes." or "notes " (Windows drops them: two names become one)
  too_long,            // more than kMaxEntryNameBytes, or a part above kMaxEntrySegmentBytes
};

// What is wrong with `name` as a zip entry name, or `none`. A folder's
// trailing '/' is allowed.
EntryNameProblem entry_name_problem(std::string_view name);

inline bool is_portable_entry_name(std::string_view name) {
  return entry_name_problem(name) == EntryNameProblem::none;
}

}  // namespace casfolio
