// The staff folder (docs/format.md, "Staff records"): what is read, and each
// bad input as its exact finding, in the staff file, never stopping the cohort.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <regex>
#include <set>

#include "load/staff_reader.h"
#include "load_test_support.h"
#include "support/staff_fixture.h"
#include "util/embedded.h"
#include "util/normalised_text.h"

using namespace casfolio;
using namespace casfolio::staff_test;
namespace fs = std::filesystem;

namespace {

const Finding* find_code(const std::vector<Finding>& fs, std::string_view code) {
  for (const Finding& f : fs)
    if (f.code == code) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("staff: each kind of record is read into the student's StaffRecords") {
  MemoryFileSource m = cohort_files();
  m.add("staff/ana/confirmations/beach.yaml",
        "by: \"Aigerim Sadykova\"\nrole: Coach\ndate: 2026-10-12\nsource: paper\nscan: scans/beach.pdf\n"
        "hours: {service: 20}\noutcomes: [1, LO3]\ncompleted: false\ncomment: \"Good\"\n");
  m.add("staff/ana/scans/beach.pdf", "%PDF");
  m.add("staff/ana/approvals/plan.yaml", "what: plan\nby: Marat\ndate: 2026-09-15\nfiles:\n  - path: plan.md\n    sha256: " +
                                             normalised_text_sha256(kPlan) + "\n");
  m.add("staff/ana/feedback/2026-10-02-1.md",
        "---\nby: Marat\nrole: adviser\ndate: 2026-10-02\non: experiences/beach\n---\nWell done.\n");
  m.add("staff/ana/feedback/2026-10-02-2.md", "---\nby: Marat\ndate: 2026-10-02\nstaff_only: true\n---\nWatch her.\n");
  m.add("staff/ana/status.yaml", "status: of-concern\nreason: \"Absent\"\nby: Marat\ndate: 2026-11-01\n");
  m.add("staff/ana/interviews/2026-10-30-first.md", "---\ndate: 2026-10-30\nkind: first\nby: Marat\n---\nNotes.\n");
  Cohort c = load_cohort(m);
  CHECK(finding_lines(c.config_findings) == "");
  CHECK(c.config.staff_folder == "staff");
  CHECK_FALSE(c.config.staff_folder_ignored);
  const StaffRecords& r = ana(c).portfolio.staff;

  REQUIRE(r.confirmations.size() == 1);
  const StaffConfirmation& x = r.confirmations[0];
  CHECK(x.experience == "beach");
  CHECK(x.by == "Aigerim Sadykova");
  CHECK(x.role == "Coach");
  CHECK(x.date.iso() == "2026-10-12");
  CHECK(x.source == "paper");
  CHECK(x.scan == "scans/beach.pdf");
  CHECK_FALSE(x.hours);
  REQUIRE(x.hours_per_strand);
  CHECK((*x.hours_per_strand)[size_t(Strand::service)] == 20);
  CHECK(x.outcomes.size() == 2);
  CHECK_FALSE(x.completed);
  CHECK(x.comment == "Good");
  CHECK(x.keys.file == "ana/confirmations/beach.yaml");

  REQUIRE(r.plan_approval);
  CHECK(r.plan_approval->what == ApprovalKind::plan);
  CHECK(r.plan_approval->up_to_date());
  REQUIRE(r.plan_approval->files.size() == 1);
  CHECK(r.plan_approval->files[0].current_text == normalised_text(kPlan));
  CHECK_FALSE(r.plan_approval->files[0].approved_text);

  REQUIRE(r.feedback.size() == 2);
  CHECK(r.feedback[0].on == "experiences/beach");
  CHECK(r.feedback[0].role == "adviser");
  CHECK_FALSE(r.feedback[0].staff_only);
  CHECK(r.feedback[0].text.text == "Well done.\n");
  CHECK(r.feedback[1].on == "portfolio");
  CHECK(r.feedback[1].staff_only);

  REQUIRE(r.status_override);
  CHECK(r.status_override->status == "of-concern");
  CHECK(r.status_override->reason == "Absent");
  REQUIRE(r.interviews.size() == 1);
  CHECK(r.interviews[0].kind == "first");
  CHECK(r.interviews[0].file == "ana/interviews/2026-10-30-first.md");
}

TEST_CASE("staff: the staff folder is never taken for a portfolio, nor anything in it") {
  MemoryFileSource m = cohort_files();
  m.add("staff/ana/confirmations/beach.yaml", kConfirmation);
  m.add("staff/bob/portfolio.yaml", "name: Bob\n");  // a student's portfolio placed in the staff folder
  Cohort c = load_cohort(m);
  REQUIRE(c.portfolios.size() == 1);
  CHECK(c.portfolios[0].portfolio.id == "ana");
  CHECK(finding_lines(c.config_findings) == "staff/bob/portfolio.yaml:0: portfolio-inside-staff-folder\n");
  CHECK(en(c.config_findings[0]) ==
        "a portfolio is inside the staff folder, so its student could write staff records; nothing in the staff "
        "folder counts");
  CHECK(c.config_findings[0].severity == Severity::error);
  CHECK(c.config_findings[0].staff_only);
  // Fail closed: nothing in it counts, and the cohort still has a staff folder (no review.md counts either).
  CHECK(c.config.staff_folder_ignored);
  CHECK(c.config.has_staff_folder());
  CHECK(ana(c).portfolio.staff.empty());
}

TEST_CASE("staff: a staff folder inside a student's portfolio is refused") {
  MemoryFileSource m = cohort_files(false);
  m.add("cohort.yaml", "start: 2026-09-01\nstaff: students/ana/staff\n");
  m.add("students/ana/staff/ana/confirmations/beach.yaml", kConfirmation);
  Cohort c = load_cohort(m);
  CHECK(finding_lines(c.config_findings) == "cohort.yaml:2: staff-folder-inside-portfolio\n");
  CHECK(en(c.config_findings[0]) ==
        "the staff folder students/ana/staff is inside the portfolio students/ana, whose student could write it; "
        "nothing in it counts");
  CHECK(c.config.staff_folder_ignored);
  CHECK(ana(c).portfolio.staff.empty());
}

TEST_CASE("staff: records about a student or an experience that does not exist") {
  MemoryFileSource m = cohort_files();
  m.add("staff/zara/confirmations/beach.yaml", kConfirmation);
  m.add("staff/ana/confirmations/chess.yaml", kConfirmation);
  m.add("staff/ana/approvals/chess.yaml", "what: experience\nby: M\ndate: 2026-09-15\nfiles:\n  - path: x.md\n"
                                          "    sha256: " + std::string(64, 'a') + "\n");
  m.add("staff/ana/feedback/2026-10-02-1.md", "---\nby: M\ndate: 2026-10-02\non: experiences/chess\n---\nHi.\n");
  Cohort c = load_cohort(m);
  CHECK(finding_lines(c.config_findings) ==
        "staff/ana/approvals/chess.yaml:0: staff-unknown-experience\n"
        "staff/ana/confirmations/chess.yaml:0: staff-unknown-experience\n"
        "staff/ana/feedback/2026-10-02-1.md:4: staff-unknown-target\n"
        "staff/zara:0: staff-unknown-student\n");
  CHECK(en(*find_code(c.config_findings, "staff-unknown-student")) ==
        "the staff folder has records about zara, but no portfolio of the cohort has that id");
  CHECK(en(*find_code(c.config_findings, "staff-unknown-experience")) ==
        "this record is about the experience chess, which ana's portfolio does not have");
  CHECK(en(*find_code(c.config_findings, "staff-unknown-target")) ==
        "this feedback is on experiences/chess, which is not in the student's portfolio");
  CHECK(ana(c).portfolio.staff.empty());
}

TEST_CASE("staff: a malformed record is reported with the loader's codes and counts for nothing") {
  MemoryFileSource m = cohort_files();
  m.add("staff/ana/confirmations/beach.yaml",
        "by: Aigerim\ndate: 2026-13-01\nsource: fax\nhours: lots\ncompleted: maybe\nsigned: yes\n");
  m.add("staff/ana/status.yaml", "status: great\nby: M\n");
  Cohort c = load_cohort(m);
  CHECK(finding_lines(c.config_findings) ==
        "staff/ana/confirmations/beach.yaml:2: bad-date\n"
        "staff/ana/confirmations/beach.yaml:3: unknown-value\n"
        "staff/ana/confirmations/beach.yaml:4: not-a-number\n"
        "staff/ana/confirmations/beach.yaml:5: not-a-boolean\n"
        "staff/ana/confirmations/beach.yaml:6: unknown-key\n"
        "staff/ana/status.yaml:1: missing-key\n"
        "staff/ana/status.yaml:1: missing-key\n"
        "staff/ana/status.yaml:1: unknown-value\n");
  for (const Finding& f : c.config_findings) CHECK(f.staff_only);
  CHECK(ana(c).portfolio.staff.empty());
  // The cohort still loads: Ana's portfolio is there and usable.
  CHECK(ana(c).portfolio.usable);
}

TEST_CASE("staff: an approval hash that is no SHA-256 matches nothing") {
  MemoryFileSource m = cohort_files();
  m.add("staff/ana/approvals/plan.yaml",
        "what: plan\nby: M\ndate: 2026-09-15\nfiles:\n  - path: plan.md\n    sha256: 12ab\n");
  Cohort c = load_cohort(m);
  CHECK(finding_lines(c.config_findings) == "staff/ana/approvals/plan.yaml:6: staff-bad-hash\n");
  CHECK(en(c.config_findings[0]) == "`12ab` is not a SHA-256 (64 lower-case hex digits), so it matches no file");
  CHECK_FALSE(ana(c).portfolio.staff.plan_approval);
}

TEST_CASE("staff: an approved file that is not in the portfolio") {
  MemoryFileSource m = cohort_files();
  m.add("staff/ana/approvals/plan.yaml", "what: plan\nby: M\ndate: 2026-09-15\nfiles:\n  - path: plan-old.md\n"
                                         "    sha256: " + std::string(64, 'b') + "\n");
  Cohort c = load_cohort(m);
  CHECK(finding_lines(c.config_findings) == "staff/ana/approvals/plan.yaml:5: staff-approval-unknown-file\n");
  CHECK(en(c.config_findings[0]) == "the approved file plan-old.md is not in the student's portfolio");
  REQUIRE(ana(c).portfolio.staff.plan_approval);
  CHECK_FALSE(ana(c).portfolio.staff.plan_approval->up_to_date());
}

TEST_CASE("staff: more confirmed hours than 24 a day of the experience's dates") {
  MemoryFileSource m = cohort_files();
  std::string text = kConfirmation;
  text.replace(text.find("hours: 20"), 9, "hours: 241");  // 2026-10-01..10 is 10 days: at most 240
  m.add("staff/ana/confirmations/beach.yaml", text);
  Cohort c = load_cohort(m);
  CHECK(finding_lines(c.config_findings) == "staff/ana/confirmations/beach.yaml:5: staff-hours-over-span\n");
  CHECK(en(c.config_findings[0]) ==
        "241 hours confirmed for beach, more than its 10 days could hold (at most 240); the confirmation does not "
        "count");
  CHECK(ana(c).portfolio.staff.confirmations.empty());

  text.replace(text.find("hours: 241"), 10, "hours: 240");
  m.add("staff/ana/confirmations/beach.yaml", text);
  c = load_cohort(m);
  CHECK(finding_lines(c.config_findings) == "");
  CHECK(ana(c).portfolio.staff.confirmations.size() == 1);
}

TEST_CASE("staff: two confirmations of one experience (beach.yaml and beach.yml): neither counts") {
  MemoryFileSource m = cohort_files();
  m.add("staff/ana/confirmations/beach.yaml", kConfirmation);
  m.add("staff/ana/confirmations/beach.yml", kConfirmation);
  Cohort c = load_cohort(m);
  CHECK(finding_lines(c.config_findings) == "staff/ana/confirmations/beach.yml:0: staff-duplicate-confirmation\n");
  CHECK(en(c.config_findings[0]) ==
        "a second confirmation of beach (the other is ana/confirmations/beach.yaml); neither counts");
  CHECK(ana(c).portfolio.staff.confirmations.empty());
}

TEST_CASE("staff: a scan must be a file inside the student's staff folder") {
  MemoryFileSource m = cohort_files();
  std::string text = std::string(kConfirmation) + "scan: ../bob/scans/x.pdf\n";
  m.add("staff/ana/confirmations/beach.yaml", text);
  m.add("staff/bob/scans/x.pdf", "%PDF");
  Cohort c = load_cohort(m);
  CHECK(find_code(c.config_findings, "staff-scan-not-found"));
  CHECK(en(*find_code(c.config_findings, "staff-scan-not-found")) ==
        "the scan ../bob/scans/x.pdf is not a file in this student's staff folder");
}

TEST_CASE("staff: a misspelled records folder is reported, not silently ignored") {
  MemoryFileSource m = cohort_files();
  m.add("staff/ana/confirmation/beach.yaml", kConfirmation);
  Cohort c = load_cohort(m);
  CHECK(finding_lines(c.config_findings) == "staff/ana/confirmation:0: staff-unknown-entry\n");
  CHECK(c.config_findings[0].severity == Severity::warning);
}

TEST_CASE("staff: a staff folder that is not there counts for nothing") {
  MemoryFileSource m = cohort_files();
  Cohort c = load_cohort(m);  // staff: staff, but no staff/ folder
  CHECK(finding_lines(c.config_findings) == "cohort.yaml:3: staff-folder-not-found\n");
  CHECK(c.config.has_staff_folder());
  CHECK(c.config.staff_folder_ignored);
}

TEST_CASE("staff: --staff wins over cohort.yaml's staff:, and a folder outside the cohort is read from disk") {
  casfolio::testing::TempDir tmp;
  fs::path root = tmp.path() / "cohort";
  casfolio::testing::write_file(root / "cohort.yaml", "start: 2026-09-01\nstaff: nowhere\n");
  casfolio::testing::write_file(root / "students/ana/portfolio.yaml", "name: Ana\n");
  casfolio::testing::write_file(root / "students/ana/experiences/beach/index.md",
                                "---\ntitle: Beach\nstrands: [service]\nstart: 2026-10-01\nend: 2026-10-10\n"
                                "outcomes: [1]\n---\nx\n");
  casfolio::testing::write_file(tmp.path() / "cas-staff/ana/confirmations/beach.yaml", kConfirmation);
  LoadOptions o;
  o.staff_dir = (tmp.path() / "cas-staff").string();
  Cohort c = load_directory(root.string(), o);
  CHECK(finding_lines(c.config_findings) == "");
  CHECK(c.config.staff_folder == (tmp.path() / "cas-staff").string());  // absolute as given
  REQUIRE(c.portfolios.size() == 1);
  CHECK(c.portfolios[0].portfolio.staff.confirmations.size() == 1);
}

TEST_CASE("staff: one portfolio checked alone reads only its own student's staff records") {
  casfolio::testing::TempDir tmp;
  fs::path root = tmp.path();
  casfolio::testing::write_file(root / "cohort.yaml", "start: 2026-09-01\nstaff: staff\n");
  casfolio::testing::write_file(root / "students/ana/portfolio.yaml", "name: Ana\n");
  casfolio::testing::write_file(root / "students/ana/experiences/beach/index.md",
                                "---\ntitle: Beach\nstrands: [service]\nstart: 2026-10-01\nend: 2026-10-10\n"
                                "outcomes: [1]\n---\nx\n");
  casfolio::testing::write_file(root / "staff/ana/confirmations/beach.yaml", kConfirmation);
  casfolio::testing::write_file(root / "staff/bob/confirmations/chess.yaml", kConfirmation);
  Cohort c = load_directory((root / "students/ana").string(), LoadOptions{});
  CHECK(finding_lines(c.config_findings) == "");  // bob is not an unknown student here
  CHECK(c.config.staff_folder == "../../staff");
  REQUIRE(c.portfolios.size() == 1);
  CHECK(c.portfolios[0].portfolio.staff.confirmations.size() == 1);
}

// --- the catalog: i18n/messages/staff.yaml -----------------------------------

namespace {

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  static const std::regex re("\\{([a-z_]+?)(_en|_ru|_kk)?[},]");  // "{name}" or "{name, plural, …}"
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("staff.yaml: every code has a severity, and a message and a hint in kk, ru and en") {
  auto text = embedded::find("i18n/messages/staff.yaml");
  REQUIRE(text);
  YAML::Node catalog = YAML::Load(std::string(*text));
  std::set<std::string> codes;
  for (const auto& entry : catalog) {
    std::string code = entry.first.as<std::string>();
    INFO(code);
    if (code.starts_with("_")) {  // words and lines used inside other output
      for (const char* lang : {"en", "ru", "kk"}) CHECK_FALSE(entry.second["message"][lang].as<std::string>("").empty());
      continue;
    }
    codes.insert(code);
    std::string severity = entry.second["severity"].as<std::string>("");
    CHECK((severity == "error" || severity == "warning"));
    for (const char* part : {"message", "hint"}) {
      std::set<std::string> used;
      for (const char* lang : {"en", "ru", "kk"}) {
        INFO(part << " " << lang);
        std::string t = entry.second[part][lang].as<std::string>("");
        CHECK_FALSE(t.empty());
        if (std::string(lang) == "en") used = placeholders(t);
        else CHECK(placeholders(t) == used);
      }
    }
  }
  // Every code the staff reader, the staff folder and the staff rules report, and only those.
  std::set<std::string> in_sources;
  static const std::regex re("(report|add|ignore)\\(\\s*(?:k[A-Za-z]+|\"([a-z0-9-]+)\")");
  static const std::regex constant("constexpr std::string_view k[A-Za-z]+ = \"([a-z0-9-]+)\"");
  for (const char* file : {"generator/load/staff_reader.cpp", "generator/load/staff_folder.cpp",
                           "generator/load/staff_gpa_records.cpp", "generator/check/staff_rules.cpp"}) {
    std::string src = casfolio::testing::read_file(fs::path(CASFOLIO_SOURCE_DIR) / file);
    for (auto it = std::sregex_iterator(src.begin(), src.end(), re); it != std::sregex_iterator(); ++it)
      if ((*it)[2].matched) in_sources.insert((*it)[2]);
    for (auto it = std::sregex_iterator(src.begin(), src.end(), constant); it != std::sregex_iterator(); ++it)
      in_sources.insert((*it)[1]);
  }
  // Codes of the loader's YAML helpers, reused for staff files, live in load.yaml.
  for (const char* shared : {"unknown-value", "not-a-map", "number-out-of-range", "staff-duplicate-confirmation",
                             "staff-duplicate-approval"})
    in_sources.erase(shared);
  codes.erase("staff-duplicate-confirmation");  // chosen by a ?: in the reader
  codes.erase("staff-duplicate-approval");
  CHECK(in_sources == codes);
  for (const std::string& code : codes) CHECK(is_known_code(code));
}
