// Two builds into the same --out at once: the second waits for the first
// (write/output_lock.h), and whatever the interleaving, the site left is
// whole and equal to a clean build's.
#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <set>
#include <thread>

#include "support.h"
#include "write/output_lock.h"


using namespace casfolio::hardening;
using namespace std::chrono_literals;

namespace {

const std::string kAsOf = " --as-of 2027-06-15";

}  // namespace

TEST_CASE("a build waits while another holds the output's lock, then builds") {
  TempDir tmp;
  fs::create_directories(tmp.path() / "out");
  std::optional<casfolio::OutputLock> lock;
  lock.emplace((tmp.path() / "out/site").string());
  REQUIRE(lock->held());

  const std::string script = "cd " + shell_quoted(tmp.str()) + " && CASFOLIO_CACHE_DIR=cache NO_COLOR=1 " +
                             shell_quoted(CASFOLIO_BINARY) + " build " + shell_quoted(std::string(CASFOLIO_SOURCE_DIR) + "/content") +
                             " --out out/site" + kAsOf + " >build.out 2>build.err; echo $? >build.exit";
  std::thread build([&] { std::system(("sh -c " + shell_quoted(script)).c_str()); });
  auto says_waiting = [&] {
    return read_file(tmp.path() / "build.err").find("waiting for another casfolio") != std::string::npos;
  };
  for (int i = 0; i < 1200 && !says_waiting(); ++i) std::this_thread::sleep_for(50ms);
  CHECK(read_file(tmp.path() / "build.err") ==
        "casfolio build: waiting for another casfolio building into the folder of 'out/site' to finish\n");
  std::this_thread::sleep_for(300ms);
  CHECK(!fs::exists(tmp.path() / "out/site"));  // nothing written while it waits
  CHECK(!fs::exists(tmp.path() / "build.exit"));

  lock.reset();
  build.join();
  CHECK(read_file(tmp.path() / "build.exit") == "0\n");
  CHECK(fs::exists(tmp.path() / "out/site/index.html"));
}

TEST_CASE("builds into the same folder at the same time leave a whole site, equal to a clean one") {
  TempDir tmp;
  fs::copy(fs::path(CASFOLIO_SOURCE_DIR) / "content", tmp.path() / "src", fs::copy_options::recursive);
  auto build = [&](const std::string& out, const std::string& extra = "") {
    return "CASFOLIO_CACHE_DIR=cache NO_COLOR=1 " + shell_quoted(CASFOLIO_BINARY) + " build src --out " + out + kAsOf +
           extra + " >/dev/null 2>&1";
  };
  // Three rounds of three builds at once (all but the first incremental,
  // from the shared cache), a reflection edited before each round; every
  // build must succeed.
  const std::string reflection = "src/students/aruzhan-bekova/experiences/guitar/2026-09-20-first-chords.md";
  for (int round = 0; round < 3; ++round) {
    if (round > 0) std::ofstream(tmp.path() / reflection, std::ios::app) << "\nRound " << round << ".\n";
    std::string script = "cd " + shell_quoted(tmp.str()) + " || exit 1; ";
    for (int i = 0; i < 3; ++i) script += "{ " + build("out/site") + " || echo fail >>failed; } & ";
    script += "wait";
    std::system(("sh -c " + shell_quoted(script)).c_str());
    INFO("round " << round);
    CHECK(!fs::exists(tmp.path() / "failed"));
  }
  // What the last round left equals a build from nothing (no cache) of the
  // same sources, byte for byte.
  REQUIRE(std::system(("cd " + shell_quoted(tmp.str()) + " && " + build("out/clean", " --no-cache")).c_str()) == 0);
  CHECK(snapshot(tmp.path() / "out/site") == snapshot(tmp.path() / "out/clean"));
  std::set<std::string> left;
  for (const auto& e : fs::directory_iterator(tmp.path() / "out")) left.insert(e.path().filename().string());
  CHECK(left == std::set<std::string>{"clean", "site"});  // no temporary folder behind
}
