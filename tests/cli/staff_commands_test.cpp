// casfolio approve | confirm | comment on a small cohort in a temporary
// folder: each writes exactly the documented record into the staff folder,
// never replaces one, works from any folder of the cohort and never writes
// inside a portfolio.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <sstream>

#include "cli/cli.h"
#include "diagnostics/diagnostics.h"
#include "load/loader.h"
#include "support/cli_run.h"
#include "support/test_support.h"
#include "util/normalised_text.h"

using namespace casfolio;
namespace fs = std::filesystem;
using test::read_file;
using test::TempDir;
using test::write_file;

using casfolio::test::cli;
using casfolio::test::CliRun;
using casfolio::test::InFolder;

namespace {



const std::string kPlan = "# My CAS plan\r\n\r\nGuitar, volleyball, the river.  \r\n\r\n\r\n";

// A cohort with a staff folder next to the students: one portfolio with a
// plan, an experience, a project, a reflection and an interview.
void write_cohort(const fs::path& root) {
  write_file(root / "cohort.yaml", "school: Test School\nlanguage: en\nstart: 2026-09-01\nend: 2028-04-15\nstaff: staff\n");
  fs::path ana = root / "students/ana";
  write_file(ana / "portfolio.yaml", "name: Ana Test\n");
  write_file(ana / "plan.md", kPlan);
  write_file(ana / "experiences/guitar/index.md",
             "---\ntitle: Guitar\nstrands: [creativity]\nstart: 2026-09-01\nend: 2026-09-10\noutcomes: [1, 2]\n"
             "hours: 20\n---\nI learn chords.\n");
  write_file(ana / "experiences/guitar/2026-09-05-chords.md", "---\ndate: 2026-09-05\noutcomes: [1]\n---\nFirst chords.\n");
  write_file(ana / "experiences/river/index.md",
             "---\ntitle: River clean-up\nstrands: [service]\nstart: 2026-10-01\noutcomes: [5]\nproject: true\n"
             "collaborators: [Eco club]\n---\nWe clean the river.\n");
  write_file(ana / "experiences/proposal/index.md",
             "---\ntitle: A proposal\nstrands: [activity]\nstart: 2027-01-10\noutcomes: [3]\ndraft: true\n---\nLater.\n");
  write_file(ana / "interviews/2026-10-28-first.md", "---\ndate: 2026-10-28\nkind: first\n---\nNotes.\n");
}

// Every file under `dir`, relative, with its text: to prove nothing changed.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = read_file(e.path());
  return files;
}

}  // namespace

TEST_CASE("casfolio approve writes approvals/plan.yaml with the SHA-256 of the plan's normalised text",
          "[staff-commands]") {
  TempDir d;
  write_cohort(d.path());
  auto portfolio_before = snapshot(d.path() / "students");
  InFolder here(d.path());
  CliRun r = cli({"approve", "students/ana/plan.md", "--by", "Marat \"Mr\" Iskakov", "--date", "2026-09-15",
                  "--comment", "Good balance: C, A and S"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::string sha = normalised_text_sha256(kPlan);
  CHECK(sha == normalised_text_sha256("# My CAS plan\n\nGuitar, volleyball, the river.\n"));
  std::string expected =
      "what: plan\n"
      "by: \"Marat \\\"Mr\\\" Iskakov\"\n"
      "date: 2026-09-15\n"
      "files:\n"
      "  - path: \"plan.md\"\n"
      "    sha256: " + sha + "\n"
      "    text: |2\n"
      "      # My CAS plan\n"
      "\n"
      "      Guitar, volleyball, the river.\n"
      "comment: \"Good balance: C, A and S\"\n";
  CHECK(read_file(d.path() / "staff/ana/approvals/plan.yaml") == expected);
  CHECK(r.out == "wrote staff/ana/approvals/plan.yaml\n" + expected);
  CHECK(snapshot(d.path() / "students") == portfolio_before);
}

TEST_CASE("casfolio approve of a project or an experience hashes its index.md and says which it is",
          "[staff-commands]") {
  TempDir d;
  write_cohort(d.path());
  InFolder here(d.path() / "students/ana/experiences");  // any folder of the cohort
  CliRun project = cli({"approve", "river", "--by", "Marat Iskakov", "--as-of", "2026-09-20"});
  INFO(project.err);
  REQUIRE(project.code == 0);
  std::string index = read_file(d.path() / "students/ana/experiences/river/index.md");
  std::string block;  // the approved text, two spaces deeper than `text:`
  for (size_t start = 0; start < index.size();) {
    size_t end = index.find('\n', start);
    std::string l = index.substr(start, end - start);
    block += (l.empty() ? "" : "      " + l) + "\n";
    start = end + 1;
  }
  std::string expected = "what: project\nby: \"Marat Iskakov\"\ndate: 2026-09-20\nfiles:\n"
                         "  - path: \"experiences/river/index.md\"\n    sha256: " + normalised_text_sha256(index) +
                         "\n    text: |2\n" + block;
  CHECK(read_file(d.path() / "staff/ana/approvals/river.yaml") == expected);
  CHECK(project.out == "wrote ../../../staff/ana/approvals/river.yaml\n" + expected);

  CliRun experience = cli({"approve", "guitar/index.md", "--by", "Marat Iskakov", "--date", "2026-09-02"});
  REQUIRE(experience.code == 0);
  CHECK(read_file(d.path() / "staff/ana/approvals/guitar.yaml").starts_with("what: experience\n"));

  CliRun reflection = cli({"approve", "guitar/2026-09-05-chords.md", "--by", "Marat Iskakov"});
  CHECK(reflection.code == 2);
  CHECK(reflection.err ==
        "guitar/2026-09-05-chords.md: error: guitar/2026-09-05-chords.md cannot be approved: approve the CAS plan "
        "(plan.md) or an experience or project (its folder or its index.md) [staff-command-not-approvable]\n"
        "note: e.g. casfolio approve students/ana/plan.md --by \"Marat Iskakov\"\n");
}

TEST_CASE("casfolio confirm writes confirmations/<id>.yaml with the keys in the documented order",
          "[staff-commands]") {
  TempDir d;
  write_cohort(d.path());
  InFolder here(d.path() / "students/ana");
  CliRun r = cli({"confirm", "experiences/guitar", "--by", "Aigerim Sadykova", "--role", "Guitar teacher", "--hours",
                  "18.5", "--outcomes", "LO1, 2", "--completed", "--source", "email", "--date", "2026-09-12",
                  "--comment", "Played two songs\nat the concert"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::string expected =
      "by: \"Aigerim Sadykova\"\n"
      "role: \"Guitar teacher\"\n"
      "date: 2026-09-12\n"
      "source: email\n"
      "hours: 18.5\n"
      "outcomes: [1, 2]\n"
      "completed: true\n"
      "comment: \"Played two songs\\nat the concert\"\n";
  CHECK(read_file(d.path() / "staff/ana/confirmations/guitar.yaml") == expected);
  CHECK(r.out == "wrote ../../staff/ana/confirmations/guitar.yaml\n" + expected);

  CliRun minimal = cli({"confirm", "experiences/river/index.md", "--by", "Eco club", "--hours", "40",
                        "--not-completed", "--as-of", "2026-11-01"});
  REQUIRE(minimal.code == 0);
  CHECK(read_file(d.path() / "staff/ana/confirmations/river.yaml") ==
        "by: \"Eco club\"\ndate: 2026-11-01\nsource: form\nhours: 40\ncompleted: false\n");
}

TEST_CASE("casfolio confirm refuses bad hours, outcomes, source and a missing --completed", "[staff-commands]") {
  TempDir d;
  write_cohort(d.path());
  InFolder here(d.path());
  auto confirm = [](std::vector<std::string> extra) {
    std::vector<std::string> args = {"confirm", "students/ana/experiences/guitar", "--by", "A S"};
    args.insert(args.end(), extra.begin(), extra.end());
    return cli(args);
  };
  CliRun nan = confirm({"--hours", "nan", "--completed"});
  CHECK(nan.code == 2);
  CHECK(nan.err == "casfolio confirm: error: --hours wants a number of hours more than 0 and at most 10000, not 'nan' "
                   "[staff-command-bad-hours]\nnote: Write the hours the supervisor confirms as a number, e.g. "
                   "--hours 28 or --hours 2.5.\n");
  for (const char* bad : {"0", "-3", "inf", "1e9", "12h", ""}) {
    INFO(bad);
    CHECK(confirm({"--hours", bad, "--completed"}).err.find("[staff-command-bad-hours]") != std::string::npos);
  }
  // 2026-09-01 .. 2026-09-10 is ten days: at most 240 hours.
  CHECK(confirm({"--hours", "240", "--completed", "--staff", "elsewhere"}).code == 0);
  CliRun over = confirm({"--hours", "240.5", "--completed"});
  CHECK(over.code == 2);
  CHECK(over.err == "casfolio confirm: error: 240.5 hours is more than the 10 days from 2026-09-01 to 2026-09-10 can "
                    "hold (at most 240) [staff-command-too-many-hours]\nnote: A day has 24 hours. Check the hours, or "
                    "the experience's start and end in its index.md.\n");
  CliRun outcome = confirm({"--hours", "5", "--outcomes", "1,9", "--completed"});
  CHECK(outcome.code == 2);
  CHECK(outcome.err.starts_with("casfolio confirm: error: --outcomes: '9' is not a learning outcome of "));
  CHECK(outcome.err.find("[staff-command-bad-outcome]") != std::string::npos);
  CliRun unsaid = confirm({"--hours", "5"});
  CHECK(unsaid.code == 2);
  CHECK(unsaid.err.find("[staff-command-completed-unsaid]") != std::string::npos);
  CHECK(confirm({"--hours", "5", "--completed", "--not-completed"}).err.find("[staff-command-completed-unsaid]") !=
        std::string::npos);
  CliRun source = confirm({"--hours", "5", "--completed", "--source", "phone"});
  CHECK(source.err == "casfolio confirm: error: --source is form, email, paper or in-person, not 'phone' "
                      "[staff-command-bad-source]\nnote: Say how the confirmation reached you: a form, an email, on "
                      "paper or in person.\n");
  CliRun no_by = cli({"confirm", "students/ana/experiences/guitar", "--hours", "5", "--completed"});
  CHECK(no_by.code == 2);
  CHECK(no_by.err == "casfolio confirm: error: --by is missing: a staff record always names who wrote it "
                     "[staff-command-no-by]\nnote: Add your name, e.g. --by \"Marat Iskakov\".\n");
  CliRun not_experience = cli({"confirm", "students/ana/plan.md", "--by", "A S", "--hours", "5", "--completed"});
  CHECK(not_experience.err.find("[staff-command-not-an-experience]") != std::string::npos);
  CHECK_FALSE(fs::exists(d.path() / "staff"));

  // A draft is found as `casfolio check --drafts` finds it.
  CliRun draft = cli({"approve", "students/ana/experiences/proposal", "--by", "M", "--date", "2026-12-01"});
  CHECK(draft.err.find("[staff-command-not-approvable]") != std::string::npos);
  CHECK(cli({"approve", "students/ana/experiences/proposal", "--by", "M", "--date", "2026-12-01", "--drafts"}).code == 0);
  CHECK(read_file(d.path() / "staff/ana/approvals/proposal.yaml").starts_with("what: experience\nby: \"M\"\n"));
}

TEST_CASE("casfolio comment writes feedback/<date>-<n>.md with the next free n", "[staff-commands]") {
  TempDir d;
  write_cohort(d.path());
  InFolder here(d.path() / "students");
  CliRun first = cli({"comment", "ana", "--by", "Marat Iskakov", "--role", "adviser", "--date", "2026-10-02",
                      "Good start.\r\nKeep **reflecting**.  \n\n"});
  INFO(first.err);
  REQUIRE(first.code == 0);
  std::string expected = "---\nby: \"Marat Iskakov\"\nrole: \"adviser\"\ndate: 2026-10-02\non: \"portfolio\"\n"
                         "staff_only: false\n---\n\nGood start.\nKeep **reflecting**.\n";
  CHECK(read_file(d.path() / "staff/ana/feedback/2026-10-02-1.md") == expected);
  CHECK(first.out == "wrote ../staff/ana/feedback/2026-10-02-1.md\n" + expected);

  CliRun second = cli({"comment", "ana/experiences/guitar/2026-09-05-chords.md", "--by", "Marat Iskakov",
                       "--staff-only", "--date", "2026-10-02", "Check the dates with the teacher."});
  REQUIRE(second.code == 0);
  CHECK(read_file(d.path() / "staff/ana/feedback/2026-10-02-2.md") ==
        "---\nby: \"Marat Iskakov\"\ndate: 2026-10-02\non: \"experiences/guitar/2026-09-05-chords.md\"\n"
        "staff_only: true\n---\n\nCheck the dates with the teacher.\n");
  CHECK(read_file(d.path() / "staff/ana/feedback/2026-10-02-1.md") == expected);

  CHECK(cli({"comment", "ana/experiences/river/index.md", "--by", "M", "--date", "2026-10-03", "Nice."}).code == 0);
  CHECK(read_file(d.path() / "staff/ana/feedback/2026-10-03-1.md").find("on: \"experiences/river\"\n") !=
        std::string::npos);
  CHECK(cli({"comment", "ana/interviews/2026-10-28-first.md", "--by", "M", "--date", "2026-10-03", "Ok."}).code == 0);
  CHECK(read_file(d.path() / "staff/ana/feedback/2026-10-03-2.md").find("on: \"interviews/2026-10-28-first.md\"\n") !=
        std::string::npos);

  CliRun evidence = cli({"comment", "ana/portfolio.yaml", "--by", "M", "Hm."});
  CHECK(evidence.code == 2);
  CHECK(evidence.err.find("[staff-command-not-commentable]") != std::string::npos);
  CliRun empty = cli({"comment", "ana", "--by", "M", "  \n"});
  CHECK(empty.code == 2);
  CHECK(empty.err == "casfolio comment: error: the comment has no text [staff-command-no-text]\nnote: Give the comment "
                     "after the path, in quotes: casfolio comment PATH --by NAME \"text\".\n");
}

TEST_CASE("a staff command never replaces a record: exit 1, the file named, nothing changed", "[staff-commands]") {
  TempDir d;
  write_cohort(d.path());
  InFolder here(d.path());
  REQUIRE(cli({"approve", "students/ana/plan.md", "--by", "Marat Iskakov", "--date", "2026-09-15"}).code == 0);
  REQUIRE(cli({"confirm", "students/ana/experiences/guitar", "--by", "A S", "--hours", "5", "--completed"}).code == 0);
  auto before = snapshot(d.path());

  CliRun again = cli({"approve", "students/ana/plan.md", "--by", "Someone Else", "--date", "2026-09-20"});
  CHECK(again.code == 1);
  CHECK(again.out.empty());
  CHECK(again.err == "staff/ana/approvals/plan.yaml: error: staff/ana/approvals/plan.yaml already exists; nothing "
                     "was written [staff-command-record-exists]\nnote: A staff record is never replaced. To record it "
                     "again, move or delete the old file in the staff folder first (its history stays in Git).\n");
  CliRun confirm = cli({"confirm", "students/ana/experiences/guitar", "--by", "B", "--hours", "9", "--not-completed"});
  CHECK(confirm.code == 1);
  CHECK(confirm.err.find("staff/ana/confirmations/guitar.yaml already exists") != std::string::npos);
  CHECK(snapshot(d.path()) == before);
}

TEST_CASE("a staff command never writes inside a portfolio, nor without a staff folder", "[staff-commands]") {
  TempDir d;
  write_cohort(d.path());
  InFolder here(d.path());
  auto before = snapshot(d.path());

  CliRun inside = cli({"approve", "students/ana/plan.md", "--by", "M", "--staff", "students/ana/staff"});
  CHECK(inside.code == 2);
  fs::path real = fs::canonical(d.path());
  CHECK(inside.err == "casfolio approve: error: the staff folder " + (real / "students/ana/staff").string() +
                          " is inside the portfolio " + (real / "students/ana").string() +
                          "; staff records are never written into a student's folder "
                          "[staff-command-staff-inside-portfolio]\nnote: A student can change anything in their own "
                          "folder. Keep the staff folder outside the portfolios, ideally in a repository only staff may "
                          "write to.\n");
  write_file(d.path() / "cohort.yaml", "language: en\nstaff: students/ana/.staff\n");
  before = snapshot(d.path());
  CHECK(cli({"comment", "students/ana", "--by", "M", "Hi"}).err.find("[staff-command-staff-inside-portfolio]") !=
        std::string::npos);

  write_file(d.path() / "cohort.yaml", "language: en\n");
  before = snapshot(d.path());
  CliRun none = cli({"comment", "students/ana", "--by", "M", "Hi"});
  CHECK(none.code == 2);
  CHECK(none.err.starts_with("casfolio comment: error: no staff folder: cohort.yaml has no staff: key and no --staff "
                             "was given [staff-command-no-staff-folder]\n"));

  write_file(d.path() / "notes/todo.md", "x\n");
  before = snapshot(d.path());
  CliRun outside = cli({"comment", "notes/todo.md", "--by", "M", "--staff", "staff", "Hi"});
  CHECK(outside.code == 2);
  CHECK(outside.err == "notes/todo.md: error: notes/todo.md is not inside a portfolio: there is no portfolio.yaml in "
                       "its folder or above it [staff-command-outside-portfolio]\nnote: Staff records are about one "
                       "student's work: name a file or folder of their portfolio, e.g. "
                       "students/ana/experiences/guitar.\n");
  CHECK(cli({"comment", "students/ana/nothing.md", "--by", "M", "--staff", "staff", "Hi"})
            .err.find("[staff-command-no-such-path]") != std::string::npos);
  CHECK(cli({"approve", "students/ana/plan.md", "--by", "M", "--date", "2026-02-30", "--staff", "staff"})
            .err.find("[staff-command-bad-date]") != std::string::npos);
  CHECK(snapshot(d.path()) == before);
}

TEST_CASE("the staff commands' messages are in kk, ru and en", "[staff-commands]") {
  for (const char* code :
       {"staff-command-no-by", "staff-command-bad-date", "staff-command-no-such-path", "staff-command-outside-portfolio",
        "staff-command-no-staff-folder", "staff-command-staff-inside-portfolio", "staff-command-not-approvable",
        "staff-command-not-an-experience", "staff-command-not-commentable", "staff-command-bad-hours",
        "staff-command-too-many-hours", "staff-command-bad-outcome", "staff-command-completed-unsaid",
        "staff-command-bad-source", "staff-command-no-text", "staff-command-record-exists",
        "staff-command-write-failed"}) {
    INFO(code);
    CHECK(is_known_code(code));
    CHECK(severity_of(code) == Severity::error);
    Finding f;
    f.code = code;
    std::string en = render_message(f, Language::en).message;
    for (Language lang : {Language::kk, Language::ru}) {
      MessageText text = render_message(f, lang);
      CHECK_FALSE(text.message.empty());
      CHECK_FALSE(text.hint.empty());
      CHECK(text.message != en);
    }
  }
}

TEST_CASE("a Kazakh cohort reads the staff commands' refusals in Kazakh", "[staff-commands]") {
  TempDir d;
  write_cohort(d.path());
  write_file(d.path() / "cohort.yaml", "language: kk\nstaff: staff\n");
  InFolder here(d.path());
  REQUIRE(cli({"approve", "students/ana/plan.md", "--by", "Марат Искаков", "--date", "2026-09-15"}).code == 0);
  CHECK(read_file(d.path() / "staff/ana/approvals/plan.yaml").find("by: \"Марат Искаков\"\n") != std::string::npos);
  CliRun again = cli({"approve", "students/ana/plan.md", "--by", "Марат Искаков"});
  CHECK(again.code == 1);
  CHECK(again.err.starts_with("staff/ana/approvals/plan.yaml: қате: staff/ana/approvals/plan.yaml бұрыннан бар; "
                              "ештеңе жазылған жоқ [staff-command-record-exists]\n"));
}

TEST_CASE("casfolio approve keeps the approved text so that it reads back exactly, whatever it holds",
          "[staff-commands]") {
  // Leading blanks on the first line, YAML-looking lines, a tab, and (second
  // plan) a control character, which no YAML block may hold: then the text
  // is kept double-quoted instead.
  for (std::string plan : {std::string("   indented first line\n# heading\nkey: value\n---\n\tTabbed\n\n- item\n"),
                           std::string("A bell \x07 in the text\n")}) {
    TempDir d;
    write_cohort(d.path());
    write_file(d.path() / "students/ana/plan.md", plan);
    InFolder here(d.path());
    CliRun r = cli({"approve", "students/ana/plan.md", "--by", "Marat Iskakov", "--date", "2026-09-15"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::string record = read_file(d.path() / "staff/ana/approvals/plan.yaml");
    CHECK(record.find(plan.find('\x07') == std::string::npos ? "    text: |2\n" : "    text: \"") != std::string::npos);
    // The loader finds the kept text equal to the approved one: no mismatch, up to date.
    LoadOptions options;
    Cohort c = load_directory(d.path().string(), options);
    REQUIRE(c.portfolios.size() == 1);
    for (const auto* list : {&c.config_findings, &c.portfolios[0].findings})
      for (const Finding& f : *list) CHECK(f.code != "staff-approval-text-mismatch");
    const auto& approval = c.portfolios[0].portfolio.staff.plan_approval;
    REQUIRE(approval);
    REQUIRE(approval->files.size() == 1);
    CHECK(approval->files[0].approved_text == normalised_text(plan));
    CHECK(approval->files[0].up_to_date());
  }
}
