// A build killed halfway (SIGKILL: no handler runs, nothing is cleaned up)
// leaves the previous site byte for byte as it was; the next build removes
// the half-written folder the killed one left and writes the new site.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <string>
#include <thread>

#include "support.h"

using namespace casfolio::hardening;
using namespace std::chrono_literals;

namespace {

// The temporary folders beside `out/site` (".site.tmp-XXXXXX").
std::vector<fs::path> temporaries(const fs::path& out) {
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(out))
    if (e.path().filename().string().starts_with(".site.tmp-")) found.push_back(e.path());
  return found;
}

bool has_files(const fs::path& dir) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec)) return true;
  return false;
}

}  // namespace

TEST_CASE("a build killed halfway leaves the previous site whole; the next one cleans up") {
  TempDir tmp;
  fs::copy(fs::path(CASFOLIO_SOURCE_DIR) / "content", tmp.path() / "src", fs::copy_options::recursive);
  const std::string build = "cd " + shell_quoted(tmp.str()) +
                            " || exit 1; CASFOLIO_CACHE_DIR=cache NO_COLOR=1 " +
                            shell_quoted(CASFOLIO_BINARY) +
                            " build src --out out/site --as-of 2027-06-15 --no-cache";
  REQUIRE(std::system((build + " >/dev/null 2>&1").c_str()) == 0);
  const auto before = snapshot(tmp.path() / "out/site");

  // Forty more students (with their photos, resized again: --no-cache), so
  // that the build is still writing when it is killed.
  for (int i = 10; i < 50; ++i)
    fs::copy(tmp.path() / "src/students/aruzhan-bekova", tmp.path() / "src/students" / ("copy-" + std::to_string(i)),
             fs::copy_options::recursive);
  REQUIRE(std::system((build + " >/dev/null 2>&1 & echo $! >pid").c_str()) == 0);
  pid_t pid = 0;
  for (int i = 0; i < 10000 && pid == 0; ++i) {  // a hang guard only: the shell may be slow to start on a busy machine
    pid = pid_t(std::atoi(read_file(tmp.path() / "pid").c_str()));
    std::this_thread::sleep_for(2ms);
  }
  REQUIRE(pid > 0);
  // Killed once its new folder has files in it, before the swap.
  bool writing = false;
  for (int i = 0; i < 30000 && !writing && ::kill(pid, 0) == 0; ++i) {
    for (const fs::path& t : temporaries(tmp.path() / "out"))
      if (has_files(t)) writing = true;
    if (!writing) std::this_thread::sleep_for(1ms);
  }
  REQUIRE(writing);  // else the build ended (or never began writing) before it could be killed
  REQUIRE(::kill(pid, SIGKILL) == 0);
  for (int i = 0; i < 5000 && ::kill(pid, 0) == 0; ++i) std::this_thread::sleep_for(1ms);

  CHECK(snapshot(tmp.path() / "out/site") == before);
  CHECK(temporaries(tmp.path() / "out").size() == 1);  // what it left

  REQUIRE(std::system((build + " >/dev/null 2>&1").c_str()) == 0);
  CHECK(temporaries(tmp.path() / "out").empty());
  CHECK(fs::exists(tmp.path() / "out/site/kk/students/copy-49/index.html"));
}
