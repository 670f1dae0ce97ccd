#include "write/signing.h"

#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "write/checksum.h"

namespace casfolio {

struct SigningKey::Handle {
  EVP_PKEY* pkey = nullptr;
  ~Handle() { EVP_PKEY_free(pkey); }
};

namespace {

std::string openssl_error(std::string_view fallback) {
  unsigned long e = ERR_get_error();
  ERR_clear_error();
  if (e == 0) return std::string(fallback);
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  return buf;
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  long n = BIO_get_mem_data(bio, &data);
  return n > 0 ? std::string(data, size_t(n)) : std::string();
}

// Writes all of `text` to a new file; false (errno set) when it exists or fails.
bool write_new_file(const std::string& path, const std::string& text, mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return false;
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = errno;
      ::close(fd);
      ::unlink(path.c_str());
      errno = saved;
      return false;
    }
    done += size_t(n);
  }
  return ::close(fd) == 0;
}

}  // namespace

std::optional<SigningKey> SigningKey::generate(std::string& error) {
  EVP_PKEY* pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (!pkey) {
    error = openssl_error("OpenSSL could not make an Ed25519 key");
    return std::nullopt;
  }
  SigningKey k;
  k.key_ = std::make_shared<Handle>();
  k.key_->pkey = pkey;
  k.has_private_ = true;
  return k;
}

std::optional<SigningKey> SigningKey::from_pem(std::string_view pem, std::string& error) {
  bool is_private = pem.find("PRIVATE KEY-----") != std::string_view::npos;
  BIO* bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
  if (!bio) {
    error = "out of memory";
    return std::nullopt;
  }
  // No passphrase callback: an encrypted key fails instead of prompting.
  EVP_PKEY* pkey = is_private ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, const_cast<char*>(""))
                              : PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (!pkey) {
    error = "it is not a PEM " + std::string(is_private ? "private" : "public") + " key (" +
            openssl_error("unreadable") + ")";
    return std::nullopt;
  }
  if (EVP_PKEY_get_id(pkey) != EVP_PKEY_ED25519) {
    EVP_PKEY_free(pkey);
    error = "it is not an Ed25519 key";
    return std::nullopt;
  }
  SigningKey k;
  k.key_ = std::make_shared<Handle>();
  k.key_->pkey = pkey;
  k.has_private_ = is_private;
  return k;
}

std::optional<SigningKey> SigningKey::read_file(const std::string& path, std::string& error) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    error = std::filesystem::exists(path, ec) ? "it is not a regular file" : "there is no such file";
    return std::nullopt;
  }
  BIO* bio = BIO_new_file(path.c_str(), "rb");
  if (!bio) {
    error = std::strerror(errno);
    ERR_clear_error();
    return std::nullopt;
  }
  BIO* mem = BIO_new(BIO_s_mem());
  char buf[4096];
  int n = 0;
  size_t total = 0;
  while ((n = BIO_read(bio, buf, sizeof buf)) > 0 && total < (1 << 20)) {
    BIO_write(mem, buf, n);
    total += size_t(n);
  }
  BIO_free(bio);
  std::string text = bio_text(mem);
  BIO_free(mem);
  return from_pem(text, error);
}

std::string SigningKey::fingerprint() const {
  unsigned char* der = nullptr;
  int n = i2d_PUBKEY(key_->pkey, &der);
  if (n <= 0) return "";
  std::string hex = sha256_hex(std::string_view(reinterpret_cast<char*>(der), size_t(n)));
  OPENSSL_free(der);
  return "SHA256:" + hex;
}

std::string SigningKey::public_pem() const {
  BIO* mem = BIO_new(BIO_s_mem());
  std::string text = PEM_write_bio_PUBKEY(mem, key_->pkey) == 1 ? bio_text(mem) : "";
  BIO_free(mem);
  return text;
}

std::string SigningKey::private_pem() const {
  if (!has_private_) return "";
  BIO* mem = BIO_new(BIO_s_mem());
  // PKCS#8 ("BEGIN PRIVATE KEY"), unencrypted: the file's mode protects it.
  std::string text =
      PEM_write_bio_PrivateKey(mem, key_->pkey, nullptr, nullptr, 0, nullptr, nullptr) == 1 ? bio_text(mem) : "";
  BIO_free(mem);
  return text;
}

std::string SigningKey::sign(std::string_view message) const {
  if (!has_private_) return "";
  std::string sig(kSignatureBytes, '\0');
  size_t len = sig.size();
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  // Ed25519 hashes the message itself: no digest, one-shot EVP_DigestSign.
  bool ok = ctx && EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key_->pkey) == 1 &&
            EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                           reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
  EVP_MD_CTX_free(ctx);
  ERR_clear_error();
  return ok && len == kSignatureBytes ? sig : "";
}

bool SigningKey::verifies(std::string_view message, std::string_view signature) const {
  if (signature.size() != kSignatureBytes) return false;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx && EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key_->pkey) == 1 &&
            EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                             reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
  EVP_MD_CTX_free(ctx);
  ERR_clear_error();
  return ok;
}

std::optional<std::string> normalise_fingerprint(std::string_view text) {
  if (text.size() > 7 && (text.substr(0, 7) == "SHA256:" || text.substr(0, 7) == "sha256:")) text.remove_prefix(7);
  if (text.size() != 64) return std::nullopt;
  std::string hex;
  for (char c : text) {
    if (c >= 'A' && c <= 'F') c = char(c - 'A' + 'a');
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
    hex += c;
  }
  return "SHA256:" + hex;
}

KeyWrite write_key_pair(const SigningKey& key, const std::string& name, std::string& existing_or_error) {
  const std::string private_path = name + ".key", public_path = name + ".pub";
  std::error_code ec;
  for (const std::string& p : {private_path, public_path}) {
    if (std::filesystem::symlink_status(p, ec).type() != std::filesystem::file_type::not_found) {
      existing_or_error = p;
      return KeyWrite::exists;
    }
  }
  if (!write_new_file(private_path, key.private_pem(), 0600)) {
    bool exists = errno == EEXIST;
    existing_or_error = exists ? private_path : private_path + ": " + std::strerror(errno);
    return exists ? KeyWrite::exists : KeyWrite::failed;
  }
  if (!write_new_file(public_path, key.public_pem(), 0644)) {
    bool exists = errno == EEXIST;
    existing_or_error = exists ? public_path : public_path + ": " + std::strerror(errno);
    ::unlink(private_path.c_str());  // a private key without its public half is of no use
    return exists ? KeyWrite::exists : KeyWrite::failed;
  }
  return KeyWrite::written;
}

}  // namespace casfolio
