// The reasons beside the status badge (render/status_view.h): the student's
// home says why, in the page's language, from the catalog (completion.yaml,
// `_unmet-*`), and so does the cohort table; --public pages say nothing.
#include <catch2/catch.hpp>

#include "fixture.h"
#include "render/site.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

// As of 2027-05-20 Ana's last entry (2027-04-22) is 28 days old, within
// max_gap_days 31: on track.
constexpr const char* kAsOf = "2027-05-20";

// The same with a mid interview due 2027-02-15 that nobody has held: Ana is
// of concern for it alone (docs/indicators.md, "Status", 1.4).
std::unique_ptr<Fixture> missed_interview_fixture(const std::string& name = "CAS interview 2") {
  auto f = make_fixture(kAsOf);
  f->cohort.config.calendar.insert(f->cohort.config.calendar.begin() + 2,
                                   Deadline{day("2027-02-15"), {}, "interview", {"", "", name}, "mid", 4});
  f->analysis = analyse(f->cohort, day(kAsOf));
  return f;
}

std::map<std::string, std::string> build(const Fixture& f, Audience audience) {
  SiteOptions o;
  o.audience = audience;
  o.source_root = f.dir;
  std::vector<Finding> findings;
  o.findings = &findings;
  std::map<std::string, std::string> pages;
  for (const OutputFile& file : render_site(f.cohort, f.analysis, o))
    pages[file.path] = file.source_path.empty() ? file.data : read_file(file.source_path);
  return pages;
}

bool contains(const std::string& page, const std::string& fragment) { return page.find(fragment) != std::string::npos; }

}  // namespace

TEST_CASE("the student home says why a student is of concern, in the page's language", "[status-reasons]") {
  auto f = missed_interview_fixture();
  REQUIRE(f->analysis.students[0].indicators.status == Status::of_concern);
  auto pages = build(*f, Audience::staff);
  CHECK(contains(pages["en/students/ana/index.html"],
                 "<p class=\"status-reasons small\">Of concern because: interview due 2027-02-15 not held yet: CAS "
                 "interview 2</p>"));
  CHECK(contains(pages["ru/students/ana/index.html"],
                 "<p class=\"status-reasons small\">Требует внимания, потому что: собеседование со сроком 2027-02-15 "
                 "ещё не проведено: CAS interview 2</p>"));
}

TEST_CASE("the cohort table shows an of-concern student's reasons under the badge", "[status-reasons]") {
  auto f = missed_interview_fixture();
  auto pages = build(*f, Audience::staff);
  CHECK(contains(pages["en/index.html"],
                 "<span class=\"badge status-of-concern\" title=\"Of concern because: interview due 2027-02-15 not "
                 "held yet: CAS interview 2\">Of concern</span><br><span class=\"status-reasons small\">interview due "
                 "2027-02-15 not held yet: CAS interview 2</span>"));
}

TEST_CASE("an on-track student's home lists what is still to do", "[status-reasons]") {
  auto f = make_fixture(kAsOf);
  const StudentIndicators& ana = f->analysis.students[0].indicators;
  REQUIRE(ana.status == Status::on_track);
  auto pages = build(*f, Audience::staff);
  const std::string& home = pages["en/students/ana/index.html"];
  const std::string reasons =
      "warnings in the portfolio: 6; learning outcomes without evidence: 3; months of CAS: 7 of 18";
  CHECK(contains(home, "<p class=\"status-reasons small\">Still to do: " + reasons + "</p>"));
  // On track: the cohort table keeps the reasons in the badge's title, without a line.
  CHECK(contains(pages["en/index.html"],
                 "<span class=\"badge status-on-track\" title=\"Still to do: " + reasons + "\">On track</span></td>"));
}

TEST_CASE("reason texts are escaped, and --public pages carry none", "[status-reasons]") {
  auto f = missed_interview_fixture("<b>Mid</b> & \"2\"");
  auto pages = build(*f, Audience::staff);
  CHECK(contains(pages["en/students/ana/index.html"], "not held yet: &lt;b&gt;Mid&lt;/b&gt; &amp; &quot;2&quot;</p>"));
  auto public_pages = build(*f, Audience::anyone);
  for (const auto& [path, page] : public_pages) {
    INFO(path);
    CHECK_FALSE(contains(page, "status-reasons"));
    CHECK_FALSE(contains(page, "not held yet"));
  }
}
