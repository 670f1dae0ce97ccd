// casfolio serve end to end: the binary on a free port over a copy of the
// sample cohort, a page fetched, a reflection edited, the page fetched
// again once rebuilt, Ctrl-C. Every wait is bounded.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "cli/live_server.h"
#include "cli/progress.h"
#include "cli/raw_http.h"
#include "support/test_support.h"

extern char** environ;

using namespace casfolio;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

using test::free_port;
using test::TempDir;
std::string read(const fs::path& p) { return test::read_file(p); }

using Response = test::HttpResponse;
// A GET as a browser sends it (Host: 127.0.0.1:PORT); the server closes when done.
Response get(int port, const std::string& target) { return test::http_get(port, target); }

template <class F>
bool wait_for(F done, std::chrono::seconds limit) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

const char* kReflection = "students/aruzhan-bekova/experiences/guitar/2026-09-20-first-chords.md";
const char* kPage = "/kk/students/aruzhan-bekova/experiences/guitar/2026-09-20-first-chords.html";

}  // namespace

TEST_CASE("casfolio serve builds, serves, rebuilds on a change and stops on Ctrl-C") {
  TempDir tmp;
  fs::copy(fs::path(CASFOLIO_SOURCE_DIR) / "content", tmp.path() / "src", fs::copy_options::recursive);
  fs::create_directories(tmp.path() / "tmp");
  std::set<std::string> sources_before;
  for (const auto& e : fs::recursive_directory_iterator(tmp.path() / "src"))
    sources_before.insert(fs::relative(e.path(), tmp.path() / "src").string());

  int port = free_port();
  std::string port_text = std::to_string(port), src = (tmp.path() / "src").string();
  std::vector<std::string> args = {CASFOLIO_BINARY, "serve", src, "--port", port_text, "--as-of", "2027-06-15"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = {"TMPDIR=" + (tmp.path() / "tmp").string(),
                                          "CASFOLIO_CACHE_DIR=" + (tmp.path() / "cache").string(), "NO_COLOR=1"};
  for (char** e = environ; *e; ++e)
    if (!std::string(*e).starts_with("TMPDIR=") && !std::string(*e).starts_with("CASFOLIO_CACHE_DIR="))
      env_strings.push_back(*e);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  std::string out_file = (tmp.path() / "out.txt").string(), err_file = (tmp.path() / "err.txt").string();
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, CASFOLIO_BINARY, &actions, nullptr, argv.data(), envp.data()) == 0);
  posix_spawn_file_actions_destroy(&actions);
  struct Reap {  // never leave it running, whatever fails
    pid_t pid;
    bool done = false;
    ~Reap() {
      if (done) return;
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  } reap{pid};

  INFO("stdout:\n" << read(out_file) << "\nstderr:\n" << read(err_file));
  std::string version;
  REQUIRE(wait_for([&] {
    Response r = get(port, "/__casfolio/version");
    version = r.body;
    return r.status == 200;
  }, 120s));
  CHECK(read(out_file).find("serving it at http://127.0.0.1:" + port_text + "/ (Ctrl-C stops)") != std::string::npos);

  Response page = get(port, kPage);
  REQUIRE(page.status == 200);
  CHECK(page.headers.find("Content-Type: text/html; charset=utf-8") != std::string::npos);
  CHECK(page.body.find("<script src=\"/__casfolio/reload.js\"></script>\n</body>") != std::string::npos);
  CHECK(page.body.find("Written while serving") == std::string::npos);
  // The site's own files carry no script: only what is served does.
  fs::path site;
  for (const auto& e : fs::directory_iterator(tmp.path() / "tmp"))
    if (e.path().filename().string().starts_with("casfolio-serve-")) site = e.path() / "site";
  REQUIRE(!site.empty());
  CHECK(read(site / std::string(kPage).substr(1)).find("__casfolio") == std::string::npos);

  Response script = get(port, "/__casfolio/reload.js");
  CHECK(script.status == 200);
  CHECK(script.headers.find("text/javascript") != std::string::npos);
  CHECK(script.body.find("/__casfolio/events") != std::string::npos);
  CHECK(get(port, "/../../etc/passwd").status == 400);
  CHECK(get(port, "/kk/students/nobody.html").status == 404);
  Response dir = get(port, "/kk");
  CHECK(dir.status == 301);
  CHECK(dir.headers.find("Location: /kk/") != std::string::npos);
  Response events = get(port, "/__casfolio/events");
  CHECK(events.body.find("\"version\":\"" + version + "\"") != std::string::npos);

  // An edit: the page changes, and its version with it.
  std::ofstream(tmp.path() / "src" / kReflection, std::ios::app) << "\nWritten while serving.\n";
  REQUIRE(wait_for([&] { return get(port, "/__casfolio/version").body != version; }, 60s));
  page = get(port, kPage);
  CHECK(page.body.find("Written while serving.") != std::string::npos);
  CHECK(read(out_file).find("rebuilt in ") != std::string::npos);

  // An error in a portfolio: the status carries a banner for the page.
  version = get(port, "/__casfolio/version").body;
  std::ofstream(tmp.path() / "src/students/amina-sultan/portfolio.yaml", std::ios::app) << "\nname: [unclosed\n";
  REQUIRE(wait_for([&] { return get(port, "/__casfolio/version").body != version; }, 60s));
  events = get(port, "/__casfolio/events?page=%2Fkk%2F");  // a cohort page lists every student's errors
  CHECK(events.body.find("\"banner\":{\"title\":") != std::string::npos);
  CHECK(events.body.find("students/amina-sultan/portfolio.yaml") != std::string::npos);

  // Ctrl-C: a clean stop, its folder removed, the sources as they were
  // (the files edited above aside, nothing added).
  ::kill(pid, SIGINT);
  int status = 0;
  REQUIRE(wait_for([&] { return ::waitpid(pid, &status, WNOHANG) == pid; }, 20s));
  reap.done = true;
  INFO("stopped by signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0) << "\nstdout:\n"
                             << read(out_file) << "\nstderr:\n" << read(err_file));
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(read(out_file).ends_with("stopped\n"));
  CHECK(fs::is_empty(tmp.path() / "tmp"));
  std::set<std::string> sources_after;
  for (const auto& e : fs::recursive_directory_iterator(tmp.path() / "src"))
    sources_after.insert(fs::relative(e.path(), tmp.path() / "src").string());
  CHECK(sources_after == sources_before);
}

TEST_CASE("serve refuses a port it cannot listen on") {
  TempDir tmp;
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::listen(s, 1);
  socklen_t len = sizeof a;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
  std::string port = std::to_string(ntohs(a.sin_port));
  std::string cmd = "TMPDIR='" + tmp.path().string() + "' '" + std::string(CASFOLIO_BINARY) + "' serve '" +
                    std::string(CASFOLIO_SOURCE_DIR) + "/content' --port " + port + " >'" +
                    (tmp.path() / "o").string() + "' 2>'" + (tmp.path() / "e").string() + "'";
  int status = std::system(cmd.c_str());
  ::close(s);
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(read(tmp.path() / "e") == "casfolio serve: cannot listen on 127.0.0.1:" + port +
                                      " (is another server using it?); choose another with --port\n");
  std::set<std::string> left;
  for (const auto& e : fs::directory_iterator(tmp.path())) left.insert(e.path().filename().string());
  CHECK(left == std::set<std::string>{"e", "o"});
}

TEST_CASE("the page served gets the reload script before its last </body>") {
  CHECK(with_reload_script("<html><body><p>x</p></body></html>\n") ==
        "<html><body><p>x</p><script src=\"/__casfolio/reload.js\"></script>\n</body></html>\n");
  CHECK(with_reload_script("<p>no body tag</p>") == "<p>no body tag</p><script src=\"/__casfolio/reload.js\"></script>\n");
}

TEST_CASE("the server answers only from the site folder") {
  TempDir tmp;
  fs::create_directories(tmp.path() / "site/en");
  std::ofstream(tmp.path() / "site/en/index.html") << "<body>en</body>";
  std::ofstream(tmp.path() / "site/.casfolio-site") << "marker";
  std::ofstream(tmp.path() / "secret.txt") << "secret";
  LiveServer server((tmp.path() / "site").string());
  CHECK(server.page("/en/").status == 200);
  CHECK(server.page("/en/").body == "<body>en<script src=\"/__casfolio/reload.js\"></script>\n</body>");
  CHECK(server.page("/en/index.html").type == "text/html; charset=utf-8");
  CHECK(server.page("/en").status == 301);
  CHECK(server.page("/en").headers == std::vector<std::pair<std::string, std::string>>{{"Location", "/en/"}});
  CHECK(server.page("/en?x=1").headers == std::vector<std::pair<std::string, std::string>>{{"Location", "/en/"}});
  CHECK(server.page("/../secret.txt").status == 400);
  CHECK(server.page("/en/../../secret.txt").status == 400);
  CHECK(server.page("/.casfolio-site").status == 404);
  CHECK(server.page("relative").status == 400);
}

TEST_CASE("the progress bar's line") {
  CHECK(ProgressBar::line("building", 0, 4, 80) ==
        "building  [----------------------------------------]  0/4");
  CHECK(ProgressBar::line("building", 3, 4, 80) ==
        "building  [##############################----------]  3/4");
  CHECK(ProgressBar::line("building", 201, 201, 40) == "building  [##################]  201/201");
  CHECK(ProgressBar::line("building", 5, 0, 80).ends_with("]  5/0"));
}
