// Symbolic links and odd folders in a portfolio (issue 17, item 3): two
// links in one experience (`loop -> .`, `loop2 -> ../other`) once made the
// build's fingerprint walk follow about 2^64 paths and serve leak
// descriptors. Every walk now goes through util/folder_walk: links are
// reported, never descended, and the work is bounded by counts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/fingerprint.h"
#include "cli/file_watcher.h"
#include "load/load_test_support.h"
#include "load/loader.h"
#include "guarded.h"
#include "support.h"
#include "unprivileged.h"

using namespace casfolio;
using namespace casfolio::hardening;

namespace {

const std::string kAsOf = " --as-of 2027-06-15";
const fs::path kGolden = fs::path(CASFOLIO_SOURCE_DIR) / "tests/fixtures/golden-cohort";

// The lines of `out` that contain `what`.
std::string lines_with(const std::string& out, const std::string& what) {
  std::string result;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t nl = out.find('\n', pos);
    std::string line = out.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? out.size() : nl + 1;
    if (line.find(what) != std::string::npos) result += line + "\n";
  }
  return result;
}

size_t open_descriptors() {
  size_t n = 0;
  for (auto it = fs::directory_iterator("/proc/self/fd"); it != fs::directory_iterator(); ++it) ++n;
  return n;
}

// Entries the fingerprint of `dir` looks at.
size_t fingerprint_entries(const fs::path& dir) {
  size_t n = 0;
  folder_fingerprint(dir.string(), &n);
  return n;
}

// A copy of the golden cohort in `tmp`/cohort.
fs::path copy_cohort(const TempDir& tmp) {
  fs::path cohort = tmp.path() / "cohort";
  fs::copy(kGolden, cohort, fs::copy_options::recursive);
  return cohort;
}

}  // namespace

TEST_CASE("symlinks: loop -> . and loop2 -> ../other in one experience: check names them, build finishes") {
  TempDir tmp;
  fs::path cohort = copy_cohort(tmp);
  fs::path alma = cohort / "students/alma";
  size_t plain_entries = fingerprint_entries(alma);
  RunResult before = run_guarded("check cohort" + kAsOf, tmp.path());
  fs::path painting = alma / "experiences/painting";
  fs::create_directory_symlink(".", painting / "loop");
  fs::create_directory_symlink("../garden", painting / "loop2");

  RunResult check = run_guarded("check cohort" + kAsOf, tmp.path());
  CHECK(lines_with(check.out, "[symlink-to-folder]") ==
        "cohort/students/alma/experiences/painting/loop: warning: `experiences/painting/loop` is a link to a folder; casfolio "
        "does not follow it, so what it leads to is left out [symlink-to-folder]\n"
        "cohort/students/alma/experiences/painting/loop2: warning: `experiences/painting/loop2` is a link to a folder; "
        "casfolio does not follow it, so what it leads to is left out [symlink-to-folder]\n");
  CHECK(check.exit_code == before.exit_code);  // warnings only

  RunResult build = run_guarded("build cohort --out out/site --no-cache" + kAsOf, tmp.path());
  INFO(build.out << build.err);
  CHECK(build.exit_code == 0);  // not 124: the guard did not have to stop it
  CHECK(fs::exists(tmp.path() / "out/site/index.html"));
  // An incremental build fingerprints the portfolios: it finishes too.
  RunResult cached = run_guarded("build cohort --out out/site2" + kAsOf, tmp.path(), "CASFOLIO_CACHE_DIR=cache");
  CHECK(cached.exit_code == 0);
  CHECK(fs::exists(tmp.path() / "out/site2/index.html"));

  // The fingerprint looks at each link once, not at what it leads to.
  CHECK(fingerprint_entries(alma) == plain_entries + 2);
}

TEST_CASE("symlinks: a link to /etc, a chain a -> b -> a and a link to a file outside are each reported") {
  TempDir tmp;
  fs::path cohort = copy_cohort(tmp);
  fs::path alma = cohort / "students/alma";
  size_t plain_entries = fingerprint_entries(alma);
  write_file(tmp.path() / "outside.txt", "not the student's");
  fs::create_directory_symlink("/etc", alma / "etc");
  fs::create_symlink("b", alma / "a");
  fs::create_symlink("a", alma / "b");
  fs::create_symlink(tmp.path() / "outside.txt", alma / "notes.txt");

  RunResult check = run_guarded("check cohort" + kAsOf, tmp.path());
  INFO(check.out);
  CHECK(lines_with(check.out, "[symlink-outside-portfolio]") ==
        "cohort/students/alma/a: error: `a` is a link that leads outside the portfolio [symlink-outside-portfolio]\n"
        "cohort/students/alma/b: error: `b` is a link that leads outside the portfolio [symlink-outside-portfolio]\n"
        "cohort/students/alma/etc: error: `etc` is a link that leads outside the portfolio [symlink-outside-portfolio]\n"
        "cohort/students/alma/notes.txt: error: `notes.txt` is a link that leads outside the portfolio "
        "[symlink-outside-portfolio]\n");
  CHECK(check.exit_code == 1);  // errors

  RunResult build = run_guarded("build cohort --out out/site --no-cache" + kAsOf, tmp.path());
  INFO(build.out << build.err);
  CHECK(build.exit_code != 124);
  CHECK(build.exit_code != -1);
  CHECK(fingerprint_entries(alma) == plain_entries + 4);
}

TEST_CASE("symlinks: a folder 40 deep is reported; the fingerprint and the watcher stop at the loader's depth") {
  TempDir tmp;
  fs::path cohort = copy_cohort(tmp);
  fs::path alma = cohort / "students/alma";
  size_t plain_entries = fingerprint_entries(alma);
  std::string rel;
  for (int i = 1; i <= 40; ++i) rel += (i > 1 ? "/d" : "d") + std::to_string(i);
  write_file(alma / rel / "deep.txt", "deep");

  RunResult check = run_guarded("check cohort" + kAsOf, tmp.path());
  CHECK(lines_with(check.out, "[folder-too-deep]") ==
        "cohort/students/alma/" + rel.substr(0, rel.find("/d34")) +
            ": error: this folder is more than 32 folders deep; the files in it are left out [folder-too-deep]\n");
  CHECK(fingerprint_entries(alma) == plain_entries + 33);  // d1 .. d33, nothing below

  FileWatcher watcher;
  REQUIRE(watcher.watch_tree(alma.string(), ""));
  size_t real_folders = 1;  // alma itself
  for (auto it = fs::recursive_directory_iterator(alma); it != fs::recursive_directory_iterator(); ++it)
    if (it->is_directory() && !it->is_symlink()) ++real_folders;
  CHECK(watcher.watches() == real_folders);  // 64 levels: all 40 are watched
  CHECK(watcher.complete());
}

TEST_CASE("symlinks: a folder the builder may not read is reported, and the rest is read") {
  SKIP_UNLESS_UNPRIVILEGED_POSSIBLE();
  TempDir tmp;
  fs::path cohort = copy_cohort(tmp);
  fs::path alma = cohort / "students/alma";
  write_file(alma / "drafts-box/old.txt", "old");
  casfolio::test::open_to_others(tmp.path());
  fs::permissions(alma / "drafts-box", fs::perms::none);
  // Root reads any folder: the load runs without root's privileges.
  auto result = casfolio::test::unprivileged([&] {
    Cohort c = load_directory(cohort.string(), LoadOptions{});
    std::string out = std::to_string(c.portfolios.size()) + " portfolios\n";
    for (const LoadedPortfolio& lp : c.portfolios)
      for (const Finding& f : lp.findings)
        if (f.code == "folder-unreadable") out += casfolio::testing::finding_line(f, lp.portfolio.root) + "\n";
    return out;
  });
  fs::permissions(alma / "drafts-box", fs::perms::owner_all);
  REQUIRE(result);
  CHECK(*result == "3 portfolios\nstudents/alma/drafts-box: error: folder-unreadable\n");
}

TEST_CASE("symlinks: the watcher never follows links, bounds its watches, and keeps none for removed folders") {
  TempDir tmp;
  fs::path root = tmp.path() / "root";
  write_file(root / "a/b/file.txt", "x");
  fs::create_directory_symlink(".", root / "a/loop");
  fs::create_directory_symlink("..", root / "a/b/up");
  fs::create_directory_symlink("/etc", root / "etc");

  FileWatcher watcher;
  REQUIRE(watcher.watch_tree(root.string(), ""));
  CHECK(watcher.watches() == 3);  // root, a, a/b: no link is watched

  size_t descriptors = open_descriptors();
  std::vector<std::string> changed;
  for (int round = 0; round < 50; ++round) {
    fs::create_directories(root / "new/x/y");
    changed.clear();
    watcher.read(changed);
    // The events may come before the folders below exist; the watcher then
    // finds them when it adds the new folder. Either way all three are watched.
    for (int tries = 0; tries < 1000 && watcher.watches() < 6; ++tries) watcher.read(changed);
    REQUIRE(watcher.watches() == 6);
    fs::remove_all(root / "new");
    for (int tries = 0; tries < 1000 && watcher.watches() > 3; ++tries) watcher.read(changed);
    REQUIRE(watcher.watches() == 3);
  }
  CHECK(open_descriptors() == descriptors);

  // A folder moved away is not watched any more either.
  fs::create_directories(root / "gone/sub");
  for (int tries = 0; tries < 1000 && watcher.watches() < 5; ++tries) watcher.read(changed);
  REQUIRE(watcher.watches() == 5);
  fs::rename(root / "gone", tmp.path() / "away");
  for (int tries = 0; tries < 1000 && watcher.watches() > 3; ++tries) watcher.read(changed);
  CHECK(watcher.watches() == 3);

  FileWatcher small(2);
  REQUIRE(small.watch_tree(root.string(), ""));
  CHECK(small.watches() == 2);
  CHECK_FALSE(small.complete());
}

TEST_CASE("symlinks: fingerprinting a tree of links in circles many times keeps no descriptor") {
  TempDir tmp;
  fs::path cohort = copy_cohort(tmp);
  fs::path painting = cohort / "students/alma/experiences/painting";
  fs::create_directory_symlink(".", painting / "loop");
  fs::create_directory_symlink("../garden", painting / "loop2");
  Cohort c = load_directory(cohort.string(), LoadOptions{});
  REQUIRE(c.portfolios.size() == 3);
  size_t before = open_descriptors();
  std::map<std::string, std::string> first = portfolio_fingerprints(cohort.string(), c, 2);
  for (int i = 0; i < 50; ++i) CHECK(portfolio_fingerprints(cohort.string(), c, 2) == first);
  CHECK(open_descriptors() == before);
}
