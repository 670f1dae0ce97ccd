// Progress over time drawn: the bars, the coverage line and the table, with
// exact coordinates and figures for a two-month cohort.
#include <catch2/catch.hpp>

#include "indicators/progress.h"
#include "render/charts.h"
#include "render/ui_text.h"

using namespace casfolio;

namespace {

CohortProgress two_months() {
  CohortProgress p;
  p.students = 2;
  p.outcomes = 5;  // 10 pairs
  p.months = {{2026, 12, 4, 3}, {2027, 1, 2, 10}};
  return p;
}

}  // namespace

TEST_CASE("progress over time: a bar per month scaled to the busiest, the coverage line in percent", "[progress]") {
  const UiText& en = UiText::get(Language::en);
  std::string svg = progress_chart("p", two_months(), en);
  // Plot 140 px high from y=16; the busiest month (4) is full height.
  CHECK(svg.find("<rect x=\"45\" y=\"16\" width=\"20\" height=\"140\" class=\"bar progress-bar\" rx=\"2\"/>") != std::string::npos);
  CHECK(svg.find("<rect x=\"75\" y=\"86\" width=\"20\" height=\"70\" class=\"bar progress-bar\" rx=\"2\"/>") != std::string::npos);
  // 3 of 10 pairs = 30 % (y = 156 - 42), then 100 % (y = 16).
  CHECK(svg.find("<polyline points=\"55,114 85,16\" class=\"coverage-line\"/>") != std::string::npos);
  // The year under the first month and under January.
  CHECK(svg.find(">2026</text>") != std::string::npos);
  CHECK(svg.find(">2027</text>") != std::string::npos);
  CHECK(svg.find("<title id=\"p-t\">") != std::string::npos);

  std::string table = progress_table(two_months(), en);
  CHECK(table.find("<tr><th scope=\"row\">December 2026</th><td class=\"num\">4</td><td class=\"num\">30%</td></tr>") !=
        std::string::npos);
  CHECK(table.find("<tr><th scope=\"row\">January 2027</th><td class=\"num\">2</td><td class=\"num\">100%</td></tr>") !=
        std::string::npos);
}

TEST_CASE("progress over time: nothing drawn without months or without students", "[progress]") {
  const UiText& ru = UiText::get(Language::ru);
  CohortProgress none;
  CHECK(progress_chart("p", none, ru).empty());
  CHECK(progress_table(none, ru).empty());
  CohortProgress nobody = two_months();
  nobody.students = 0;
  CHECK(progress_chart("p", nobody, ru).empty());
  CHECK(progress_table(nobody, ru).empty());
}
