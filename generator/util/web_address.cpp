#include "util/web_address.h"

#include "util/path.h"
#include "util/text.h"

namespace casfolio {

namespace {

// The "host[:port]" part after "scheme://", up to the path, query or fragment.
std::string_view authority(std::string_view address) {
  size_t start = address.find("://");
  if (start == std::string_view::npos) return {};
  std::string_view rest = address.substr(start + 3);
  return rest.substr(0, rest.find_first_of("/?#"));
}

// The host of an authority, without ":port" ("[::1]:80" -> "[::1]").
std::string_view without_port(std::string_view authority) {
  size_t colon = authority.rfind(':');
  if (colon == std::string_view::npos || authority.back() == ']') return authority;
  return authority.substr(0, colon);
}

}  // namespace

bool has_address_scheme(std::string_view t) {
  return !t.starts_with("//") && has_scheme(t) && t.find(':') >= 2;
}

WebAddressCheck check_web_address(std::string_view address) {
  std::string scheme = to_lower_ascii(address.substr(0, address.find(':')));
  if (scheme != "http" && scheme != "https") return WebAddressCheck::other_scheme;
  if (address.size() > kMaxWebAddressLength) return WebAddressCheck::malformed;
  if (!starts_with_ci_ascii(address, scheme + "://")) return WebAddressCheck::malformed;  // "https:example.kz"
  for (unsigned char c : address)  // a blank would end the address in any text it is copied into
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`')
      return WebAddressCheck::malformed;
  std::string_view host = authority(address);
  // "https://school.kz@evil.example" shows one host and goes to another.
  if (host.find('@') != std::string_view::npos) return WebAddressCheck::malformed;
  std::string_view name = without_port(host);
  if (name.empty() || name == "." || name.front() == '.' || name.front() == '-') return WebAddressCheck::malformed;
  return WebAddressCheck::ok;
}

std::string web_address_host(std::string_view address) {
  return std::string(without_port(authority(address)));
}

}  // namespace casfolio
