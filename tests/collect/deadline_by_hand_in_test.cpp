// Issue 12 end to end, with local bare repositories: a reflection the school
// first saw in time meets September's deadline; one committed and collected
// in October with a September date typed in is backdated (staff-only, both
// dates shown) and misses it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "collect_support.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

// The codes of a student's findings in `check --format json`, in order.
std::vector<std::string> codes(const nlohmann::json& student) {
  std::vector<std::string> out;
  for (const auto& f : student["findings"]) out.push_back(f["code"].get<std::string>());
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

}  // namespace

TEST_CASE("collect + check: a reflection seen in time meets the deadline, one committed late with an earlier date "
          "is backdated and misses it") {
  TempDir tmp("casfolio-hand-in-");
  CacheIn cache(tmp.path());
  StudentRepo ana = make_repo(tmp.path(), "ana");
  StudentRepo ben = make_repo(tmp.path(), "ben");
  fs::path cohort = tmp.path() / "cohort";
  write_file(cohort / "cohort.yaml",
             "school: Test School\nlanguage: en\nstaff: ../staff\n"
             "calendar:\n  - { date: 2026-09-30, kind: reflection, name: September reflection }\n"
             "repositories:\n  - {id: ana, url: ../remotes/ana.git}\n  - {id: ben, url: ../remotes/ben.git}\n");
  fs::create_directories(tmp.path() / "staff");

  // September: ana hands in her reflection, collected two days later (within
  // the default grace of 3 days); ben has only his profile.
  ana.commit({{"portfolio.yaml", portfolio_yaml("Ana")},
              {"reflections/2026-09-20-start.md", reflection("2026-09-20", "I started at the food bank.")}},
             "2026-09-20T15:00:00Z");
  ben.commit({{"portfolio.yaml", portfolio_yaml("Ben")}}, "2026-09-20T15:00:00Z");
  CliRun first = cli({"collect", cohort.string(), "--seen-at", "2026-09-22T10:00:00Z"});
  INFO(first.out << first.err);
  REQUIRE(first.code == 0);

  // October: ben writes his, typing a September date.
  ben.commit({{"reflections/2026-09-20-start.md", reflection("2026-09-20", "I started at the shelter.")}},
             "2026-10-20T18:00:00Z");
  CliRun second = cli({"collect", cohort.string(), "--seen-at", "2026-10-21T10:00:00Z"});
  INFO(second.out << second.err);
  REQUIRE(second.code == 0);

  CliRun check = cli({"check", cohort.string(), "--format", "json", "--as-of", "2026-11-01"});
  INFO(check.out << check.err);
  auto students = nlohmann::json::parse(check.out)["students"];
  REQUIRE(students.size() == 2);
  REQUIRE(students[0]["id"] == "ana");
  REQUIRE(students[1]["id"] == "ben");
  CHECK_FALSE(has(codes(students[0]), "reflection-deadline-missed"));
  CHECK_FALSE(has(codes(students[0]), "reflection-backdated"));
  CHECK(has(codes(students[1]), "reflection-deadline-missed"));
  nlohmann::json backdated;
  for (const auto& f : students[1]["findings"])
    if (f["code"] == "reflection-backdated") backdated = f;
  REQUIRE(backdated.is_object());
  CHECK(backdated["file"] == "reflections/2026-09-20-start.md");
  CHECK(backdated["staff_only"] == true);
  std::string message = backdated["message"].get<std::string>();
  CHECK(message.find("2026-09-20") != std::string::npos);
  CHECK(message.find("2026-10-21") != std::string::npos);
}
