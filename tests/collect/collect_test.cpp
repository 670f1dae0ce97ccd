// casfolio collect with local bare repositories (docs/collect.md): fetching
// by path and file:// URL, checkouts the other commands read, failures
// reported by id without stopping the cohort, and the ledger's lines.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "collect_support.h"
#include "load/ledger_reader.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

const std::string kSept = "2026-09-10T12:00:00Z";
const std::string kOct = "2026-10-02T08:30:00Z";

std::string ledger_of(const fs::path& root) { return read_file(root / "staff" / "ledger.jsonl"); }

nlohmann::json line_json(const std::string& line) { return nlohmann::json::parse(line); }

// The (student, path) of every line, in order.
std::vector<std::string> sightings(const std::string& ledger) {
  std::vector<std::string> out;
  for (const std::string& l : lines_of(ledger)) {
    if (l.empty()) continue;
    auto j = line_json(l);
    out.push_back(j["student"].get<std::string>() + ":" + j["path"].get<std::string>());
  }
  return out;
}

}  // namespace

TEST_CASE("collect fetches by path and by file:// url; check and build read the checkouts") {
  TempDir tmp("casfolio-collect-");
  CacheIn cache(tmp.path());
  StudentRepo ana = make_repo(tmp.path(), "ana");
  ana.commit({{"portfolio.yaml", portfolio_yaml("Ana")}, {"reflections/2026-09-10-start.md", reflection("2026-09-10", "Begun.")}}, kSept);
  StudentRepo bek = make_repo(tmp.path(), "bek");
  bek.commit({{"portfolio.yaml", portfolio_yaml("Bek")}}, kSept);
  fs::path cohort = make_cohort(tmp.path(), "\n  - {id: ana, url: ../remotes/ana.git}\n  - {id: bek, url: 'file://" +
                                                (tmp.path() / "remotes/bek.git").string() + "', branch: main}");

  CliRun r = cli({"collect", cohort.string(), "--seen-at", "2026-10-05T00:00:00Z"});
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  CHECK(r.out.find("collected 2 of 2 repositories; 3 new line(s) in") != std::string::npos);
  CHECK(sightings(ledger_of(tmp.path())) ==
        std::vector<std::string>{"ana:portfolio.yaml", "ana:reflections/2026-09-10-start.md", "bek:portfolio.yaml"});
  auto first = line_json(lines_of(ledger_of(tmp.path()))[0]);
  CHECK(first["author_date"] == kSept);
  CHECK(first["committer_date"] == kSept);
  CHECK(first["first_seen"] == "2026-10-05T00:00:00Z");
  CHECK(first["prev"] == std::string(64, '0'));
  CHECK(parse_ledger(ledger_of(tmp.path())).check.ok());

  CliRun check = cli({"check", cohort.string(), "--format", "json"});
  INFO(check.out);
  auto students = nlohmann::json::parse(check.out)["students"];
  REQUIRE(students.size() == 2);
  CHECK(students[0]["id"] == "ana");
  CHECK(students[1]["id"] == "bek");
  CHECK(check.out.find("repository-not-collected") == std::string::npos);

  CliRun build = cli({"build", cohort.string(), "--out", (tmp.path() / "site").string()});
  INFO(build.out << build.err);
  CHECK(fs::exists(tmp.path() / "site/en/students/ana/index.html"));
  CHECK(fs::exists(tmp.path() / "site/en/students/bek/index.html"));
  // Nothing was written into the sources.
  CHECK(!fs::exists(cohort / ".casfolio"));
  CHECK(!fs::exists(cohort / "ana"));
}

TEST_CASE("collect: a broken repository is reported by id and does not stop the others") {
  TempDir tmp("casfolio-collect-");
  CacheIn cache(tmp.path());
  StudentRepo good = make_repo(tmp.path(), "good");
  good.commit({{"portfolio.yaml", portfolio_yaml("Good")}}, kSept);
  StudentRepo bare = make_repo(tmp.path(), "noportfolio");
  bare.commit({{"notes.md", "no portfolio here\n"}}, kSept);
  StudentRepo corrupt = make_repo(tmp.path(), "corrupt");
  corrupt.commit({{"portfolio.yaml", portfolio_yaml("C")}}, kSept);
  // Every object of the corrupt one is gone: its refs lead nowhere.
  fs::remove_all(corrupt.bare / "objects");
  fs::create_directories(corrupt.bare / "objects");
  StudentRepo empty = make_repo(tmp.path(), "empty");
  write_file(tmp.path() / "cohort/repos.txt",
             "# id url [branch]\n"
             "corrupt ../remotes/corrupt.git\n"
             "empty ../remotes/empty.git\n"
             "good ../remotes/good.git   # the only one that works\n"
             "missing ../remotes/missing.git\n"
             "nobranch ../remotes/good2.git develop\n"
             "noportfolio ../remotes/noportfolio.git\n");
  fs::copy(good.bare, tmp.path() / "remotes/good2.git", fs::copy_options::recursive);
  fs::path cohort = make_cohort(tmp.path(), " repos.txt");

  CliRun r = cli({"collect", cohort.string(), "--seen-at", "2026-10-05T00:00:00Z", "--jobs", "2"});
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("collected 1 of 6 repositories; 1 new line(s)") != std::string::npos);
  for (std::string expected : {"repos.txt:2:1: error: the repository of corrupt could not be",
                               "repos.txt:3:1: error: the repository of empty has no commits yet",
                               "repos.txt:5:1: error: the repository of missing could not be fetched",
                               "repos.txt:6:1: error: the repository of nobranch has no branch develop",
                               "repos.txt:7:1: error: the repository of noportfolio has no portfolio.yaml at its root"}) {
    INFO(expected);
    CHECK(r.out.find(expected) != std::string::npos);
  }
  CHECK(sightings(ledger_of(tmp.path())) == std::vector<std::string>{"good:portfolio.yaml"});
}

TEST_CASE("collect: nothing new adds no line; a new commit adds exactly its new blobs") {
  TempDir tmp("casfolio-collect-");
  CacheIn cache(tmp.path());
  StudentRepo ana = make_repo(tmp.path(), "ana");
  ana.commit({{"portfolio.yaml", portfolio_yaml("Ana")}, {"reflections/a.md", reflection("2026-09-10", "One.")}}, kSept);
  fs::path cohort = make_cohort(tmp.path(), "\n  - {id: ana, url: ../remotes/ana.git}");
  REQUIRE(cli({"collect", cohort.string(), "--seen-at", "2026-09-11T00:00:00Z"}).code == 0);
  std::string once = ledger_of(tmp.path());
  CHECK(lines_of(once).size() == 2);

  CliRun again = cli({"collect", cohort.string(), "--seen-at", "2026-09-12T00:00:00Z"});
  CHECK(again.out.find("0 new line(s)") != std::string::npos);
  CHECK(ledger_of(tmp.path()) == once);

  // One file changed, one added, one unchanged: two new versions.
  ana.commit({{"reflections/a.md", reflection("2026-09-10", "One, edited.")}, {"reflections/b.md", reflection("2026-10-01", "Two.")}}, kOct);
  REQUIRE(cli({"collect", cohort.string(), "--seen-at", "2026-10-03T00:00:00Z"}).code == 0);
  std::string twice = ledger_of(tmp.path());
  REQUIRE(twice.starts_with(once));
  CHECK(sightings(twice.substr(once.size())) == std::vector<std::string>{"ana:reflections/a.md", "ana:reflections/b.md"});
  auto added = line_json(lines_of(twice)[2]);
  CHECK(added["author_date"] == kOct);
  CHECK(added["first_seen"] == "2026-10-03T00:00:00Z");
  CHECK(parse_ledger(twice).check.ok());
  // The checkout follows the tip.
  CHECK(read_file(checkouts_dir(tmp.path()) / "ana/reflections/b.md") == reflection("2026-10-01", "Two."));
}

TEST_CASE("collect: a force-push keeps the first-seen lines and adds only what is new") {
  TempDir tmp("casfolio-collect-");
  CacheIn cache(tmp.path());
  StudentRepo ana = make_repo(tmp.path(), "ana");
  ana.commit({{"portfolio.yaml", portfolio_yaml("Ana")}, {"reflections/a.md", reflection("2026-09-10", "Late work.")}}, kOct);
  fs::path cohort = make_cohort(tmp.path(), "\n  - {id: ana, url: ../remotes/ana.git}");
  REQUIRE(cli({"collect", cohort.string(), "--seen-at", "2026-10-05T00:00:00Z"}).code == 0);
  std::string before = ledger_of(tmp.path());

  // History rewritten to look older; the same portfolio.yaml, a reworded reflection.
  ana.rewrite({{"portfolio.yaml", portfolio_yaml("Ana")}, {"reflections/a.md", reflection("2026-09-10", "Early work.")}}, kSept);
  REQUIRE(cli({"collect", cohort.string(), "--seen-at", "2026-10-06T00:00:00Z"}).code == 0);
  std::string after = ledger_of(tmp.path());
  REQUIRE(after.starts_with(before));
  std::vector<std::string> added = lines_of(after.substr(before.size()));
  REQUIRE(added.size() == 1);  // portfolio.yaml is the same blob: not again
  auto j = line_json(added[0]);
  CHECK(j["path"] == "reflections/a.md");
  CHECK(j["author_date"] == kSept);
  CHECK(j["first_seen"] == "2026-10-06T00:00:00Z");
  CHECK(parse_ledger(after).check.ok());
}

TEST_CASE("collect: symlinks and submodules are skipped and reported, never written") {
  TempDir tmp("casfolio-collect-");
  CacheIn cache(tmp.path());
  StudentRepo ana = make_repo(tmp.path(), "ana");
  write_file(ana.work / "portfolio.yaml", portfolio_yaml("Ana"));
  fs::create_symlink("/etc/passwd", ana.work / "passwd");
  std::string w = shell_quoted(ana.work.string());
  REQUIRE(sh("git -C " + w + " add -A && git -C " + w +
             " update-index --add --cacheinfo 160000,1111111111111111111111111111111111111111,lib && " + git_env(kSept) +
             "git -C " + w + " commit -q -m c && git -C " + w + " push -q origin HEAD:main") == 0);
  fs::path cohort = make_cohort(tmp.path(), "\n  - {id: ana, url: ../remotes/ana.git}");
  CliRun r = cli({"collect", cohort.string(), "--seen-at", "2026-10-05T00:00:00Z"});
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(r.out.find("warning: lib in the repository of ana is a submodule; it is not collected") != std::string::npos);
  CHECK(r.out.find("warning: passwd in the repository of ana is a symbolic link; it is not collected") != std::string::npos);
  CHECK(sightings(ledger_of(tmp.path())) == std::vector<std::string>{"ana:portfolio.yaml"});
  fs::path checkouts = checkouts_dir(tmp.path());
  CHECK(fs::exists(checkouts / "ana/portfolio.yaml"));
  CHECK(!fs::exists(fs::symlink_status(checkouts / "ana/passwd")));
  CHECK(!fs::exists(checkouts / "ana/lib"));
}
