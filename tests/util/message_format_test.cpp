// util/message_format.h: "{name}" and "{n, plural, …}" with ICU's plural
// rules, the exact sentences for 1, 2, 5 and 21 in kk, ru and en.
#include <catch2/catch.hpp>

#include "diagnostics/diagnostics.h"
#include "util/message_format.h"

using namespace casfolio;

namespace {

const char* kRu = "{n, plural, one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}}";
const char* kEn = "{n, plural, one {# error} other {# errors}}";

std::string ru(const std::string& n) { return format_message(kRu, {{"n", n}}, Language::ru); }
std::string en(const std::string& n) { return format_message(kEn, {{"n", n}}, Language::en); }

}  // namespace

TEST_CASE("message format: ICU's plural categories in kk, ru and en") {
  CHECK(plural_category("1", Language::ru) == "one");
  CHECK(plural_category("2", Language::ru) == "few");
  CHECK(plural_category("5", Language::ru) == "many");
  CHECK(plural_category("11", Language::ru) == "many");
  CHECK(plural_category("21", Language::ru) == "one");
  CHECK(plural_category("1,5", Language::ru) == "other");
  CHECK(plural_category("1", Language::en) == "one");
  CHECK(plural_category("1.0", Language::en) == "other");  // visible fraction digits: "1.0 hours"
  CHECK(plural_category("21", Language::en) == "other");
  CHECK(plural_category("1", Language::kk) == "one");
  CHECK(plural_category("5", Language::kk) == "other");
  CHECK(plural_category("many", Language::ru) == "other");  // not a number
  CHECK(plural_category("", Language::en) == "other");
}

TEST_CASE("message format: Russian has three forms after a number") {
  CHECK(ru("1") == "1 ошибка");
  CHECK(ru("2") == "2 ошибки");
  CHECK(ru("5") == "5 ошибок");
  CHECK(ru("21") == "21 ошибка");
  CHECK(ru("0") == "0 ошибок");
  CHECK(ru("2,5") == "2,5 ошибки");
}

TEST_CASE("message format: English has two") {
  CHECK(en("1") == "1 error");
  CHECK(en("2") == "2 errors");
  CHECK(en("5") == "5 errors");
  CHECK(en("21") == "21 errors");
  CHECK(en("0") == "0 errors");
}

TEST_CASE("message format: exact branches, nesting, and what is left as written") {
  const char* t = "{n, plural, =0 {none} one {# file in {dir}} other {# files in {dir}}}";
  CHECK(format_message(t, {{"n", "0"}, {"dir", "a"}}, Language::en) == "none");
  CHECK(format_message(t, {{"n", "1"}, {"dir", "a"}}, Language::en) == "1 file in a");
  CHECK(format_message(t, {{"n", "3"}, {"dir", "a"}}, Language::en) == "3 files in a");
  // No argument of that name, no branch to take, an unclosed brace: kept, so the gap shows.
  CHECK(format_message("{x} and {y}", {{"x", "1"}}, Language::en) == "1 and {y}");
  CHECK(format_message("{n, plural, one {# day}}", {{"n", "2"}}, Language::en) == "{n, plural, one {# day}}");
  CHECK(format_message("{n, plural, one {# day", {{"n", "1"}}, Language::en) == "{n, plural, one {# day");
  CHECK(format_message("a {kk: x, ru: y} b", {{"kk", "1"}}, Language::en) == "a {kk: x, ru: y} b");
  CHECK(format_message("`#` {n}", {{"n", "1"}}, Language::en) == "`#` 1");
  CHECK(without_placeholders("{id}: {n, plural, one {# a} other {# b}}!") == "…: …!");
}

TEST_CASE("check's summary line in kk, ru and en for 1, 2, 5 and 21") {
  auto summary = [](Language l, const char* n) {
    return catalog_text("_summary", l, {{"id", "ana"}, {"status", "S"}, {"errors", n}, {"warnings", n}, {"infos", n}});
  };
  CHECK(summary(Language::en, "1") == "ana: S (1 error, 1 warning, 1 note)");
  CHECK(summary(Language::en, "2") == "ana: S (2 errors, 2 warnings, 2 notes)");
  CHECK(summary(Language::en, "5") == "ana: S (5 errors, 5 warnings, 5 notes)");
  CHECK(summary(Language::en, "21") == "ana: S (21 errors, 21 warnings, 21 notes)");
  CHECK(summary(Language::ru, "1") == "ana: S (1 ошибка, 1 предупреждение, 1 заметка)");
  CHECK(summary(Language::ru, "2") == "ana: S (2 ошибки, 2 предупреждения, 2 заметки)");
  CHECK(summary(Language::ru, "5") == "ana: S (5 ошибок, 5 предупреждений, 5 заметок)");
  CHECK(summary(Language::ru, "21") == "ana: S (21 ошибка, 21 предупреждение, 21 заметка)");
  CHECK(summary(Language::kk, "1") == "ana: S (1 қате, 1 ескерту, 1 ескертпе)");
  CHECK(summary(Language::kk, "2") == "ana: S (2 қате, 2 ескерту, 2 ескертпе)");
  CHECK(summary(Language::kk, "5") == "ana: S (5 қате, 5 ескерту, 5 ескертпе)");
  CHECK(summary(Language::kk, "21") == "ana: S (21 қате, 21 ескерту, 21 ескертпе)");
}

TEST_CASE("check's last line in kk, ru and en") {
  auto total = [](Language l, const char* p, const char* e, const char* w) {
    return catalog_text("_check-total", l, {{"portfolios", p}, {"date", "2026-10-05"}, {"errors", e}, {"warnings", w}});
  };
  CHECK(total(Language::en, "1", "1", "2") == "1 portfolio checked as of 2026-10-05: 1 error, 2 warnings");
  CHECK(total(Language::en, "21", "5", "21") == "21 portfolios checked as of 2026-10-05: 5 errors, 21 warnings");
  CHECK(total(Language::ru, "21", "2", "5") == "Проверено портфолио: 21, на 2026-10-05: 2 ошибки, 5 предупреждений");
  CHECK(total(Language::ru, "1", "21", "1") == "Проверено портфолио: 1, на 2026-10-05: 21 ошибка, 1 предупреждение");
  CHECK(total(Language::kk, "2", "5", "21") ==
        "2026-10-05 күнгі жағдай бойынша тексерілген портфолио: 2; 5 қате, 21 ескерту");
}

TEST_CASE("the severity words: one per language, info is a note") {
  CHECK(severity_word(Severity::info, Language::en) == "note");
  CHECK(severity_word(Severity::info, Language::ru) == "заметка");
  CHECK(severity_word(Severity::info, Language::kk) == "ескертпе");
  CHECK(severity_word(Severity::error, Language::ru) == "ошибка");
  CHECK(severity_word(Severity::warning, Language::kk) == "ескерту");
  CHECK(name(Severity::info) == "info");  // JSON and SARIF keep the stable name
}
