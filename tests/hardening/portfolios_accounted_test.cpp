// Every portfolio found is accounted for (issue 17, item 11): a
// portfolio.yaml that is a FIFO or a link leading out, or a student folder
// that cannot be read, once made the student vanish from the count with no
// message, and a FIFO cohort.yaml gave an error with no file name. Each now
// gives a finding naming the file, and the student is still counted (with
// an error). No FIFO is ever opened (opening one for reading blocks), so
// each case also runs under a hang guard.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "load/file_source.h"
#include "load/load_test_support.h"
#include "load/loader.h"
#include "guarded.h"
#include "support.h"
#include "unprivileged.h"

using namespace casfolio;
using namespace casfolio::hardening;
using casfolio::testing::format_findings;
using casfolio::testing::within;

namespace {

constexpr std::chrono::seconds kHangGuard{120};

// A cohort of two students, ana (ordinary) and bob (whose files the test spoils).
fs::path two_students(const TempDir& tmp) {
  fs::path cohort = tmp.path() / "cohort";
  write_file(cohort / "cohort.yaml", "school: S\n");
  write_file(cohort / "students/ana/portfolio.yaml", "name: Ana\n");
  fs::create_directories(cohort / "students/bob");
  return cohort;
}

Cohort load_guarded(const fs::path& dir) {
  return within<Cohort>(kHangGuard, [&] { return load_directory(dir.string(), LoadOptions{}); }, dir.string());
}

std::string ids(const Cohort& c) {
  std::string out;
  for (const LoadedPortfolio& lp : c.portfolios) out += lp.portfolio.id + (lp.portfolio.usable ? "" : " (unusable)") + "\n";
  return out;
}

}  // namespace

TEST_CASE("accounted: a portfolio.yaml that is a FIFO is reported, and the student counted") {
  TempDir tmp;
  fs::path cohort = two_students(tmp);
  REQUIRE(::mkfifo((cohort / "students/bob/portfolio.yaml").c_str(), 0644) == 0);
  Cohort c = load_guarded(cohort);
  CHECK(ids(c) == "ana\nbob (unusable)\n");
  CHECK(format_findings(c) == "students/bob/portfolio.yaml: error: file-unreadable\n");
}

TEST_CASE("accounted: a portfolio.yaml that is a link leading out of the portfolio is reported, never read") {
  TempDir tmp;
  fs::path cohort = two_students(tmp);
  write_file(tmp.path() / "elsewhere.yaml", "name: Not Bob\n");
  SECTION("out of the cohort") {
    fs::create_symlink(tmp.path() / "elsewhere.yaml", cohort / "students/bob/portfolio.yaml");
  }
  SECTION("into another portfolio") {
    fs::create_symlink("../ana/portfolio.yaml", cohort / "students/bob/portfolio.yaml");
  }
  Cohort c = load_guarded(cohort);
  CHECK(ids(c) == "ana\nbob (unusable)\n");
  CHECK(format_findings(c) == "students/bob/portfolio.yaml: error: symlink-outside-portfolio\n");
}

TEST_CASE("accounted: a student folder that cannot be read is reported, and the student counted") {
  SKIP_UNLESS_UNPRIVILEGED_POSSIBLE();
  TempDir tmp;
  fs::path cohort = two_students(tmp);
  write_file(cohort / "students/bob/portfolio.yaml", "name: Bob\n");
  write_file(cohort / "students/bob/reflections/2026-10-01.md", "---\n---\nText.\n");
  casfolio::test::open_to_others(tmp.path());
  auto load_unprivileged = [&] {
    // Root reads any folder: the load runs without root's privileges.
    return casfolio::test::unprivileged([&] {
      Cohort c = load_directory(cohort.string(), LoadOptions{});
      return ids(c) + format_findings(c);
    });
  };
  SECTION("no permission at all: not even its portfolio.yaml can be seen") {
    fs::permissions(cohort / "students/bob", fs::perms::none);
    auto result = load_unprivileged();
    fs::permissions(cohort / "students/bob", fs::perms::owner_all);
    REQUIRE(result);
    CHECK(*result ==
          "ana\nbob (unusable)\n"
          "students/bob: error: folder-unreadable\n"
          "students/bob/portfolio.yaml: error: file-unreadable\n");
  }
  SECTION("it can be entered but not listed: its portfolio.yaml is read, its other files are not") {
    fs::permissions(cohort / "students/bob", fs::perms::owner_all | fs::perms::others_exec);
    auto result = load_unprivileged();
    fs::permissions(cohort / "students/bob", fs::perms::owner_all);
    REQUIRE(result);
    CHECK(*result == "ana\nbob\nstudents/bob: error: folder-unreadable\n");
  }
}

TEST_CASE("accounted: a cohort.yaml that is a FIFO is reported by its name") {
  TempDir tmp;
  fs::path cohort = two_students(tmp);
  write_file(cohort / "students/bob/portfolio.yaml", "name: Bob\n");
  fs::remove(cohort / "cohort.yaml");
  REQUIRE(::mkfifo((cohort / "cohort.yaml").c_str(), 0644) == 0);
  SECTION("at the cohort's root") {
    Cohort c = load_guarded(cohort);
    CHECK(ids(c) == "ana\nbob\n");
    CHECK(format_findings(c) == "cohort.yaml: error: file-unreadable\n");
  }
  SECTION("above a single portfolio") {
    Cohort c = load_guarded(cohort / "students/ana");
    CHECK(ids(c) == "ana\n");
    CHECK(format_findings(c) == "../../cohort.yaml: error: file-unreadable\n");
  }
}

TEST_CASE("accounted: casfolio check counts the student whose portfolio.yaml is a FIFO") {
  TempDir tmp;
  fs::path cohort = two_students(tmp);
  REQUIRE(::mkfifo((cohort / "students/bob/portfolio.yaml").c_str(), 0644) == 0);
  RunResult r = run_guarded("check cohort --as-of 2026-10-05", tmp.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\ncohort/students/bob/portfolio.yaml: error: cannot read this file [file-unreadable]\n") !=
        std::string::npos);
  CHECK(r.out.find("\nbob: Of concern (1 error, 0 warnings, 0 notes)\n") != std::string::npos);
  CHECK(r.out.find("\n2 portfolios checked as of 2026-10-05: 1 error, 11 warnings\n") != std::string::npos);
}

TEST_CASE("accounted: the loader's one way of reading a file refuses a FIFO and a link leading out") {
  TempDir tmp;
  write_file(tmp.path() / "root/file.md", "text");
  write_file(tmp.path() / "outside.md", "outside");
  REQUIRE(::mkfifo((tmp.path() / "root/fifo.md").c_str(), 0644) == 0);
  fs::create_symlink(tmp.path() / "outside.md", tmp.path() / "root/out.md");
  fs::create_symlink("file.md", tmp.path() / "root/in.md");
  DiskFileSource source((tmp.path() / "root").string());
  CHECK(source.read("file.md") == std::optional<std::string>("text"));
  CHECK(source.read("in.md") == std::optional<std::string>("text"));  // a link to a file inside is that file
  CHECK_FALSE(within<bool>(kHangGuard, [&] { return source.read("fifo.md").has_value(); }, "fifo"));
  CHECK_FALSE(source.read("out.md"));
}
