// Markdown that would keep cmark-gfm busy for minutes (issue 17, item 4) is
// never parsed: util/markdown_budget.h estimates the work in one pass, the
// loader reports `markdown-too-complex` naming the file and the line, and
// render shows the text as plain text. Work is bounded by counts and input
// sizes here, never by the clock (the one `timeout` is a hang guard).
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include "diagnostics/diagnostics.h"
#include "load/loader.h"
#include "support.h"
#include "util/markdown_budget.h"

using namespace casfolio;
using namespace casfolio::hardening;

namespace {

std::string repeat(std::string_view unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

std::string verdict(std::string_view text) {
  auto v = markdown_too_complex(text);
  return v ? std::string(v->construct) + " at line " + std::to_string(v->line) : "ok";
}

// 200 KB of what a long reflection looks like: paragraphs with links,
// images, e-mails and web addresses, and a table now and then.
std::string ordinary_prose(size_t bytes) {
  std::string out;
  for (int i = 0; out.size() < bytes; ++i) {
    out += "On day " + std::to_string(i) + " we met at the [river](notes/day.md) with ![the team](photos/team.jpg) "
           "and wrote to ana@example.org and www.example.org about it; see https://example.org/report too.\n"
           "The second line of the paragraph says what I learnt [here](https://example.org/" +
           std::to_string(i) + ").\n\n";
    if (i % 20 == 0) out += "| day | hours | what |\n|---|---|---|\n| 1 | 2 | cleaning |\n| 2 | 3 | sorting |\n\n";
  }
  return out;
}

// The most repetitions of `unit` on one line that the pre-scan lets through.
size_t largest_accepted(std::string_view unit) {
  size_t low = 0, high = 1 << 20;  // accepted, refused
  while (high - low > 1) {
    size_t mid = (low + high) / 2;
    if (markdown_too_complex(repeat(unit, mid * unit.size()))) high = mid;
    else low = mid;
  }
  return low;
}

const char* kCohort =
    "school: Test Lyceum\nlanguage: en\nstart: 2026-09-01\nend: 2028-04-15\nframework: ib-cas\ntheme: plain\n";

}  // namespace

TEST_CASE("the pre-scan refuses the inputs that keep cmark-gfm busy, at the line where they pass the limit") {
  CHECK(verdict(repeat("![[]()", 240 * 1024)) == "![ at line 1");
  CHECK(verdict(repeat("![[]()", 900 * 1024)) == "![ at line 1");
  CHECK(verdict(repeat("a@", 800 * 1024)) == "@ at line 1");
  CHECK(verdict("|a|\n|-|\n" + std::string(20'000, '|') + "\n") == "| at line 3");
  CHECK(verdict("A first paragraph.\n\n" + repeat("![[]()", 240 * 1024)) == "![ at line 3");
  // Escapes and code spans do not hide a construct from the estimate.
  CHECK(verdict(repeat("![\\][]()", 240 * 1024)) == "![ at line 1");
  CHECK(verdict(repeat("![`]`[]()", 240 * 1024)) == "![ at line 1");
}

TEST_CASE("ordinary long Markdown is not refused") {
  CHECK(verdict(ordinary_prose(200 * 1024)) == "ok");
  std::string photo_essay;  // one paragraph of 1000 images, one per line
  for (int i = 0; i < 1000; ++i) photo_essay += "![photo " + std::to_string(i) + "](photos/" + std::to_string(i) + ".jpg)\n";
  CHECK(verdict(photo_essay) == "ok");
  std::string wide_table = "|" + repeat("h|", 60) + "\n|" + repeat("-|", 60) + "\n";
  for (int i = 0; i < 2000; ++i) wide_table += "|" + repeat("x|", 60) + "\n";
  CHECK(verdict(wide_table) == "ok");
  CHECK(verdict(repeat("write to ana@example.org\n", 900 * 1024)) == "ok");  // one address a line
}

TEST_CASE("what the pre-scan lets through is small enough for cmark-gfm's superlinear paths") {
  // cmark's work on these grows with the square of the repetitions (measured
  // in docs/decisions.md); bounding the input bounds the work.
  CHECK(largest_accepted("![[]()") == 4471);  // 27 KB: 1 + 2 + ... + n <= 10,000,000
  CHECK(largest_accepted("|") == 3162);       // n^2 <= 10,000,000
  CHECK(largest_accepted("a@") == 5000);      // 1000 rescans x 10 KB
  MarkdownBudget budget;
  CHECK(budget.max_image_bracket_steps == 10'000'000);
  CHECK(budget.max_table_pipe_steps == 10'000'000);
  CHECK(budget.max_autolink_steps == 10'000'000);
}

TEST_CASE("a portfolio with such texts loads with markdown-too-complex, and the cohort still builds") {
  TempDir tmp;
  write_file(tmp.path() / "cohort.yaml", kCohort);
  fs::path s = tmp.path() / "students/ana";
  write_file(s / "portfolio.yaml", "name: Ana Test\n");
  std::string front = "---\ntitle: River clean-up\nstrands: [service]\nstart: 2026-10-01\noutcomes: [1]\n---\n";
  write_file(s / "experiences/river/index.md", front + repeat("![[]()", 900 * 1024) + "\n");
  const std::string reflection = "---\ndate: 2026-10-05\n---\n";
  write_file(s / "experiences/river/2026-10-05-brackets.md", reflection + "Fine.\n\n" + repeat("![[]()", 240 * 1024));
  write_file(s / "experiences/river/2026-10-06-at.md", reflection + repeat("a@", 800 * 1024));
  write_file(s / "experiences/river/2026-10-07-long.md", reflection + ordinary_prose(200 * 1024));
  write_file(s / "experiences/river/2026-10-08-short.md", reflection + "See [the other day](2026-10-07-long.md).\n");
  write_file(tmp.path() / "students/bek/portfolio.yaml", "name: Bek Test\n");

  Cohort cohort = load_directory(tmp.path().string(), {});
  REQUIRE(cohort.portfolios.size() == 2);
  std::vector<std::string> found;
  for (const LoadedPortfolio& lp : cohort.portfolios)
    for (const Finding& f : lp.findings)
      if (f.code == "markdown-too-complex")
        found.push_back(f.where.file + ":" + std::to_string(f.where.line) + ": " + std::string(name(f.severity)) +
                        ": " + render_message(f, Language::en).message);
  const std::string brackets = "this Markdown has too many `![` to be read safely; it is shown as plain text, without links";
  const std::string ats = "this Markdown has too many `@` to be read safely; it is shown as plain text, without links";
  CHECK(found == std::vector<std::string>{
                     "experiences/river/2026-10-05-brackets.md:6: warning: " + brackets,
                     "experiences/river/2026-10-06-at.md:4: warning: " + ats,
                     "experiences/river/index.md:7: warning: " + brackets,
                 });
  const Portfolio& ana = cohort.portfolios[0].portfolio;
  CHECK(ana.experiences.size() == 1);
  CHECK(ana.reflections.size() == 4);

  // The whole build, with a generous guard against a hang.
  TempDir out;  // outside the sources, as build requires
  fs::path site = out.path() / "site";
  std::string cmd = "timeout 120 " + shell_quoted(CASFOLIO_BINARY) + " build " + shell_quoted(tmp.str()) + " --out " +
                    shell_quoted(site.string()) + " --as-of 2027-06-15 >/dev/null 2>&1";
  int status = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  CHECK(fs::is_regular_file(site / "en/students/bek/index.html"));
  std::string page;
  for (const auto& e : fs::recursive_directory_iterator(site / "en/students/ana")) {
    std::string text = read_file(e.path());
    if (text.find("Fine.\n\n![[]()![[]()") != std::string::npos) page = text;
  }
  INFO("the refused reflection is on a page as plain text");
  CHECK(page.find("<pre class=\"markdown-as-text\">") != std::string::npos);
  bool long_one_rendered = false;
  for (const auto& e : fs::recursive_directory_iterator(site / "en/students/ana"))
    if (read_file(e.path()).find("<a href=\"https://example.org/report\">") != std::string::npos) long_one_rendered = true;
  CHECK(long_one_rendered);  // 200 KB of ordinary prose is Markdown as usual
}
