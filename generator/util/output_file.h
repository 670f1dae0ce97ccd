// One file a command writes for its user (a report given --out FILE): the
// file is replaced whole or not at all, so a reader (a spreadsheet, a
// script) never sees half of it.
#pragma once
#include <string>
#include <string_view>

namespace casfolio {

// Writes `data` into a temporary file beside `path` and renames it over
// `path` in one step. false, with `error` saying why ("cannot write
// 'x.csv': No such file or directory"), when it could not; nothing is left
// behind then and the old file (if any) is unchanged.
bool replace_file(const std::string& path, std::string_view data, std::string& error);

}  // namespace casfolio
