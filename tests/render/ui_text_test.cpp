#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "render/template_set.h"
#include "render/ui_text.h"
#include "util/embedded.h"

using namespace casfolio;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every UI key the templates and the renderer's code name.
std::set<std::string> used_keys() {
  std::set<std::string> keys;
  namespace fs = std::filesystem;
  std::regex in_template(R"(\{\{[#^/]?t\.([a-z0-9_]+)\}\})");
  std::regex in_code(R"re(ui\.(?:s|format|has)\("([a-z0-9_]+)"[,)])re");
  TemplateSet set("default", "");
  for (const auto& [name, text] : set.sources())
    for (std::sregex_iterator it(text.begin(), text.end(), in_template), end; it != end; ++it) keys.insert((*it)[1]);
  for (const auto& entry : fs::directory_iterator(fs::path(CASFOLIO_SOURCE_DIR) / "generator/render")) {
    std::string text = slurp(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), in_code), end; it != end; ++it) keys.insert((*it)[1]);
  }
  return keys;
}

}  // namespace

TEST_CASE("the three UI tables parse cleanly and have the same keys") {
  std::set<std::string> first;
  for (Language l : kAllLanguages) {
    std::vector<std::string> errors;
    auto text = embedded::find("i18n/ui/" + std::string(code(l)) + ".yaml");
    REQUIRE(text);
    UiText t = UiText::parse(*text, l, errors);
    INFO(code(l));
    CHECK(errors.empty());
    std::set<std::string> keys;
    for (const auto& [k, v] : t.strings()) {
      keys.insert(k);
      INFO(k);
      CHECK_FALSE(v.empty());
    }
    if (l == Language::kk) first = keys;
    else CHECK(keys == first);
  }
}

TEST_CASE("every UI key used by a template or the renderer exists in every language") {
  std::set<std::string> keys = used_keys();
  CHECK(keys.size() > 150);
  for (Language l : kAllLanguages)
    for (const std::string& k : keys) {
      INFO(code(l) << ": " << k);
      CHECK(UiText::get(l).has(k));
    }
  // Keys built from a prefix and a value: every value the model can hold.
  std::vector<std::string> built;
  for (std::string s : {"creativity", "activity", "service"}) built.push_back("strand_" + s);
  for (std::string s : {"investigation", "preparation", "action", "reflection", "demonstration"}) built.push_back("stage_" + s);
  for (std::string s : {"complete", "on_track", "of_concern"}) built.push_back("status_" + s);
  for (std::string s : {"met", "missed", "upcoming", "unknown", "event"}) built.push_back("deadline_" + s);
  for (std::string s : {"error", "warning", "info"}) built.push_back("severity_" + s);
  for (std::string s : {"started", "finished", "review", "reflection", "interview"}) built.push_back("event_" + s);
  for (std::string s : {"high", "satisfactory", "initial"}) built.push_back("gpa_level_" + s);
  for (std::string s : {"cumulative", "levels", "mixed"}) built.push_back("gpa_model_" + s);
  for (std::string s : {"floor", "nearest", "none"}) built.push_back("gpa_rounding_" + s);
  for (std::string s : {"volunteer_hours", "volunteer_hours_total", "event_organised", "committee", "competition", "prize",
                        "course_certificate"})
    built.push_back("gpa_kind_" + s);
  for (std::string s : {"school", "network", "regional", "republican", "international"}) built.push_back("level_" + s);
  for (std::string s : {"first", "mid", "final"}) built.push_back("interview_" + s);
  for (std::string s : {"deadline", "experience_without_reflection"}) built.push_back("overdue_" + s);
  for (std::string s : {"overview", "outcomes", "timeline", "interviews", "social_gpa"}) built.push_back("nav_" + s);
  for (std::string s : {"image", "pdf", "audio", "video", "file"}) built.push_back("evidence_" + s);
  for (std::string s : {"class", "grade", "advisor", "started", "language", "candidate", "email", "interests", "strengths",
                        "growth", "goals"})
    built.push_back("profile_" + s);
  for (std::string s : {"experiences", "reflections", "outcomes", "hours_confirmed", "span", "longest_gap", "projects"})
    built.push_back("stat_" + s);
  for (std::string s : {"reflection", "interview", "event"}) built.push_back("deadline_kind_" + s);
  for (Language l : kAllLanguages)
    for (const std::string& k : built) {
      INFO(code(l) << ": " << k);
      CHECK(UiText::get(l).has(k));
    }
}

TEST_CASE("dates and numbers are written the way each language writes them") {
  Date d = Date::from_ymd(2026, 9, 20);
  CHECK(UiText::get(Language::en).date(d) == "20 September 2026");
  CHECK(UiText::get(Language::ru).date(d) == "20 сентября 2026 г.");
  CHECK(UiText::get(Language::kk).date(d) == "2026 жылғы 20 қыркүйек");
  CHECK(UiText::get(Language::en).date_short(d) == "20 Sep 2026");
  CHECK(UiText::get(Language::ru).date_short(Date::from_ymd(2027, 3, 5)) == "05.03.2027");
  CHECK(UiText::get(Language::kk).month_year(2027, 2) == "2027 жылғы ақпан");
  CHECK(UiText::get(Language::ru).month_year(2027, 2) == "Февраль 2027");
  CHECK(UiText::get(Language::en).date(Date()) == "");
  CHECK(UiText::get(Language::en).number(12.5) == "12.5");
  CHECK(UiText::get(Language::ru).number(12.5) == "12,5");
  CHECK(UiText::get(Language::kk).number(3.333, 2) == "3,33");
  CHECK(UiText::get(Language::en).number(40) == "40");
  CHECK(UiText::get(Language::en).number(2.50, 2) == "2.5");
  CHECK(UiText::get(Language::en).s("no-such-key") == "[no-such-key]");
  CHECK(UiText::get(Language::en).format("days_value", {{"n", "31"}}) == "31 days");
}

TEST_CASE("a broken UI table says what is wrong") {
  std::vector<std::string> errors;
  UiText::parse("months: [a, b]\nx: [1]\ny: {z: 1}\n", Language::en, errors);
  CHECK(errors == std::vector<std::string>{"'months' must name 12 months", "'x' is a list; only the month lists may be",
                                           "'y' must be a string"});
  errors.clear();
  UiText::parse("- not a map\n", Language::en, errors);
  CHECK(errors == std::vector<std::string>{"the table is not a map of keys to strings"});
}

TEST_CASE("templates print user data escaped: only code-made *_html values are unescaped") {
  std::regex triple(R"(\{\{\{\s*([^}\s]+)\s*\}\}\})");
  std::regex ampersand(R"(\{\{&)");
  int unescaped = 0;
  TemplateSet set("default", "");
  for (const auto& [name, text] : set.sources()) {
    INFO(name);
    CHECK_FALSE(std::regex_search(text, ampersand));
    for (std::sregex_iterator it(text.begin(), text.end(), triple), end; it != end; ++it) {
      std::string key = (*it)[1];
      INFO(key);
      CHECK((key.size() > 5 && key.compare(key.size() - 5, 5, "_html") == 0));
      CHECK(key != "html");
      ++unescaped;
    }
  }
  CHECK(unescaped > 5);
}

TEST_CASE("every built-in template parses") {
  TemplateSet set("default", "");
  View empty;
  for (const auto& [name, text] : set.sources()) {
    if (name.starts_with("partials/")) continue;
    std::string error;
    set.render(name, {&empty}, error);
    INFO(name);
    CHECK(error == "");
  }
  CHECK(set.assets().count("style.css") == 1);
  CHECK(set.assets().count("search.js") == 1);
}
