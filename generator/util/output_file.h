// A file replaced whole or not at all: a report given --out FILE, a schema,
// the site cache. A reader (a spreadsheet, a script, the next build) never
// sees half of it.
#pragma once
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

namespace casfolio {

// Writes `data` into a temporary file beside `path`, flushes it to the disk
// and renames it over `path` in one step. false, with `error` saying why
// ("cannot write 'x.csv': No such file or directory"), when it could not;
// nothing is left behind then and the old file (if any) is unchanged.
bool replace_file(const std::string& path, std::string_view data, std::string& error);

// The same with the bytes written by `fill` (false: give up), for a file
// too big to hold in memory. `durable`: wait until the disk has the bytes
// before the rename (a user's file); a cache, which is only ever an
// optimisation, does not.
bool replace_file(const std::string& path, const std::function<bool(std::FILE*)>& fill, std::string& error,
                  bool durable = true);

}  // namespace casfolio
