#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <set>

#include "check/codes.h"
#include "check/rules.h"
#include "diagnostics/diagnostics.h"
#include "model_builder.h"
#include "util/embedded.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

YAML::Node check_catalog() {
  auto text = embedded::find("i18n/messages/check.yaml");
  REQUIRE(text);
  return YAML::Load(std::string(*text));
}

}  // namespace

TEST_CASE("every code in check.yaml has a severity, and a message and a hint in kk, ru and en") {
  YAML::Node root = check_catalog();
  int codes = 0;
  for (const auto& item : root) {
    std::string code = item.first.as<std::string>();
    INFO(code);
    std::string severity = item.second["severity"].as<std::string>("");
    if (code.starts_with("_")) {  // words used inside sentences: a message in each language
      CHECK(code.starts_with("_check-"));
      for (const char* lang : {"kk", "ru", "en"}) CHECK_FALSE(item.second["message"][lang].as<std::string>("").empty());
      continue;
    }
    ++codes;
    CHECK((severity == "warning" || severity == "info"));
    for (const char* part : {"message", "hint"})
      for (const char* lang : {"kk", "ru", "en"}) {
        INFO(part << " " << lang);
        CHECK_FALSE(item.second[part][lang].as<std::string>("").empty());
      }
  }
  CHECK(codes == int(codes::kAll.size() + codes::kViewOnly.size()));
}

TEST_CASE("every code the checks can emit is in the catalog, and only those are in check.yaml") {
  std::set<std::string> in_file;
  for (const auto& item : check_catalog()) {
    std::string code = item.first.as<std::string>();
    if (!code.starts_with("_")) in_file.insert(code);
  }
  std::set<std::string> emitted;
  for (std::string_view code : codes::kAll) {
    INFO(code);
    CHECK(is_known_code(code));
    CHECK(severity_of(code) != Severity::error);
    emitted.insert(std::string(code));
  }
  for (std::string_view code : codes::kViewOnly) emitted.insert(std::string(code));  // check/shown_findings.h
  CHECK(in_file == emitted);
}

namespace {

// Breaks every rule at once (as of 2026-12-30; span-too-short needs a later day).
Portfolio broken() {
  Portfolio p;
  p.experiences.push_back(experience("a", {Strand::creativity}, "2026-11-20", nullptr, {"1"}));
  p.experiences[0].paid = true;
  p.experiences.push_back(experience("b", {Strand::creativity}, "2026-11-20", nullptr, {"1"}));
  p.experiences.push_back(experience("c", {Strand::activity}, "2026-10-20", "2026-11-25", {"1", "2", "3", "4", "5"}));
  p.experiences.push_back(experience("p", {Strand::creativity}, "2026-10-25", "2026-11-01", {"5"}));
  p.experiences[3].project = true;
  p.reflections.push_back(reflection("experiences/p/early.md", "2026-10-20", 3, {"1"}));
  p.reflections.push_back(reflection("reflections/2026-11-02.md", "2026-11-02", -1, {}));
  p.reflections.back().body.text = "What did I do? What did I learn about myself? What was hard?\n";
  p.reflections.push_back(reflection("reflections/2026-11-15.md", "2026-11-15", -1, {}));
  // Hand-in times: early.md first seen weeks after its typed date
  // (reflection-backdated); 2026-11-15.md not seen (reflection-not-collected).
  FileHistory seen;
  seen.first_seen = seen.last_changed = *Timestamp::parse("2026-11-10T08:00:00Z");
  seen.versions = 1;
  p.staff.history = StudentHistory{{"experiences/p/early.md", seen}};
  p.profile.keys.keys["advisor"] = {3, 1};  // `advisor: ""` (profile-field-empty)
  p.unread = {"experiences/x/index.md"};    // the note a finding gets from an unread file
  link(p);
  return p;
}

CohortConfig strict() {
  CohortConfig c = cohort();
  c.requirements.max_outcomes_per_experience = 4;
  c.requirements.project.min = 2;
  c.requirements.min_experiences = {1, 2, 1};
  Deadline r;
  r.date = d("2026-09-30");
  r.kind = "reflection";
  Deadline i;
  i.date = d("2026-10-30");
  i.kind = "interview";
  i.interview = "first";
  c.calendar = {r, i};
  return c;
}

}  // namespace

TEST_CASE("every finding renders completely in every language") {
  std::vector<Finding> all = check_portfolio(broken(), strict(), d("2026-12-30"));
  for (const Finding& f : check_portfolio(broken(), strict(), d("2028-05-01"))) all.push_back(f);

  std::set<std::string> seen;
  for (const Finding& f : all) {
    seen.insert(f.code);
    CHECK(f.severity == severity_of(f.code));
    for (Language l : kAllLanguages) {
      MessageText t = render_message(f, l);
      INFO(f.code << " " << code(l) << ": " << t.message << " / " << t.hint);
      CHECK(t.message.find('{') == std::string::npos);
      CHECK(t.hint.find('{') == std::string::npos);
      CHECK(t.message != f.code);
    }
  }
  std::set<std::string> all_codes(codes::kAll.begin(), codes::kAll.end());
  CHECK(seen == all_codes);
}
