// Fuzzes load/front_matter.h: any bytes split into YAML and body without
// reading outside the text, and the line numbers agree with the bytes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "load/front_matter.h"

using namespace casfolio;

namespace {

bool inside(std::string_view whole, std::string_view part) {
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

int line_at(std::string_view text, const char* p) {
  return 1 + int(std::count(text.data(), p, '\n'));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  FrontMatterSplit s = split_front_matter(text);
  FUZZ_CHECK(inside(text, s.body));
  // The body always runs to the end of the file.
  FUZZ_CHECK(s.body.data() + s.body.size() == text.data() + text.size());
  if (!s.has_front_matter) {
    FUZZ_CHECK(!s.unterminated && s.yaml.empty() && s.body_first_line == 1);
    std::string_view bare = text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
    FUZZ_CHECK(s.body == bare);
    return 0;
  }
  FUZZ_CHECK(inside(text, s.yaml));
  FUZZ_CHECK(s.yaml_first_line == 2);
  // yaml_first_line and body_first_line are the lines their text starts on.
  FUZZ_CHECK(line_at(text, s.yaml.data()) == s.yaml_first_line || s.yaml.empty());
  if (!s.unterminated) {
    FUZZ_CHECK(s.yaml.data() + s.yaml.size() <= s.body.data());
    // (An empty body after a closing line with no newline starts on the next line.)
    if (!s.body.empty()) FUZZ_CHECK(line_at(text, s.body.data()) == s.body_first_line);
  } else {
    FUZZ_CHECK(s.body.empty());
  }
  return 0;
}
