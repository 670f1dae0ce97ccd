#include "write/verify.h"

#include <sys/stat.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <functional>
#include <sstream>

#include "bundle_test_support.h"
#include "cli/cli.h"
#include "support/cli_run.h"
#include "diagnostics/diagnostics.h"
#include "load/loader.h"
#include "pipeline/bundle_build.h"

using namespace casfolio;
using namespace casfolio::testing;
using casfolio::test::cli;
using casfolio::test::CliRun;

namespace {

std::string photo_bytes() {
  std::string s = "\xFF\xD8\xFF\xE0";
  for (int i = 0; s.size() < 3000; ++i) s += char(i * 7 + 3);
  return s;
}

// A fresh, valid bundle of five files in `d`/dist; returns its path.
std::string fresh_bundle(const TempDir& d) {
  BundleSpec spec;
  spec.folder = "ana-cas-portfolio";
  spec.facts = {{"schema", 1}, {"kind", "student"}, {"language", "en"}};
  spec.files.push_back({"site/index.html", "<!DOCTYPE html><title>Ana</title>\n", ""});
  spec.files.push_back({"site/style.css", "body { margin: 0 }\n", ""});
  spec.files.push_back({"site/photo.jpg", photo_bytes(), ""});
  spec.files.push_back({"source/portfolio.yaml", "", d.file("src/portfolio.yaml", "name: Ana\n")});
  spec.files.push_back({"source/photo.jpg", "", d.file("src/photo.jpg", photo_bytes())});
  Diagnostics sink;
  BundleOptions o;
  o.timestamp = 1781481600;
  auto w = write_bundle(spec, d / "dist", o, sink);
  if (!w) throw std::runtime_error("could not write the test bundle");
  return w->path;
}

// Changes a zip with libzip, the way someone editing it would.
void edit(const std::string& zip, const std::function<void(zip_t*)>& change) {
  int error = 0;
  zip_t* za = zip_open(zip.c_str(), 0, &error);
  REQUIRE(za);
  change(za);
  REQUIRE(zip_close(za) == 0);
}

zip_int64_t add(zip_t* za, const char* name, std::string_view data) {
  zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
  return zip_file_add(za, name, s, 0);
}

// "code entry" for each problem, prefixed by where.file for nested ones.
std::vector<std::string> summary(const VerifyResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.problems) {
    std::string line = f.where.file + f.code;
    for (const auto& [k, v] : f.args) line += " " + k + "=" + v;
    out.push_back(line);
  }
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a fresh bundle verifies") {
  TempDir d;
  VerifyResult r = verify_bundle(fresh_bundle(d));
  CHECK(summary(r).empty());
  CHECK(r.ok());
  CHECK(r.files_checked == 5);
  CHECK(r.kind == "student");
}

TEST_CASE("one flipped byte in a stored entry is found and the entry named") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  std::string bytes = read_bytes(zip);
  for (const RawEntry& e : raw_entries(bytes)) {
    if (e.name == "ana-cas-portfolio/site/photo.jpg") {
      REQUIRE(e.method == 0);
      bytes[e.data_offset + 1000] ^= 0x01;
    }
  }
  write_bytes(zip, bytes);
  CHECK(summary(verify_bundle(zip)) ==
        Lines{"verify-unreadable-entry entry=ana-cas-portfolio/site/photo.jpg reason=CRC error"});
}

TEST_CASE("one flipped byte in a deflated entry is found and the entry named") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  std::string bytes = read_bytes(zip);
  for (const RawEntry& e : raw_entries(bytes))
    if (e.name == "ana-cas-portfolio/site/index.html") bytes[e.data_offset + 5] ^= 0x10;
  write_bytes(zip, bytes);
  VerifyResult r = verify_bundle(zip);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].args[0] == std::pair<std::string, std::string>{"entry", "ana-cas-portfolio/site/index.html"});
  // Inflate notices or the CRC does, or the bytes inflate to something else.
  CHECK((r.problems[0].code == "verify-unreadable-entry" || r.problems[0].code == "verify-checksum-mismatch" ||
         r.problems[0].code == "verify-size-mismatch"));
}

TEST_CASE("an entry rewritten with new content of the same size fails its checksum") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  edit(zip, [](zip_t* za) {
    static const std::string changed = "<!DOCTYPE html><title>Bob</title>\n";
    zip_int64_t i = zip_name_locate(za, "ana-cas-portfolio/site/index.html", 0);
    REQUIRE(i >= 0);
    REQUIRE(zip_file_replace(za, zip_uint64_t(i), zip_source_buffer(za, changed.data(), changed.size(), 0), 0) == 0);
  });
  CHECK(summary(verify_bundle(zip)) == Lines{"verify-checksum-mismatch entry=ana-cas-portfolio/site/index.html"});
}

TEST_CASE("an entry rewritten with another size fails on its size") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  edit(zip, [](zip_t* za) {
    static const std::string changed = "body { margin: 1em }\n";
    zip_int64_t i = zip_name_locate(za, "ana-cas-portfolio/site/style.css", 0);
    REQUIRE(zip_file_replace(za, zip_uint64_t(i), zip_source_buffer(za, changed.data(), changed.size(), 0), 0) == 0);
  });
  CHECK(summary(verify_bundle(zip)) ==
        Lines{"verify-size-mismatch entry=ana-cas-portfolio/site/style.css size=21 expected=19"});
}

TEST_CASE("an added entry is reported by name") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  edit(zip, [](zip_t* za) { REQUIRE(add(za, "ana-cas-portfolio/site/extra.html", "<p>new</p>") >= 0); });
  CHECK(summary(verify_bundle(zip)) == Lines{"verify-unlisted-file entry=ana-cas-portfolio/site/extra.html"});
}

TEST_CASE("a removed entry is reported by name") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  edit(zip, [](zip_t* za) {
    REQUIRE(zip_delete(za, zip_uint64_t(zip_name_locate(za, "ana-cas-portfolio/source/photo.jpg", 0))) == 0);
  });
  CHECK(summary(verify_bundle(zip)) == Lines{"verify-missing-file entry=ana-cas-portfolio/source/photo.jpg"});
}

TEST_CASE("removing site/index.html is reported twice: the site cannot open, and a file is missing") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  edit(zip, [](zip_t* za) {
    REQUIRE(zip_delete(za, zip_uint64_t(zip_name_locate(za, "ana-cas-portfolio/site/index.html", 0))) == 0);
  });
  CHECK(summary(verify_bundle(zip)) == Lines{"verify-no-index entry=ana-cas-portfolio/site/index.html",
                                             "verify-missing-file entry=ana-cas-portfolio/site/index.html"});
}

TEST_CASE("an entry outside the bundle folder is reported") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  edit(zip, [](zip_t* za) { REQUIRE(add(za, "readme.txt", "hi") >= 0); });
  CHECK(summary(verify_bundle(zip)) == Lines{"verify-outside-folder entry=readme.txt folder=ana-cas-portfolio/"});
}

TEST_CASE("entries that would escape the folder are reported and never read") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  edit(zip, [](zip_t* za) {
    REQUIRE(add(za, "ana-cas-portfolio/../evil.txt", "x") >= 0);
    REQUIRE(add(za, "/etc/cron.d/evil", "x") >= 0);
    REQUIRE(add(za, "ana-cas-portfolio\\..\\evil.bat", "x") >= 0);
    REQUIRE(add(za, "C:/evil.txt", "x") >= 0);
    REQUIRE(add(za, "ana-cas-portfolio/./site/x.txt", "x") >= 0);
  });
  CHECK(summary(verify_bundle(zip)) ==
        Lines{"verify-unsafe-path entry=ana-cas-portfolio/../evil.txt", "verify-unsafe-path entry=/etc/cron.d/evil",
              "verify-unsafe-path entry=ana-cas-portfolio\\..\\evil.bat", "verify-unsafe-path entry=C:/evil.txt",
              "verify-unsafe-path entry=ana-cas-portfolio/./site/x.txt"});
}

TEST_CASE("a symbolic link entry is reported, even one the manifest lists") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  edit(zip, [](zip_t* za) {
    zip_int64_t i = add(za, "ana-cas-portfolio/site/link", "/etc/passwd");
    REQUIRE(i >= 0);
    REQUIRE(zip_file_set_external_attributes(za, zip_uint64_t(i), 0, ZIP_OPSYS_UNIX, (S_IFLNK | 0777u) << 16) == 0);
    i = zip_name_locate(za, "ana-cas-portfolio/site/style.css", 0);
    REQUIRE(zip_file_set_external_attributes(za, zip_uint64_t(i), 0, ZIP_OPSYS_UNIX, (S_IFLNK | 0777u) << 16) == 0);
  });
  CHECK(summary(verify_bundle(zip)) == Lines{"verify-symlink entry=ana-cas-portfolio/site/style.css",
                                             "verify-symlink entry=ana-cas-portfolio/site/link"});
}

TEST_CASE("two entries with the same name are reported as a duplicate") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  std::string bytes = read_bytes(zip);
  const std::string from = "ana-cas-portfolio/site/style.css", to = "ana-cas-portfolio/site/photo.jpg";
  REQUIRE(from.size() == to.size());
  for (const RawEntry& e : raw_entries(bytes)) {
    if (e.name != from) continue;
    bytes.replace(e.central_offset + 46, from.size(), to);
    bytes.replace(e.local_offset + 30, from.size(), to);
  }
  write_bytes(zip, bytes);
  CHECK(summary(verify_bundle(zip)) == Lines{"verify-duplicate-entry entry=ana-cas-portfolio/site/photo.jpg",
                                             "verify-missing-file entry=ana-cas-portfolio/site/style.css"});
}

TEST_CASE("a zip without manifest.json, or with a broken one, is reported") {
  TempDir d;
  std::string zip = fresh_bundle(d);
  SECTION("no manifest") {
    edit(zip,
         [](zip_t* za) { zip_delete(za, zip_uint64_t(zip_name_locate(za, "ana-cas-portfolio/manifest.json", 0))); });
    CHECK(summary(verify_bundle(zip)) == Lines{"verify-no-manifest"});
  }
  auto replace_manifest = [&](std::string text) {
    edit(zip, [&](zip_t* za) {
      zip_int64_t i = zip_name_locate(za, "ana-cas-portfolio/manifest.json", 0);
      REQUIRE(zip_file_replace(za, zip_uint64_t(i), zip_source_buffer(za, text.data(), text.size(), 0), 0) == 0);
    });
  };
  SECTION("not JSON") {
    replace_manifest("{ not json");
    CHECK(summary(verify_bundle(zip)) ==
          Lines{"verify-bad-manifest entry=ana-cas-portfolio/manifest.json reason=it is not valid JSON"});
  }
  SECTION("another schema") {
    replace_manifest(R"({"schema": 2, "files": []})");
    CHECK(summary(verify_bundle(zip)) ==
          Lines{"verify-bad-manifest entry=ana-cas-portfolio/manifest.json reason=its schema is 2, this casfolio "
                "reads schema 1"});
  }
  SECTION("a malformed record") {
    replace_manifest(R"({"schema": 1, "files": [{"path": "site/index.html", "size": -1, "sha256": "00"}]})");
    CHECK(summary(verify_bundle(zip)) ==
          Lines{"verify-bad-manifest entry=ana-cas-portfolio/manifest.json reason=file record 1 needs \"path\", "
                "\"size\" and \"sha256\""});
  }
  SECTION("a listed path that escapes") {
    replace_manifest(R"({"schema": 1, "files": [{"path": "../x", "size": 0, "sha256": ")"
                     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}]}");
    Lines got = summary(verify_bundle(zip));
    REQUIRE(got.size() >= 1);
    CHECK(got[0] == "verify-bad-manifest entry=ana-cas-portfolio/manifest.json reason=it lists the unsafe path ../x");
  }
}

TEST_CASE("what is not a bundle gets a clear message and no crash") {
  TempDir d;
  CHECK(summary(verify_bundle(d.file("notes.txt", "these are not the bytes of a zip\n"))) ==
        Lines{"verify-not-a-zip reason=Not a zip archive"});
  CHECK(summary(verify_bundle(d.file("empty.zip", ""))) == Lines{"verify-not-a-zip reason=the file is empty"});
  CHECK(summary(verify_bundle(d / "missing.zip")) == Lines{"verify-cannot-open reason=there is no such file"});
  CHECK(summary(verify_bundle(d.path().string())) == Lines{"verify-cannot-open reason=it is a folder"});
  std::string good = read_bytes(fresh_bundle(d));
  CHECK(summary(verify_bundle(d.file("half.zip", good.substr(0, good.size() / 2)))) ==
        Lines{"verify-not-a-zip reason=Not a zip archive"});
  // Anything at all: truncations, and the bytes shifted, never crash and never pass.
  for (size_t cut : {size_t(4), size_t(30), good.size() - 22, good.size() - 1}) {
    INFO(cut);
    CHECK_FALSE(verify_bundle_data(good.substr(0, cut)).ok());
    CHECK_FALSE(verify_bundle_data(std::string("x") + good.substr(0, cut)).ok());
  }
  std::string noisy = good;
  for (size_t i = 7; i < noisy.size(); i += 97) noisy[i] = char(noisy[i] * 31 + 7);
  CHECK_FALSE(verify_bundle_data(noisy).ok());
  CHECK(verify_bundle_data(good).ok());
}

TEST_CASE("entry names are safe only when they stay inside") {
  for (const char* ok : {"a", "a/b.txt", "a/b/", "ана/фото.jpg", "a/.well-known/x", "a/b..c"})
    CHECK(is_safe_entry_name(ok));
  for (const char* bad :
       {"", "/a", "a/../b", "../a", "a/..", "a/./b", "./a", "a\\b", "C:/a", "c:a", "a//b", "a/b//", "a/\x01", "/"})
    CHECK_FALSE(is_safe_entry_name(bad));
}

TEST_CASE("a cohort bundle's student bundles are verified too") {
  TempDir d;
  std::string student = fresh_bundle(d);
  edit(student, [](zip_t* za) { REQUIRE(add(za, "ana-cas-portfolio/site/extra.html", "<p>new</p>") >= 0); });
  Cohort cohort;
  cohort.config.school = "Test Lyceum";
  BundleSpec spec = cohort_bundle(cohort, {{"index.html", "<p>cohort</p>", ""}}, {{"ana", "Ana", student, "on-track"}},
                                  false, *Date::parse("2027-06-15"));
  Diagnostics sink;
  auto w = write_bundle(spec, d / "out", BundleOptions{}, sink);
  REQUIRE(w);
  CHECK(w->path == d / "out/cohort-cas-portfolios.zip");
  VerifyResult r = verify_bundle(w->path);
  CHECK(r.kind == "cohort");
  CHECK(r.files_checked == 2);
  CHECK(summary(r) ==
        Lines{"!students/ana-cas-portfolio.zipverify-unlisted-file entry=ana-cas-portfolio/site/extra.html"});
}

namespace {


}  // namespace

TEST_CASE("casfolio verify lists each problem, naming the file, and exits 1; 0 when all are good") {
  TempDir d;
  std::string good = fresh_bundle(d);
  std::string bad = d / "bad.zip";
  fs::copy_file(good, bad);
  edit(bad, [](zip_t* za) { REQUIRE(add(za, "ana-cas-portfolio/site/extra.html", "<p>new</p>") >= 0); });

  CliRun ok = cli({"verify", good});
  CHECK(ok.code == 0);
  CHECK(ok.out == good + ": OK, 5 file(s) match the manifest; not signed\n");

  CliRun r = cli({"verify", good, bad});
  CHECK(r.code == 1);
  CHECK(r.out == good + ": OK, 5 file(s) match the manifest; not signed\n" + bad +
                     ": error: 'ana-cas-portfolio/site/extra.html' is in the zip but not in the manifest "
                     "[verify-unlisted-file]\nnote: A file was added after the bundle was made.\n" +
                     bad + ": 1 problem(s)\n");

  CliRun ru = cli({"verify", "--lang", "ru", bad});
  CHECK(ru.out == bad +
                      ": ошибка: 'ana-cas-portfolio/site/extra.html' есть в zip, но не указан в манифесте "
                      "[verify-unlisted-file]\nподсказка: Файл добавили после создания архива.\n" +
                      bad + ": 1 problem(s)\n");

  std::string text = d.file("notes.txt", "hello\n");
  CliRun t = cli({"verify", text});
  CHECK(t.code == 1);
  CHECK(t.out == text +
                     ": error: this is not a zip file (Not a zip archive) [verify-not-a-zip]\n"
                     "note: A bundle is the .zip file casfolio bundle wrote. If it is, it was probably cut short "
                     "while copying: copy it again.\n" +
                     text + ": 1 problem(s)\n");

  CHECK(cli({"verify"}).code == 2);
  CHECK(cli({"verify", "--lang", "de", good}).code == 2);
}

TEST_CASE("casfolio bundle refuses an output folder inside the sources and a bad size") {
  TempDir d;
  fs::create_directories(d.path() / "content");
  CliRun inside = cli({"bundle", d / "content", "--out", d / "content/dist", "--as-of", "2027-06-15"});
  CHECK(inside.code == 2);
  CHECK(inside.err == (d / "content") + ": error: the output folder " + (d / "content/dist") + " is inside " +
                          (d / "content") +
                          "; bundles are never written among the portfolio files [bundle-out-inside-source]\n"
                          "note: Choose a folder outside it, for example --out dist/ next to " +
                          (d / "content") + ".\n");
  CHECK_FALSE(fs::exists(d.path() / "content/dist"));

  CliRun size = cli({"bundle", d / "content", "--out", d / "dist", "--max-evidence-size", "lots"});
  CHECK(size.code == 2);
  CHECK(size.err ==
        "casfolio bundle: error: --max-evidence-size wants a size such as 500M or 2G, not 'lots' [bundle-bad-size]\n"
        "note: Write a number with K, M or G after it (1K = 1024 bytes), or a number of bytes.\n");

  CliRun empty = cli({"bundle", d / "content", "--out", d / "dist", "--as-of", "2027-06-15"});
  CHECK(empty.code == 1);
  CHECK(empty.out == (d / "content") + ": error: no portfolio found in " + (d / "content") +
                         " [bundle-no-portfolios]\nnote: Give casfolio bundle a folder with cohort.yaml and portfolios "
                         "below it, or one portfolio folder (with portfolio.yaml).\n");
  CHECK_FALSE(fs::exists(d.path() / "dist"));
}

TEST_CASE("casfolio bundle names an evidence file over --max-evidence-size and writes no bundle for it") {
  TempDir d;
  d.file("ana/portfolio.yaml", "name: Ana Test\n");
  std::string big = d.file("ana/experiences/film/final-cut.mp4", std::string(3000, 'x'));
  d.file("ana/experiences/film/index.md",
         "---\ntitle: Film\nstrands: [creativity]\nstart: 2026-10-01\noutcomes: [1]\n---\nA film.\n");
  Cohort loaded = load_directory(d / "ana", {});
  REQUIRE(loaded.portfolios.size() == 1);
  CliRun r = cli({"bundle", d / "ana", "--out", d / "dist", "--as-of", "2027-06-15", "--max-evidence-size", "2K"});
  CHECK(r.code == 1);
  CHECK(r.out.find(big + ": error: " + big +
                   " is 2.9 KB, more than the 2 KB a bundle takes for one file "
                   "[bundle-file-too-large]\n") != std::string::npos);
  CHECK(r.out.ends_with("0 bundle(s) written to " + (d / "dist") + " as of 2027-06-15; 1 failed\n"));
  CHECK_FALSE(fs::exists(d.path() / "dist/ana-cas-portfolio.zip"));

  CliRun ok = cli({"bundle", d / "ana", "--out", d / "dist", "--as-of", "2027-06-15", "--max-evidence-size", "3K"});
  CHECK(ok.code == 0);
  CHECK(verify_bundle(d / "dist/ana-cas-portfolio.zip").ok());
}

TEST_CASE("casfolio bundle on the sample cohort writes bundles that verify") {
  // A loader that finds nothing would make every check below vacuous.
  Cohort sample = load_directory(std::string(CASFOLIO_SOURCE_DIR) + "/content", {});
  REQUIRE_FALSE(sample.portfolios.empty());
  TempDir d;
  CliRun r =
      cli({"bundle", std::string(CASFOLIO_SOURCE_DIR) + "/content", "--out", d / "dist", "--as-of", "2027-06-15"});
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  std::vector<std::string> args{"verify"};
  for (const LoadedPortfolio& lp : sample.portfolios)
    args.push_back(d / ("dist/" + lp.portfolio.id + "-cas-portfolio.zip"));
  args.push_back(d / "dist/cohort-cas-portfolios.zip");
  CliRun v = cli(args);
  INFO(v.out);
  CHECK(v.code == 0);
  // Same input, same bytes.
  std::string first = read_bytes(d / "dist/cohort-cas-portfolios.zip");
  CHECK(cli({"bundle", std::string(CASFOLIO_SOURCE_DIR) + "/content", "--out", d / "dist", "--as-of", "2027-06-15"})
            .code == 0);
  CHECK(read_bytes(d / "dist/cohort-cas-portfolios.zip") == first);
}
