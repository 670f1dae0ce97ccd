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

std::string fill(std::string_view archetype, const std::string& name, const std::string& title, Date today) {
  std::string out(archetype);
  auto replace = [&](std::string_view key, const std::string& value) {
    for (size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
      out.replace(at, key.size(), value);
  };
  replace("{{name}}", yaml_quoted(name));
  replace("{{title}}", yaml_quoted(title));
  replace("{{date}}", today.iso());
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
    r.error = errno == EEXIST ? "already exists; nothing was changed" : std::string("cannot create: ") + std::strerror(errno);
    return r;
  }
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) {
      ::close(fd);
      fs::remove(path, ec);
      r.error = "cannot write";
      return r;
    }
    done += size_t(n);
  }
  r.ok = ::close(fd) == 0;
  if (!r.ok) r.error = "cannot write";
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

}  // namespace

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
  if (slug.empty()) return {false, "", "the name gives no folder name; use letters or digits"};
  fs::path dir = fs::path(parent) / slug;
  ScaffoldResult r = create_new(dir / "portfolio.yaml", fill(archetype(lang, "portfolio.yaml"), name, "", today));
  if (r.ok) {
    std::error_code ec;
    fs::create_directories(dir / "experiences", ec);
    fs::create_directories(dir / "reflections", ec);
  }
  return r;
}

ScaffoldResult new_experience(const std::string& portfolio, const std::string& title, bool project, Date today) {
  std::string slug = slugify(title);
  if (slug.empty()) return {false, "", "the title gives no folder name; use letters or digits"};
  Language lang = portfolio_language(portfolio);
  return create_new(fs::path(portfolio) / "experiences" / slug / "index.md",
                    fill(archetype(lang, project ? "project.md" : "experience.md"), "", title, today));
}

ScaffoldResult new_reflection(const std::string& portfolio, const std::string& experience, Date today) {
  Language lang = portfolio_language(portfolio);
  fs::path dir = experience.empty() ? fs::path(portfolio) / "reflections" : fs::path(portfolio) / "experiences" / experience;
  std::error_code ec;
  if (!experience.empty() && !fs::exists(dir / "index.md", ec))
    return {false, (dir / "index.md").string(), "there is no experience '" + experience + "' in this portfolio"};
  std::string base = experience.empty() ? today.iso() : today.iso() + "-reflection";
  std::string text = fill(archetype(lang, "reflection.md"), "", "", today);
  for (int n = 1; n < 100; ++n) {
    fs::path file = dir / (base + (n == 1 ? "" : "-" + std::to_string(n)) + ".md");
    if (fs::exists(file, ec)) continue;
    ScaffoldResult r = create_new(file, text);
    if (r.ok || r.error.find("exists") == std::string::npos) return r;
  }
  return {false, dir.string(), "too many reflections on one day"};
}

}  // namespace casfolio
