// The top of a student's home (render/next_steps.cpp): what an edit can fix
// first, then the deadlines that have passed, apart; the status badge leads
// there; staff feedback is counted on the entry it is about. None of it on
// --public pages.
#include <catch2/catch.hpp>

#include "fixture.h"
#include "render/site.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

constexpr const char* kAsOf = "2027-05-20";

// Ana with a mid interview due 2027-02-15 that nobody has held: one passed
// deadline (interview-deadline-missed). Feedback: one on her guitar
// reflection, one staff-only on the clean-up, one on the general reflection.
std::unique_ptr<Fixture> fixture() {
  auto f = make_fixture(kAsOf);
  f->cohort.config.calendar.insert(f->cohort.config.calendar.begin() + 2,
                                   Deadline{day("2027-02-15"), {}, "interview", {"", "", "CAS interview 2"}, "mid", 4});
  auto& feedback = f->cohort.portfolios[0].portfolio.staff.feedback;
  StaffFeedback on_chords{"Ms Adviser", "adviser", day("2026-09-25"), "experiences/guitar/2026-09-20-first-chords.md"};
  StaffFeedback on_cleanup{"Mr Coordinator", "coordinator", day("2027-04-25"), "experiences/cleanup"};
  on_cleanup.staff_only = true;
  StaffFeedback on_half_year{"Ms Adviser", "adviser", day("2026-12-05"), "reflections/2026-12-01.md"};
  feedback = {on_chords, on_cleanup, on_half_year};
  f->analysis = analyse(f->cohort, day(kAsOf));
  return f;
}

std::string home(const Fixture& f, Audience audience, const std::string& lang = "en") {
  SiteOptions o;
  o.audience = audience;
  o.source_root = f.dir;
  std::vector<Finding> findings;
  o.findings = &findings;
  for (const OutputFile& file : render_site(f.cohort, f.analysis, o))
    if (file.path == lang + "/students/ana/index.html") return file.data;
  return "";
}

size_t count(const std::string& page, const std::string& fragment) {
  size_t n = 0;
  for (size_t at = page.find(fragment); at != std::string::npos; at = page.find(fragment, at + 1)) ++n;
  return n;
}

// The part of `page` from `from` up to `to` (both found), else "".
std::string between(const std::string& page, const std::string& from, const std::string& to) {
  size_t a = page.find(from), b = page.find(to, a == std::string::npos ? 0 : a);
  return a == std::string::npos || b == std::string::npos ? "" : page.substr(a, b - a);
}

}  // namespace

TEST_CASE("a student's home starts with what to fix, and the passed deadlines apart", "[next-steps]") {
  auto f = fixture();
  std::string page = home(*f, Audience::staff);
  REQUIRE(!page.empty());
  // The badge leads to the list, which comes before the figures.
  CHECK(count(page, "<a class=\"badge status-of-concern\" href=\"#next\">Of concern</a>") == 1);
  size_t next = page.find("<section id=\"next\"");
  REQUIRE(next != std::string::npos);
  CHECK(next < page.find("id=\"figures-h\""));
  CHECK(count(page, "id=\"findings-h\"") == 1);

  std::string fix = between(page, "<section id=\"next\"", "<section class=\"past-deadlines\"");
  std::string past = between(page, "<section class=\"past-deadlines\"", "</section>");
  REQUIRE(!fix.empty());
  REQUIRE(!past.empty());
  CHECK(count(fix, "interview-deadline-missed") == 0);
  CHECK(count(past, "<li class=\"finding\">") == 1);
  CHECK(count(past, "<h3 id=\"past-h\" class=\"findings-heading\">Deadlines that have passed <span class=\"count\">1</span></h3>") == 1);
  CHECK(count(past, "CAS interview 2") == 1);
}

TEST_CASE("without a passed deadline there is no such list", "[next-steps]") {
  auto f = make_fixture(kAsOf);
  std::string page = home(*f, Audience::staff);
  CHECK(count(page, "<section id=\"next\"") == 1);
  CHECK(count(page, "past-deadlines") == 0);
}

TEST_CASE("staff feedback is counted beside the entry it is about, by audience", "[next-steps]") {
  auto f = fixture();
  std::string staff = home(*f, Audience::staff);
  // Guitar: the feedback on its reflection; clean-up: the staff-only note; the general reflection: its own.
  CHECK(count(staff, "<span class=\"feedback-note\">1 feedback note</span>") == 2);
  CHECK(count(staff, "<span class=\"feedback-note small\">1 feedback note</span>") == 1);
  std::string student = home(*f, Audience::student);
  CHECK(count(student, "<span class=\"feedback-note\">1 feedback note</span>") == 1);  // not the staff-only one
  CHECK(count(home(*f, Audience::staff, "ru"), "<span class=\"feedback-note\">1 отзыв</span>") == 2);
}

TEST_CASE("a --public home has no list of what to fix and no feedback", "[next-steps]") {
  auto f = fixture();
  std::string page = home(*f, Audience::anyone);
  REQUIRE(!page.empty());
  CHECK(count(page, "id=\"next\"") == 0);
  CHECK(count(page, "href=\"#next\"") == 0);
  CHECK(count(page, "feedback-note") == 0);
}
