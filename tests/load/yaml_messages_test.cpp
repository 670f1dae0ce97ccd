// yaml-cpp's English parser messages shown in the reader's language
// (load/yaml_messages.h, i18n/messages/yaml-cpp.yaml), with line and column.
#include <catch2/catch.hpp>

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/yaml.h>

#include "load/yaml_messages.h"
#include "load/yaml_tree.h"

using namespace casfolio;

namespace {

// The one finding parse_yaml reports for `text`, as "line:column: message".
std::string diagnose(const std::string& text, Language lang) {
  Diagnostics d;
  parse_yaml(text, "cohort.yaml", 1, YamlLimits{}, d);
  REQUIRE(d.findings().size() == 1);
  const Finding& f = d.findings()[0];
  return std::to_string(f.where.line) + ":" + std::to_string(f.where.column) + ": " + render_message(f, lang).message +
         " [" + f.code + "]";
}

}  // namespace

TEST_CASE("yaml-cpp's messages: each maps to a catalog text in kk, ru and en") {
  for (const char* msg :
       {YAML::ErrorMsg::END_OF_MAP_FLOW, YAML::ErrorMsg::END_OF_SEQ_FLOW, YAML::ErrorMsg::MAP_VALUE,
        YAML::ErrorMsg::UNKNOWN_TOKEN, YAML::ErrorMsg::TAB_IN_INDENTATION, YAML::ErrorMsg::BLOCK_ENTRY,
        YAML::ErrorMsg::EOF_IN_SCALAR, YAML::ErrorMsg::UNKNOWN_ANCHOR, YAML::ErrorMsg::ZERO_INDENT_IN_BLOCK}) {
    INFO(msg);
    YamlMessage m = yaml_message(msg);
    REQUIRE_FALSE(m.text.empty());
    for (Language l : kAllLanguages) {
      std::string text = catalog_text(m.text, l);
      CHECK_FALSE(text.empty());
      CHECK(text != m.text);  // the catalog has it: not the code itself
    }
  }
  YamlMessage escape = yaml_message(std::string(YAML::ErrorMsg::INVALID_ESCAPE) + "q");
  CHECK(escape.text == "_yaml-cpp-invalid-escape");
  CHECK(escape.what == "q");
  CHECK(yaml_message("something a newer yaml-cpp says").text.empty());
}

TEST_CASE("yaml-cpp's messages: a parse error reads in the reader's language, at its place") {
  std::string text = "a: 1\n  b: 2\n";  // yaml-cpp: "illegal map value"
  CHECK(diagnose(text, Language::en) ==
        "2:4: this YAML cannot be read: a `: ` where a value cannot start (a text with `: ` in it needs quotes, or "
        "the indentation is off) [yaml-syntax]");
  CHECK(diagnose(text, Language::ru) ==
        "2:4: Не удаётся прочитать YAML: `: ` там, где значение начаться не может (текст с `: ` нужно взять в "
        "кавычки, или неверен отступ) [yaml-syntax]");
  CHECK(diagnose("b: *y\n", Language::kk) ==
        "1:4: YAML-ды оқу мүмкін емес: сілтеме (`*…`) жоғарыда анықталмаған якорьді (`&…`) көрсетеді [yaml-syntax]");
  CHECK(diagnose("a: [1, 2]]\n", Language::en) ==
        "1:10: this YAML cannot be read: a `]` or `}` that closes nothing [yaml-syntax]");
}

TEST_CASE("yaml-cpp's messages: one not in the table is shown as yaml-cpp says it") {
  Finding f = make_finding("yaml-syntax", {}, {{"detail", "a newer message"}});
  CHECK(render_message(f, Language::ru).message == "Не удаётся прочитать YAML: a newer message");
  f.args.push_back({"detail_text", "_no-such-text"});
  CHECK(render_message(f, Language::kk).message == "YAML-ды оқу мүмкін емес: a newer message");
}
