// The golden sites: tests/fixtures/golden-cohort and the sample content/,
// judged as of a fixed date, rendered in each view, and compared file by
// file with what was committed in tests/fixtures/golden-site/: a manifest
// per site (SHA-256, size and path of every file, then what rendering
// reported) and a few pages in full, so that a difference shows as a diff.
// The render code may be reorganised freely as long as these stay equal.
//
// After an intended change to the pages, regenerate the committed files with
//   CASFOLIO_UPDATE_GOLDEN=1 build/tests/test_render "[golden-site]"
// and review the diff like code. On a mismatch the site as rendered is left
// in golden-site-actual/<name>/ below the test's working folder, for `diff -r`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "indicators/analysis.h"
#include "load/loader.h"
#include "render/site.h"
#include "support/cli_run.h"
#include "support/test_support.h"
#include "util/digest.h"

using namespace casfolio;
namespace fs = std::filesystem;

namespace {

const std::string kGoldenDir = CASFOLIO_SOURCE_DIR "/tests/fixtures/golden-site";
const Date kAsOf = *Date::parse("2027-06-15");

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_all(const fs::path& p, const std::string& data) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << data;
}

bool updating() { return std::getenv("CASFOLIO_UPDATE_GOLDEN") != nullptr; }

struct SiteFile {
  std::string path;
  std::string bytes;
};

// One line per file, sorted by path, then one per finding in its order.
std::string manifest_of(const std::vector<SiteFile>& files, const std::vector<Finding>& findings) {
  std::string m;
  for (const SiteFile& f : files) {
    Sha256 h;
    h.update(f.bytes);
    m += h.hex_digest() + "  " + std::to_string(f.bytes.size()) + "  " + f.path + "\n";
  }
  for (const Finding& f : findings) {
    m += "finding " + std::string(name(f.severity)) + " " + f.code + " " + f.where.file + ":" +
         std::to_string(f.where.line);
    for (const auto& [k, v] : f.args) m += " " + k + "=" + v;
    m += "\n";
  }
  return m;
}

// Compares a rendered site with its committed manifest and pages (or
// rewrites them on request).
void compare_with_golden(const std::string& name, const std::vector<SiteFile>& files,
                         const std::vector<Finding>& findings, const std::vector<std::string>& full_pages) {
  const fs::path manifest_file = fs::path(kGoldenDir) / (name + ".manifest");
  const fs::path pages_dir = fs::path(kGoldenDir) / name;
  std::string manifest = manifest_of(files, findings);
  if (updating()) {
    write_all(manifest_file, manifest);
    std::error_code ec;
    fs::remove_all(pages_dir, ec);
    for (const SiteFile& f : files)
      for (const std::string& page : full_pages)
        if (f.path == page) write_all(pages_dir / f.path, f.bytes);
    WARN("rewrote " << manifest_file.string() << " and " << pages_dir.string());
  }
  for (const std::string& page : full_pages) {
    INFO(name << ": " << page);
    const SiteFile* f = nullptr;
    for (const SiteFile& x : files)
      if (x.path == page) f = &x;
    REQUIRE(f);
    CHECK(f->bytes == read_all(pages_dir / page));
  }
  bool same = manifest == read_all(manifest_file);
  if (!same) {
    const fs::path actual = fs::path("golden-site-actual") / name;
    std::error_code ec;
    fs::remove_all(actual, ec);
    for (const SiteFile& f : files) write_all(actual / f.path, f.bytes);
    write_all(actual.string() + ".manifest", manifest);
    WARN(name << " differs from " << manifest_file.string() << "; the site as rendered is in "
              << fs::absolute(actual).string());
  }
  CHECK(same);
}

struct Loaded {
  std::string dir;
  Cohort cohort;
  CohortAnalysis analysis;
};

const Loaded& loaded(const std::string& dir) {
  static std::map<std::string, std::unique_ptr<Loaded>> cache;
  auto& slot = cache[dir];
  if (!slot) {
    slot = std::make_unique<Loaded>();
    slot->dir = dir;
    slot->cohort = load_directory(dir, LoadOptions{});
    slot->analysis = analyse(slot->cohort, kAsOf);
  }
  return *slot;
}

// The site as the renderer hands it over, with each copied file's bytes.
std::vector<SiteFile> rendered(const Loaded& l, SiteOptions options, std::vector<Finding>& findings) {
  options.source_root = l.dir;
  options.findings = &findings;
  std::vector<SiteFile> out;
  for (OutputFile& f : render_site(l.cohort, l.analysis, options))
    out.push_back({f.path, f.source_path.empty() ? std::move(f.data) : read_all(f.source_path)});
  return out;
}

// The site as `casfolio build` writes it to disk, every file below `dir`
// but the writer's own marker (.casfolio-site).
std::vector<SiteFile> written(const fs::path& dir) {
  std::vector<SiteFile> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string rel = fs::relative(e.path(), dir).generic_string();
    if (e.is_regular_file() && !rel.starts_with(".")) out.push_back({rel, read_all(e.path())});
  }
  std::sort(out.begin(), out.end(), [](const SiteFile& a, const SiteFile& b) { return a.path < b.path; });
  return out;
}

const std::string kGoldenCohort = CASFOLIO_SOURCE_DIR "/tests/fixtures/golden-cohort";
const std::string kContent = CASFOLIO_SOURCE_DIR "/content";

const std::vector<std::string> kGoldenCohortPages = {
    "index.html",
    "en/index.html",
    "en/search-index.js",
    "en/students/alma/index.html",
    "en/students/alma/experiences/garden/index.html",
    "en/students/alma/experiences/garden/2027-03-20-planning.html",
    "en/students/alma/outcomes.html",
    "en/students/alma/timeline.html",
    "en/students/alma/interviews.html",
    "en/students/alma/social-gpa.html",
};

const std::vector<std::string> kContentPages = {
    "kk/index.html",
    "ru/students/aruzhan-bekova/index.html",
    "en/students/amina-sultan/index.html",
};

}  // namespace

TEST_CASE("the golden cohort's staff site is as committed", "[golden-site]") {
  std::vector<Finding> findings;
  auto files = rendered(loaded(kGoldenCohort), SiteOptions{}, findings);
  compare_with_golden("golden-cohort-staff", files, findings, kGoldenCohortPages);
}

TEST_CASE("the golden cohort's public site is as committed", "[golden-site]") {
  SiteOptions o;
  o.audience = Audience::anyone;
  std::vector<Finding> findings;
  auto files = rendered(loaded(kGoldenCohort), o, findings);
  compare_with_golden("golden-cohort-public", files, findings, {"en/students/alma/index.html"});
}

TEST_CASE("the sample content's staff site is as committed", "[golden-site]") {
  std::vector<Finding> findings;
  auto files = rendered(loaded(kContent), SiteOptions{}, findings);
  compare_with_golden("content-staff", files, findings, kContentPages);
}

TEST_CASE("the sample content's public site is as committed", "[golden-site]") {
  SiteOptions o;
  o.audience = Audience::anyone;
  std::vector<Finding> findings;
  auto files = rendered(loaded(kContent), o, findings);
  compare_with_golden("content-public", files, findings, {"en/students/amina-sultan/index.html"});
}

TEST_CASE("one student's pages (a bundle's site) are as committed", "[golden-site]") {
  SiteOptions o;
  o.audience = Audience::student;
  o.only_student = "aruzhan-bekova";
  std::vector<Finding> findings;
  auto files = rendered(loaded(kContent), o, findings);
  compare_with_golden("content-one-student", files, findings, {"index.html", "en/students/aruzhan-bekova/index.html"});
}

// The same site through the whole pipeline (threads, the writer), twice
// with the cache (the second build reuses every student): the same bytes.
TEST_CASE("casfolio build writes the golden staff site of the sample content", "[golden-site]") {
  if (updating()) return;  // the manifest is the renderer's, rewritten above
  test::TempDir tmp;
  const std::string out = (tmp.path() / "site").string();
  const std::string expected = read_all(fs::path(kGoldenDir) / "content-staff.manifest");
  for (int run = 0; run < 2; ++run) {
    INFO("run " << run);
    test::CliRun r = test::cli({"build", kContent, "--out", out, "--as-of", kAsOf.iso(), "--jobs", "2"});
    REQUIRE(r.code == 0);
    std::string manifest = manifest_of(written(out), {});
    // The manifest's findings lines are the renderer's; the files are compared here.
    std::string files_only = expected.substr(0, expected.find("finding "));
    CHECK(manifest == files_only);
  }
}
