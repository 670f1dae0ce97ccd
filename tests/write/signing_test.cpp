// Signed bundles (docs/bundles.md, "Signed bundles"): `casfolio key new`,
// `bundle --sign`, `verify --key/--trust`, and the openssl commands the docs give.
#include "write/signing.h"

#include <sys/stat.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <functional>
#include <sstream>

#include "bundle_test_support.h"
#include "cli/cli.h"
#include "support/cli_run.h"
#include "write/bundle.h"
#include "write/checksum.h"
#include "write/manifest.h"
#include "write/verify.h"

using namespace casfolio;
using namespace casfolio::testing;
using casfolio::test::cli;
using casfolio::test::CliRun;

namespace {


// `casfolio key new <dir>/<name>`; the fingerprint it printed.
std::string new_key(const TempDir& d, const std::string& name) {
  CliRun r = cli({"key", "new", d / name});
  REQUIRE(r.code == 0);
  size_t at = r.out.find("fingerprint ");
  REQUIRE(at != std::string::npos);
  return r.out.substr(at + 12, 7 + 64);
}

SigningKey read_key(const std::string& path) {
  std::string error;
  auto key = SigningKey::read_file(path, error);
  INFO(error);
  REQUIRE(key);
  return *key;
}

// A small student bundle in <d>/<out>, signed with `key` when given.
std::string signed_bundle(const TempDir& d, const std::string& out, const std::optional<SigningKey>& key,
                          std::string folder = "ana-cas-portfolio") {
  BundleSpec spec;
  spec.folder = folder;
  spec.facts = {{"schema", 1}, {"kind", "student"}, {"language", "en"}};
  spec.files.push_back({"site/index.html", "<!DOCTYPE html><title>Ana</title>\n", ""});
  spec.files.push_back({"site/style.css", "body { margin: 0 }\n", ""});
  spec.files.push_back({"source/portfolio.yaml", "", d.file("src/portfolio.yaml", "name: Ana\n")});
  Diagnostics sink;
  BundleOptions o;
  o.timestamp = 1781481600;
  o.signer = key;
  auto w = write_bundle(spec, d / out, o, sink);
  REQUIRE(w);
  return w->path;
}

std::string entry_text(const std::string& zip, const std::string& name) {
  int error = 0;
  zip_t* za = zip_open(zip.c_str(), ZIP_RDONLY, &error);
  REQUIRE(za);
  zip_stat_t st;
  REQUIRE(zip_stat(za, name.c_str(), 0, &st) == 0);
  std::string bytes(st.size, '\0');
  zip_file_t* f = zip_fopen(za, name.c_str(), 0);
  REQUIRE(f);
  REQUIRE(zip_fread(f, bytes.data(), bytes.size()) == zip_int64_t(bytes.size()));
  zip_fclose(f);
  zip_discard(za);
  return bytes;
}

// Replaces (or, with nullopt, deletes) entries, the way someone editing the zip would.
void rewrite(const std::string& zip, const std::map<std::string, std::optional<std::string>>& changes) {
  int error = 0;
  zip_t* za = zip_open(zip.c_str(), 0, &error);
  REQUIRE(za);
  for (const auto& [name, data] : changes) {
    zip_int64_t index = zip_name_locate(za, name.c_str(), 0);
    REQUIRE(index >= 0);
    if (!data) {
      REQUIRE(zip_delete(za, zip_uint64_t(index)) == 0);
      continue;
    }
    zip_source_t* s = zip_source_buffer(za, data->data(), data->size(), 0);
    REQUIRE(zip_file_replace(za, zip_uint64_t(index), s, 0) == 0);
  }
  REQUIRE(zip_close(za) == 0);
}

const std::string kSignedOk = ": OK, 3 file(s) match the manifest; signed by ";

}  // namespace

TEST_CASE("casfolio key new writes NAME.key (PKCS#8, 0600) and NAME.pub, prints the fingerprint, never overwrites",
          "[signing]") {
  TempDir d;
  CliRun r = cli({"key", "new", d / "school"});
  REQUIRE(r.code == 0);
  std::string priv = read_bytes(d / "school.key"), pub = read_bytes(d / "school.pub");
  CHECK(priv.starts_with("-----BEGIN PRIVATE KEY-----\n"));
  CHECK(priv.ends_with("-----END PRIVATE KEY-----\n"));
  CHECK(pub.starts_with("-----BEGIN PUBLIC KEY-----\n"));
  CHECK(pub.ends_with("-----END PUBLIC KEY-----\n"));
  struct stat st;
  REQUIRE(stat((d / "school.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  SigningKey key = read_key(d / "school.key"), public_key = read_key(d / "school.pub");
  CHECK(key.has_private());
  CHECK_FALSE(public_key.has_private());
  CHECK(key.fingerprint() == public_key.fingerprint());
  CHECK(r.out == "wrote " + (d / "school") + ".key (private: keep it secret, it signs bundles)\nwrote " +
                     (d / "school") + ".pub (public: publish it, it verifies bundles)\nfingerprint " +
                     key.fingerprint() + "\n");
  // The fingerprint is SHA-256 of the DER public key, as openssl computes it.
  std::string cmd = "openssl pkey -pubin -in '" + (d / "school.pub") + "' -outform DER | sha256sum > '" +
                    (d / "fp.txt") + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK("SHA256:" + read_bytes(d / "fp.txt").substr(0, 64) == key.fingerprint());

  CliRun again = cli({"key", "new", d / "school"});
  CHECK(again.code == 1);
  CHECK(again.err == (d / "school") + ".key: error: " + (d / "school") +
                         ".key already exists; a key is never overwritten [key-exists]\n"
                         "note: Choose another name. Replacing a key would make bundles signed with it unverifiable "
                         "by the published public key.\n");
  CHECK(read_bytes(d / "school.key") == priv);
  CHECK(read_bytes(d / "school.pub") == pub);

  // Only the public half there: still refused, and no private key written.
  fs::remove(d / "school.key");
  CHECK(cli({"key", "new", d / "school"}).code == 1);
  CHECK_FALSE(fs::exists(d / "school.key"));
}

TEST_CASE("a signed bundle verifies with --key and --trust, and names who signed", "[signing]") {
  TempDir d;
  std::string fingerprint = new_key(d, "school");
  std::string zip = signed_bundle(d, "dist", read_key(d / "school.key"));

  std::string manifest = entry_text(zip, "ana-cas-portfolio/manifest.json");
  auto parsed = nlohmann::json::parse(manifest);
  CHECK(parsed["signature"]["algorithm"] == "Ed25519");
  CHECK(parsed["signature"]["fingerprint"] == fingerprint);
  CHECK(parsed["signature"]["public_key"] == read_bytes(d / "school.pub"));
  CHECK(entry_text(zip, "ana-cas-portfolio/manifest.json.sig").size() == 64);

  CliRun with_key = cli({"verify", "--key", d / "school.pub", zip});
  CHECK(with_key.code == 0);
  CHECK(with_key.out == zip + kSignedOk + fingerprint + " (" + (d / "school.pub") + ")\n");

  CliRun with_trust = cli({"verify", "--trust", fingerprint, zip});
  CHECK(with_trust.code == 0);
  CHECK(with_trust.out == zip + kSignedOk + fingerprint + " (trusted)\n");

  CliRun unchecked = cli({"verify", zip});
  CHECK(unchecked.code == 0);
  CHECK(unchecked.out == zip + kSignedOk + fingerprint + " (not checked against a trusted key)\n");
}

TEST_CASE("a file changed together with its manifest line fails the signature", "[signing]") {
  TempDir d;
  std::string fingerprint = new_key(d, "school");
  std::string zip = signed_bundle(d, "dist", read_key(d / "school.key"));
  std::string forged = "<!DOCTYPE html><title>Ana, CAS complete</title>\n";
  std::string error;
  auto manifest = parse_manifest(entry_text(zip, "ana-cas-portfolio/manifest.json"), error);
  REQUIRE(manifest);
  for (ManifestFile& f : manifest->files)
    if (f.path == "site/index.html") {
      f.size = forged.size();
      f.sha256 = sha256_hex(forged);
    }
  rewrite(zip, {{"ana-cas-portfolio/site/index.html", forged},
                {"ana-cas-portfolio/manifest.json", manifest_text(*manifest)}});

  const std::string expected =
      zip + ": error: the signature 'ana-cas-portfolio/manifest.json.sig' does not match the manifest: it was changed "
            "after " + fingerprint + " signed it [verify-signature-invalid]\n"
      "note: Someone edited manifest.json (perhaps together with a file it lists). Do not trust this bundle; ask the "
      "school for the original.\n" + zip + ": 1 problem(s)\n";
  CliRun r = cli({"verify", "--key", d / "school.pub", zip});
  CHECK(r.code == 1);
  CHECK(r.out == expected);
  // The bundle still claims a signature, so it fails without a key too.
  CHECK(cli({"verify", zip}).out == expected);
}

TEST_CASE("a removed signature fails when a key is required, and is reported as not signed when not", "[signing]") {
  TempDir d;
  std::string fingerprint = new_key(d, "school");
  std::string zip = signed_bundle(d, "dist", read_key(d / "school.key"));
  rewrite(zip, {{"ana-cas-portfolio/manifest.json.sig", std::nullopt}});

  CliRun required = cli({"verify", "--key", d / "school.pub", zip});
  CHECK(required.code == 1);
  CHECK(required.out == zip +
                            ": error: 'ana-cas-portfolio/manifest.json' is not signed, and a trusted key was required "
                            "[verify-signature-missing]\nnote: The signature (manifest.json.sig) is missing: it was "
                            "removed, or the bundle was made without --sign.\n" +
                            zip + ": 1 problem(s)\n");
  CHECK(cli({"verify", "--trust", fingerprint, zip}).code == 1);

  CliRun not_required = cli({"verify", zip});
  CHECK(not_required.code == 0);
  CHECK(not_required.out == zip + ": OK, 3 file(s) match the manifest; not signed\n");
}

TEST_CASE("a signature by another key fails against the trusted one", "[signing]") {
  TempDir d;
  new_key(d, "school");
  std::string other = new_key(d, "other");
  std::string zip = signed_bundle(d, "dist", read_key(d / "other.key"));
  CliRun r = cli({"verify", "--key", d / "school.pub", zip});
  CHECK(r.code == 1);
  CHECK(r.out == zip + ": error: 'ana-cas-portfolio/manifest.json' is signed by " + other +
                     ", which is not a trusted key [verify-untrusted-key]\nnote: The signature is valid but made with "
                     "another key than the ones given with --key or --trust. Compare the fingerprint with the one the "
                     "school publishes.\n" +
                     zip + ": 1 problem(s)\n");
  // Either of two trusted keys will do.
  CHECK(cli({"verify", "--key", d / "school.pub", "--key", d / "other.pub", zip}).code == 0);
}

TEST_CASE("two signed bundles of the same input and key are byte-identical", "[signing]") {
  TempDir d;
  new_key(d, "school");
  SigningKey key = read_key(d / "school.key");
  std::string a = signed_bundle(d, "one", key), b = signed_bundle(d, "two", key);
  CHECK(read_bytes(a) == read_bytes(b));
}

TEST_CASE("a signed cohort bundle pins each student zip; its nested signatures are checked", "[signing]") {
  TempDir d;
  std::string fingerprint = new_key(d, "school");
  SigningKey key = read_key(d / "school.key");
  std::string ana = signed_bundle(d, "students", key, "ana-cas-portfolio");
  std::string bob = signed_bundle(d, "students", key, "bob-cas-portfolio");
  BundleSpec spec;
  spec.folder = "cohort-cas-portfolios";
  spec.facts = {{"schema", 1}, {"kind", "cohort"}, {"language", "en"}};
  spec.files.push_back({"site/index.html", "<!DOCTYPE html><title>Cohort</title>\n", ""});
  spec.files.push_back({"students/ana-cas-portfolio.zip", "", ana});
  spec.files.push_back({"students/bob-cas-portfolio.zip", "", bob});
  Diagnostics sink;
  BundleOptions o;
  o.signer = key;
  auto cohort = write_bundle(spec, d / "dist", o, sink);
  REQUIRE(cohort);
  auto listed = nlohmann::json::parse(entry_text(cohort->path, "cohort-cas-portfolios/manifest.json"))["files"];
  CHECK(listed[1]["path"] == "students/ana-cas-portfolio.zip");
  CHECK(listed[1]["sha256"] == sha256_hex(read_bytes(ana)));

  VerifyOptions vo;
  vo.keys.push_back({"school.pub", read_key(d / "school.pub")});
  VerifyResult good = verify_bundle(cohort->path, vo);
  CHECK(good.ok());
  CHECK(good.signed_by == fingerprint);
  CHECK(good.signer_name == "school.pub");

  // A student zip swapped for another (validly signed) one: the cohort's list catches it.
  rewrite(cohort->path, {{"cohort-cas-portfolios/students/ana-cas-portfolio.zip", read_bytes(bob)}});
  VerifyResult swapped = verify_bundle(cohort->path, vo);
  REQUIRE(swapped.problems.size() == 1);
  CHECK(swapped.problems[0].code == "verify-checksum-mismatch");
}

TEST_CASE("the openssl commands of docs/bundles.md verify a real bundle", "[signing]") {
  // scripts/install-deps.sh --test installs openssl, jq and unzip: a missing one fails here.
  REQUIRE(std::system("openssl version > /dev/null 2>&1 && jq --version > /dev/null 2>&1") == 0);
  TempDir d;
  new_key(d, "school");
  std::string zip = signed_bundle(d, "dist", read_key(d / "school.key"));
  // As in docs/bundles.md, "Checking a bundle with openssl alone".
  std::string in_folder = "cd '" + (d / "check") + "' && unzip -q '" + zip + "' && cd ana-cas-portfolio && ";
  fs::create_directories(d / "check");
  std::string verify = "openssl pkeyutl -verify -pubin -inkey '" + (d / "school.pub") +
                       "' -rawin -in manifest.json -sigfile manifest.json.sig > /dev/null";
  std::string sums = "jq -r '.files[] | \"\\(.sha256)  \\(.path)\"' manifest.json | sha256sum --quiet -c -";
  CHECK(std::system((in_folder + verify + " && " + sums).c_str()) == 0);

  // A changed file fails sha256sum; a changed manifest fails openssl.
  std::string folder = d / "check/ana-cas-portfolio";
  write_bytes(folder + "/site/style.css", "body { margin: 1em }\n");
  std::string again = "cd '" + folder + "' && ";
  CHECK(std::system((again + sums + " > /dev/null 2>&1").c_str()) != 0);
  write_bytes(folder + "/manifest.json", read_bytes(folder + "/manifest.json") + " ");
  CHECK(std::system((again + verify + " 2>/dev/null").c_str()) != 0);
}
