// A profile key given but left empty (issue 15): `casfolio new portfolio`
// writes `advisor: ""` and `class: ""`, and a portfolio left so is told,
// not silently on-track.
#include <catch2/catch.hpp>

#include <algorithm>

#include "check/codes.h"
#include "check/rules.h"
#include "indicators/analysis.h"
#include "load/loader.h"
#include "model_builder.h"
#include "support/test_support.h"
#include "write/scaffold.h"

using namespace casfolio;
using namespace casfolio::test;

TEST_CASE("an empty advisor or class is a warning at its key; one left out is not") {
  Portfolio p = good_portfolio();
  p.profile.keys.file = "portfolio.yaml";
  p.profile.keys.keys["class"] = {4, 1};
  p.profile.keys.keys["advisor"] = {5, 1};
  p.profile.advisor = " ";
  CHECK(describe(only(check_portfolio(p, cohort(), d(kAsOf)), {codes::kProfileFieldEmpty})) ==
        "warning profile-field-empty portfolio.yaml:4:1+5 key=class field_kk=сынып (class) field_ru=класс (class) "
        "field_en=your class\n"
        "warning profile-field-empty portfolio.yaml:5:1+7 key=advisor field_kk=CAS жетекшісінің аты (advisor) "
        "field_ru=руководитель CAS (advisor) field_en=your CAS adviser's name\n");
  p.profile.advisor = "Marat Iskakov";
  p.profile.class_name = "11A";
  CHECK(only(check_portfolio(p, cohort(), d(kAsOf)), {codes::kProfileFieldEmpty}).empty());
  p.profile.keys.keys.clear();
  p.profile.advisor.clear();
  CHECK(only(check_portfolio(p, cohort(), d(kAsOf)), {codes::kProfileFieldEmpty}).empty());
}

TEST_CASE("a new portfolio as casfolio new wrote it hears about its empty advisor and class, in its language") {
  for (Language lang : {Language::en, Language::kk}) {
    INFO(code(lang));
    TempDir tmp;
    REQUIRE(new_portfolio(tmp.str(), "Ana Test", lang, d("2026-09-10")).ok);
    Cohort cohort = load_directory((tmp.path() / "ana-test").string(), LoadOptions{});
    REQUIRE(cohort.portfolios.size() == 1);
    CohortAnalysis a = analyse(cohort, d("2026-09-10"));
    auto empty = only(a.students[0].findings, {codes::kProfileFieldEmpty});
    REQUIRE(empty.size() == 2);
    // At the keys' lines in the file casfolio new wrote.
    std::string written = read_file(tmp.path() / "ana-test/portfolio.yaml");
    auto line_of = [&](std::string_view key) {
      size_t at = written.find("\n" + std::string(key) + ": \"\"");
      return at == std::string::npos ? -1 : int(std::count(written.begin(), written.begin() + long(at) + 1, '\n')) + 1;
    };
    CHECK(empty[0].where.file == "portfolio.yaml");
    CHECK(empty[0].where.line == line_of("class"));
    CHECK(empty[1].where.line == line_of("advisor"));
    CHECK(line_of("advisor") == line_of("class") + 1);
    CHECK(render_message(empty[0], lang).message ==
          (lang == Language::en ? "`class` is empty: your class is not filled in" : "`class` бос: сынып (class) көрсетілмеген"));
    CHECK(render_message(empty[1], lang).message ==
          (lang == Language::en ? "`advisor` is empty: your CAS adviser's name is not filled in"
                                : "`advisor` бос: CAS жетекшісінің аты (advisor) көрсетілмеген"));
    CHECK(empty[0].severity == Severity::warning);
  }
}
