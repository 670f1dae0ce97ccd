#include "load/staff_files.h"

#include "util/path.h"

namespace casfolio {

std::vector<std::string> staff_yaml_files(const FileSource& files, const std::string& dir, Diagnostics& d) {
  std::vector<std::string> out;
  for (const DirEntry& e : files.list(dir)) {
    if (is_ignored_name(e.name) || e.symlink || e.escapes_root) continue;
    std::string path = join_path(dir, e.name);
    if (e.kind != EntryKind::file || !is_yaml_name(e.name)) {
      d.report("staff-unknown-entry", Location{path}, {{"name", e.name}});
      continue;
    }
    out.push_back(std::move(path));
  }
  return out;
}

std::optional<YamlNode> read_yaml_record(const FileSource& files, const std::string& file, const Limits& limits,
                                         Diagnostics& d) {
  auto text = read_text_file(files, file, limits, d);
  if (!text) return std::nullopt;
  return parse_yaml_map(*text, file, limits, d);
}

}  // namespace casfolio
