// cohort.yaml `calendar:` names in one language or several (docs/format.md):
// a plain text, a {kk, ru, en} map, an unknown language key an error at its
// line; pages and messages pick the reader's language, then the cohort's.
#include <catch2/catch.hpp>

#include "load/loader.h"
#include "load_test_support.h"
#include "support/test_support.h"

using namespace casfolio;
using casfolio::testing::format_findings;

namespace {

Cohort load_calendar(const std::string& calendar) {
  static casfolio::testing::TempDir tmp;
  casfolio::testing::write_file(tmp.path() / "cohort.yaml", "school: S\nlanguage: ru\ncalendar:\n" + calendar);
  LoadOptions o;
  o.cohort_file = (tmp.path() / "cohort.yaml").string();
  return load_directory(std::string(CASFOLIO_SOURCE_DIR) + "/tests/fixtures/valid-minimal/students/ana-example", o);
}

}  // namespace

TEST_CASE("calendar names: a text, or a map of languages") {
  Cohort c = load_calendar(
      "  - { date: 2026-10-30, kind: interview, name: Interview 1 }\n"
      "  - date: 2026-11-30\n"
      "    kind: reflection\n"
      "    name: { kk: Бірінші рефлексия, ru: Первая рефлексия, en: First reflection }\n"
      "  - { date: 2026-12-30, kind: event, name: { kk: Көрме } }\n");
  CHECK(format_findings(c.config_findings) == "");
  REQUIRE(c.config.calendar.size() == 3);
  const LocalizedText& plain = c.config.calendar[0].name;
  CHECK(plain.get(Language::kk, Language::ru) == "Interview 1");
  const LocalizedText& all = c.config.calendar[1].name;
  CHECK(all.get(Language::kk, Language::ru) == "Бірінші рефлексия");
  CHECK(all.get(Language::ru, Language::ru) == "Первая рефлексия");
  CHECK(all.get(Language::en, Language::ru) == "First reflection");
  const LocalizedText& one = c.config.calendar[2].name;
  CHECK(one.get(Language::en, Language::ru) == "Көрме");  // the only one given
}

TEST_CASE("calendar names: the page's language, then the cohort's, then any") {
  LocalizedText t{"", "Интервью", "Interview"};
  CHECK(t.get(Language::kk, Language::ru) == "Интервью");
  CHECK(t.get(Language::kk, Language::en) == "Interview");
  CHECK(t.get(Language::en, Language::ru) == "Interview");
}

TEST_CASE("calendar names: a key that is not a language is an error at its line") {
  Cohort c = load_calendar(
      "  - date: 2026-11-30\n"
      "    kind: reflection\n"
      "    name: { kz: Рефлексия, ru: Рефлексия }\n");
  CHECK(format_findings(c.config_findings).find(":6:13: error: unknown-language\n") != std::string::npos);
  REQUIRE(c.config.calendar.size() == 1);
  CHECK(c.config.calendar[0].name.get(Language::kk, Language::ru) == "Рефлексия");
}

TEST_CASE("calendar names: a status reason names the deadline in the reader's language") {
  LocalizedText name{"Бірінші сұхбат", "", "First interview"};
  Args args = localized_args("name", name, Language::kk);
  args.push_back({"date", "2026-11-30"});
  CHECK(catalog_text("_unmet-interview", Language::kk, args) == "мерзімі 2026-11-30 сұхбат әлі өткізілмеген: Бірінші сұхбат");
  CHECK(catalog_text("_unmet-interview", Language::en, args) == "interview due 2026-11-30 not held yet: First interview");
  // No Russian name: the cohort's language (kk here).
  CHECK(catalog_text("_unmet-interview", Language::ru, args) ==
        "собеседование со сроком 2026-11-30 ещё не проведено: Бірінші сұхбат");
}
