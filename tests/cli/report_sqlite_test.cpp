// report --format sqlite (docs/social-gpa.md, "The school's database"): run
// for December, then again for May into the same file; the earlier period
// stays, and sqlite3 reads both back.
#include <catch2/catch.hpp>

#include <cstdio>

#include "support/cli_run.h"
#include "support/test_support.h"

using namespace casfolio;

namespace {

const std::string kClass = std::string(CASFOLIO_SOURCE_DIR) + "/examples/social-gpa-class";

std::string sqlite(const std::string& db, const std::string& query) {
  std::string cmd = "sqlite3 -separator ' ' " + test::shell_quoted(db) + " " + test::shell_quoted(query);
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  CHECK(pclose(p) == 0);
  return out;
}

}  // namespace

TEST_CASE("report --format sqlite twice, for two periods", "[report][sqlite][social-gpa]") {
  test::TempDir tmp;
  std::string db = (tmp.path() / "school.sqlite").string();
  const std::string query =
      "SELECT student, period, computed_points, adjustment, points, scaled, level, confirmed FROM gpa_periods "
      "ORDER BY student, period";

  // 31 December: only December's period has begun, and ends today; the commission has decided on it.
  test::CliRun first = test::cli({"report", kClass, "--format", "sqlite", "--out", db, "--as-of", "2026-12-31"});
  REQUIRE(first.code == 0);
  CHECK(sqlite(db, query) ==
        "aliya-akhmetova 2026-12 4.0 -1.0 3.0 0.6 initial 1\n"
        "arman-kassymov 2026-12 5.0 0.0 5.0 1.0 initial 1\n"
        "bekzat-nurlanov 2026-12 0.0 0.0 0.0 0.0 initial 1\n");
  CHECK(sqlite(db, "SELECT value FROM meta WHERE key = 'schema_version'") == "1\n");

  // June: May is added, December kept (and recomputed to the same figures).
  test::CliRun second = test::cli({"report", kClass, "--format", "sqlite", "--out", db, "--as-of", "2027-06-10"});
  REQUIRE(second.code == 0);
  CHECK(sqlite(db, query) ==
        "aliya-akhmetova 2026-12 4.0 -1.0 3.0 0.6 initial 1\n"
        "aliya-akhmetova 2027-05 7.0 0.0 7.0 1.4 initial 0\n"
        "arman-kassymov 2026-12 5.0 0.0 5.0 1.0 initial 1\n"
        "arman-kassymov 2027-05 8.0 0.0 8.0 1.6 satisfactory 1\n"
        "bekzat-nurlanov 2026-12 0.0 0.0 0.0 0.0 initial 1\n"
        "bekzat-nurlanov 2027-05 1.0 0.0 1.0 0.2 initial 0\n");
  CHECK(sqlite(db, "SELECT count(*) FROM students") == "3\n");
  CHECK(sqlite(db, "SELECT student, code FROM findings") == "aliya-akhmetova gpa-no-evidence\n");
  CHECK(sqlite(db, "SELECT kind, domain, points FROM gpa_items WHERE student = 'arman-kassymov' AND period = '2027-05' "
                   "AND kind = 'olympiad'") == "olympiad academic 2.0\n");
  CHECK(sqlite(db, "SELECT component, value FROM gpa_components WHERE student = 'aliya-akhmetova' AND component = "
                   "'civic'") == "civic 2\n");
  CHECK(sqlite(db, "SELECT value FROM meta WHERE key = 'as_of'") == "2027-06-10\n");
}

TEST_CASE("report --format sqlite: needs --out, refuses another schema version", "[report][sqlite]") {
  test::CliRun no_out = test::cli({"report", kClass, "--format", "sqlite"});
  CHECK(no_out.code == 2);
  CHECK(no_out.err == "casfolio report: --format sqlite needs --out FILE (the database to create or update)\n");

  test::TempDir tmp;
  std::string db = (tmp.path() / "old.sqlite").string();
  sqlite(db, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES "
             "('schema_version', '99');");
  test::CliRun r = test::cli({"report", kClass, "--format", "sqlite", "--out", db, "--as-of", "2027-06-10"});
  CHECK(r.code == 1);
  CHECK(r.err == "casfolio report: '" + db + "' has schema version 99, this casfolio writes version 1; nothing was changed\n");
  CHECK(sqlite(db, "SELECT count(*) FROM sqlite_master WHERE name = 'students'") == "0\n");

  test::write_file(tmp.path() / "text.sqlite", "not a database at all, just text that is long enough to be read\n");
  test::CliRun t = test::cli({"report", kClass, "--format", "sqlite", "--out", (tmp.path() / "text.sqlite").string()});
  CHECK(t.code == 1);
  CHECK(test::read_file(tmp.path() / "text.sqlite") == "not a database at all, just text that is long enough to be read\n");
}
