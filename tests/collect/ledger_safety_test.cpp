// The ledger under stress (docs/collect.md): a collect killed with SIGKILL
// halfway leaves a whole ledger that the next collect continues, and two
// collects at once neither interleave nor repeat lines. These run the
// casfolio executable, so that the kill is a real one.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <csignal>
#include <set>

#include "collect_support.h"
#include "load/ledger_reader.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

const std::string kSept = "2026-09-10T12:00:00Z";

// Three students, listed a b c, each with two files.
fs::path three_students(const fs::path& root) {
  for (const char* id : {"a", "b", "c"}) {
    StudentRepo r = make_repo(root, id);
    r.commit({{"portfolio.yaml", portfolio_yaml(id)}, {"reflections/one.md", "---\ndate: 2026-09-10\n---\nOne.\n"}}, kSept);
  }
  return make_cohort(root, "\n  - {id: a, url: ../remotes/a.git}\n  - {id: b, url: ../remotes/b.git}\n"
                           "  - {id: c, url: ../remotes/c.git}");
}

int run(const fs::path& root, const std::string& env, const fs::path& cohort, const std::string& seen_at) {
  std::string command = "CASFOLIO_CACHE_DIR=" + shell_quoted((root / "cache").string()) + " " + env + " " +
                        shell_quoted(CASFOLIO_BINARY) + " collect " + shell_quoted(cohort.string()) +
                        " --jobs 1 --seen-at " + seen_at + " >/dev/null 2>&1";
  int status = std::system(command.c_str());
  return status;
}

// Whether the shell or casfolio itself died of SIGKILL (sh may exec its last command).
bool killed(int status) {
  return (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) || (WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGKILL);
}

std::vector<std::string> students_in(const std::string& ledger) {
  std::vector<std::string> out;
  for (const std::string& l : lines_of(ledger))
    if (!l.empty()) out.push_back(nlohmann::json::parse(l)["student"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("collect killed with SIGKILL between two repositories leaves a valid ledger; the next one continues it") {
  TempDir tmp("casfolio-collect-");
  fs::path cohort = three_students(tmp.path());
  int status = run(tmp.path(), "CASFOLIO_TEST_KILL_AFTER_APPENDS=1", cohort, "2026-10-05T00:00:00Z");
  CHECK(killed(status));
  std::string ledger = read_file(tmp.path() / "staff/ledger.jsonl");
  CHECK(parse_ledger(ledger).check.ok());
  CHECK(students_in(ledger) == std::vector<std::string>{"a", "a"});

  CHECK(WEXITSTATUS(run(tmp.path(), "", cohort, "2026-10-06T00:00:00Z")) == 0);
  std::string next = read_file(tmp.path() / "staff/ledger.jsonl");
  REQUIRE(next.starts_with(ledger));
  CHECK(parse_ledger(next).check.ok());
  CHECK(students_in(next) == std::vector<std::string>{"a", "a", "b", "b", "c", "c"});
}

TEST_CASE("collect killed with SIGKILL while writing the ledger leaves the old one, whole") {
  TempDir tmp("casfolio-collect-");
  fs::path cohort = three_students(tmp.path());
  // The second append: its temporary file is written and synced, the rename never happens.
  int status = run(tmp.path(), "CASFOLIO_TEST_KILL_BEFORE_RENAME=2", cohort, "2026-10-05T00:00:00Z");
  CHECK(killed(status));
  std::string ledger = read_file(tmp.path() / "staff/ledger.jsonl");
  CHECK(parse_ledger(ledger).check.ok());
  CHECK(students_in(ledger) == std::vector<std::string>{"a", "a"});
  size_t temporaries = 0;
  for (const auto& e : fs::directory_iterator(tmp.path() / "staff"))
    temporaries += e.path().filename().string().starts_with("ledger.jsonl.tmp-");
  CHECK(temporaries == 1);

  CHECK(WEXITSTATUS(run(tmp.path(), "", cohort, "2026-10-06T00:00:00Z")) == 0);
  std::string next = read_file(tmp.path() / "staff/ledger.jsonl");
  CHECK(parse_ledger(next).check.ok());
  CHECK(students_in(next) == std::vector<std::string>{"a", "a", "b", "b", "c", "c"});
  temporaries = 0;
  for (const auto& e : fs::directory_iterator(tmp.path() / "staff"))
    temporaries += e.path().filename().string().starts_with("ledger.jsonl.tmp-");
  CHECK(temporaries == 0);  // the left-over one was cleared under the lock
}

TEST_CASE("two collects at once: the second waits, and the ledger has every version once") {
  TempDir tmp("casfolio-collect-");
  fs::path cohort = three_students(tmp.path());
  std::string base = "CASFOLIO_CACHE_DIR=" + shell_quoted((tmp.path() / "cache").string()) + " " +
                     shell_quoted(CASFOLIO_BINARY) + " collect " + shell_quoted(cohort.string()) + " --jobs 1 ";
  std::string both = "(" + base + "--seen-at 2026-10-05T00:00:00Z >/dev/null 2>&1; echo $? > " +
                     shell_quoted((tmp.path() / "rc1").string()) + ") & (" + base +
                     "--seen-at 2026-10-06T00:00:00Z >/dev/null 2>&1; echo $? > " +
                     shell_quoted((tmp.path() / "rc2").string()) + ") & wait";
  REQUIRE(std::system(both.c_str()) == 0);
  CHECK(read_file(tmp.path() / "rc1") == "0\n");
  CHECK(read_file(tmp.path() / "rc2") == "0\n");
  std::string ledger = read_file(tmp.path() / "staff/ledger.jsonl");
  CHECK(parse_ledger(ledger).check.ok());
  CHECK(students_in(ledger) == std::vector<std::string>{"a", "a", "b", "b", "c", "c"});
  // All six from one of the two: the other found nothing new.
  std::set<std::string> seen_at;
  for (const std::string& l : lines_of(ledger))
    if (!l.empty()) seen_at.insert(nlohmann::json::parse(l)["first_seen"].get<std::string>());
  CHECK(seen_at.size() == 1);
}

TEST_CASE("verify checks a ledger's chain and names the first broken line") {
  TempDir tmp("casfolio-collect-");
  CacheIn cache(tmp.path());
  fs::path cohort = three_students(tmp.path());
  REQUIRE(cli({"collect", cohort.string(), "--seen-at", "2026-10-05T00:00:00Z"}).code == 0);
  fs::path ledger = tmp.path() / "staff/ledger.jsonl";
  CliRun ok = cli({"verify", ledger.string()});
  CHECK(ok.code == 0);
  CHECK(ok.out == ledger.string() + ": OK, 6 line(s), each chained to the one before\n");

  std::vector<std::string> lines = lines_of(read_file(ledger));
  REQUIRE(lines.size() == 6);
  int broken = 0;  // the first line whose `prev` no longer matches
  SECTION("an edited line") {
    size_t at = lines[2].find("\"first_seen\":\"2026-10-05");
    REQUIRE(at != std::string::npos);
    lines[2].replace(at, 24, "\"first_seen\":\"2026-09-05");
    broken = 4;
  }
  SECTION("a removed line") {
    lines.erase(lines.begin() + 2);
    broken = 3;
  }
  SECTION("two lines swapped") {
    std::swap(lines[2], lines[3]);
    broken = 3;
  }
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  write_file(ledger, text);
  CliRun bad = cli({"verify", ledger.string()});
  INFO(bad.out);
  CHECK(bad.code == 1);
  CHECK(bad.out.find(ledger.string() + ":" + std::to_string(broken) + ": error: line " + std::to_string(broken) +
                     " of the ledger does not follow") != std::string::npos);
  CHECK(bad.out.find(": the chain is broken at line " + std::to_string(broken) + "\n") != std::string::npos);
  // And collect refuses to chain new lines to a damaged ledger.
  CliRun refused = cli({"collect", cohort.string()});
  CHECK(refused.code == 1);
  CHECK(refused.out.find("cannot be appended to") != std::string::npos);
  CHECK(read_file(ledger) == text);
}
