// Values that used to pass and do harm later (issue 17, item 14): numbers
// that print as "inf", a NUL byte that cuts a YAML value short, and
// `private: [plan]`, which the docs allow.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <string>

#include "diagnostics/diagnostics.h"
#include "load/file_source.h"
#include "load/loader.h"
#include "load_test_support.h"
#include "render/charts.h"
#include "render/ui_text.h"

using namespace casfolio;
using casfolio::testing::format_findings;

namespace {

std::string experience(const std::string& hours) {
  return "---\ntitle: X\nstrands: [service]\nstart: 2026-10-01\noutcomes: [1]\nhours: " + hours + "\n---\n";
}

// The findings of a portfolio whose one experience says `hours: <hours>`,
// with their English messages.
std::string hours_findings(const std::string& hours) {
  MemoryFileSource m;
  m.add("portfolio.yaml", "name: A\n");
  m.add("experiences/x/index.md", experience(hours));
  Cohort c = load(m, {});
  std::string out;
  for (const Finding& f : c.portfolios.at(0).findings)
    out += testing::finding_line(f, "") + " " + render_message(f, Language::en).message + "\n";
  return out;
}

}  // namespace

TEST_CASE("hours must be a finite number from 0 to 10,000") {
  CHECK(hours_findings("1e308") ==
        "experiences/x/index.md:6:8: error: number-out-of-range `hours` must be between 0 and 10000\n");
  CHECK(hours_findings("10001") ==
        "experiences/x/index.md:6:8: error: number-out-of-range `hours` must be between 0 and 10000\n");
  CHECK(hours_findings("{service: 1e308}") ==
        "experiences/x/index.md:6:18: error: number-out-of-range `hours` must be between 0 and 10000\n");
  for (const char* bad : {"nan", "inf", "-inf", ".inf", "1e400"}) {
    INFO(bad);
    CHECK(hours_findings(bad) == "experiences/x/index.md:6:8: error: not-a-number `hours` should be a number\n");
  }
  CHECK(hours_findings("-1").starts_with("experiences/x/index.md:6:8: error: negative-number"));
  CHECK(hours_findings("10000") == "");
  CHECK(hours_findings("12.5") == "");
}

TEST_CASE("a review's hours and a cohort's amounts are bounded too") {
  MemoryFileSource m;
  m.add("cohort.yaml", "school: S\nsocial_gpa:\n  points:\n    olympiad: 1e300\n");
  m.add("a/portfolio.yaml", "name: A\n");
  m.add("a/experiences/x/index.md", experience("10"));
  m.add("a/experiences/x/review.md", "---\nby: Ms B\nhours: 1e308\n---\n");
  Cohort c = load(m, {});
  CHECK(format_findings(c) ==
        "cohort.yaml:4:15: error: number-out-of-range\n"
        "a/experiences/x/review.md:3:8: error: number-out-of-range\n");
}

TEST_CASE("the hours chart never prints a number that is not finite") {
  const UiText& ui = UiText::get(Language::en);
  double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  std::string svg = hours_chart("h", {inf, nan, 5}, {-inf, 1e308, 2}, ui);
  CHECK(svg.find("inf") == std::string::npos);
  CHECK(svg.find("nan") == std::string::npos);
  CHECK(svg.find("e+") == std::string::npos);
}

TEST_CASE("a NUL byte makes a file unreadable, at its line and column, instead of cutting a value short") {
  MemoryFileSource m;
  m.add("cohort.yaml", "school: S\n");
  m.add("a/portfolio.yaml", "name: Ana\n");
  m.add("a/experiences/x/index.md", "---\ntitle: Clean-up" + std::string(1, '\0') + "day\nstrands: [service]\n---\n");
  m.add("a/experiences/y/index.md", experience("3"));
  m.add("b/portfolio.yaml", std::string("name: Bek\nclass: 11A") + std::string(1, '\0') + "SECRET\n");
  Cohort c = load(m, {});
  REQUIRE(c.portfolios.size() == 2);
  CHECK(format_findings(c) ==
        "a/experiences/x/index.md:2:16: error: nul-byte\n"
        "b/portfolio.yaml:2:11: error: nul-byte\n");
  CHECK(c.portfolios[0].portfolio.experiences.size() == 1);  // y; x is not read
  CHECK_FALSE(c.portfolios[1].portfolio.usable);
  const Finding& f = c.portfolios[1].findings.back();
  CHECK(render_message(f, Language::en).message == "this file contains a NUL byte (a zero character), so it is not read");
}

TEST_CASE("private: [plan] is understood, as the docs say") {
  MemoryFileSource m;
  m.add("portfolio.yaml", "name: A\nprivate: [plan, name, growth]\n");
  m.add("plan.md", "My plan.\n");
  Cohort c = load(m, {});
  CHECK(format_findings(c) == "");
  CHECK(c.portfolios.at(0).portfolio.profile.private_understood);
  CHECK(c.portfolios.at(0).portfolio.publishable());
}

TEST_CASE("an invalid private: keeps the student off public sites, a valid one does not") {
  for (const char* bad : {"private: [Name]", "private: \"name, class\"", "private: name", "private: {name: true}",
                          "private: [[name]]", "private: [plan, nope]"}) {
    INFO(bad);
    MemoryFileSource m;
    m.add("portfolio.yaml", std::string("name: A\n") + bad + "\n");
    Cohort c = load(m, {});
    CHECK_FALSE(c.portfolios.at(0).portfolio.publishable());
    CHECK(c.portfolios.at(0).portfolio.usable);  // the staff site still has it
    CHECK(std::any_of(c.portfolios.at(0).findings.begin(), c.portfolios.at(0).findings.end(),
                      [](const Finding& f) { return f.severity == Severity::error; }));
  }
  for (const char* bad : {"private: on", "private: 1", "private: y", "private: [true]", "private: {a: b}"}) {
    INFO(bad);
    MemoryFileSource m;
    m.add("portfolio.yaml", "name: A\n");
    m.add("experiences/x/index.md",
          std::string("---\ntitle: X\nstrands: [service]\nstart: 2026-10-01\noutcomes: [1]\n") + bad + "\n---\n");
    Cohort c = load(m, {});
    REQUIRE(c.portfolios.at(0).portfolio.experiences.size() == 1);
    CHECK(c.portfolios.at(0).portfolio.experiences[0].is_private);
    CHECK(format_findings(c) == "experiences/x/index.md:6:10: error: private-not-a-boolean\n");
  }
  for (const char* good : {"private: false", "private: no", "private: False", ""}) {
    INFO(good);
    MemoryFileSource m;
    m.add("portfolio.yaml", "name: A\n");
    m.add("experiences/x/index.md",
          std::string("---\ntitle: X\nstrands: [service]\nstart: 2026-10-01\noutcomes: [1]\n") + good + "\n---\n");
    Cohort c = load(m, {});
    CHECK_FALSE(c.portfolios.at(0).portfolio.experiences.at(0).is_private);
    CHECK(format_findings(c) == "");
  }
}
