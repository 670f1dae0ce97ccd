// What counts as confirmed (docs/indicators.md, "What counts"): with a staff
// folder only its confirmations; without one, the student's review.md,
// self-reported. completed: false is honoured; a status override is carried.
#include <catch2/catch.hpp>

#include "indicators/analysis.h"
#include "indicators/report.h"
#include "support/staff_fixture.h"

using namespace casfolio;
using namespace casfolio::staff_test;

namespace {

const StudentAnalysis& ana_analysis(const CohortAnalysis& a) {
  for (const StudentAnalysis& s : a.students)
    if (s.loaded->portfolio.id == "ana") return s;
  throw std::runtime_error("no ana");
}

double service(const StrandHours& h) { return h[size_t(Strand::service)]; }

double volunteer_points(const StudentAnalysis& s) {
  REQUIRE(s.indicators.social_gpa);
  for (const GpaItem& i : s.indicators.social_gpa->items)
    if (i.kind == "volunteer_hours_total") return i.points;
  return 0;
}

const Finding* find_code(const std::vector<Finding>& fs, std::string_view code) {
  for (const Finding& f : fs)
    if (f.code == code) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("staff counts: with a staff folder, a forged review.md adds no confirmed hours and no social GPA points") {
  MemoryFileSource m = cohort_files();
  m.add("staff/README.md", "Staff only.\n");  // the folder exists, with no record about Ana
  Cohort c = load_cohort(m);
  CohortAnalysis a = analyse(c, kAsOf);
  const StudentAnalysis& s = ana_analysis(a);
  CHECK(service(s.indicators.claimed_hours) == 28);
  CHECK(service(s.indicators.confirmed_hours) == 0);
  CHECK_FALSE(s.indicators.hours_self_reported);
  CHECK(s.indicators.unconfirmed_reviews == std::vector<std::string>{"beach"});
  CHECK(volunteer_points(s) == 0);
  CHECK(s.indicators.social_gpa->points == 0);

  const Finding* f = find_code(s.findings, "review-in-portfolio");
  REQUIRE(f);
  CHECK(f->where.file == "experiences/beach/review.md");
  CHECK(f->staff_only);
  CHECK(f->severity == Severity::warning);
  CHECK(en(*f) ==
        "this review was written in the student's portfolio, not confirmed by staff; its hours and outcomes count as "
        "claimed only");
  CHECK_FALSE(render_message(*f, Language::ru).message.empty());
  CHECK(render_message(*f, Language::ru).message != en(*f));
  CHECK(render_message(*f, Language::kk).message != en(*f));
}

TEST_CASE("staff counts: a confirmation in the staff folder adds confirmed hours and social GPA points") {
  MemoryFileSource m = cohort_files();
  m.add("staff/ana/confirmations/beach.yaml", kConfirmation);  // 20 hours
  Cohort c = load_cohort(m);
  CohortAnalysis a = analyse(c, kAsOf);
  const StudentAnalysis& s = ana_analysis(a);
  CHECK(service(s.indicators.confirmed_hours) == 20);
  CHECK(volunteer_points(s) == 2);  // floor(20 / 10) x 1
  const GpaItem& item = s.indicators.social_gpa->items[0];
  CHECK(item.kind == "volunteer_hours");
  CHECK(item.file == "ana/confirmations/beach.yaml");
  CHECK(item.line == 5);
  CHECK(item.by_staff);
  CHECK(a.cohort.confirmed_hours[size_t(Strand::service)] == 20);

  // Not yet on a day before the confirmation.
  CohortAnalysis before = analyse(c, *Date::parse("2026-10-11"));
  CHECK(service(ana_analysis(before).indicators.confirmed_hours) == 0);
}

TEST_CASE("staff counts: without a staff folder today's behaviour stays, and hours are self-reported") {
  Cohort c = load_cohort(cohort_files(false));
  CohortAnalysis a = analyse(c, kAsOf);
  const StudentAnalysis& s = ana_analysis(a);
  CHECK(s.indicators.hours_self_reported);
  CHECK(service(s.indicators.confirmed_hours) == 200);
  CHECK(volunteer_points(s) == 5);
  CHECK_FALSE(find_code(s.findings, "review-in-portfolio"));
  CHECK(report_json(c, a)["hours_self_reported"] == true);
  CHECK(report_json(c, a)["students"][0]["staff"].is_null());
}

TEST_CASE("staff counts: completed: false is honoured (project, status)") {
  MemoryFileSource m = cohort_files();
  m.add("students/ana/experiences/beach/index.md",
        "---\ntitle: Beach cleanup\nstrands: [service]\nstart: 2026-10-01\nend: 2026-10-10\noutcomes: [1]\n"
        "hours: 28\nproject: true\n---\nWe cleaned the beach.\n");
  std::string text = kConfirmation;
  text.replace(text.find("completed: true"), 15, "completed: false");
  m.add("staff/ana/confirmations/beach.yaml", text);
  Cohort c = load_cohort(m);
  CohortAnalysis a = analyse(c, kAsOf);
  const StudentAnalysis& s = ana_analysis(a);
  CHECK(s.indicators.not_completed == std::vector<std::string>{"beach"});
  REQUIRE(s.indicators.projects.size() == 1);
  CHECK_FALSE(s.indicators.projects[0].finished);
  // The project check does not count a project confirmed not completed.
  const Finding* missing = find_code(s.findings, "project-missing");
  REQUIRE(missing);
  CHECK(missing->args[0] == std::pair<std::string, std::string>{"count", "0"});
  CHECK(s.indicators.status != Status::complete);

  // Without a staff folder the student's review.md `completed: false` is honoured the same way.
  MemoryFileSource alone = cohort_files(false);
  alone.add("students/ana/experiences/beach/index.md",
            "---\ntitle: Beach cleanup\nstrands: [service]\nstart: 2026-10-01\nend: 2026-10-10\noutcomes: [1]\n"
            "hours: 28\nproject: true\n---\nWe cleaned the beach.\n");
  alone.add("students/ana/experiences/beach/review.md", "---\nby: Me\ndate: 2026-10-11\ncompleted: false\n---\nx\n");
  Cohort alone_cohort = load_cohort(alone);
  CohortAnalysis b = analyse(alone_cohort, kAsOf);
  CHECK(ana_analysis(b).indicators.not_completed == std::vector<std::string>{"beach"});
  CHECK_FALSE(ana_analysis(b).indicators.projects[0].finished);
}

TEST_CASE("staff counts: a status override is carried beside the computed status, never replacing it") {
  MemoryFileSource m = cohort_files();
  m.add("staff/ana/status.yaml", "status: complete\nreason: \"Finished abroad\"\nby: Marat\ndate: 2026-11-01\n");
  Cohort c = load_cohort(m);
  CohortAnalysis a = analyse(c, kAsOf);
  const StudentAnalysis& s = ana_analysis(a);
  REQUIRE(s.indicators.status_override);
  CHECK(s.indicators.status_override->status == "complete");
  CHECK(s.indicators.status != Status::complete);  // computed as before
  auto j = report_json(c, a)["students"][0];
  CHECK(j["status"] == std::string(name(s.indicators.status)));
  CHECK(j["status_override"]["status"] == "complete");
  CHECK(j["status_override"]["reason"] == "Finished abroad");
  // Dated after as_of: not yet.
  CHECK_FALSE(ana_analysis(analyse(c, *Date::parse("2026-10-31"))).indicators.status_override);
}

TEST_CASE("staff counts: interview records in the staff folder meet interview deadlines") {
  MemoryFileSource m = cohort_files();
  m.add("cohort.yaml", "start: 2026-09-01\nstaff: staff\ncalendar:\n  - { date: 2026-10-30, kind: interview, interview: first }\n");
  m.add("staff/ana/interviews/2026-10-29-first.md", "---\ndate: 2026-10-29\nkind: first\nby: Marat\n---\nNotes.\n");
  Cohort c = load_cohort(m);
  CohortAnalysis a = analyse(c, kAsOf);
  const StudentAnalysis& s = ana_analysis(a);
  CHECK(s.indicators.deadlines_met == 1);
  CHECK(s.indicators.deadlines[0].met_by == "ana/interviews/2026-10-29-first.md");
}

TEST_CASE("staff counts: the report (schema 2) carries staff records; a student's view leaves out staff_only") {
  MemoryFileSource m = cohort_files();
  m.add("staff/ana/confirmations/beach.yaml", kConfirmation);
  m.add("staff/ana/feedback/2026-10-02-1.md", "---\nby: Marat\ndate: 2026-10-02\n---\nWell done.\n");
  m.add("staff/ana/feedback/2026-10-03-1.md", "---\nby: Marat\ndate: 2026-10-03\nstaff_only: true\n---\nSecret.\n");
  m.add("staff/ana/interviews/2026-10-29-first.md",
        "---\ndate: 2026-10-29\nkind: first\nby: Marat\nstaff_only: true\n---\nNotes.\n");
  Cohort c = load_cohort(m);
  CohortAnalysis a = analyse(c, kAsOf);
  auto report = report_json(c, a);
  CHECK(report["schema"] == 2);
  CHECK(report["hours_self_reported"] == false);
  CHECK(report["staff_folder"] == "staff");
  auto staff = report["students"][0]["staff"];
  REQUIRE(staff["confirmations"].size() == 1);
  CHECK(staff["confirmations"][0]["experience"] == "beach");
  CHECK(staff["confirmations"][0]["hours"] == 20);
  CHECK(staff["confirmations"][0]["completed"] == true);
  CHECK(staff["confirmations"][0]["outcomes"] == nlohmann::ordered_json::array({"1"}));
  REQUIRE(staff["feedback"].size() == 2);
  CHECK(staff["feedback"][1]["staff_only"] == true);
  CHECK(staff["interviews"].size() == 1);

  std::string student = student_json(ana_analysis(a), c.config).dump();  // the student view (bundles)
  CHECK(student.find("Well done.") != std::string::npos);
  CHECK(student.find("Secret.") == std::string::npos);
  CHECK(student.find("2026-10-29-first.md") == std::string::npos);
}
