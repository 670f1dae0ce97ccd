#include <catch2/catch.hpp>

#include <sstream>

#include "util/line_diff.h"

using namespace casfolio;

namespace {

// One line per DiffLine: "  same", "- removed", "+ added", "… 3".
std::string shown(const std::vector<DiffLine>& lines) {
  std::ostringstream s;
  for (const DiffLine& d : lines) {
    switch (d.op) {
      case DiffLine::Op::same: s << "  " << d.text << '\n'; break;
      case DiffLine::Op::removed: s << "- " << d.text << '\n'; break;
      case DiffLine::Op::added: s << "+ " << d.text << '\n'; break;
      case DiffLine::Op::folded: s << "… " << d.folded << '\n'; break;
    }
  }
  return s.str();
}

}  // namespace

TEST_CASE("line diff: equal texts have no changes") {
  auto d = line_diff("a\nb\n", "a\nb\n");
  REQUIRE(d);
  CHECK(d->empty());
}

TEST_CASE("line diff: a changed line with two lines of context, the rest folded") {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  auto d = line_diff(before, after);
  REQUIRE(d);
  CHECK(shown(*d) == "… 2\n  3\n  4\n- 5\n+ five\n  6\n  7\n… 2\n");
}

TEST_CASE("line diff: lines added at the end and removed at the start") {
  auto d = line_diff("old\nkeep\n", "keep\nnew 1\nnew 2\n", 1);
  REQUIRE(d);
  CHECK(shown(*d) == "- old\n  keep\n+ new 1\n+ new 2\n");
}

TEST_CASE("line diff: texts over the line limit are not compared") {
  std::string big;
  for (size_t i = 0; i <= kMaxDiffLines; ++i) big += "x\n";
  CHECK_FALSE(line_diff(big, "x\n"));
  CHECK_FALSE(line_diff("x\n", big));
  CHECK(line_diff(big.substr(2), "x\n"));  // exactly the limit
}
