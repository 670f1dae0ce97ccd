#include "load/repository_list.h"

#include <map>

#include "load/document.h"
#include "load/yaml_fields.h"
#include "util/path.h"
#include "util/text.h"

namespace casfolio {

namespace {

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  for (char ch : id)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')) return false;
  return true;
}

bool has_control_or_blank(std::string_view s) {
  for (unsigned char ch : s)
    if (ch <= ' ' || ch == 0x7f) return true;
  return false;
}

}  // namespace

bool repository_url_allowed(std::string_view url) {
  // A leading '-' could be read as an option by whatever ssh libgit2 runs.
  if (url.empty() || url.front() == '-' || has_control_or_blank(url)) return false;
  for (std::string_view scheme : {"file://", "https://", "ssh://"})
    if (url.starts_with(scheme)) return url.size() > scheme.size();
  size_t colon = url.find(':');
  if (colon == std::string_view::npos) return true;  // a local path
  // Any other "scheme:" (http://, git://, ext::) is refused: unencrypted or
  // a transport that runs commands.
  size_t slash = url.find('/');
  if (slash != std::string_view::npos && slash < colon) return true;  // a local path with ':' in a name
  // scp-like user@host:path
  size_t at = url.find('@');
  if (at == std::string_view::npos || at == 0 || at > colon || colon == at + 1 || colon + 1 >= url.size())
    return false;
  return url.substr(colon + 1, 1) != ":" && url.find("::") == std::string_view::npos;
}

void read_repositories_key(const YamlNode& value, const std::string& file, Diagnostics& diagnostics,
                           CohortConfig& config) {
  FieldContext c{file, diagnostics};
  config.repositories_line = value.line;
  if (value.is_scalar()) {
    if (auto s = read_text(value, "repositories", c)) config.repositories_file = std::string(trim(*s));
    return;
  }
  for (const YamlNode* item : read_list(value, "repositories", c)) {
    if (!read_map(*item, "repositories", c)) continue;
    check_keys(*item, {"id", "url", "branch"}, c);
    Location at = item->where(file);
    const YamlNode* id = require_key(*item, "id", at, c);
    const YamlNode* url = require_key(*item, "url", at, c);
    if (!id || !url) continue;
    Repository r;
    auto id_text = read_text(*id, "id", c);
    auto url_text = read_text(*url, "url", c);
    if (!id_text || !url_text) continue;
    r.id = std::string(trim(*id_text));
    r.url = std::string(trim(*url_text));
    if (const YamlNode* b = optional_key(*item, "branch"))
      if (auto s = read_text(*b, "branch", c)) r.branch = std::string(trim(*s));
    r.file = file;
    r.line = item->line;
    config.repositories.push_back(std::move(r));
  }
}

std::vector<Repository> parse_repository_list(std::string_view text, const std::string& file,
                                              Diagnostics& diagnostics) {
  std::vector<Repository> out;
  int line = 0;
  for (std::string_view rest = text; !rest.empty() || line == 0;) {
    ++line;
    size_t nl = rest.find('\n');
    std::string_view l = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    if (size_t hash = l.find('#'); hash != std::string_view::npos) l = l.substr(0, hash);
    std::vector<std::string_view> fields;
    for (size_t i = 0; i < l.size();) {
      while (i < l.size() && (l[i] == ' ' || l[i] == '\t' || l[i] == '\r')) ++i;
      size_t start = i;
      while (i < l.size() && l[i] != ' ' && l[i] != '\t' && l[i] != '\r') ++i;
      if (i > start) fields.push_back(l.substr(start, i - start));
    }
    if (fields.empty()) {
      if (rest.empty()) break;
      continue;
    }
    if (fields.size() > 3 || fields.size() < 2) {
      diagnostics.report("repository-line-malformed", Location{file, line, 1, 0},
                         {{"fields", std::to_string(fields.size())}});
    } else {
      Repository r;
      r.id = std::string(fields[0]);
      r.url = std::string(fields[1]);
      if (fields.size() == 3) r.branch = std::string(fields[2]);
      r.file = file;
      r.line = line;
      out.push_back(std::move(r));
    }
    if (rest.empty()) break;
  }
  return out;
}

void validate_repositories(std::vector<Repository>& repositories, Diagnostics& diagnostics) {
  std::map<std::string, const Repository*> ids, urls;
  std::vector<Repository> kept;
  for (const Repository& r : repositories) {
    Location at{r.file, r.line, 1, 0};
    if (!valid_id(r.id)) {
      diagnostics.report("repository-bad-id", at, {{"id", r.id}});
      continue;
    }
    if (!repository_url_allowed(r.url) || (!r.branch.empty() && (r.branch.front() == '-' || has_control_or_blank(r.branch)))) {
      diagnostics.report("repository-bad-url", at, {{"id", r.id}, {"url", r.url}});
      continue;
    }
    if (auto it = ids.find(r.id); it != ids.end()) {
      diagnostics.report("repository-duplicate-id", at, {{"id", r.id}, {"line", std::to_string(it->second->line)}});
      continue;
    }
    // Two students with one repository would share one history: neither's is trusted.
    std::string key = r.url;
    while (key.size() > 1 && key.back() == '/') key.pop_back();
    if (auto it = urls.find(key); it != urls.end()) {
      diagnostics.report("repository-duplicate-url", at,
                         {{"id", r.id}, {"other", it->second->id}, {"url", r.url}});
      continue;
    }
    ids.emplace(r.id, &r);
    urls.emplace(key, &r);
    kept.push_back(r);
  }
  repositories = std::move(kept);
}

void read_repository_list(CohortConfig& config, const FileSource& source, const Limits& limits,
                          Diagnostics& diagnostics) {
  if (!config.repositories_file.empty()) {
    auto resolved = resolve_inside("", config.repositories_file);
    auto entry = resolved ? source.stat(*resolved) : std::nullopt;
    if (!entry || entry->kind != EntryKind::file || entry->escapes_root) {
      diagnostics.report("repositories-file-not-found", Location{config.file, config.repositories_line, 1, 0},
                         {{"path", config.repositories_file}});
    } else if (auto text = read_text_file(source, *resolved, limits, diagnostics)) {
      std::vector<Repository> listed = parse_repository_list(*text, *resolved, diagnostics);
      config.repositories.insert(config.repositories.end(), listed.begin(), listed.end());
    }
  }
  validate_repositories(config.repositories, diagnostics);
}

std::vector<std::string> repository_roots(CohortConfig& config, const FileSource& source, const Limits& limits,
                                          const std::string& checkouts, Diagnostics& diagnostics) {
  read_repository_list(config, source, limits, diagnostics);
  std::vector<std::string> roots;
  for (const Repository& r : config.repositories) {
    std::string root = checkouts.empty() ? "" : join_path(checkouts, r.id);
    std::unique_ptr<FileSource> files = root.empty() ? nullptr : source.subtree(root);
    if (!files || !files->stat("portfolio.yaml")) {
      diagnostics.report("repository-not-collected", Location{r.file, r.line, 1, 0}, {{"id", r.id}});
      continue;
    }
    roots.push_back(root);
  }
  return roots;
}

}  // namespace casfolio
