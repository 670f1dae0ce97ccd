// Fuzzes write/verify.h on arbitrary bytes as a zip: a damaged, hostile or
// nonsensical archive is reported, never crashes, and never passes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "write/verify.h"

using namespace casfolio;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  VerifyResult r = verify_bundle_data(bytes);
  for (const Finding& f : r.problems) FUZZ_CHECK(is_known_code(f.code));
  if (r.ok()) FUZZ_CHECK(r.files_checked > 0);
  // The entry-name guard on the raw bytes: whatever it accepts is relative
  // and has no "..".
  if (is_safe_entry_name(bytes)) {
    FUZZ_CHECK(!bytes.empty() && bytes.front() != '/');
    FUZZ_CHECK(bytes != ".." && !bytes.starts_with("../") && bytes.find("/../") == std::string_view::npos);
    FUZZ_CHECK(bytes.find('\\') == std::string_view::npos);
  }
  return 0;
}
