// split_front_matter: the cases of docs/format-loading.md, as tests.
#include <catch2/catch.hpp>

#include "load/front_matter.h"

using namespace casfolio;

TEST_CASE("front matter: yaml and body with their first lines") {
  auto s = split_front_matter("---\ntitle: A\nstrands: [C]\n---\nBody line\nmore\n");
  CHECK(s.has_front_matter);
  CHECK_FALSE(s.unterminated);
  CHECK(s.yaml == "title: A\nstrands: [C]\n");
  CHECK(s.yaml_first_line == 2);
  CHECK(s.body == "Body line\nmore\n");
  CHECK(s.body_first_line == 5);
}

TEST_CASE("front matter: closed by '...' as in YAML") {
  auto s = split_front_matter("---\na: 1\n...\nbody");
  CHECK(s.yaml == "a: 1\n");
  CHECK(s.body == "body");
  CHECK(s.body_first_line == 4);
}

TEST_CASE("front matter: a UTF-8 BOM before the opening line is skipped") {
  auto s = split_front_matter("\xEF\xBB\xBF---\na: 1\n---\nx");
  CHECK(s.has_front_matter);
  CHECK(s.yaml == "a: 1\n");
  CHECK(s.body == "x");
  auto none = split_front_matter("\xEF\xBB\xBFJust text");
  CHECK_FALSE(none.has_front_matter);
  CHECK(none.body == "Just text");
}

TEST_CASE("front matter: CRLF line ends and trailing blanks on the fences") {
  auto s = split_front_matter("--- \r\na: 1\r\nb: 2\r\n---\t\r\nbody\r\n");
  CHECK(s.has_front_matter);
  CHECK(s.yaml == "a: 1\r\nb: 2\r\n");
  CHECK(s.body == "body\r\n");
  CHECK(s.body_first_line == 5);
}

TEST_CASE("front matter: empty front matter") {
  auto s = split_front_matter("---\n---\nbody\n");
  CHECK(s.has_front_matter);
  CHECK(s.yaml.empty());
  CHECK(s.yaml_first_line == 2);
  CHECK(s.body == "body\n");
  CHECK(s.body_first_line == 3);
}

TEST_CASE("front matter: none when the first line is not exactly '---'") {
  for (const char* text : {"body only\n", "----\na: 1\n---\n", "--- a\n---\n", "\n---\na: 1\n---\n", ""}) {
    auto s = split_front_matter(text);
    CHECK_FALSE(s.has_front_matter);
    CHECK(s.body == text);
    CHECK(s.body_first_line == 1);
  }
}

TEST_CASE("front matter: unterminated when no closing line follows") {
  auto s = split_front_matter("---\ntitle: A\n\nBody that was meant as text\n");
  CHECK(s.has_front_matter);
  CHECK(s.unterminated);
  CHECK(s.yaml == "title: A\n\nBody that was meant as text\n");
  CHECK(s.body.empty());
  auto only = split_front_matter("---");
  CHECK(only.unterminated);
  CHECK(only.yaml.empty());
}

TEST_CASE("front matter: a '---' inside the body is a thematic break, not a fence") {
  auto s = split_front_matter("---\na: 1\n---\nbefore\n---\nafter\n");
  CHECK(s.yaml == "a: 1\n");
  CHECK(s.body == "before\n---\nafter\n");
}

TEST_CASE("front matter: a file without a final newline after the closing fence") {
  auto s = split_front_matter("---\na: 1\n---");
  CHECK_FALSE(s.unterminated);
  CHECK(s.yaml == "a: 1\n");
  CHECK(s.body.empty());
  CHECK(s.body_first_line == 4);
}
