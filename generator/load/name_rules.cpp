#include "load/name_rules.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>

#include "load/document.h"
#include "load/file_source.h"
#include "load/portfolio_reader.h"
#include "util/name_chars.h"
#include "util/path.h"

namespace casfolio {

namespace {

bool has_long_part(std::string_view path) {
  for (size_t start = 0;;) {
    size_t slash = path.find('/', start);
    size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end - start > kMaxFileNameBytes) return true;
    if (slash == std::string_view::npos) return false;
    start = slash + 1;
  }
}

bool is_page(const std::string& path) { return extension(path) == ".md" || extension(path) == ".yaml"; }

// Evidence is copied into the site as it is: a file the build cannot open
// would stop it. Pages are read by the loader, which reports them itself.
// Only the disk can refuse a read; other sources always can.
bool openable(const FileSource& source, const std::string& path) {
  auto disk = dynamic_cast<const DiskFileSource*>(&source);
  if (!disk) return true;
  std::string full = join_path(disk->root(), path);
  int fd = ::open(full.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  ::close(fd);
  return true;
}

// Why `path` cannot be published, or "".
std::string problem_of(const FileSource& source, const std::string& path) {
  if (has_control_character(path)) return "control";
  if (has_long_part(path)) return "long";
  if (!is_page(path) && !openable(source, path)) return "unreadable";
  return {};
}

void report(Diagnostics& sink, const std::string& problem, const std::string& path, Location where) {
  Args args{{"path", path}, {"limit", std::to_string(kMaxFileNameBytes)}};
  if (problem == "control") sink.report("file-name-control-character", std::move(where), std::move(args));
  else if (problem == "long") sink.report("file-name-too-long", std::move(where), std::move(args));
  else sink.report("evidence-unreadable", std::move(where), std::move(args));
}

}  // namespace

void report_bad_id(Diagnostics& sink, Location where, std::string_view id) {
  Args args{{"id", std::string(id)}, {"slug", id_from(id)}};
  if (id.size() > kMaxIdLength && is_valid_id(id.substr(0, kMaxIdLength))) {
    args.emplace_back("limit", std::to_string(kMaxIdLength));
    sink.report("id-too-long", std::move(where), std::move(args));
  } else {
    sink.report("bad-id", std::move(where), std::move(args));
  }
}

std::string id_from(std::string_view name) {
  std::string slug = slug_from(name);
  if (slug.size() > kMaxIdLength) slug.resize(kMaxIdLength);
  while (slug.size() > 1 && slug.back() == '-') slug.pop_back();
  return slug;
}

void UnusableFiles::sort_out(const FileSource& source, std::vector<std::string>& files) {
  std::erase_if(files, [&](const std::string& path) {
    std::string problem = problem_of(source, path);
    if (problem.empty()) return false;
    codes_.emplace(path, std::move(problem));
    return true;
  });
}

bool UnusableFiles::report_reference(const std::string& path, const Location& where, Diagnostics& sink) {
  auto it = codes_.find(path);
  if (it == codes_.end()) return false;
  referenced_.insert(path);
  report(sink, it->second, path, where);
  return true;
}

void UnusableFiles::report_unreferenced(Diagnostics& sink) const {
  for (const auto& [path, code] : codes_)
    if (!referenced_.count(path)) report(sink, code, path, Location{path});
}

}  // namespace casfolio
