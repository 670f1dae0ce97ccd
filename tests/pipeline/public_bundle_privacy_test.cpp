// Public bundles carry nothing private: every private value of the sample
// cohort (candidate numbers, e-mails, supervisors' contacts, the keys a
// student lists under `private:`, private experiences, the staff folder's
// notes) is absent from every file of every `--public` bundle, nested
// student zips included. The values are read from the sample itself, so the
// test follows the sample as it grows.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/cli_run.h"
#include "support/test_support.h"
#include "support/zip_entries.h"

namespace fs = std::filesystem;
using namespace casfolio;

namespace {

void add_strings(const YAML::Node& node, std::set<std::string>& out) {
  if (node.IsScalar()) {
    out.insert(node.as<std::string>());
  } else if (node.IsSequence() || node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) add_strings(node.IsMap() ? it->second : *it, out);
  }
}

// The front matter of a Markdown file, and its body's first paragraph line.
std::pair<YAML::Node, std::string> read_markdown(const fs::path& file) {
  std::string text = test::read_file(file);
  if (!text.starts_with("---\n")) return {YAML::Node(), text.substr(0, text.find('\n'))};
  size_t end = text.find("\n---\n", 4);
  if (end == std::string::npos) return {YAML::Node(), ""};
  std::string body = text.substr(end + 5);
  size_t start = body.find_first_not_of("\n");
  std::string first_line = start == std::string::npos ? "" : body.substr(start, body.find('\n', start) - start);
  return {YAML::Load(text.substr(4, end - 3)), first_line};
}

// What no public file may hold, read off the cohort at `root`: value -> where it comes from.
std::map<std::string, std::string> private_values(const fs::path& root) {
  std::map<std::string, std::string> values;
  auto add = [&](const std::string& v, const std::string& why) {
    if (v.size() >= 5) values.emplace(v, why);  // a shorter one ("11") occurs by chance
  };
  for (const auto& student : fs::directory_iterator(root / "students")) {
    fs::path portfolio = student.path() / "portfolio.yaml";
    if (!fs::exists(portfolio)) continue;
    std::string id = student.path().filename().string();
    YAML::Node p = YAML::LoadFile(portfolio.string());
    for (const char* key : {"candidate", "email"})
      if (p[key]) add(p[key].as<std::string>(), id + " " + key);
    if (p["private"] && p["private"].IsSequence()) {
      for (const auto& key : p["private"]) {
        std::string k = key.as<std::string>();
        std::set<std::string> strings;
        if (p[k]) add_strings(p[k], strings);
        for (const std::string& s : strings) add(s, id + " private " + k);
        // A private experience folder: its title.
        fs::path index = student.path() / "experiences" / k / "index.md";
        if (fs::exists(index)) {
          auto [front, line] = read_markdown(index);
          if (front["title"]) add(front["title"].as<std::string>(), id + " private experience " + k);
        }
      }
    }
    if (!fs::exists(student.path() / "experiences")) continue;
    for (const auto& exp : fs::directory_iterator(student.path() / "experiences")) {
      fs::path index = exp.path() / "index.md";
      if (!fs::exists(index)) continue;
      auto [front, line] = read_markdown(index);
      std::string where = id + " " + exp.path().filename().string();
      if (front["supervisor"] && front["supervisor"].IsMap())
        for (const char* key : {"email", "phone"})
          if (front["supervisor"][key]) add(front["supervisor"][key].as<std::string>(), where + " supervisor " + key);
      if (front["private"] && front["private"].IsScalar() && front["private"].as<std::string>() == "true") {
        if (front["title"]) add(front["title"].as<std::string>(), where + " (private) title");
        if (!line.empty()) add(line, where + " (private) text");
      }
    }
  }
  // The staff folder: nothing of it is public (notes, reasons, who wrote them).
  fs::path staff = root / "staff";
  if (fs::exists(staff)) {
    for (const auto& e : fs::recursive_directory_iterator(staff)) {
      if (!e.is_regular_file() || e.path().filename() == "README.md") continue;
      std::string where = "staff " + fs::relative(e.path(), staff).string();
      if (e.path().extension() == ".md") {
        auto [front, line] = read_markdown(e.path());
        if (line.size() >= 20) add(line, where + " text");
      } else if (e.path().extension() == ".yaml") {
        YAML::Node y = YAML::LoadFile(e.path().string());
        for (const char* key : {"reason", "note", "comment"})
          if (y[key] && y[key].IsScalar()) add(y[key].as<std::string>(), where + " " + key);
      }
    }
  }
  return values;
}

void copy_tree(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive);
}

}  // namespace

TEST_CASE("no private value of the sample cohort is in any file of any --public bundle", "[bundle][privacy]") {
  test::TempDir d("casfolio-public-bundle-");
  fs::path content = d.path() / "content";
  copy_tree(fs::path(CASFOLIO_SOURCE_DIR) / "content", content);
  // Plant more of what `private:` may list: one student hides her name, class and advisor too.
  fs::path aruzhan = content / "students/aruzhan-bekova/portfolio.yaml";
  std::string yaml = test::read_file(aruzhan);
  size_t at = yaml.find("private: [growth]");
  REQUIRE(at != std::string::npos);
  yaml.replace(at, 17, "private: [growth, name, class, advisor, goals]");
  test::write_file(aruzhan, yaml);

  std::map<std::string, std::string> secrets = private_values(content);
  // The sample and the plant give at least these (a test that finds nothing to look for proves nothing).
  REQUIRE(secrets.count("kzn731") == 1);
  REQUIRE(secrets.count("a.bekova@abil-lyceum.example") == 1);
  REQUIRE(secrets.count("Аружан Бекова") == 1);
  REQUIRE(secrets.count("Гүлнар Омарова") == 1);
  REQUIRE(secrets.count("+7 775 555 16 93") == 1);
  REQUIRE(secrets.size() >= 20);

  fs::path dist = d.path() / "dist";
  auto run = test::cli({"bundle", content.string(), "--public", "--out", dist.string(), "--as-of", "2027-06-15"});
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);

  std::map<std::string, std::string> files;
  size_t zips = 0;
  for (const auto& e : fs::directory_iterator(dist)) {
    if (e.path().extension() != ".zip") continue;
    ++zips;
    test::read_zip(test::read_file(e.path()), e.path().filename().string() + "!/", files);
  }
  CHECK(zips == 5);  // the sample's four students and the cohort
  REQUIRE(files.size() > 100);
  std::vector<std::string> leaks;
  for (const auto& [path, data] : files)
    for (const auto& [value, why] : secrets)
      if (data.find(value) != std::string::npos) leaks.push_back(path + " holds " + why + ": " + value);
  INFO([&] {
    std::string all;
    for (const auto& l : leaks) all += l + "\n";
    return all;
  }());
  CHECK(leaks.empty());
}
