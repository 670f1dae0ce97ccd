#include <catch2/catch.hpp>

#include "util/normalised_text.h"

using casfolio::normalised_text;
using casfolio::normalised_text_sha256;

TEST_CASE("normalised text: editor differences vanish") {
  CHECK(normalised_text("a\nb\n") == "a\nb\n");
  CHECK(normalised_text("\xEF\xBB\xBF" "a\r\nb") == "a\nb\n");
  CHECK(normalised_text("a\rb\r") == "a\nb\n");
  CHECK(normalised_text("a \t\nb  \n\n\n") == "a\nb\n");
  CHECK(normalised_text("a\n\n\nb\n") == "a\n\n\nb\n");  // blank lines inside are text
  CHECK(normalised_text("  a\n") == "  a\n");            // leading blanks are kept
}

TEST_CASE("normalised text: empty and blank text stay empty") {
  CHECK(normalised_text("") == "");
  CHECK(normalised_text(" \n\t\r\n") == "");
  CHECK(normalised_text("\xEF\xBB\xBF") == "");
}

TEST_CASE("normalised text: the digest is SHA-256 of the normalised text") {
  // printf 'a\nb\n' | sha256sum
  CHECK(normalised_text_sha256("a\r\nb  \r\n\r\n") ==
        "911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2");
  CHECK(normalised_text_sha256("a\nb\n") == normalised_text_sha256("\xEF\xBB\xBF" "a\nb"));
  CHECK(normalised_text_sha256("a\nb\n") != normalised_text_sha256("a\nc\n"));
}
