// Templates count for nothing on the pages too (issue 15): a student's home
// counts experiences, reflections and projects without the entries still the
// template, and so does each experience's row.
#include <catch2/catch.hpp>

#include "check/model_builder.h"
#include "fixture.h"
#include "render/site.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

std::string page(const Fixture& f, const std::string& path) {
  SiteOptions o;
  o.source_root = f.dir;
  std::vector<Finding> findings;
  o.findings = &findings;
  for (const OutputFile& file : render_site(f.cohort, f.analysis, o))
    if (file.path == path) return file.data;
  return {};
}

std::string stat(const std::string& html, const std::string& label) {
  std::string tail = "</span><span class=\"stat-label\">" + label + "</span>";
  size_t at = html.find(tail);
  if (at == std::string::npos) return "?";
  size_t open = html.rfind('>', at);
  return html.substr(open + 1, at - open - 1);
}


}  // namespace

TEST_CASE("a student's home counts no entry that is still the template") {
  auto f = make_fixture();
  const std::string home = "en/students/ana/index.html";
  std::string before = page(*f, home);
  CHECK(stat(before, "Experiences") == "3");
  CHECK(stat(before, "Reflections") == "4");
  CHECK(stat(before, "CAS projects") == "1");

  Portfolio& ana = f->cohort.portfolios[0].portfolio;
  ana.reflections[3].body = {kTemplateBody, 6};  // the clean-up day
  ana.experiences[2].collaborators.push_back("");  // and the project itself
  f->analysis = analyse(f->cohort, day("2027-06-15"));
  REQUIRE(f->analysis.students[0].indicators.not_counted ==
          std::vector<std::string>{"experiences/cleanup/2027-04-21-cleanup-day.md", "experiences/cleanup/index.md"});
  std::string after = page(*f, home);
  CHECK(stat(after, "Experiences") == "2");
  CHECK(stat(after, "Reflections") == "3");
  CHECK(stat(after, "CAS projects") == "0");
}
