#include "util/digest.h"

#include <openssl/evp.h>

#include <cstdint>

namespace casfolio {

namespace {

std::string hex16(const unsigned char* d) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[size_t(2 * i)] = kHex[d[i] >> 4];
    out[size_t(2 * i + 1)] = kHex[d[i] & 15];
  }
  return out;
}

}  // namespace

std::string content_digest(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  return hex16(md);
}

DigestBuilder::DigestBuilder() : ctx_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), EVP_sha256(), nullptr);
}

DigestBuilder::~DigestBuilder() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_)); }

DigestBuilder& DigestBuilder::add(std::string_view field) {
  uint64_t n = field.size();
  unsigned char len[8];
  for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(n >> (8 * i));
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), len, 8);
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), field.data(), field.size());
  return *this;
}

DigestBuilder& DigestBuilder::add(long long number) { return add(std::to_string(number)); }

std::string DigestBuilder::finish() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), md, &len);
  return hex16(md);
}

}  // namespace casfolio
