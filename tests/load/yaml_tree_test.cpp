// The guarded YAML layer: positions in the file, duplicate keys, and the
// hostile inputs that must give a finding instead of a crash or a hang.
#include <catch2/catch.hpp>


#include "load/yaml_tree.h"
#include "load_test_support.h"

using namespace casfolio;
using casfolio::testing::format_findings;

namespace {

std::optional<YamlNode> parse(std::string_view text, Diagnostics& d, int first_line = 1, YamlLimits limits = {}) {
  return parse_yaml(text, "f.md", first_line, limits, d);
}

}  // namespace

TEST_CASE("yaml: lines are the file's and columns count code points") {
  Diagnostics d;
  auto n = parse("a: 1\nбб: \"x\"\nқызмет: [1, LO2]\nempty:\n", d, 5);
  REQUIRE(n);
  REQUIRE(n->is_map());
  CHECK(d.findings().empty());
  const YamlNode* bb = n->find("бб");
  REQUIRE(bb);
  CHECK(bb->line == 6);
  CHECK(bb->column == 5);
  CHECK(bb->quoted);
  CHECK(bb->length == 3);
  const YamlNode* list = n->find("қызмет");
  REQUIRE(list);
  REQUIRE(list->is_sequence());
  CHECK(list->items[1].scalar == "LO2");
  CHECK(list->items[1].line == 7);
  CHECK(list->items[1].column == 13);
  CHECK_FALSE(list->items[1].quoted);
  const YamlNode* empty = n->find("empty");
  REQUIRE(empty);
  CHECK(empty->is_null());
  CHECK(empty->line == 8);  // a key with nothing after it points at the key
  CHECK(empty->column == 1);
  CHECK(n->entries[2].first.line == 7);
  CHECK(n->entries[2].first.column == 1);
}

TEST_CASE("yaml: empty text and comments are a null document") {
  Diagnostics d;
  auto n = parse("# only a comment\n", d);
  REQUIRE(n);
  CHECK(n->is_null());
  CHECK(d.findings().empty());
}

TEST_CASE("yaml: syntax errors point into the file") {
  Diagnostics d;
  CHECK_FALSE(parse("a: 1\nb: [1, 2\nc: 3\n", d, 10));
  // An unclosed `[`: where it opened, not where yaml-cpp noticed (load/yaml_hints.h).
  CHECK(format_findings(d.findings()) == "f.md:11:4: error: yaml-unclosed\n");
  REQUIRE(d.findings()[0].args.size() == 4);
  CHECK(d.findings()[0].args[2] == std::pair<std::string, std::string>{"noticed", "12"});
  Diagnostics other;
  CHECK_FALSE(parse("a: 1\nb: - x\n", other, 10));  // no mistake yaml_hints knows: yaml-cpp's words
  REQUIRE(other.findings().size() == 1);
  CHECK(other.findings()[0].code == "yaml-syntax");
}

TEST_CASE("yaml: a duplicate key is reported at the second, which is dropped") {
  Diagnostics d;
  auto n = parse("name: A\nsupervisor:\n  name: X\n  name: Y\nname: B\n", d);
  REQUIRE(n);
  CHECK(format_findings(d.findings()) == "f.md:4:3: error: duplicate-key\nf.md:5:1: error: duplicate-key\n");
  CHECK(d.findings()[1].args == Args{{"key", "name"}, {"first_line", "1"}});
  CHECK(n->find("name")->scalar == "A");
  CHECK(n->find("supervisor")->find("name")->scalar == "X");
  CHECK(n->entries.size() == 2);
}

TEST_CASE("yaml: invalid UTF-8 is found before yaml-cpp sees it") {
  Diagnostics d;
  CHECK_FALSE(parse("a: 1\nb: Қа\xff\n", d, 3));
  CHECK(format_findings(d.findings()) == "f.md:4:6: error: invalid-utf8\n");
}

TEST_CASE("yaml: an alias bomb stops at the node budget") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, char(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  }
  Diagnostics d;
  // Bounded by the node budget (a count), not by the clock: the expansion
  // stops at the budget, and the finding says so.
  CHECK_FALSE(parse(bomb, d));
  REQUIRE(d.findings().size() == 1);
  CHECK(d.findings()[0].code == "yaml-too-many-nodes");
  CHECK(d.findings()[0].args == Args{{"limit", "100000"}});
}

TEST_CASE("yaml: 20,000 levels of nesting are refused before parsing") {
  Diagnostics d;
  std::string flow = "title: x\nstrands: " + std::string(20000, '[') + std::string(20000, ']') + "\n";
  CHECK_FALSE(parse(flow, d, 2));
  // The top-level map is the first level, so the 64th '[' (column 9 + 64) is one too many.
  CHECK(format_findings(d.findings()) == "f.md:3:73: error: yaml-too-deep\n");

  Diagnostics d2;
  std::string dashes;
  for (int i = 0; i < 20000; ++i) dashes += "- ";
  CHECK_FALSE(parse(dashes + "x\n", d2));
  CHECK(format_findings(d2.findings()) == "f.md:1:129: error: yaml-too-deep\n");

  Diagnostics d3;
  std::string block;
  for (int i = 0; i < 70; ++i) block += std::string(size_t(i), ' ') + "k" + std::to_string(i) + ":\n";
  CHECK_FALSE(parse(block, d3));
  CHECK(format_findings(d3.findings()) == "f.md:65:65: error: yaml-too-deep\n");
}

TEST_CASE("yaml: the nesting scan skips quotes, comments and block scalars") {
  CHECK_FALSE(find_deep_nesting("a: \"[[[[[[\"\nb: '{{{{{{'\nc: x # [[[[[[[\n", 3));
  CHECK_FALSE(find_deep_nesting("a: |\n  [[[[[[[[\n  {{{{{{{\nb: 1\n", 3));
  CHECK_FALSE(find_deep_nesting("- |\n  [[[[[[[[\n- x\n", 3));
  CHECK_FALSE(find_deep_nesting("title: a[b[c[d[e\n", 3));  // brackets inside a plain scalar
  CHECK(find_deep_nesting("a: [[[[1]]]]\n", 3) == std::pair<int, int>{0, 5});
  CHECK(find_deep_nesting("a:\n  b:\n    c:\n      d: 1\n", 3) == std::pair<int, int>{3, 6});
  CHECK_FALSE(find_deep_nesting("a:\n  b:\n    c: 1\nd:\n  e: 1\n", 3));
  CHECK(find_deep_nesting("- - - - x\n", 3) == std::pair<int, int>{0, 6});
}

TEST_CASE("yaml: depth within the limit parses") {
  Diagnostics d;
  std::string ok = "a: " + std::string(60, '[') + "1" + std::string(60, ']') + "\n";
  CHECK(parse(ok, d));
  CHECK(d.findings().empty());
}
