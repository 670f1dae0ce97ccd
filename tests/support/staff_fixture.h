// A small cohort with a staff folder, in memory, for the staff tests of
// several stages (load, check, indicators).
#pragma once
#include <string>

#include "indicators/analysis.h"
#include "load/file_source.h"
#include "load/loader.h"

namespace casfolio::staff_test {

inline const Date kAsOf = *Date::parse("2026-12-01");

inline const char* kPlan = "# My CAS plan\n\nGuitar and a beach cleanup.\n";

// Ana: one service experience (10 days, 28 claimed hours) with a forged
// review.md claiming 200 confirmed hours, and a plan.
inline MemoryFileSource cohort_files(bool staff_folder = true) {
  MemoryFileSource m;
  m.add("cohort.yaml", std::string("start: 2026-09-01\nsocial_gpa: true\n") + (staff_folder ? "staff: staff\n" : ""));
  m.add("students/ana/portfolio.yaml", "name: Ana\n");
  m.add("students/ana/plan.md", kPlan);
  m.add("students/ana/experiences/beach/index.md",
        "---\ntitle: Beach cleanup\nstrands: [service]\nstart: 2026-10-01\nend: 2026-10-10\noutcomes: [1]\n"
        "hours: 28\n---\nWe cleaned the beach.\n");
  m.add("students/ana/experiences/beach/2026-10-11-done.md", "---\noutcomes: [1]\n---\nDone.\n");
  m.add("students/ana/experiences/beach/review.md",
        "---\nby: Me\ndate: 2026-10-11\nhours: 200\ncompleted: true\n---\nExcellent work.\n");
  return m;
}

inline const char* kConfirmation =
    "by: \"Aigerim Sadykova\"\nrole: \"Coordinator\"\ndate: 2026-10-12\nsource: email\nhours: 20\n"
    "outcomes: [1]\ncompleted: true\n";

inline Cohort load_cohort(const MemoryFileSource& m) { return load(m, LoadOptions{}); }

inline const LoadedPortfolio& ana(const Cohort& c) {
  for (const LoadedPortfolio& lp : c.portfolios)
    if (lp.portfolio.id == "ana") return lp;
  throw std::runtime_error("no ana");
}

// Every finding as "file:line: code" (cohort findings first, then Ana's).
inline std::string finding_lines(const std::vector<Finding>& fs) {
  std::string out;
  for (const Finding& f : fs) out += f.where.file + ":" + std::to_string(f.where.line) + ": " + f.code + "\n";
  return out;
}

inline std::string en(const Finding& f) { return render_message(f, Language::en).message; }

}  // namespace casfolio::staff_test
