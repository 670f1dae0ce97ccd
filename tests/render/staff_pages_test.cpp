// Staff records on the student's pages (render/staff_views.h): the status
// override beside the computed status, approvals, confirmations, feedback
// and interview records in the staff view; none of them on --public pages,
// and staff_only feedback only for staff.
#include <catch2/catch.hpp>

#include "fixture.h"
#include "render/site.h"
#include "render/staff_views.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

// Every value below appears in the staff build and in no byte of a --public one.
const std::vector<std::string> kStaffValues = {
    "STAFF-REASON-no-interview", "Coordinator Zhan",        "Adviser Marat",        "STAFF-SUP-Aigerim",
    "STAFF-ROLE-teacher",        "STAFF-CONFIRM-COMMENT",   "STAFF-FEEDBACK-HOME",  "STAFF-FEEDBACK-GUITAR",
    "STAFF-FEEDBACK-REFLECTION", "STAFF-FEEDBACK-INTERVIEW", "STAFF-ONLY-NOTE",     "STAFF-INTERVIEW-NOTES",
};

StaffFeedback feedback(const char* by, const char* role, const char* date, const char* on, const char* text,
                       bool staff_only = false) {
  StaffFeedback f;
  f.by = by;
  f.role = role;
  f.date = day(date);
  f.on = on;
  f.text = md(text);
  f.staff_only = staff_only;
  return f;
}

StaffApproval approval(std::string subject, ApprovalKind what, const char* by, const char* date, std::string path,
                       bool unchanged) {
  StaffApproval a;
  a.subject = std::move(subject);
  a.what = what;
  a.by = by;
  a.date = day(date);
  ApprovedFile f;
  f.path = std::move(path);
  f.sha256 = std::string(64, 'a');
  f.current_sha256 = unchanged ? f.sha256 : std::string(64, 'b');
  a.files = {f};
  return a;
}

// The fixture's cohort with a staff folder and a record of each kind for Ana.
std::unique_ptr<Fixture> staff_fixture(bool with_records = true) {
  auto f = make_fixture();
  f->cohort.config.staff_folder = "staff";
  StaffRecords& r = f->cohort.portfolios[0].portfolio.staff;
  if (with_records) {
    r.status_override = StatusOverride{"of-concern", "STAFF-REASON-no-interview", "Coordinator Zhan", day("2027-05-01"), {}};
    r.plan_approval = approval("plan", ApprovalKind::plan, "Adviser Marat", "2026-09-15", "plan.md", true);
    r.experience_approvals = {approval("cleanup", ApprovalKind::project, "Adviser Marat", "2027-01-20",
                                       "experiences/cleanup/index.md", false)};
    StaffConfirmation c;
    c.experience = "guitar";
    c.by = "STAFF-SUP-Aigerim";
    c.role = "STAFF-ROLE-teacher";
    c.date = day("2027-03-02");
    c.source = "email";
    c.hours = 18;
    c.outcomes = {{"1", ""}};
    c.completed = false;
    c.comment = "STAFF-CONFIRM-COMMENT";
    r.confirmations = {c};
    r.feedback = {
        feedback("Adviser Marat", "adviser", "2026-10-02", "portfolio", "STAFF-FEEDBACK-HOME **well**"),
        feedback("Adviser Marat", "", "2026-10-03", "experiences/guitar", "STAFF-FEEDBACK-GUITAR"),
        feedback("Adviser Marat", "", "2026-10-04", "experiences/guitar/2026-09-20-first-chords.md",
                 "STAFF-FEEDBACK-REFLECTION"),
        feedback("Coordinator Zhan", "coordinator", "2026-10-29", "interviews/2026-10-28-first.md",
                 "STAFF-FEEDBACK-INTERVIEW"),
        feedback("Coordinator Zhan", "", "2026-11-01", "portfolio", "STAFF-ONLY-NOTE", true),
    };
    StaffInterview iv;
    iv.file = "ana/interviews/2027-02-10-mid.md";
    iv.date = day("2027-02-10");
    iv.kind = "mid";
    iv.by = "Coordinator Zhan";
    iv.notes = md("STAFF-INTERVIEW-NOTES");
    r.interviews = {iv};
  }
  f->analysis = analyse(f->cohort, day("2027-06-15"));
  return f;
}

std::map<std::string, std::string> build(const Fixture& f, bool is_public,
                                         std::optional<std::string> only_student = std::nullopt) {
  SiteOptions o;
  // One student's pages are what their bundle holds: the student view.
  o.audience = is_public ? Audience::anyone : only_student ? Audience::student : Audience::staff;
  o.only_student = only_student;
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

TEST_CASE("visible_feedback: staff see every comment, the student all but staff_only, anyone none",
          "[staff-pages]") {
  std::vector<StaffFeedback> records = {feedback("A", "", "2026-10-01", "portfolio", "shown"),
                                        feedback("B", "", "2026-10-02", "portfolio", "staff note", true)};
  CHECK(visible_feedback(records, Audience::staff).size() == 2);
  auto student = visible_feedback(records, Audience::student);
  REQUIRE(student.size() == 1);
  CHECK(student[0]->by == "A");
  CHECK(visible_feedback(records, Audience::anyone).empty());
  std::vector<StaffInterview> interviews(2);
  interviews[1].staff_only = true;
  CHECK(visible_interviews(interviews, Audience::staff).size() == 2);
  CHECK(visible_interviews(interviews, Audience::student).size() == 1);
  CHECK(visible_interviews(interviews, Audience::anyone).empty());
  CHECK(SiteOptions{}.audience == Audience::staff);
  for (Audience a : {Audience::staff, Audience::student, Audience::anyone}) CHECK(parse_audience(name(a)) == a);
  CHECK(name(Audience::anyone) == "public");
  CHECK_FALSE(parse_audience("teachers"));
}

TEST_CASE("the student home shows the status override beside the computed status, the plan's approval and feedback",
          "[staff-pages]") {
  auto f = staff_fixture();
  auto pages = build(*f, false);
  const std::string& home = pages["en/students/ana/index.html"];
  CHECK(contains(home, "<p class=\"status-override\"><span class=\"badge status-of-concern\">Of concern</span> Status "
                       "set by Coordinator Zhan on 1 May 2027: STAFF-REASON-no-interview</p>"));
  CHECK(contains(home, "<span class=\"badge status-" + std::string(name(f->analysis.students[0].indicators.status)) +
                           "\">"));  // the computed status stays
  CHECK(contains(home, "<h2 id=\"plan-h\">CAS plan</h2>\n<p class=\"approval approval-approved\">Approved on 15 "
                       "September 2026 by Adviser Marat</p>"));
  CHECK(contains(home, "<li class=\"feedback\">\n<p class=\"feedback-by\">Adviser Marat, adviser · 2 October 2026</p>\n"
                       "<div class=\"prose\">\n<p>STAFF-FEEDBACK-HOME <strong>well</strong></p>\n"));
  CHECK(contains(home, "<li class=\"feedback staff-only\">\n<p class=\"feedback-by\">Coordinator Zhan · 1 November "
                       "2026 <span class=\"chip chip-private\">Staff only</span></p>"));
  CHECK_FALSE(contains(home, "STAFF-FEEDBACK-GUITAR"));  // feedback stays on the page it is about
  CHECK_FALSE(contains(home, "Hours self-reported"));
  const std::string& cohort = pages["en/index.html"];
  CHECK(contains(cohort, "<br><span class=\"approval approval-approved small\">CAS plan: Approved on 15 September "
                         "2026 by Adviser Marat</span></td>"));
  CHECK(contains(pages["ru/students/ana/index.html"], "Одобрено 15 сентября 2026 г., Adviser Marat"));
}

TEST_CASE("an experience page shows its confirmation, its approval, its feedback, or that it is not confirmed",
          "[staff-pages]") {
  auto f = staff_fixture();
  auto pages = build(*f, false);
  const std::string& guitar = pages["en/students/ana/experiences/guitar/index.html"];
  CHECK(contains(guitar, "<h2 id=\"confirmation-h\">Supervisor&apos;s confirmation</h2>\n<dl class=\"facts-list\">\n"
                         "<div><dt>Confirmed by</dt><dd>STAFF-SUP-Aigerim, STAFF-ROLE-teacher</dd></div>\n"
                         "<div><dt>Date</dt><dd>2 March 2027</dd></div>\n"
                         "<div><dt>Received</dt><dd>By e-mail</dd></div>\n"
                         "<div><dt>Hours confirmed</dt><dd>18</dd></div>\n"
                         "<div><dt>Completed</dt><dd>Not yet</dd></div>\n"
                         "<div><dt>Outcomes confirmed</dt><dd><a class=\"chip chip-outcome\""));
  CHECK(contains(guitar, "<p>STAFF-CONFIRM-COMMENT</p>"));
  CHECK(contains(guitar, "<p class=\"feedback-by\">Adviser Marat · 3 October 2026</p>\n<div class=\"prose\">\n"
                         "<p>STAFF-FEEDBACK-GUITAR</p>"));
  CHECK_FALSE(contains(guitar, "Hours self-reported"));
  CHECK_FALSE(contains(guitar, "not-confirmed"));

  const std::string& cleanup = pages["en/students/ana/experiences/cleanup/index.html"];
  CHECK(contains(cleanup, "<p class=\"approval approval-changed\">Changed since approved on 20 January 2027 by "
                          "Adviser Marat</p>"));
  CHECK(contains(cleanup, "<p class=\"confirmation not-confirmed\">Not confirmed</p>"));
  CHECK(contains(cleanup, "<h2 id=\"review-h\">Supervisor&apos;s review</h2>\n<p class=\"review-unconfirmed badge\">Written "
                          "in the student&apos;s portfolio, not confirmed</p>"));

  // Confirmed outcomes come from the staff folder: guitar's confirmation, not cleanup's review.md.
  const std::string& outcomes = pages["en/students/ana/outcomes.html"];
  auto confirmed_of = [&](const std::string& anchor) {
    size_t at = outcomes.find("id=\"" + anchor + "\"");
    size_t next = outcomes.find("id=\"outcome-", at + 1);
    return outcomes.substr(at, next == std::string::npos ? std::string::npos : next - at);
  };
  CHECK(contains(confirmed_of("outcome-1"), "Confirmed by the supervisor in:"));
  CHECK(contains(confirmed_of("outcome-1"), "experiences/guitar/index.html\" lang=\"en\">Guitar"));
  CHECK_FALSE(contains(confirmed_of("outcome-5"), "Confirmed by the supervisor in:"));
  CHECK_FALSE(contains(confirmed_of("outcome-6"), "Confirmed by the supervisor in:"));
  const std::string& reflection = pages["en/students/ana/experiences/guitar/2026-09-20-first-chords.html"];
  CHECK(contains(reflection, "<p>STAFF-FEEDBACK-REFLECTION</p>"));
  const std::string& interviews = pages["en/students/ana/interviews.html"];
  CHECK(contains(interviews, "<p class=\"feedback-by\">Coordinator Zhan, coordinator · 29 October 2026</p>"));
  CHECK(contains(interviews, "<h2 id=\"staff-interviews-h\">Interview records</h2>"));
  CHECK(contains(interviews, "<p class=\"entry-meta\"><span class=\"date\">10 February 2027</span> · Recorded by "
                             "Coordinator Zhan</p>\n<div class=\"prose\">\n<p>STAFF-INTERVIEW-NOTES</p>"));
}

TEST_CASE("without a staff folder, hours are self-reported and nothing says 'not confirmed'", "[staff-pages]") {
  auto f = make_fixture();
  auto pages = build(*f, false);
  const std::string& guitar = pages["en/students/ana/experiences/guitar/index.html"];
  CHECK(contains(guitar, "<div><dt>Claimed</dt><dd>20<br><span class=\"muted small\">Hours self-reported</span></dd>"));
  CHECK_FALSE(contains(guitar, "Not confirmed"));
  CHECK_FALSE(contains(pages["en/students/ana/experiences/cleanup/index.html"], "review-unconfirmed"));
  CHECK(contains(pages["en/students/ana/index.html"], " · Hours self-reported</span>"));
  CHECK(contains(pages["ru/students/ana/experiences/guitar/index.html"], "Часы указаны самим учеником"));
}

TEST_CASE("a --public build holds nothing from the staff folder, in any byte of any file", "[staff-pages]") {
  auto f = staff_fixture();
  auto staff = build(*f, false);
  std::string all_staff;
  for (const auto& [path, data] : staff) all_staff += data;
  for (const std::string& v : kStaffValues) {
    INFO(v);
    CHECK(contains(all_staff, v));  // so this test can fail
  }
  auto pub = build(*f, true);
  REQUIRE(pub.count("en/students/ana/experiences/guitar/index.html"));
  for (const auto& [path, data] : pub) {
    for (const std::string& v : kStaffValues) {
      INFO(path << " holds " << v);
      CHECK_FALSE(contains(data, v));
    }
    INFO(path);
    CHECK_FALSE(contains(data, "Staff only"));
    CHECK_FALSE(contains(data, "class=\"approval"));  // the theme's CSS may name the classes
    CHECK_FALSE(contains(data, "Not confirmed"));
    CHECK_FALSE(contains(data, "status-override"));
  }
}

TEST_CASE("a changed staff record changes the student's memo key, so the page is rendered again", "[staff-pages]") {
  StaffRecords a, b;
  a.feedback = {feedback("A", "", "2026-10-01", "portfolio", "one")};
  b.feedback = {feedback("A", "", "2026-10-01", "portfolio", "two")};
  CHECK(staff_records_digest(a) != staff_records_digest(b));
  CHECK(staff_records_digest(a) == staff_records_digest(a));
  StaffRecords c = a;
  c.feedback[0].staff_only = true;
  CHECK(staff_records_digest(a) != staff_records_digest(c));
}

TEST_CASE("one student's pages (their bundle) show their feedback but never a staff_only note", "[staff-pages]") {
  auto f = staff_fixture();
  auto pages = build(*f, false, "ana");
  const std::string& home = pages["en/students/ana/index.html"];
  CHECK(contains(home, "STAFF-FEEDBACK-HOME"));
  CHECK(contains(home, "status-override"));
  for (const auto& [path, data] : pages) {
    INFO(path);
    CHECK_FALSE(contains(data, "STAFF-ONLY-NOTE"));
    CHECK_FALSE(contains(data, "Staff only"));
  }
}

TEST_CASE("a proposal changed since it was approved shows staff the line diff, and only staff", "[staff-pages]") {
  auto f = staff_fixture();
  ApprovedFile& file = f->cohort.portfolios[0].portfolio.staff.experience_approvals[0].files[0];
  file.approved_text = "We clean the river.\nEvery Saturday.\n";
  file.current_text = "We clean the river.\nEvery Sunday & holidays.\n";
  auto pages = build(*f, false);
  const std::string& cleanup = pages["en/students/ana/experiences/cleanup/index.html"];
  CHECK(contains(cleanup, "<details class=\"approval-diff\">\n<summary>What changed since it was approved</summary>\n"
                          "<p class=\"small\"><code>experiences/cleanup/index.md</code></p>\n"));
  CHECK(contains(cleanup, "<pre class=\"diff\"><span class=\"diff-same\">  We clean the river.</span>\n"
                          "<span class=\"diff-removed\">- Every Saturday.</span>\n"
                          "<span class=\"diff-added\">+ Every Sunday &amp; holidays.</span>\n</pre>"));
  // The student's own pages (their bundle) say that it changed, without the diff.
  auto own = build(*f, false, std::string("ana"));
  std::string own_page;
  for (const auto& [path, data] : own)
    if (path.ends_with("experiences/cleanup/index.html")) own_page = data;
  REQUIRE_FALSE(own_page.empty());
  CHECK(contains(own_page, "<p class=\"approval approval-changed\">"));
  CHECK_FALSE(contains(own_page, "approval-diff"));
  CHECK_FALSE(contains(own_page, "Every Saturday"));

  // Without the approved text only the fact of the change can be shown.
  file.approved_text.reset();
  pages = build(*f, false);
  CHECK(contains(pages["en/students/ana/experiences/cleanup/index.html"],
                 "<p class=\"small\">The approval keeps only a checksum of the approved text, so the changed lines "
                 "cannot be shown; the file as it is now is in the portfolio.</p>"));
}
