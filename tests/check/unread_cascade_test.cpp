// No cascades (issue 15, docs/decisions.md): two YAML typos drop two
// experiences and their reflections; the requirement findings their absence
// may cause say so ("this may be because … could not be read") instead of
// telling the student she missed deadlines she met.
#include <catch2/catch.hpp>

#include "indicators/analysis.h"
#include "load/loader.h"
#include "model_builder.h"
#include "support/cli_run.h"
#include "support/test_support.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

// The case: one unquoted colon in an experience's title, one unclosed
// `[` in another's strands; each experience has the reflection that met a
// deadline and evidenced its outcomes.
void write_two_typos(const fs::path& root, const std::string& language) {
  write_file(root / "cohort.yaml",
             "school: Test School\ncohort: 2026-2028\nlanguage: " + language +
                 "\nstart: 2026-09-01\nend: 2028-04-15\n"
                 "calendar:\n  - { date: 2026-09-30, kind: reflection }\n  - { date: 2026-10-30, kind: reflection }\n");
  fs::path ana = root / "students/ana";
  write_file(ana / "portfolio.yaml", "name: Ana Test\n");
  write_file(ana / "experiences/chess/index.md",
             "---\ntitle: Chess: the club\nstrands: [creativity]\nstart: 2026-09-05\noutcomes: [1, 2, 3, 4]\n---\n"
             "We play chess on Fridays.\n");
  write_file(ana / "experiences/chess/2026-09-20-openings.md",
             "---\ndate: 2026-09-20\noutcomes: [1, 2, 3, 4]\n---\nI learned three openings.\n");
  write_file(ana / "experiences/shelter/index.md",
             "---\ntitle: Animal shelter\nstrands: [service\nstart: 2026-09-10\noutcomes: [5, 6, 7]\n---\n"
             "We walk the dogs.\n");
  write_file(ana / "experiences/shelter/2026-10-20-dogs.md",
             "---\ndate: 2026-10-20\noutcomes: [5, 6, 7]\n---\nThe dogs know me now.\n");
  write_file(ana / "experiences/football/index.md",
             "---\ntitle: Football\nstrands: [activity]\nstart: 2026-09-05\noutcomes: [1]\n---\nTraining.\n");
  write_file(ana / "experiences/football/2026-11-10-match.md",
             "---\ndate: 2026-11-10\noutcomes: [1]\n---\nWe won the match.\n");
}

// "file:line: severity: message [code]" and the hint, per finding, in `lang`.
std::string shown(const std::vector<Finding>& findings, Language lang) {
  std::string out;
  for (const Finding& f : findings) {
    MessageText t = render_message(f, lang);
    out += f.where.file + ":" + std::to_string(f.where.line) + ": " + std::string(name(f.severity)) + ": " +
           t.message + " [" + f.code + "]\n";
    if (!t.hint.empty()) out += "  note: " + t.hint + "\n";
  }
  return out;
}

std::vector<Finding> analysed(const fs::path& root) {
  Cohort cohort = load_directory(root.string(), LoadOptions{});
  REQUIRE(cohort.portfolios.size() == 1);
  CohortAnalysis a = analyse(cohort, d("2026-11-15"));
  return a.students[0].findings;
}

std::vector<Finding> with_severity(const std::vector<Finding>& all, Severity s) {
  std::vector<Finding> out;
  for (const Finding& f : all)
    if (f.severity == s) out.push_back(f);
  return out;
}

}  // namespace

TEST_CASE("two YAML typos: exactly two errors, and each finding they may cause says so") {
  TempDir tmp;
  write_two_typos(tmp.path(), "en");
  std::vector<Finding> all = analysed(tmp.path());
  CHECK(shown(with_severity(all, Severity::error), Language::en) ==
        "experiences/chess/index.md:2: error: the value of `title` has `: ` in it, so YAML reads it as another key "
        "[yaml-unquoted-colon]\n"
        "  note: Put the value in quotes: `title: \"Chess: the club\"`\n"
        "experiences/shelter/index.md:3: error: the `[` opened here is never closed (YAML noticed only at line 4) "
        "[yaml-unclosed]\n"
        "  note: Add the closing `]` where the value ends, e.g. `strands: [service]`\n");
  const std::string kNote = " (this may be because experiences/chess/index.md, experiences/shelter/index.md could not be read)";
  std::string warnings;
  for (const Finding& f : with_severity(all, Severity::warning)) warnings += f.code + ": " + render_message(f, Language::en).message + "\n";
  CHECK(warnings ==
        "activity-gap: No entry for 66 days, from 2026-09-05 to 2026-11-10 (at most 31 allowed)" + kNote + "\n"
        "outcome-not-evidenced: Learning outcome 2 “Demonstrate that challenges have been undertaken, developing new "
        "skills in the process” has no reflection as evidence yet" + kNote + "\n"
        "outcome-not-evidenced: Learning outcome 3 “Demonstrate how to initiate and plan a CAS experience” has no "
        "reflection as evidence yet" + kNote + "\n"
        "outcome-not-evidenced: Learning outcome 4 “Show commitment to and perseverance in CAS experiences” has no "
        "reflection as evidence yet" + kNote + "\n"
        "outcome-not-evidenced: Learning outcome 5 “Demonstrate the skills and recognise the benefits of working "
        "collaboratively” has no reflection as evidence yet" + kNote + "\n"
        "outcome-not-evidenced: Learning outcome 6 “Demonstrate engagement with issues of global significance” has no "
        "reflection as evidence yet" + kNote + "\n"
        "outcome-not-evidenced: Learning outcome 7 “Recognise and consider the ethics of choices and actions” has no "
        "reflection as evidence yet" + kNote + "\n"
        "project-missing: Not enough CAS projects (0; at least 1 needed)" + kNote + "\n"
        "reflection-deadline-missed: Missed the reflection deadline 2026-09-30: no reflection is dated between "
        "2026-09-01 and 2026-09-30" + kNote + "\n"
        "reflection-deadline-missed: Missed the reflection deadline 2026-10-30: no reflection is dated between "
        "2026-10-01 and 2026-10-30" + kNote + "\n"
        "strand-missing: No experience in the creativity strand" + kNote + "\n"
        "strand-missing: No experience in the service strand" + kNote + "\n");
  // The note in the reader's language.
  std::string ru = render_message(with_severity(all, Severity::warning)[0], Language::ru).message;
  CHECK(ru.ends_with(" (возможно, потому что не удалось прочитать experiences/chess/index.md, "
                     "experiences/shelter/index.md)"));

  SECTION("once the typos are fixed, the warnings go with the notes") {
    write_file(tmp.path() / "students/ana/experiences/chess/index.md",
               "---\ntitle: \"Chess: the club\"\nstrands: [creativity]\nstart: 2026-09-05\noutcomes: [1, 2, 3, 4]\n---\n"
               "We play chess on Fridays.\n");
    write_file(tmp.path() / "students/ana/experiences/shelter/index.md",
               "---\ntitle: Animal shelter\nstrands: [service]\nstart: 2026-09-10\noutcomes: [5, 6, 7]\n---\n"
               "We walk the dogs.\n");
    std::vector<Finding> fixed = analysed(tmp.path());
    CHECK(with_severity(fixed, Severity::error).empty());
    std::string codes;
    for (const Finding& f : with_severity(fixed, Severity::warning)) codes += f.code + "\n";
    CHECK(codes == "project-missing\n");
  }
}

TEST_CASE("check prints the unclosed bracket's own line") {
  TempDir tmp;
  write_two_typos(tmp.path(), "en");
  CliRun r = cli({"check", (tmp.path() / "students/ana").string(), "--as-of", "2026-11-15"});
  CHECK(r.code == 1);
  std::string all = r.out + r.err;
  CHECK(all.find("experiences/shelter/index.md:3:10: error: the `[` opened here is never closed (YAML noticed only "
                 "at line 4) [yaml-unclosed]\n"
                 "    strands: [service\n") != std::string::npos);
}
