// YAML errors a student understands (issue 15, load/yaml_hints.h): an
// unquoted colon gets "put the value in quotes" with the line as it should
// be, and an unclosed `[`, `{` or quote is reported on the line where it
// opened, not where yaml-cpp noticed.
#include <catch2/catch.hpp>

#include "load/document.h"
#include "load/yaml_hints.h"

using namespace casfolio;

namespace {

// What parse_markdown_document reports for `text` as experiences/x/index.md:
// "file:line:column+length: severity: message [code]" and "  note: hint", in `lang`.
std::string diagnose(const std::string& text, Language lang = Language::en) {
  Diagnostics d;
  Limits limits;
  CohortConfig cohort;
  parse_markdown_document(text, "experiences/x/index.md", FrontMatter::required, limits, d);
  std::string out;
  for (const Finding& f : d.findings()) {
    MessageText t = render_message(f, lang);
    out += f.where.file + ":" + std::to_string(f.where.line) + ":" + std::to_string(f.where.column) + "+" +
           std::to_string(f.where.length) + ": " + std::string(name(f.severity)) + ": " + t.message + " [" + f.code +
           "]\n";
    if (!t.hint.empty()) out += "  note: " + t.hint + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("an unquoted colon in a value: quote the value") {
  std::string text = "---\ntitle: Chess: the club\nstrands: [creativity]\n---\nText.\n";
  CHECK(diagnose(text) ==
        "experiences/x/index.md:2:8+15: error: the value of `title` has `: ` in it, so YAML reads it as another key "
        "[yaml-unquoted-colon]\n"
        "  note: Put the value in quotes: `title: \"Chess: the club\"`\n");
  CHECK(diagnose(text, Language::ru) ==
        "experiences/x/index.md:2:8+15: error: в значении `title` есть `: `, и YAML читает его как ещё один ключ "
        "[yaml-unquoted-colon]\n"
        "  note: Возьмите значение в кавычки: `title: \"Chess: the club\"`\n");
  SECTION("a comment stays after the quoted value, a quote inside is escaped, Cyrillic columns count characters") {
    CHECK(diagnose("---\n  - title: Шахматы: \"клуб\"  # note\n---\n") ==
          "experiences/x/index.md:2:12+15: error: the value of `title` has `: ` in it, so YAML reads it as another key "
          "[yaml-unquoted-colon]\n"
          "  note: Put the value in quotes: `  - title: \"Шахматы: \\\"клуб\\\"\"  # note`\n");
  }
  SECTION("a colon without a space after it is plain text, as YAML reads it") {
    CHECK(diagnose("---\ntitle: Chess:the club\ntime: 12:30\n---\n") == "");
  }
}

TEST_CASE("an unclosed bracket is reported where it opened, with the line as it should be") {
  std::string text = "---\ntitle: Animal shelter\nstrands: [service\nstart: 2026-09-10\noutcomes: [5, 6]\n---\n";
  CHECK(diagnose(text) ==
        "experiences/x/index.md:3:10+1: error: the `[` opened here is never closed (YAML noticed only at line 4) "
        "[yaml-unclosed]\n"
        "  note: Add the closing `]` where the value ends, e.g. `strands: [service]`\n");
  CHECK(diagnose(text, Language::kk) ==
        "experiences/x/index.md:3:10+1: error: мұнда ашылған `[` жабылмаған (YAML мұны тек 4-жолда байқады) "
        "[yaml-unclosed]\n"
        "  note: Мән аяқталатын жерге жабатын `]` белгісін қойыңыз, мысалы `strands: [service]`\n");
  SECTION("a brace, with a comment after it kept") {
    CHECK(diagnose("---\nsupervisor: {name: Aigerim  # the coach\nstart: 2026-09-10\n---\n") ==
          "experiences/x/index.md:2:13+1: error: the `{` opened here is never closed (YAML noticed only at line 3) "
          "[yaml-unclosed]\n"
          "  note: Add the closing `}` where the value ends, e.g. `supervisor: {name: Aigerim}  # the coach`\n");
  }
  SECTION("a bracket inside quotes or a comment is not one") {
    CHECK(diagnose("---\ntitle: \"a [b\"  # c [d\nstrands: [service\nstart: 2026-09-10\n---\n") ==
          "experiences/x/index.md:3:10+1: error: the `[` opened here is never closed (YAML noticed only at line 4) "
          "[yaml-unclosed]\n"
          "  note: Add the closing `]` where the value ends, e.g. `strands: [service]`\n");
  }
}

TEST_CASE("an unclosed quote is reported where it opened") {
  SECTION("yaml-cpp reads it to the end of the front matter without a word") {
    CHECK(diagnose("---\ntitle: \"Chess club\nstrands: [creativity]\nstart: 2026-09-10\n---\nText.\n") ==
          "experiences/x/index.md:2:8+1: error: the `\"` opened here is never closed (YAML noticed only at line 4) "
          "[yaml-unclosed]\n"
          "  note: Add the closing `\"` where the value ends, e.g. `title: \"Chess club\"`\n");
  }
  SECTION("the next quote closes it and yaml-cpp stops there") {
    CHECK(diagnose("---\ntitle: 'Chess club\nstrands: [creativity, 'service']\n---\n") ==
          "experiences/x/index.md:2:8+1: error: the `'` opened here is never closed (YAML noticed only at line 3) "
          "[yaml-unclosed]\n"
          "  note: Add the closing `'` where the value ends, e.g. `title: 'Chess club'`\n");
  }
}

TEST_CASE("valid YAML with quotes, brackets and colons in texts is left alone") {
  CHECK(diagnose("---\ntitle: \"Chess: the [club]\"\nnote: Aruzhan's club\nstages:\n  action: |\n    He said \"hi [\n"
                 "  reflection: >\n    it's {open\nlist: [a, \"b]\", 'c''d']\n---\n") == "");
  // A quote inside a plain text that runs over two lines is a letter, not a quote.
  CHECK(diagnose("---\ntitle: My\n  \"best club\n---\n") == "");
  CHECK(diagnose("---\ntitle: \"two\n  lines\"\n---\n") == "");
}

TEST_CASE("the hints' scanners, on their own") {
  CHECK_FALSE(unquoted_colon("title: \"Chess: club\""));
  CHECK_FALSE(unquoted_colon("title: [a: b]"));
  CHECK_FALSE(unquoted_colon("title:"));
  CHECK(unquoted_colon("title: Note:")->suggested == "title: \"Note:\"");
  CHECK_FALSE(unclosed_before("a: [1, 2]\nb: 3\n", 14));
  CHECK(unclosed_before("a: [1, [2]\nb: 3\n", 13)->offset == 3);
  CHECK_FALSE(quote_open_at_end("a: 'it''s'\n"));
  CHECK(quote_open_at_end("a: \"x\\\"\n")->offset == 3);
}
