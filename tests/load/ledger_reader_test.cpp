// The ledger reader (generator/load/ledger_reader.h): lines into a Ledger,
// the chain of `prev` hashes, and the findings of a broken ledger.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <utility>

#include "load/ledger_reader.h"
#include "load_test_support.h"
#include "support/ledger_builder.h"
#include "util/embedded.h"

using namespace casfolio;
using namespace casfolio::testing;

namespace {

const std::string kReflection = "experiences/guitar/2026-09-20-first-chords.md";

std::vector<LedgerLine> four_lines() {
  return {{"ana", kReflection, blob_id(1), "2026-09-20T10:00:00Z"},
          {"ana", "portfolio.yaml", blob_id(2), "2026-09-20T10:00:00Z"},
          {"ana", kReflection, blob_id(3), "2026-10-02T08:30:00Z"},
          {"bolat", "portfolio.yaml", blob_id(4), "2026-10-02T08:30:05Z"}};
}

std::string findings_of(const LedgerCheck& c) {
  Diagnostics d;
  report_ledger_check(c, "ledger.jsonl", d);
  return format_findings(d.findings());
}

}  // namespace

TEST_CASE("ledger: a whole ledger gives each file's first sighting and last change", "[ledger]") {
  ParsedLedger p = parse_ledger(ledger_text(four_lines()));
  REQUIRE(p.check.ok());
  CHECK(p.check.lines == 4);
  CHECK_FALSE(p.check.partial_last_line);
  REQUIRE(p.ledger.entries.size() == 4);
  CHECK(p.ledger.entries[2].line == 3);
  CHECK(p.ledger.entries[2].blob == blob_id(3));
  CHECK(p.ledger.entries[3].student == "bolat");
  const FileHistory* h = p.ledger.file("ana", kReflection);
  REQUIRE(h);
  CHECK(h->first_seen.iso() == "2026-09-20T10:00:00Z");
  CHECK(h->last_changed.iso() == "2026-10-02T08:30:00Z");
  CHECK(h->versions == 2);
  CHECK(p.ledger.file("ana", "portfolio.yaml")->versions == 1);
  CHECK(p.ledger.file("ana", "plan.md") == nullptr);
  CHECK(p.ledger.student("cyrus") == nullptr);
  CHECK(p.ledger.student("bolat")->size() == 1);
  CHECK(findings_of(p.check) == "");
}

TEST_CASE("ledger: a blob seen again (a revert, a force-push back) is not a new version", "[ledger]") {
  std::vector<LedgerLine> lines = four_lines();
  lines.push_back({"ana", kReflection, blob_id(1), "2026-11-01T09:00:00Z"});
  ParsedLedger p = parse_ledger(ledger_text(lines));
  REQUIRE(p.check.ok());
  const FileHistory* h = p.ledger.file("ana", kReflection);
  CHECK(h->versions == 2);
  CHECK(h->last_changed.iso() == "2026-10-02T08:30:00Z");
}

TEST_CASE("ledger: an empty ledger is whole", "[ledger]") {
  ParsedLedger p = parse_ledger("");
  CHECK(p.check.ok());
  CHECK(p.check.lines == 0);
  CHECK(p.ledger.entries.empty());
}

TEST_CASE("ledger: an edited line breaks the chain at the line after it", "[ledger]") {
  std::vector<std::string> lines = ledger_lines(four_lines());
  lines[1].replace(lines[1].find("2026-09-20T10:00:00Z"), 20, "2026-09-19T10:00:00Z");
  ParsedLedger p = parse_ledger(join_lines(lines));
  CHECK(p.check.fault == LedgerFault::prev_mismatch);
  CHECK(p.check.line == 3);
  CHECK(p.ledger.entries.empty());  // nothing of a broken ledger counts
  CHECK(findings_of(p.check) ==
        "ledger.jsonl:3: error: ledger-prev-mismatch\n"
        "ledger.jsonl: warning: ledger-not-trusted\n");
}

TEST_CASE("ledger: a removed line breaks the chain where it was", "[ledger]") {
  std::vector<std::string> lines = ledger_lines(four_lines());
  lines.erase(lines.begin() + 1);
  ParsedLedger p = parse_ledger(join_lines(lines));
  CHECK(p.check.fault == LedgerFault::prev_mismatch);
  CHECK(p.check.line == 2);

  std::vector<std::string> without_first = ledger_lines(four_lines());
  without_first.erase(without_first.begin());
  CHECK(parse_ledger(join_lines(without_first)).check.line == 1);
}

TEST_CASE("ledger: reordered lines break the chain at the first moved one", "[ledger]") {
  std::vector<std::string> lines = ledger_lines(four_lines());
  std::swap(lines[2], lines[3]);
  ParsedLedger p = parse_ledger(join_lines(lines));
  CHECK(p.check.fault == LedgerFault::prev_mismatch);
  CHECK(p.check.line == 3);
}

TEST_CASE("ledger: each malformed line is named with its line and key", "[ledger]") {
  std::vector<std::string> good = ledger_lines(four_lines());
  auto check_of = [&](std::string second) {
    std::vector<std::string> lines = good;
    lines[1] = std::move(second);
    return parse_ledger(join_lines(lines)).check;
  };
  LedgerCheck c = check_of("not json");
  CHECK(c.fault == LedgerFault::bad_json);
  CHECK(c.line == 2);
  c = check_of("[1,2]");
  CHECK(c.fault == LedgerFault::bad_json);
  std::string no_blob = good[1];
  no_blob.erase(no_blob.find("\"blob\""), 50);  // "blob":"<40>",
  c = check_of(no_blob);
  CHECK(c.fault == LedgerFault::missing_key);
  CHECK(c.detail == "blob");
  CHECK(findings_of(c) ==
        "ledger.jsonl:2: error: ledger-missing-key\n"
        "ledger.jsonl: warning: ledger-not-trusted\n");
  std::string extra = good[1];
  extra.insert(1, "\"x\":1,");
  c = check_of(extra);
  CHECK(c.fault == LedgerFault::unknown_key);
  CHECK(c.detail == "x");
  auto with = [&](std::string from, std::string to) {
    std::string s = good[1];
    s.replace(s.find(from), from.size(), to);
    return check_of(s);
  };
  c = with("\"v\":1", "\"v\":2");
  CHECK((c.fault == LedgerFault::bad_value && c.detail == "v"));
  c = with("\"student\":\"ana\"", "\"student\":\"Ana\"");
  CHECK((c.fault == LedgerFault::bad_value && c.detail == "student"));
  c = with("\"path\":\"portfolio.yaml\"", "\"path\":\"../portfolio.yaml\"");
  CHECK((c.fault == LedgerFault::bad_value && c.detail == "path"));
  c = with("\"path\":\"portfolio.yaml\"", "\"path\":\"a\\nb\"");
  CHECK((c.fault == LedgerFault::bad_value && c.detail == "path"));
  c = with("\"blob\":\"" + blob_id(2), "\"blob\":\"" + blob_id(2).substr(1));
  CHECK((c.fault == LedgerFault::bad_value && c.detail == "blob"));
  c = with("\"first_seen\":\"2026-09-20T10:00:00Z\"", "\"first_seen\":\"2026-09-20 10:00:00\"");
  CHECK((c.fault == LedgerFault::bad_value && c.detail == "first_seen"));
  c = with("\"author_date\":\"2026-09-20T10:00:00Z\"", "\"author_date\":\"2026-02-30T10:00:00Z\"");
  CHECK((c.fault == LedgerFault::bad_value && c.detail == "author_date"));
}

TEST_CASE("ledger: bytes cut short at the end are ignored with a warning", "[ledger]") {
  std::vector<std::string> lines = ledger_lines(four_lines());
  std::string text = lines[0] + "\n" + lines[1] + "\n" + lines[2].substr(0, 30);
  ParsedLedger p = parse_ledger(text);
  CHECK(p.check.ok());
  CHECK(p.check.partial_last_line);
  CHECK(p.check.lines == 2);
  CHECK(p.ledger.entries.size() == 2);
  CHECK(findings_of(p.check) == "ledger.jsonl:3: warning: ledger-partial-line\n");
}

TEST_CASE("ledger: a line appended after one cut short is named as such", "[ledger]") {
  std::vector<std::string> lines = ledger_lines(four_lines());
  std::string text = lines[0] + "\n" + lines[1].substr(0, 30) + lines[1] + "\n";
  ParsedLedger p = parse_ledger(text);
  CHECK(p.check.fault == LedgerFault::after_partial_line);
  CHECK(p.check.line == 2);
}

TEST_CASE("ledger: the file and line bounds hold", "[ledger]") {
  std::string text = ledger_text(four_lines());
  LedgerLimits small;
  small.max_bytes = text.size() - 1;
  CHECK(parse_ledger(text, small).check.fault == LedgerFault::too_large);
  LedgerLimits short_lines;
  short_lines.max_line_bytes = 100;
  LedgerCheck c = parse_ledger(text, short_lines).check;
  CHECK(c.fault == LedgerFault::line_too_long);
  CHECK(c.line == 1);
  // A long run of nesting is refused by length, never parsed deeply.
  CHECK(parse_ledger(std::string(100000, '[') + "\n").check.fault == LedgerFault::line_too_long);
  CHECK(parse_ledger(std::string(10000, '[') + "\n").check.fault == LedgerFault::bad_json);
}

TEST_CASE("ledger: read_ledger finds ledger.jsonl in the staff folder", "[ledger]") {
  MemoryFileSource none;
  Diagnostics d;
  LoadedLedger absent = read_ledger(none, {}, d);
  CHECK_FALSE(absent.present);
  CHECK_FALSE(absent.trusted);

  MemoryFileSource whole;
  whole.add("ledger.jsonl", ledger_text(four_lines()));
  LoadedLedger good = read_ledger(whole, {}, d);
  CHECK(good.present);
  CHECK(good.trusted);
  CHECK(good.ledger.entries.size() == 4);
  CHECK(d.findings().empty());

  MemoryFileSource broken;
  broken.add("ledger.jsonl", "{}\n");
  LoadedLedger bad = read_ledger(broken, {}, d);
  CHECK(bad.present);
  CHECK_FALSE(bad.trusted);
  CHECK(bad.ledger.entries.empty());
  CHECK(format_findings(d.findings()) ==
        "ledger.jsonl:1: error: ledger-missing-key\n"
        "ledger.jsonl: warning: ledger-not-trusted\n");
  for (const Finding& f : d.findings()) CHECK(f.staff_only);
}

TEST_CASE("ledger: findings read as sentences in each language", "[ledger]") {
  Finding f;
  f.code = "ledger-prev-mismatch";
  f.args = {{"line", "3"}, {"previous", "2"}};
  CHECK(render_message(f, Language::en).message ==
        "line 3 of the ledger does not follow line 2: a line up to 2 was edited, removed or moved");
  CHECK(render_message(f, Language::ru).message ==
        "строка 3 журнала не продолжает строку 2: строку до 2 включительно изменили, удалили или переставили");
  CHECK(severity_of("ledger-prev-mismatch") == Severity::error);
  CHECK(severity_of("ledger-not-trusted") == Severity::warning);
  auto text = embedded::find("i18n/messages/ledger.yaml");
  REQUIRE(text);
  YAML::Node catalog = YAML::Load(std::string(*text));
  for (LedgerFault fault : {LedgerFault::too_large, LedgerFault::line_too_long, LedgerFault::bad_json,
                            LedgerFault::missing_key, LedgerFault::unknown_key, LedgerFault::bad_value,
                            LedgerFault::prev_mismatch, LedgerFault::after_partial_line}) {
    std::string code(fault_code(fault));
    INFO(code);
    CHECK(catalog[code].IsMap());
    for (const char* lang : {"en", "ru", "kk"}) {
      CHECK_FALSE(catalog[code]["message"][lang].as<std::string>("").empty());
      CHECK_FALSE(catalog[code]["hint"][lang].as<std::string>("").empty());
    }
  }
}
