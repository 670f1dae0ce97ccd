// `check --format github`: workflow commands exactly as GitHub documents them
// ("Workflow commands for GitHub Actions": ::error file=…,line=…,col=…,title=…::message;
// in the message %, CR and LF are escaped as %25, %0D, %0A; in a property
// value also : and , as %3A and %2C).
#include <catch2/catch.hpp>

#include <regex>

#include "diagnostics/github_format.h"
#include "support/cli_run.h"

namespace casfolio {
namespace {

Finding finding(std::string code, Location where, Args args) {
  Finding f;
  f.severity = severity_of(code);
  f.code = std::move(code);
  f.where = std::move(where);
  f.args = std::move(args);
  return f;
}

// What GitHub's runner does to a property value or the message (its
// ActionCommand unescaping), to show that the escaping gives the text back.
std::string unescape(std::string s) {
  for (auto [from, to] : {std::pair{"%0D", "\r"}, {"%0A", "\n"}, {"%3A", ":"}, {"%2C", ","}, {"%25", "%"}}) {
    for (size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + 1)) s.replace(i, 3, to);
  }
  return s;
}

// The documented syntax: the command, properties key=value separated by
// ',' (values holding no ',' and no ':'), '::', then the message, all on one line.
const std::regex kCommand(R"(^::(error|warning|notice)( [a-zA-Z]+=[^,:\r\n]*(,[a-zA-Z]+=[^,:\r\n]*)*)?::([^\r\n]*)\n$)");

TEST_CASE("escaping of messages and properties is GitHub's") {
  CHECK(escape_workflow_data("50% done: a, b\r\nnext") == "50%25 done: a, b%0D%0Anext");
  CHECK(escape_workflow_property("50% done: a, b\r\nnext") == "50%25 done%3A a%2C b%0D%0Anext");
  CHECK(escape_workflow_data("%25") == "%2525");  // already escaped text is escaped again
  // A terminal escape in a student's file name cannot recolour the log.
  CHECK(escape_workflow_data("a\x1b[31mb\tc") == "a\\x1b[31mb\tc");
  CHECK(escape_workflow_property("ана/шахмат,клуб:1") == "ана/шахмат%2Cклуб%3A1");
}

TEST_CASE("a warning in Russian with every character that needs escaping") {
  Finding f = finding("experience-paid", {"experiences/x/index.md", 3, 5, 4}, {{"experience", "100% fun\r\nline2"}});
  std::string line = github_annotation({&f, "students/ана/experiences/a,b:c/index.md", Language::ru});
  CHECK(line ==
        "::warning file=students/ана/experiences/a%2Cb%3Ac/index.md,line=3,col=5,title=experience-paid::"
        "Опыт «100%25 fun%0D%0Aline2» оплачивается, а оплачиваемая работа не засчитывается в CAS%0A"
        "Уберите этот опыт из портфолио CAS; если оплаты не было, удалите строку `paid: true`.\n");
  std::smatch m;
  REQUIRE(std::regex_match(line, m, kCommand));
  CHECK(unescape(m[4]) ==
        "Опыт «100% fun\r\nline2» оплачивается, а оплачиваемая работа не засчитывается в CAS\n"
        "Уберите этот опыт из портфолио CAS; если оплаты не было, удалите строку `paid: true`.");
}

TEST_CASE("an error in English, a note without a line, a finding without a file") {
  Finding error = finding("unknown-strand", {"experiences/x/index.md", 3, 19, 6}, {{"strand", "servce"}});
  CHECK(github_annotation({&error, "content/students/ana/experiences/x/index.md", Language::en}) ==
        "::error file=content/students/ana/experiences/x/index.md,line=3,col=19,title=unknown-strand::"
        "`servce` is not a CAS strand%0AThe strands are creativity, activity and service (or C, A, S, or their "
        "Kazakh or Russian names).\n");

  Finding no_line = finding("unknown-strand", {"experiences/x/index.md", 0, 0, 0}, {{"strand", "x"}});
  CHECK(github_annotation({&no_line, "experiences/x/index.md", Language::kk}) ==
        "::error file=experiences/x/index.md,title=unknown-strand::`x` — CAS бағыты емес%0AБағыттар: creativity "
        "(шығармашылық), activity (белсенділік) және service (қызмет); C, A, S деп те жазуға болады.\n");

  Finding note = finding("reflection-before-start", {"experiences/x/a.md", 2, 0, 0},
                         {{"date", "2026-09-01"}, {"experience", "Chess"}, {"start", "2026-09-10"}});
  std::string notice = github_annotation({&note, "", Language::en});
  CHECK(notice.starts_with("::notice title=reflection-before-start::This reflection is dated 2026-09-01, before "));
  CHECK(std::regex_match(notice, kCommand));
}

TEST_CASE("check --format github on a fixture: paths from the working directory, exit code as text") {
  test::InFolder in(CASFOLIO_SOURCE_DIR);
  auto github = test::cli({"check", "tests/fixtures/invalid/unknown-strand/", "--format", "github", "--as-of",
                           "2027-06-15"});
  auto text = test::cli({"check", "tests/fixtures/invalid/unknown-strand/", "--as-of", "2027-06-15"});
  CHECK(github.code == 1);
  CHECK(github.code == text.code);
  CHECK(github.err.empty());
  const std::string prefix = "::error file=tests/fixtures/invalid/unknown-strand/experiences/x/index.md,line=3,col=";
  REQUIRE(github.out.find('\n') != std::string::npos);
  std::string first = github.out.substr(0, github.out.find('\n') + 1);
  CHECK(first.starts_with(prefix + "11,title=misspelled-strand::"));
  std::string rest = github.out.substr(first.size());
  CHECK(rest.starts_with(prefix + "19,title=unknown-strand::"));
  size_t lines = 0;
  for (size_t start = 0; start < github.out.size(); ++lines) {
    size_t end = github.out.find('\n', start) + 1;
    CHECK(std::regex_match(github.out.substr(start, end - start), kCommand));
    start = end;
  }
  // One annotation per finding the text format shows (its header lines start with the path).
  size_t text_findings = 0;
  for (size_t start = 0; start < text.out.size(); start = text.out.find('\n', start) + 1)
    text_findings += text.out.compare(start, 38, "tests/fixtures/invalid/unknown-strand/") == 0;
  CHECK(text_findings == 13);
  CHECK(lines == text_findings);

  // --lang: the same findings in Russian; a wrong --format or --lang is a usage error.
  auto ru = test::cli({"check", "tests/fixtures/invalid/unknown-strand", "--format", "github", "--lang", "ru",
                       "--as-of", "2027-06-15"});
  CHECK(ru.out.find("это не направление CAS") != std::string::npos);
  auto bad = test::cli({"check", "content", "--format", "gitlab"});
  CHECK(bad.code == 2);
  CHECK(bad.err == "casfolio check: --format is text, json, sarif or github, got 'gitlab'\n");
  auto bad_lang = test::cli({"check", "content", "--lang", "de"});
  CHECK(bad_lang.code == 2);
  CHECK(bad_lang.err == "casfolio check: --lang is kk, ru or en, got 'de'\n");
}

}  // namespace
}  // namespace casfolio
