// How `check` prints (issue 17, items 12 and 14): each file is read and
// indexed once however many findings point into it, and names and quoted
// lines reach the terminal escaped, the same way for every command.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "diagnostics/printer.h"
#include "support.h"

using namespace casfolio;
using namespace casfolio::hardening;

TEST_CASE("printing 20,000 findings in one file reads and indexes it once") {
  constexpr int kFindings = 20000;
  std::string source;
  for (int i = 0; i < kFindings; ++i) source += "key" + std::to_string(i) + ": value\n";
  PrintOptions po;
  size_t reads = 0;
  po.read_source = [&](const std::string& file) -> std::optional<std::string> {
    ++reads;
    if (file != "portfolio.yaml") return std::nullopt;
    return source;
  };
  std::ostringstream out;
  for (int i = 0; i < kFindings; ++i) {
    Finding f;
    f.code = "unknown-key";
    f.severity = Severity::warning;
    f.where = {"portfolio.yaml", i + 1, 1, 3};
    f.args = {{"key", "key" + std::to_string(i)}};
    print_finding(out, f, po);
  }
  // Work that grows with the findings, not with findings × file size.
  CHECK(reads == 1);
  CHECK(source_stats(po).reads == 1);
  CHECK(source_stats(po).bytes_indexed == source.size());
  // Still the right line under each finding, the last one included.
  std::string text = out.str();
  CHECK(text.find("portfolio.yaml:20000:1: warning: ") != std::string::npos);
  CHECK(text.find("\n    key19999: value\n    ^~~\n") != std::string::npos);
  CHECK(text.find("\n    key0: value\n    ^~~\n") != std::string::npos);
}

TEST_CASE("a source line after the last line break, or in an empty file, is not quoted") {
  PrintOptions po;
  po.read_source = [](const std::string& f) -> std::optional<std::string> {
    return f == "empty.md" ? std::string() : std::string("one\r\ntwo\n");
  };
  auto print = [&](const std::string& file, int line) {
    Finding f;
    f.code = "unknown-key";
    f.where = {file, line, 1, 0};
    f.args = {{"key", "k"}};
    std::ostringstream out;
    print_finding(out, f, po);
    return out.str();
  };
  CHECK(print("a.yaml", 1).find("\n    one\n    ^\n") != std::string::npos);
  CHECK(print("a.yaml", 2).find("\n    two\n    ^\n") != std::string::npos);
  CHECK(print("a.yaml", 3).find("\n    ") == std::string::npos);
  CHECK(print("empty.md", 1).find("\n    ") == std::string::npos);
}

TEST_CASE("escape_for_terminal: control characters, bidi overrides and broken UTF-8 are shown, not sent") {
  CHECK(escape_for_terminal("plain Қазақ name.pdf") == "plain Қазақ name.pdf");
  CHECK(escape_for_terminal("a\x1b[31mb\x07") == "a\\x1b[31mb\\x07");
  CHECK(escape_for_terminal("tab\there") == "tab\\x09here");
  CHECK(escape_for_terminal("tab\there", true) == "tab\there");
  CHECK(escape_for_terminal("del\x7f c1\xc2\x9b") == "del\\x7f c1\\x9b");
  CHECK(escape_for_terminal("rlo\xe2\x80\xaetxt.exe") == "rlo\\u{202e}txt.exe");
  CHECK(escape_for_terminal("bad\xff\xc3") == "bad\\xff\\xc3");
}

TEST_CASE("check prints a file name with ESC[31m and BEL escaped, as verify prints an entry name") {
  TempDir tmp;
  std::string evil = "evil\x1b[31mred\x07.md";
  write_file(tmp.path() / "ana/portfolio.yaml", "name: Ana\n");
  write_file(tmp.path() / "ana/experiences" / evil, "x\n");  // a stray page: reported at the file
  RunResult check = run_casfolio("check ana --as-of 2026-10-05", tmp.path());
  INFO(check.out);
  CHECK(check.out.find('\x1b') == std::string::npos);
  CHECK(check.out.find('\x07') == std::string::npos);
  CHECK(check.out.find("ana/experiences/evil\\x1b[31mred\\x07.md: ") != std::string::npos);

  // verify names a zip entry through the same escaping.
  Finding f;
  f.code = "verify-unlisted-file";
  f.args = {{"entry", "x/" + evil}};
  PrintOptions po;
  po.path_prefix = "b.zip";
  std::ostringstream out;
  print_finding(out, f, po);
  CHECK(out.str() ==
        "b.zip: error: 'x/evil\\x1b[31mred\\x07.md' is in the zip but not in the manifest [verify-unlisted-file]\n"
        "note: A file was added after the bundle was made.\n");
}
