// i18n/messages/load.yaml: every code the loader reports is there, with a
// message and a hint in kk, ru and en that use the same placeholders.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <regex>
#include <set>

#include "diagnostics/diagnostics.h"
#include "load_test_support.h"
#include "util/embedded.h"

using namespace casfolio;
namespace fs = std::filesystem;

namespace {

YAML::Node load_catalog() {
  auto text = embedded::find("i18n/messages/load.yaml");
  REQUIRE(text);
  return YAML::Load(std::string(*text));
}

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  static const std::regex re("\\{([a-z_]+)[},]");  // "{name}" or "{name, plural, …}"
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

// Codes passed to report(...) or to the loader's own reporting helpers in generator/load/.
std::set<std::string> codes_in_sources() {
  std::set<std::string> codes;
  static const std::regex re("(report|wrong)\\(\\s*\"([a-z0-9-]+)\"");
  for (const auto& e : fs::directory_iterator(fs::path(CASFOLIO_SOURCE_DIR) / "generator/load")) {
    std::string name = e.path().filename().string();
    // The staff folder's codes are in staff.yaml (tests/load/staff_reader_test.cpp),
    // the ledger's in ledger.yaml (tests/load/ledger_reader_test.cpp).
    if (e.path().extension() != ".cpp" || name.starts_with("framework_file") || name.starts_with("staff_") ||
        name.starts_with("ledger_"))
      continue;
    std::string text = casfolio::testing::read_file(e.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
      codes.insert((*it)[2]);
  }
  codes.insert("duplicate-id");  // built as a Finding in loader.cpp
  return codes;
}

}  // namespace

TEST_CASE("load.yaml: every code has a severity, and a message and a hint in kk, ru and en") {
  YAML::Node catalog = load_catalog();
  REQUIRE(catalog.IsMap());
  size_t n = 0;
  for (const auto& entry : catalog) {
    std::string code = entry.first.as<std::string>();
    INFO(code);
    ++n;
    std::string severity = entry.second["severity"].as<std::string>("");
    CHECK((severity == "error" || severity == "warning" || severity == "info"));
    std::set<std::string> expected;
    for (const char* part : {"message", "hint"}) {
      std::set<std::string> used;
      for (const char* lang : {"en", "ru", "kk"}) {
        INFO(part << " " << lang);
        std::string text = entry.second[part][lang].as<std::string>("");
        CHECK_FALSE(text.empty());
        std::set<std::string> p = placeholders(text);
        if (std::string(lang) == "en") used = p;
        else CHECK(p == used);  // every language says the same things
      }
    }
  }
  CHECK(n == 80);  // + 7 repository codes (repository_list.cpp)
}

TEST_CASE("load.yaml: every code the loader reports is in the catalog, and nothing else is") {
  YAML::Node catalog = load_catalog();
  std::set<std::string> in_catalog;
  for (const auto& entry : catalog) in_catalog.insert(entry.first.as<std::string>());
  std::set<std::string> used = codes_in_sources();
  for (const std::string& code : used) {
    INFO(code);
    CHECK(in_catalog.count(code));
    CHECK(is_known_code(code));
  }
  for (const std::string& code : in_catalog) {
    INFO(code);
    CHECK(used.count(code));
  }
}

TEST_CASE("load.yaml: severities as documented") {
  CHECK(severity_of("unknown-key") == Severity::warning);
  CHECK(severity_of("misspelled-key") == Severity::warning);
  CHECK(severity_of("stray-markdown") == Severity::warning);
  CHECK(severity_of("no-portfolios") == Severity::warning);
  CHECK(severity_of("unknown-private-entry") == Severity::error);  // privacy fails closed
  CHECK(severity_of("private-not-a-list") == Severity::error);
  CHECK(severity_of("private-not-a-boolean") == Severity::error);
  CHECK(severity_of("markdown-too-complex") == Severity::warning);
  CHECK(severity_of("unknown-strand") == Severity::error);
  CHECK(severity_of("path-outside-portfolio") == Severity::error);
}

TEST_CASE("load.yaml: a finding reads as a sentence in each language") {
  Finding f;
  f.code = "misspelled-strand";
  f.args = {{"strand", "servce"}, {"suggestion", "service"}};
  CHECK(render_message(f, Language::en).message == "`servce` is not a CAS strand");
  CHECK(render_message(f, Language::en).hint == "Did you mean `service`?");
  CHECK(render_message(f, Language::ru).message == "`servce` — это не направление CAS");
  CHECK(render_message(f, Language::kk).hint == "Мүмкін, `service` деп жазғыңыз келген шығар?");
}
