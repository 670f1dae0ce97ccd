#include <catch2/catch.hpp>

#include "util/date.h"
#include "util/path.h"
#include "util/text.h"

using namespace casfolio;

TEST_CASE("dates parse strictly and print back") {
  REQUIRE(Date::parse("2026-09-09")->iso() == "2026-09-09");
  CHECK_FALSE(Date::parse("2026-02-29"));
  CHECK(Date::parse("2028-02-29"));
  CHECK_FALSE(Date::parse("2026-13-01"));
  CHECK_FALSE(Date::parse("2026-9-9"));
  CHECK_FALSE(Date::parse("2026-09-31"));
  CHECK(*Date::parse("2026-10-01") - *Date::parse("2026-09-30") == 1);
}

TEST_CASE("months between counts a month when its day is reached") {
  auto d = [](const char* s) { return *Date::parse(s); };
  CHECK(months_between(d("2026-09-09"), d("2028-03-09")) == 18);
  CHECK(months_between(d("2026-09-09"), d("2028-03-08")) == 17);
  CHECK(months_between(d("2026-09-09"), d("2026-09-09")) == 0);
}

TEST_CASE("paths resolve inside the root only") {
  CHECK(resolve_inside("experiences/guitar", "chart.jpg") == "experiences/guitar/chart.jpg");
  CHECK(resolve_inside("experiences/guitar", "../../photo.png") == "photo.png");
  CHECK_FALSE(resolve_inside("experiences/guitar", "../../../etc/passwd"));
  CHECK_FALSE(resolve_inside("", "/etc/passwd"));
  CHECK_FALSE(resolve_inside("", "https://example.com/x.png"));
  CHECK_FALSE(resolve_inside("", "C:\\x.png"));
}

TEST_CASE("utf-8 validation and lower-casing of Kazakh") {
  CHECK(is_valid_utf8("Қызмет"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
  CHECK(to_lower_utf8("ҚЫЗМЕТ Ә") == "қызмет ә");
  CHECK(closest_match("servce", {"creativity", "activity", "service"}) == "service");
  CHECK(closest_match("guitar", {"creativity", "activity", "service"}).empty());
}
