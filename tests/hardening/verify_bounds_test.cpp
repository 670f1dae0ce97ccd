// `casfolio verify` on archives made to make it work (issue 17, item 9): the
// work follows the bytes in the archive, never the sizes its manifest
// claims, and entries that are not files or folders are refused. Bounded by
// the verifier's own counters (bytes inflated, bytes written to temporary
// files), never by the clock.
#include <sys/stat.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "support.h"
#include "write/checksum.h"
#include "write/manifest.h"
#include "write/verify.h"

using namespace casfolio;
using namespace casfolio::hardening;

namespace {

struct Entry {
  std::string name;
  std::string data;
  zip_int32_t method = ZIP_CM_DEFLATE;
  zip_uint32_t mode = S_IFREG | 0644;
};

// A zip of `entries`, plus <folder>/manifest.json listing `listed` (path,
// claimed size) with the real SHA-256 of the entry's bytes.
std::string make_zip(const fs::path& path, const std::string& folder, const std::string& kind,
                     const std::vector<Entry>& entries, const std::vector<std::pair<std::string, uint64_t>>& listed) {
  Manifest m;
  m.facts = {{"schema", 1}, {"kind", kind}, {"language", "en"}};
  for (const auto& [file, size] : listed) {
    std::string sha;
    for (const Entry& e : entries)
      if (e.name == folder + "/" + file) sha = sha256_hex(e.data);
    m.files.push_back({file, size, sha});
  }
  std::string manifest = manifest_text(m);
  int error = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(za);
  auto add = [&](const std::string& name, const std::string& data, zip_int32_t method, zip_uint32_t mode) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    zip_int64_t i = zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    REQUIRE(i >= 0);
    REQUIRE(zip_set_file_compression(za, zip_uint64_t(i), method, 9) == 0);
    REQUIRE(zip_file_set_external_attributes(za, zip_uint64_t(i), 0, ZIP_OPSYS_UNIX, mode << 16) == 0);
  };
  add(folder + "/manifest.json", manifest, ZIP_CM_DEFLATE, S_IFREG | 0644);
  for (const Entry& e : entries) add(e.name, e.data, e.method, e.mode);
  REQUIRE(zip_close(za) == 0);
  return path.string();
}

std::vector<std::string> codes(const VerifyResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.problems) out.push_back(f.where.file + f.code);
  return out;
}

std::string message(const Finding& f) { return render_message(f, Language::en).message; }

const std::string kIndex = "<!DOCTYPE html><title>x</title>\n";

}  // namespace

TEST_CASE("verify: a manifest claiming 2 GiB for a small nested zip writes at most the archive's worth to disk") {
  TempDir tmp;
  const std::string folder = "cohort-cas-portfolios";
  const uint64_t claimed = 2ull << 30;
  std::string zeros(32u << 20, '\0');  // deflates to about 32 KB
  std::string zip = make_zip(tmp.path() / "bomb.zip", folder, "cohort",
                             {{folder + "/site/index.html", kIndex}, {folder + "/students/x-cas-portfolio.zip", zeros}},
                             {{"site/index.html", kIndex.size()}, {"students/x-cas-portfolio.zip", claimed}});
  uint64_t archive = fs::file_size(zip);
  REQUIRE(archive < 200u << 10);

  VerifyResult r = verify_bundle(zip);
  CHECK(codes(r) == std::vector<std::string>{"verify-nested-too-large"});
  uint64_t cap = 2 * archive + (1u << 20);  // docs/hardening.md: twice the outer archive plus 1 MB
  REQUIRE(r.problems.size() == 1);
  CHECK(message(r.problems[0]) == "'cohort-cas-portfolios/students/x-cas-portfolio.zip' is larger than the " +
                                      format_size(cap) +
                                      " a student bundle inside this cohort bundle can be");
  CHECK(r.temp_bytes <= cap);
  CHECK(r.inflated_bytes <= cap + (1u << 20) + kIndex.size() + 4096);  // one 1 MB chunk past the cap
}

TEST_CASE("verify: an entry inflating beyond what deflate can make is not read past that") {
  TempDir tmp;
  const std::string folder = "ana-cas-portfolio";
  std::string zeros(64u << 20, '\0');  // bzip2 makes this a few hundred bytes: far beyond 1032:1
  std::string zip = make_zip(tmp.path() / "bomb.zip", folder, "student",
                             {{folder + "/site/index.html", kIndex}, {folder + "/site/big.html", zeros, ZIP_CM_BZIP2}},
                             {{"site/index.html", kIndex.size()}, {"site/big.html", 2ull << 30}});
  zip_stat_t st;
  {
    int error = 0;
    zip_t* za = zip_open(zip.c_str(), ZIP_RDONLY, &error);
    REQUIRE(za);
    REQUIRE(zip_stat(za, (folder + "/site/big.html").c_str(), 0, &st) == 0);
    zip_discard(za);
  }
  REQUIRE(st.comp_size < 4096);

  VerifyResult r = verify_bundle(zip);
  CHECK(codes(r) == std::vector<std::string>{"verify-inflates-too-much"});
  REQUIRE(r.problems.size() == 1);
  CHECK(message(r.problems[0]) ==
        "'ana-cas-portfolio/site/big.html' inflates to more than 1032 times its compressed size; it was not read further");
  // At most 1032 times its compressed size plus 64 KB, and one 1 MB chunk.
  CHECK(r.inflated_bytes <= st.comp_size * 1032 + (64u << 10) + (1u << 20) + 8192);
  CHECK(r.temp_bytes == 0);
}

TEST_CASE("verify: named pipes, devices and symbolic links are refused and never read") {
  TempDir tmp;
  const std::string folder = "ana-cas-portfolio";
  struct Case {
    zip_uint32_t mode;
    const char* code;
    std::string message;
  };
  for (const Case& c : {Case{S_IFIFO | 0644, "verify-special-file",
                             "'ana-cas-portfolio/site/x' is not a regular file (a named pipe, a device or a socket)"},
                        Case{S_IFCHR | 0644, "verify-special-file",
                             "'ana-cas-portfolio/site/x' is not a regular file (a named pipe, a device or a socket)"},
                        Case{S_IFSOCK | 0644, "verify-special-file",
                             "'ana-cas-portfolio/site/x' is not a regular file (a named pipe, a device or a socket)"},
                        Case{S_IFLNK | 0777, "verify-symlink", "'ana-cas-portfolio/site/x' is a symbolic link"}}) {
    INFO(c.code << " " << std::oct << c.mode);
    std::string zip = make_zip(tmp.path() / "special.zip", folder, "student",
                               {{folder + "/site/index.html", kIndex}, {folder + "/site/x", "/dev/zero", ZIP_CM_STORE, c.mode}},
                               {{"site/index.html", kIndex.size()}, {"site/x", 9}});
    VerifyResult r = verify_bundle(zip);
    CHECK(codes(r) == std::vector<std::string>{c.code});
    REQUIRE(r.problems.size() == 1);
    CHECK(message(r.problems[0]) == c.message);
    CHECK(r.files_checked == 1);  // index.html; the special entry was not read
  }
}

TEST_CASE("verify: a named pipe given as the bundle is refused without opening it") {
  TempDir tmp;
  fs::path fifo = tmp.path() / "bundle.zip";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  VerifyResult r = verify_bundle(fifo.string());
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].code == "verify-cannot-open");
  CHECK(r.problems[0].args == Args{{"reason", "it is not a regular file"}});
}

TEST_CASE("verify: an honest bundle reads each byte once and writes nested bundles to disk at their size") {
  TempDir tmp;
  const std::string inner_folder = "x-cas-portfolio";
  std::string inner = make_zip(tmp.path() / "inner.zip", inner_folder, "student",
                               {{inner_folder + "/site/index.html", kIndex}}, {{"site/index.html", kIndex.size()}});
  std::string inner_bytes = read_file(inner);
  const std::string folder = "cohort-cas-portfolios";
  std::string zip = make_zip(
      tmp.path() / "cohort.zip", folder, "cohort",
      {{folder + "/site/index.html", kIndex}, {folder + "/students/x-cas-portfolio.zip", inner_bytes, ZIP_CM_STORE}},
      {{"site/index.html", kIndex.size()}, {"students/x-cas-portfolio.zip", inner_bytes.size()}});
  VerifyResult r = verify_bundle(zip);
  INFO(codes(r).size());
  CHECK(r.ok());
  CHECK(r.files_checked == 2);  // the nested bundle's own files are counted in it, not here
  CHECK(r.temp_bytes == inner_bytes.size());
}
