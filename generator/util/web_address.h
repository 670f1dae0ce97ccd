// Web addresses written as evidence (`evidence: https://…`): the one place
// that decides which texts are addresses, which addresses casfolio links to,
// and what a page shows of one. Addresses are never fetched (docs/decisions.md).
#pragma once
#include <string>
#include <string_view>

namespace casfolio {

// The longest address accepted: browsers and servers commonly stop near 2000.
inline constexpr size_t kMaxWebAddressLength = 2000;

// True when `text` starts with a URL scheme of two letters or more and a ':'
// ("https:", "javascript:", "data:"): then it is an address, not a path. One
// letter is a drive ("C:\…"), and "//host" has no scheme: both stay paths.
bool has_address_scheme(std::string_view text);

enum class WebAddressCheck {
  ok,
  other_scheme,  // not http: or https:
  malformed,     // no host, "user@", a blank or control character, too long
};

// Whether `address` (one with has_address_scheme) is an http(s) address
// casfolio may link to. Percent-encoding is left as written.
WebAddressCheck check_web_address(std::string_view address);

// The host of a checked address, as a page shows it: "https://www.example.kz:8443/x" -> "www.example.kz".
std::string web_address_host(std::string_view address);

}  // namespace casfolio
