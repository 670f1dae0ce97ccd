// The sources are only ever read: every command is run on a copy of the
// sample cohort (content/), and after each one every file and folder of
// the copy has the same bytes (SHA-256) as before, nothing was added or
// removed, and nothing was written anywhere but the --out folder.
// Adding a command to the guarantee is one line in kCommands.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "support.h"

using namespace casfolio::hardening;

namespace {

struct Command {
  const char* what;
  std::string args;                // run from the temporary folder; the sources are "src"
  std::set<int> exit_codes;        // the acceptable ones
};

const std::string kAsOf = " --as-of 2027-06-15";

const std::vector<Command> kCommands = {
    {"check", "check src" + kAsOf, {0, 1}},
    {"check, JSON", "check src --format json" + kAsOf, {0, 1}},
    {"check one portfolio", "check src/students/aruzhan-bekova" + kAsOf, {0, 1}},
    {"check --strict", "check src --strict" + kAsOf, {0, 1}},
    {"report, JSON", "report src --format json" + kAsOf, {0}},
    {"report, CSV", "report src --format csv" + kAsOf, {0}},
    {"build", "build src --out out/site" + kAsOf, {0}},
    {"build again over the same site", "build src --out out/site" + kAsOf, {0}},
    {"build --public", "build src --public --out out/public" + kAsOf, {0}},
    {"build one portfolio", "build src/students/aruzhan-bekova --out out/one" + kAsOf, {0}},
    {"bundle", "bundle src --out out/dist" + kAsOf, {0}},
    {"bundle --public", "bundle src --public --out out/dist-public" + kAsOf, {0}},
    {"verify", "verify out/dist/aruzhan-bekova-cas-portfolio.zip", {0}},
    // Refused: an output folder inside the sources, or the sources themselves.
    {"build into the sources", "build src --out src/site" + kAsOf, {2}},
    {"build over the sources", "build src --out src" + kAsOf, {2}},
    {"build into a portfolio", "build src --out src/students/aruzhan-bekova/site" + kAsOf, {2}},
    {"bundle into the sources", "bundle src --out src/dist" + kAsOf, {2}},
    {"bundle over the sources", "bundle src --out src" + kAsOf, {2}},
};

// The snapshot without the entries below `out/`.
std::map<std::string, std::string> outside_out(const std::map<std::string, std::string>& all) {
  std::map<std::string, std::string> rest;
  for (const auto& [path, digest] : all)
    if (path != "out" && !path.starts_with("out/")) rest.emplace(path, digest);
  return rest;
}

}  // namespace

TEST_CASE("the sources' bytes are unchanged by every command") {
  TempDir tmp;
  fs::copy(fs::path(CASFOLIO_SOURCE_DIR) / "content", tmp.path() / "src", fs::copy_options::recursive);
  fs::create_directories(tmp.path() / "out");
  const auto sources = snapshot(tmp.path() / "src");
  REQUIRE(sources.size() > 50);
  const auto everything_else = outside_out(snapshot(tmp.path()));

  for (const Command& c : kCommands) {
    RunResult r = run_casfolio(c.args, tmp.path());
    INFO("casfolio " << c.args << "\nexit " << r.exit_code << "\n" << r.out << r.err);
    CHECK(c.exit_codes.count(r.exit_code) == 1);
    CHECK(snapshot(tmp.path() / "src") == sources);
    CHECK(outside_out(snapshot(tmp.path())) == everything_else);
  }

  // Nothing but the outputs asked for: no temporary folder is left behind.
  std::set<std::string> outputs;
  for (const auto& e : fs::directory_iterator(tmp.path() / "out")) outputs.insert(e.path().filename().string());
  CHECK(outputs == std::set<std::string>{"dist", "dist-public", "one", "public", "site"});
}

TEST_CASE("the sources' bytes are unchanged by serve, from its first build to Ctrl-C") {
  TempDir tmp;
  fs::copy(fs::path(CASFOLIO_SOURCE_DIR) / "content", tmp.path() / "src", fs::copy_options::recursive);
  fs::create_directories(tmp.path() / "out/tmp");
  const auto sources = snapshot(tmp.path() / "src");
  const auto everything_else = outside_out(snapshot(tmp.path()));

  // Started in the background; stopped with SIGINT once it says it serves
  // (at most a minute). The shell's exit code is serve's.
  const std::string port = std::to_string(casfolio::test::free_port());
  const std::string script =
      "cd " + shell_quoted(tmp.str()) + " || exit 1; TMPDIR=out/tmp CASFOLIO_CACHE_DIR=out/cache NO_COLOR=1 " +
      shell_quoted(CASFOLIO_BINARY) + " serve src --port " + port + kAsOf +
      " >out/serve.out 2>out/serve.err & pid=$!; "
      "for i in $(seq 1 600); do grep -qs 'serving it at' out/serve.out && break; sleep 0.1; done; "
      "kill -INT $pid; wait $pid";
  int status = std::system(("sh -c " + shell_quoted(script)).c_str());
  INFO("stdout:\n" << read_file(tmp.path() / "out/serve.out") << "\nstderr:\n" << read_file(tmp.path() / "out/serve.err"));
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(read_file(tmp.path() / "out/serve.out").find("serving it at http://127.0.0.1:" + port + "/") != std::string::npos);
  CHECK(read_file(tmp.path() / "out/serve.out").ends_with("stopped\n"));
  CHECK(snapshot(tmp.path() / "src") == sources);
  CHECK(outside_out(snapshot(tmp.path())) == everything_else);
  CHECK(fs::is_empty(tmp.path() / "out/tmp"));  // its site folder is removed on the way out
}
