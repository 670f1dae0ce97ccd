// `evidence: https://…` from the files to the pages and bundles (issue 13):
// shown as an external link (rel="noopener noreferrer"), the address as text
// on the print page, never an image, never fetched, never a file of a
// bundle's listing (nor checksummed in its manifest), and gone with a private
// experience from public pages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "indicators/analysis.h"
#include "load/loader.h"
#include "render/site.h"
#include "support/cli_run.h"
#include "support/test_support.h"
#include "support/zip_entries.h"

namespace fs = std::filesystem;
using namespace casfolio;

namespace {

const char* kCertificate = "https://certificates.example.kz/c/42?lang=kk&n=1";
const char* kResult = "https://olympiad.example.org/result/7";
const char* kPrivate = "https://diary-host.example.net/secret";

void write_portfolio(const fs::path& root) {
  test::write_file(root / "portfolio.yaml", "name: Ana Example\nlanguage: en\n");
  test::write_file(root / "experiences/coding/index.md",
                   "---\ntitle: Coding course\nstrands: [creativity]\nstart: 2026-10-01\noutcomes: [1]\n"
                   "evidence: " + std::string(kCertificate) + "\n"
                   "achievements:\n"
                   "  - kind: competition\n    date: 2026-11-01\n    title: Olympiad\n"
                   "    evidence: " + kResult + "\n"
                   "---\nI learnt Python.\n");
  test::write_file(root / "experiences/coding/2026-10-05-first-week.md",
                   "---\nevidence: [https://school.example.kz/news/5]\n---\nThe first week.\n");
  test::write_file(root / "experiences/diary/index.md",
                   "---\ntitle: Diary\nstrands: [creativity]\nstart: 2026-10-01\noutcomes: [1]\nprivate: true\n"
                   "evidence: " + std::string(kPrivate) + "\n---\nMine.\n");
}

std::map<std::string, std::string> pages(const fs::path& root, Audience audience) {
  Cohort cohort = load_directory(root.string(), LoadOptions{});
  for (const LoadedPortfolio& lp : cohort.portfolios)
    for (const Finding& f : lp.findings) CHECK(f.severity != Severity::error);  // a link is no error now
  CohortAnalysis analysis = analyse(cohort, *Date::parse("2027-06-15"));
  SiteOptions o;
  o.audience = audience;
  o.source_root = root.string();
  std::map<std::string, std::string> out;
  for (OutputFile& f : render_site(cohort, analysis, o)) out[f.path] = std::move(f.data);
  return out;
}

const std::string& page_ending(const std::map<std::string, std::string>& site, const std::string& tail) {
  for (const auto& [path, data] : site)
    if (path.starts_with("en/") && path.ends_with(tail)) return data;
  FAIL("no page ending in " << tail);
  throw;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("evidence links: the experience page links out, the print page shows the address") {
  test::TempDir d;
  write_portfolio(d.path());
  auto site = pages(d.path(), Audience::staff);
  const std::string& page = page_ending(site, "experiences/coding/index.html");
  // In the evidence gallery: the host as text, the whole address (HTML-escaped) in the href.
  CHECK(count(page, "<a href=\"https://certificates.example.kz/c/42?lang=kk&amp;n=1\" rel=\"noopener noreferrer\" "
                    "class=\"file-card external\"><span class=\"file-kind\">Link</span>"
                    "<span class=\"file-name\">certificates.example.kz</span></a>") == 1);
  // The achievement's own link, beside it and in the gallery.
  CHECK(count(page, "<a href=\"https://olympiad.example.org/result/7\" rel=\"noopener noreferrer\" "
                    "class=\"external\">olympiad.example.org</a>") == 1);
  CHECK(count(page, "<a href=\"https://olympiad.example.org/result/7\" rel=\"noopener noreferrer\" "
                    "class=\"file-card external\">") == 1);
  // Every mention of an address is one of those links: no <img>, <iframe>, preload or src of it.
  CHECK(count(page, "certificates.example.kz") == 2);
  CHECK(count(page, "olympiad.example.org") == 4);
  CHECK_FALSE(std::regex_search(page, std::regex("<(img|iframe|link|script|video|audio|source)[^>]*example\\.(kz|org)")));
  CHECK_FALSE(std::regex_search(page, std::regex("src=\"https?:")));

  const std::string& reflection = page_ending(site, "experiences/coding/2026-10-05-first-week.html");
  CHECK(count(reflection, "<a href=\"https://school.example.kz/news/5\" rel=\"noopener noreferrer\" "
                          "class=\"file-card external\"><span class=\"file-kind\">Link</span>"
                          "<span class=\"file-name\">school.example.kz</span></a>") == 1);

  const std::string& print = page_ending(site, "print.html");
  CHECK(count(print, "<span class=\"file-name\">https://school.example.kz/news/5</span>") == 1);
  CHECK(count(print, "<span class=\"file-name\">https://certificates.example.kz/c/42?lang=kk&amp;n=1</span>") == 1);
  CHECK(count(print, "<span class=\"file-name\">https://olympiad.example.org/result/7</span>") == 1);
  // A link is not a file: nothing published under its name.
  for (const auto& [path, data] : site) {
    INFO(path);
    CHECK(path.find("example.") == std::string::npos);
  }
}

TEST_CASE("evidence links: a private experience's link is on no public page") {
  test::TempDir d;
  write_portfolio(d.path());
  REQUIRE(count(page_ending(pages(d.path(), Audience::staff), "experiences/diary/index.html"), kPrivate) == 1);
  auto site = pages(d.path(), Audience::anyone);
  CHECK(count(page_ending(site, "experiences/coding/index.html"), kResult) == 2);
  for (const auto& [path, data] : site) {
    INFO(path);
    CHECK(data.find("diary-host") == std::string::npos);
  }
}

TEST_CASE("evidence links: a bundle lists no link as a file, and verifies", "[bundle]") {
  // The student's own bundle (with the source part) and a public one (without).
  const bool is_public = GENERATE(false, true);
  INFO((is_public ? "--public" : "student"));
  test::TempDir d;
  write_portfolio(d.path() / "ana");
  fs::path dist = d.path() / "dist";
  std::vector<std::string> args = {"bundle", (d.path() / "ana").string(), "--out", dist.string(), "--as-of", "2027-06-15"};
  if (is_public) args.push_back("--public");
  auto run = test::cli(args);
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  // Nothing of the student's was left out or refused (a link taken for a file would be: no such file).
  CHECK((run.out + run.err).find("[bundle-") == std::string::npos);
  size_t zips = 0;
  for (const auto& e : fs::directory_iterator(dist)) {
    if (e.path().extension() != ".zip") continue;
    ++zips;
    std::map<std::string, std::string> files;
    test::read_zip(test::read_file(e.path()), "", files);
    REQUIRE(files.size() > 5);
    CHECK(std::any_of(files.begin(), files.end(), [](const auto& f) { return f.first.ends_with("/source/portfolio.yaml"); }) ==
          !is_public);
    bool manifest = false;
    for (const auto& [path, data] : files) {
      INFO(path);
      CHECK(path.find("example.") == std::string::npos);
      if (is_public) CHECK(data.find("diary-host") == std::string::npos);
      if (path.ends_with("/manifest.json")) {
        manifest = true;
        CHECK(data.find("example.") == std::string::npos);  // no entry, no checksum for a link
      }
    }
    CHECK(manifest);
    auto verified = test::cli({"verify", e.path().string()});
    INFO(verified.out << verified.err);
    CHECK(verified.code == 0);
  }
  CHECK(zips == 1);
}
