// What every reader of the staff folder shares (docs/format.md, "The staff
// folder"): which entries of a records folder are records, and reading one.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "load/document.h"
#include "load/file_source.h"

namespace casfolio {

// The YAML files of records folder `dir`, as paths, in the listing's order.
// Names starting with `.` or `_`, links and entries that leave the tree are
// skipped; any other entry that is not a .yaml/.yml file is reported
// (staff-unknown-entry) and left out.
std::vector<std::string> staff_yaml_files(const FileSource& files, const std::string& dir, Diagnostics& d);

// One record: the file read within the limits and parsed as a YAML map.
std::optional<YamlNode> read_yaml_record(const FileSource& files, const std::string& file, const Limits& limits,
                                         Diagnostics& d);

}  // namespace casfolio
