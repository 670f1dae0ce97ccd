#include "util/digest.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>

namespace casfolio {

struct Sha256::State {
  EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
  state_->ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(state_->ctx, EVP_sha256(), nullptr);
}

Sha256::~Sha256() { EVP_MD_CTX_free(state_->ctx); }

void Sha256::update(std::string_view bytes) {
  if (!bytes.empty()) EVP_DigestUpdate(state_->ctx, bytes.data(), bytes.size());
}

std::string Sha256::hex_digest(size_t bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(state_->ctx, md, &n);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  n = unsigned(std::min<size_t>(n, bytes));
  out.reserve(2 * n);
  for (unsigned int i = 0; i < n; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 15];
  }
  return out;
}

std::string content_digest(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return h.hex_digest(16);
}

DigestBuilder& DigestBuilder::add(std::string_view field) {
  uint64_t n = field.size();
  char len[8];
  for (int i = 0; i < 8; ++i) len[i] = static_cast<char>(n >> (8 * i));
  hash_.update(std::string_view(len, 8));
  hash_.update(field);
  return *this;
}

DigestBuilder& DigestBuilder::add(long long number) { return add(std::to_string(number)); }

std::string DigestBuilder::finish() { return hash_.hex_digest(16); }

}  // namespace casfolio
