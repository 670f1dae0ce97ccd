#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "write/scaffold.h"

namespace fs = std::filesystem;
using namespace casfolio;

namespace {

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("casfolio-scaffold-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const Date kDay = *Date::parse("2026-11-23");

}  // namespace

TEST_CASE("new portfolio uses the cohort language and a transliterated folder") {
  fs::path dir = fresh_dir("portfolio");
  std::ofstream(dir / "cohort.yaml") << "language: kk\n";
  ScaffoldResult r = new_portfolio(dir.string(), "Әлия Нұрланқызы", portfolio_language((dir / "_").string()), kDay);
  REQUIRE(r.ok);
  CHECK(r.path == (dir / "aliia-nurlanqyzy" / "portfolio.yaml").string());
  std::string text = slurp(r.path);
  CHECK(text.find("name: \"Әлия Нұрланқызы\"") != std::string::npos);
  CHECK(text.find("started: 2026-11-23") != std::string::npos);
  CHECK(text.find("language: kk") != std::string::npos);
  CHECK(fs::is_directory(dir / "aliia-nurlanqyzy" / "experiences"));
}

TEST_CASE("new never overwrites a student's file") {
  fs::path dir = fresh_dir("overwrite");
  std::ofstream(dir / "portfolio.yaml") << "name: X\nlanguage: ru\n";
  ScaffoldResult first = new_experience(dir.string(), "Уроки гитары", false, kDay);
  REQUIRE(first.ok);
  std::ofstream(first.path, std::ios::app) << "my words\n";
  ScaffoldResult second = new_experience(dir.string(), "Уроки гитары", false, kDay);
  CHECK_FALSE(second.ok);
  CHECK(second.error == "already exists; nothing was changed");
  CHECK(slurp(first.path).find("my words") != std::string::npos);
  // The Russian archetype was used, and the title is quoted YAML.
  CHECK(slurp(first.path).find("title: \"Уроки гитары\"") != std::string::npos);
  CHECK(slurp(first.path).find("ГГГГ-ММ-ДД") != std::string::npos);
}

TEST_CASE("new reflection numbers a second one on the same day") {
  fs::path dir = fresh_dir("reflection");
  std::ofstream(dir / "portfolio.yaml") << "name: X\n";
  REQUIRE(new_experience(dir.string(), "Guitar", false, kDay).ok);
  CHECK(new_reflection(dir.string(), "guitar", kDay).path == (dir / "experiences/guitar/2026-11-23-reflection.md").string());
  CHECK(new_reflection(dir.string(), "guitar", kDay).path == (dir / "experiences/guitar/2026-11-23-reflection-2.md").string());
  CHECK(new_reflection(dir.string(), "", kDay).path == (dir / "reflections/2026-11-23.md").string());
  ScaffoldResult missing = new_reflection(dir.string(), "piano", kDay);
  CHECK_FALSE(missing.ok);
  CHECK(missing.error == "there is no experience 'piano' in this portfolio");
}

TEST_CASE("find_portfolio_root walks up from a subfolder") {
  fs::path dir = fresh_dir("root");
  std::ofstream(dir / "portfolio.yaml") << "name: X\n";
  fs::create_directories(dir / "experiences/a");
  CHECK(find_portfolio_root((dir / "experiences/a").string()) == dir.string());
  CHECK(find_portfolio_root(fs::temp_directory_path().string()).empty());
}

#include <yaml-cpp/yaml.h>

TEST_CASE("every archetype is valid YAML once filled, in every language") {
  for (const char* lang : {"kk", "ru", "en"}) {
    fs::path dir = fresh_dir(std::string("yaml-") + lang);
    REQUIRE(new_portfolio(dir.string(), "Name: with \"quotes\"", *parse_language(lang), kDay).ok);
    fs::path portfolio = dir / "name-with-quotes";
    YAML::Node profile = YAML::LoadFile((portfolio / "portfolio.yaml").string());
    CHECK(profile["name"].as<std::string>() == "Name: with \"quotes\"");
    CHECK(profile["language"].as<std::string>() == lang);
    for (bool project : {false, true}) {
      fs::remove_all(portfolio / "experiences");
      ScaffoldResult r = new_experience(portfolio.string(), "A: title", project, kDay);
      REQUIRE(r.ok);
      std::string text = slurp(r.path);
      size_t close = text.find("\n---\n", 4);
      REQUIRE(close != std::string::npos);
      YAML::Node fm = YAML::Load(text.substr(4, close - 4));
      CHECK(fm["title"].as<std::string>() == "A: title");
      CHECK(fm["start"].as<std::string>() == "2026-11-23");
      CHECK(fm["project"].IsDefined() == project);
      if (project) CHECK(fm["stages"].size() == 5);
    }
    ScaffoldResult r = new_reflection(portfolio.string(), "", kDay);
    REQUIRE(r.ok);
    std::string text = slurp(r.path);
    YAML::Node fm = YAML::Load(text.substr(4, text.find("\n---\n", 4) - 4));
    CHECK(fm["date"].as<std::string>() == "2026-11-23");
  }
}

TEST_CASE("find_experience takes the folder name or the title, exactly, ignoring case, or as its slug") {
  std::vector<ExperienceChoice> experiences = {
      {"chess", "Шахматный клуб"}, {"shakhmatnyi-klub", "Chess club"}, {"guitar", "Уроки гитары"}, {"untitled", ""}};
  CHECK(find_experience(experiences, "guitar") == "guitar");
  CHECK(find_experience(experiences, "Шахматный клуб") == "chess");
  CHECK(find_experience(experiences, "  уроки ГИТАРЫ ") == "guitar");
  // A folder's own name wins over another experience's slugged title.
  CHECK(find_experience(experiences, "shakhmatnyi-klub") == "shakhmatnyi-klub");
  CHECK(find_experience(experiences, "Uroki Gitary") == "guitar");
  CHECK(find_experience(experiences, "piano").empty());
  CHECK(find_experience(experiences, "").empty());
}

TEST_CASE("experiences_of lists the folders with an index.md and their titles") {
  fs::path dir = fresh_dir("experiences-of");
  std::ofstream(dir / "portfolio.yaml") << "name: X\n";
  REQUIRE(new_experience(dir.string(), "Уроки гитары", false, kDay).ok);
  fs::create_directories(dir / "experiences/empty");
  fs::create_directories(dir / "experiences/_draft");
  std::ofstream(dir / "experiences/_draft/index.md") << "---\ntitle: Hidden\n---\n";
  std::ofstream(dir / "experiences/broken.md") << "not a folder\n";
  fs::create_directories(dir / "experiences/no-front-matter");
  std::ofstream(dir / "experiences/no-front-matter/index.md") << "Just text.\n";
  auto found = experiences_of(dir.string());
  REQUIRE(found.size() == 2);
  CHECK(found[0].folder == "no-front-matter");
  CHECK(found[0].title.empty());
  CHECK(found[1].folder == "uroki-gitary");
  CHECK(found[1].title == "Уроки гитары");
}

TEST_CASE("portfolios_below: a cohort's portfolios at any depth, from the cohort or the folder holding it") {
  fs::path dir = fresh_dir("below");
  fs::create_directories(dir / "content/students/11b/bob");
  fs::create_directories(dir / "content/students/ana");
  fs::create_directories(dir / "content/staff/ana");
  std::ofstream(dir / "content/cohort.yaml") << "language: kk\n";
  std::ofstream(dir / "content/students/ana/portfolio.yaml") << "name: Ana\n";
  std::ofstream(dir / "content/students/11b/bob/portfolio.yaml") << "name: Bob\n";
  // A fixture deeper down is not part of the cohort and is not offered.
  fs::create_directories(dir / "tests/fixtures/valid/students/x");
  std::ofstream(dir / "tests/fixtures/valid/students/x/portfolio.yaml") << "name: X\n";

  PortfoliosBelow from_root = portfolios_below(dir.string());
  CHECK(from_root.language == Language::kk);
  CHECK(from_root.folders == std::vector<std::string>{(dir / "content/students/11b/bob").string(),
                                                      (dir / "content/students/ana").string()});
  PortfoliosBelow from_cohort = portfolios_below((dir / "content/").string());
  CHECK(from_cohort.folders == from_root.folders);
  // A students folder without cohort.yaml: the portfolios up to three folders down, in the cohort's language above.
  PortfoliosBelow from_students = portfolios_below((dir / "content/students").string());
  CHECK(from_students.language == Language::kk);
  CHECK(from_students.folders.size() == 2);
  CHECK(portfolios_below((dir / "content/staff").string()).folders.empty());
}
