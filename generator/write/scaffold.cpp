#include "write/scaffold.h"

#include <fcntl.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <cerrno>
#include <cstring>

#include "util/embedded.h"
#include "util/folder_walk.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') { out += ' '; continue; }
    out += c;
  }
  return out + "\"";
}

// `schemas`: the portfolio's .schemas folder relative to the new file's
// folder, for the `# yaml-language-server: $schema=` line (docs/editor.md).
std::string fill(std::string_view archetype, const std::string& name, const std::string& title, Date today,
                 const std::string& schemas) {
  std::string out(archetype);
  auto replace = [&](std::string_view key, const std::string& value) {
    for (size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
      out.replace(at, key.size(), value);
  };
  replace("{{name}}", yaml_quoted(name));
  replace("{{title}}", yaml_quoted(title));
  replace("{{date}}", today.iso());
  replace("{{schemas}}", schemas);
  return out;
}

// Creates `path` with `text` only if it does not exist yet (O_EXCL), so a
// student's work is never overwritten, even by two commands at once.
ScaffoldResult create_new(const fs::path& path, const std::string& text) {
  ScaffoldResult r;
  r.path = path.string();
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) {
    int error = errno;
    bool exists = error == EEXIST;
    r.error = exists ? "already exists; nothing was changed" : std::string("cannot create: ") + std::strerror(error);
    r.code = exists ? "new-file-exists" : "new-cannot-create";
    r.reason = exists ? "" : std::strerror(error);
    return r;
  }
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) {
      ::close(fd);
      fs::remove(path, ec);
      r.error = "cannot write";
      r.code = "new-cannot-write";
      return r;
    }
    done += size_t(n);
  }
  r.ok = ::close(fd) == 0;
  if (!r.ok) {
    r.error = "cannot write";
    r.code = "new-cannot-write";
  }
  return r;
}

std::string archetype(Language lang, std::string_view file) {
  auto text = embedded::find("templates/archetypes/" + std::string(code(lang)) + "/" + std::string(file));
  if (!text) text = embedded::find("templates/archetypes/en/" + std::string(file));
  return text ? std::string(*text) : std::string();
}

std::optional<Language> language_in(const fs::path& yaml_file) {
  std::ifstream in(yaml_file);
  if (!in) return std::nullopt;
  try {
    YAML::Node root = YAML::Load(in);
    if (root.IsMap() && root["language"] && root["language"].IsScalar())
      return parse_language(root["language"].Scalar());
  } catch (const YAML::Exception&) {
  }
  return std::nullopt;
}

// The `title:` of a Markdown file's front matter, or "".
std::string front_matter_title(const fs::path& file) {
  auto text = read_regular_file(file.string(), 1u << 20);
  if (!text || !text->starts_with("---")) return {};
  size_t open = text->find('\n');
  size_t close = open == std::string::npos ? open : text->find("\n---", open);
  if (close == std::string::npos) return {};
  try {
    YAML::Node fm = YAML::Load(text->substr(open + 1, close - open));
    if (fm.IsMap() && fm["title"] && fm["title"].IsScalar()) return std::string(trim(fm["title"].Scalar()));
  } catch (const YAML::Exception&) {
  }
  return {};
}

// The portfolio folders below `root` (relative to it), not below each other.
std::vector<std::string> portfolio_folders(const fs::path& root, int max_depth) {
  std::vector<std::string> found;
  WalkLimits limits;
  limits.max_depth = max_depth;
  limits.max_entries = 100'000;
  limits.names = WalkNames::skip_ignored;  // the loader's rule
  std::error_code ec;
  walk_folder(root.string(), limits, [&](const WalkEntry& e) {
    if (!e.is_folder()) return WalkStep::skip;
    if (fs::exists(root / e.path / "portfolio.yaml", ec)) {
      found.push_back(e.path);
      return WalkStep::skip;
    }
    return WalkStep::descend;
  });
  return found;
}

}  // namespace

std::vector<ExperienceChoice> experiences_of(const std::string& portfolio) {
  std::vector<ExperienceChoice> out;
  std::vector<WalkEntry> entries;
  fs::path dir = fs::path(portfolio) / "experiences";
  if (!list_folder(dir.string(), "", 10'000, entries)) return out;
  std::error_code ec;
  for (const WalkEntry& e : entries)
    if (e.is_folder() && !is_ignored_name(e.name) && fs::exists(dir / e.name / "index.md", ec))
      out.push_back({e.name, front_matter_title(dir / e.name / "index.md")});
  return out;
}

std::string find_experience(const std::vector<ExperienceChoice>& experiences, std::string_view name) {
  std::string wanted(trim(name));
  if (wanted.empty()) return {};
  std::string lower = to_lower_utf8(wanted), slug = slugify(wanted);
  // The most exact match wins, so a folder named like another's title is still reachable.
  for (const auto& e : experiences)
    if (e.folder == wanted) return e.folder;
  for (const auto& e : experiences)
    if (!e.title.empty() && e.title == wanted) return e.folder;
  for (const auto& e : experiences)
    if (!e.title.empty() && to_lower_utf8(e.title) == lower) return e.folder;
  for (const auto& e : experiences)
    if (!slug.empty() && (e.folder == slug || slugify(e.title) == slug)) return e.folder;
  return {};
}

PortfoliosBelow portfolios_below(const std::string& dir) {
  PortfoliosBelow out;
  std::error_code ec;
  fs::path base = dir.empty() ? fs::path(".") : fs::path(dir);
  std::vector<fs::path> cohorts;
  if (fs::exists(base / "cohort.yaml", ec)) {
    cohorts.push_back(base);
  } else {
    std::vector<WalkEntry> entries;
    list_folder(base.string(), "", 10'000, entries);
    for (const WalkEntry& e : entries)
      if (e.is_folder() && !is_ignored_name(e.name) && fs::exists(base / e.name / "cohort.yaml", ec))
        cohorts.push_back(base / e.name);
  }
  auto shown = [](const fs::path& p) {
    std::string s = p.lexically_normal().generic_string();
    if (s.size() > 1 && s.ends_with('/')) s.pop_back();
    return s;
  };
  // One cohort speaks for its portfolios; else the cohort above `dir`, if any.
  out.language = cohorts.size() == 1 ? language_in(cohorts[0] / "cohort.yaml").value_or(Language::en)
                                     : portfolio_language((base / "_").string());
  if (cohorts.empty()) {
    for (const auto& f : portfolio_folders(base, 3)) out.folders.push_back(shown(base / f));
  } else {
    for (const auto& cohort : cohorts)
      for (const auto& f : portfolio_folders(cohort, WalkLimits{}.max_depth)) out.folders.push_back(shown(cohort / f));
  }
  return out;
}

std::string find_portfolio_root(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal();
  if (p.has_parent_path() && p.filename().empty()) p = p.parent_path();  // "a/b/" -> "a/b"
  for (; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / "portfolio.yaml", ec)) return p.string();
    if (p == p.root_path()) break;
  }
  return {};
}

Language portfolio_language(const std::string& portfolio) {
  if (auto l = language_in(fs::path(portfolio) / "portfolio.yaml")) return *l;
  std::error_code ec;
  for (fs::path p = fs::absolute(portfolio, ec).parent_path(); !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / "cohort.yaml", ec)) return language_in(p / "cohort.yaml").value_or(Language::en);
    if (p == p.root_path()) break;
  }
  return Language::en;
}

ScaffoldResult new_portfolio(const std::string& parent, const std::string& name, Language lang, Date today) {
  std::string slug = slugify(name);
  if (slug.empty()) return {false, "", "the name gives no folder name; use letters or digits", "new-no-folder-name", ""};
  fs::path dir = fs::path(parent) / slug;
  ScaffoldResult r = create_new(dir / "portfolio.yaml", fill(archetype(lang, "portfolio.yaml"), name, "", today, ".schemas"));
  if (r.ok) {
    std::error_code ec;
    fs::create_directories(dir / "experiences", ec);
    fs::create_directories(dir / "reflections", ec);
  }
  return r;
}

ScaffoldResult new_experience(const std::string& portfolio, const std::string& title, bool project, Date today) {
  std::string slug = slugify(title);
  if (slug.empty()) return {false, "", "the title gives no folder name; use letters or digits", "new-no-folder-name", ""};
  Language lang = portfolio_language(portfolio);
  return create_new(fs::path(portfolio) / "experiences" / slug / "index.md",
                    fill(archetype(lang, project ? "project.md" : "experience.md"), "", title, today, "../../.schemas"));
}

ScaffoldResult new_reflection(const std::string& portfolio, const std::string& experience, Date today) {
  Language lang = portfolio_language(portfolio);
  std::string folder;
  if (!experience.empty()) {
    folder = find_experience(experiences_of(portfolio), experience);
    if (folder.empty())
      return {false, portfolio, "there is no experience '" + experience + "' in this portfolio", "new-no-such-experience", ""};
  }
  fs::path dir = folder.empty() ? fs::path(portfolio) / "reflections" : fs::path(portfolio) / "experiences" / folder;
  std::error_code ec;
  std::string base = experience.empty() ? today.iso() : today.iso() + "-reflection";
  std::string text = fill(archetype(lang, "reflection.md"), "", "", today, folder.empty() ? "../.schemas" : "../../.schemas");
  for (int n = 1; n < 100; ++n) {
    fs::path file = dir / (base + (n == 1 ? "" : "-" + std::to_string(n)) + ".md");
    if (fs::exists(file, ec)) continue;
    ScaffoldResult r = create_new(file, text);
    if (r.ok || r.code != "new-file-exists") return r;
  }
  return {false, dir.string(), "too many reflections on one day", "new-too-many-reflections", ""};
}

ScaffoldResult new_self_assessment(const std::string& portfolio, const std::string& period, Date today) {
  Language lang = portfolio_language(portfolio);
  std::string id = !period.empty() ? period
                                   : std::to_string(today.year()) + (today.month() >= 6 ? "-12" : "-05");
  fs::path file = fs::path(portfolio) / "self-assessment" / (id + ".yaml");
  return create_new(file, fill(archetype(lang, "self-assessment.yaml"), "", "", today, "../.schemas"));
}

}  // namespace casfolio
