// util/text.h's percent decoding: the one lenient rule the loader's link
// check, the renderer and the link checkers share.
#include <catch2/catch.hpp>

#include "util/text.h"

using namespace casfolio;

TEST_CASE("percent_decoded turns each %XX into its byte and leaves everything else as written") {
  CHECK(percent_decoded("my%20photo.jpg") == "my photo.jpg");
  CHECK(percent_decoded("%D1%84%D0%BE%D1%82%D0%BE.jpg") == "фото.jpg");
  CHECK(percent_decoded("%2e%2E/x") == "../x");  // decoded first, then resolved inside the portfolio
  CHECK(percent_decoded("100%") == "100%");
  CHECK(percent_decoded("50%zz") == "50%zz");
  CHECK(percent_decoded("a%4") == "a%4");
  CHECK(percent_decoded("a%41") == "aA");
  CHECK(percent_decoded("") == "");
  CHECK(hex_digit('f') == 15);
  CHECK(hex_digit('F') == 15);
  CHECK(hex_digit('g') == -1);
}
