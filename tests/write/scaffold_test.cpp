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
