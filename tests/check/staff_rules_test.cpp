// The staff rules (docs/checks.md, "Staff records"): an approval that sticks
// to the approved text, and approvals requirements.approval asks for.
#include <catch2/catch.hpp>

#include "check/rules.h"
#include "check/staff_rules.h"
#include "indicators/analysis.h"
#include "support/staff_fixture.h"
#include "util/normalised_text.h"

using namespace casfolio;
using namespace casfolio::staff_test;

namespace {

std::string plan_approval(std::string_view approved_text, bool keep_text = false) {
  std::string out = "what: plan\nby: \"Marat Iskakov\"\ndate: 2026-09-15\nfiles:\n  - path: plan.md\n    sha256: " +
                    normalised_text_sha256(approved_text) + "\n";
  if (keep_text) {
    out += "    text: |\n";
    std::string text = normalised_text(approved_text);
    for (size_t at = 0; at < text.size();) {
      size_t nl = text.find('\n', at);
      std::string line = text.substr(at, nl - at);
      out += line.empty() ? "\n" : "      " + line + "\n";
      at = nl + 1;
    }
  }
  return out;
}

std::vector<Finding> staff_findings(const Cohort& c) {
  return check_staff_records(ana(c).portfolio, c.config, kAsOf);
}

std::string codes_of(const std::vector<Finding>& fs) {
  std::string out;
  for (const Finding& f : fs) out += f.where.file + ": " + f.code + "\n";
  return out;
}

}  // namespace

TEST_CASE("staff rules: an approved plan edited afterwards is changed since approved") {
  MemoryFileSource m = cohort_files();
  m.add("staff/ana/approvals/plan.yaml", plan_approval(kPlan, true));
  Cohort c = load_cohort(m);
  CHECK(codes_of(staff_findings(c)) == "experiences/beach/review.md: review-in-portfolio\n");
  REQUIRE(ana(c).portfolio.staff.plan_approval);
  CHECK(ana(c).portfolio.staff.plan_approval->up_to_date());

  // Re-saved in another editor (BOM, CRLF, trailing blanks): still approved.
  m.add("students/ana/plan.md", "\xEF\xBB\xBF# My CAS plan  \r\n\r\nGuitar and a beach cleanup.\r\n\r\n");
  c = load_cohort(m);
  CHECK(ana(c).portfolio.staff.plan_approval->up_to_date());

  // Words changed: changed since approved, at plan.md, for the student to see.
  m.add("students/ana/plan.md", "# My CAS plan\n\nGuitar only.\n");
  c = load_cohort(m);
  std::vector<Finding> fs = staff_findings(c);
  CHECK(codes_of(fs) == "experiences/beach/review.md: review-in-portfolio\nplan.md: approval-outdated\n");
  const Finding& f = fs[1];
  CHECK(f.severity == Severity::warning);
  CHECK_FALSE(f.staff_only);
  CHECK(en(f) == "changed since approved on 2026-09-15 by Marat Iskakov");
  CHECK(render_message(f, Language::ru).message == "изменено после утверждения 2026-09-15 (Marat Iskakov)");
  CHECK(render_message(f, Language::kk).message == "2026-09-15 күні Marat Iskakov бекіткеннен кейін өзгертілген");

  // What a line diff on staff pages compares: the approved text kept in the record, and the current text.
  const ApprovedFile& file = ana(c).portfolio.staff.plan_approval->files[0];
  REQUIRE(file.approved_text);
  CHECK(*file.approved_text == normalised_text(kPlan));
  CHECK(file.current_text == "# My CAS plan\n\nGuitar only.\n");
  CHECK_FALSE(file.up_to_date());

  // check_portfolio (what `casfolio check` runs) includes it.
  bool in_check = false;
  for (const Finding& x : check_portfolio(ana(c).portfolio, c.config, kAsOf)) in_check |= x.code == "approval-outdated";
  CHECK(in_check);
}

TEST_CASE("staff rules: a kept approved text that is not what the hash approved is not used") {
  MemoryFileSource m = cohort_files();
  std::string record = plan_approval(kPlan, true);
  record.replace(record.find("Guitar and"), 10, "Piano and ");
  m.add("staff/ana/approvals/plan.yaml", record);
  Cohort c = load_cohort(m);
  REQUIRE(c.config_findings.size() == 1);
  CHECK(c.config_findings[0].code == "staff-approval-text-mismatch");
  CHECK(en(c.config_findings[0]) ==
        "the approved text kept for plan.md does not hash to its sha256; it is not used for the diff");
  REQUIRE(ana(c).portfolio.staff.plan_approval);
  CHECK_FALSE(ana(c).portfolio.staff.plan_approval->files[0].approved_text);
}

TEST_CASE("staff rules: requirements.approval makes a missing approval a warning") {
  MemoryFileSource m = cohort_files();
  m.add("staff/README.md", "x\n");
  m.add("students/ana/experiences/beach/index.md",
        "---\ntitle: Beach cleanup\nstrands: [service]\nstart: 2026-10-01\nend: 2026-10-10\noutcomes: [1]\n"
        "hours: 28\nproject: true\n---\nWe cleaned the beach.\n");
  // The defaults: plan and project.
  Cohort c = load_cohort(m);
  std::vector<Finding> fs = staff_findings(c);
  CHECK(codes_of(fs) ==
        "experiences/beach/index.md: approval-missing\n"
        "experiences/beach/review.md: review-in-portfolio\n"
        "plan.md: approval-missing\n");
  CHECK(en(fs[0]) == "The project proposal “Beach cleanup” has not been approved yet");
  CHECK(fs[0].where.line == 8);  // at `project:`
  CHECK(en(fs[2]) == "The CAS plan (plan.md) has not been approved yet");
  CHECK(render_message(fs[2], Language::ru).message == "Ещё не утверждено: план CAS (plan.md)");
  CHECK(render_message(fs[2], Language::kk).message == "Әлі бекітілмеген: CAS жоспары (plan.md)");

  // Switched off, and experiences switched on.
  m.add("cohort.yaml",
        "start: 2026-09-01\nstaff: staff\nrequirements:\n  approval: {plan: false, project: false, experience: true}\n");
  m.add("students/ana/experiences/chess/index.md",
        "---\ntitle: Chess\nstrands: [creativity]\nstart: 2026-10-01\noutcomes: [1]\n---\nx\n");
  c = load_cohort(m);
  CHECK(codes_of(staff_findings(c)) ==
        "experiences/beach/review.md: review-in-portfolio\nexperiences/chess/index.md: approval-missing\n");
  CHECK(en(staff_findings(c)[1]) == "The experience proposal “Chess” has not been approved yet");

  // Without a staff folder nobody can approve: no rule.
  Cohort alone = load_cohort(cohort_files(false));
  CHECK(check_staff_records(ana(alone).portfolio, alone.config, kAsOf).empty());
}

TEST_CASE("staff rules: an approved project proposal edited afterwards") {
  MemoryFileSource m = cohort_files();
  std::string index =
      "---\ntitle: Beach cleanup\nstrands: [service]\nstart: 2026-10-01\nend: 2026-10-10\noutcomes: [1]\n"
      "hours: 28\nproject: true\n---\nWe cleaned the beach.\n";
  m.add("students/ana/experiences/beach/index.md", index);
  m.add("staff/ana/approvals/plan.yaml", plan_approval(kPlan));
  m.add("staff/ana/approvals/beach.yaml",
        "what: project\nby: Marat\ndate: 2026-09-20\nfiles:\n  - path: experiences/beach/index.md\n    sha256: " +
            normalised_text_sha256(index) + "\n");
  Cohort c = load_cohort(m);
  CHECK(codes_of(staff_findings(c)) == "experiences/beach/review.md: review-in-portfolio\n");
  m.add("students/ana/experiences/beach/index.md", index + "And the park.\n");
  c = load_cohort(m);
  CHECK(codes_of(staff_findings(c)) ==
        "experiences/beach/index.md: approval-outdated\nexperiences/beach/review.md: review-in-portfolio\n");
  CHECK(en(staff_findings(c)[0]) == "changed since approved on 2026-09-20 by Marat");
}
