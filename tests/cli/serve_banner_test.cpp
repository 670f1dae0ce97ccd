// casfolio serve's banner by page: on a cohort with errors in two students'
// portfolios, one student's page shows that student's errors and nothing of
// the other (name, id, files, errors); the cohort's pages show both.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli/live_server.h"
#include "cli/raw_http.h"
#include "support/serve_process.h"
#include "support/test_support.h"

using namespace casfolio;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// What reload.js asks for the page at `path` (encodeURIComponent of location.pathname).
std::string events_for(int port, const std::string& path) {
  std::string encoded;
  for (char c : path) encoded += c == '/' ? std::string("%2F") : std::string(1, c);
  return test::http_get(port, "/__casfolio/events?page=" + encoded).body;
}

// An error in the student's own folder: a reflection whose front matter never ends.
const char* kBroken = "---\ndate: 2027-06-01\ntitle: Never closed\n";

}  // namespace

TEST_CASE("serve's banner on a student's page shows only that student's errors") {
  test::TempDir tmp;
  fs::copy(fs::path(CASFOLIO_SOURCE_DIR) / "tests/fixtures/golden-cohort", tmp.path() / "src",
           fs::copy_options::recursive);
  test::write_file(tmp.path() / "src/students/alma/reflections/2027-06-01-alma-broken.md", kBroken);
  test::write_file(tmp.path() / "src/students/boris/reflections/2027-06-02-boris-broken.md", kBroken);

  test::ServeProcess serve(tmp.path(), (tmp.path() / "src").string(), {"--as-of", "2027-06-15"});
  REQUIRE(serve.started());
  INFO("stdout:\n" << serve.out() << "\nstderr:\n" << serve.err());
  REQUIRE(test::wait_until([&] { return test::http_get(serve.port(), "/__casfolio/version").status == 200; }, 120s));

  const std::string alma_page = "/en/students/alma/index.html";
  test::HttpResponse page = test::http_get(serve.port(), alma_page);
  REQUIRE(page.status == 200);
  std::string alma = events_for(serve.port(), alma_page);
  INFO("alma's status: " << alma);
  CHECK(alma.find("\"title\":\"Errors in this portfolio: 1.\"") != std::string::npos);
  CHECK(alma.find("students/alma/reflections/2027-06-01-alma-broken.md") != std::string::npos);
  // Nothing of boris, on the page or in its banner.
  for (const std::string& text : {page.body, alma})
    for (const char* other : {"boris", "Boris", "2027-06-02"}) {
      INFO(other);
      CHECK(text.find(other) == std::string::npos);
    }

  // Another of alma's pages, and boris's own.
  CHECK(events_for(serve.port(), "/en/students/alma/timeline.html") == alma);
  std::string boris = events_for(serve.port(), "/en/students/boris/index.html");
  CHECK(boris.find("students/boris/reflections/2027-06-02-boris-broken.md") != std::string::npos);
  CHECK(boris.find("alma") == std::string::npos);

  // chen has no error: no banner on his pages.
  std::string chen = events_for(serve.port(), "/en/students/chen/index.html");
  CHECK(chen.find("\"banner\":null") != std::string::npos);

  // The cohort's pages (for staff) list both, with the count of all.
  for (const std::string& cohort_page : {"/", "/en/index.html", "/en/search.html"}) {
    INFO(cohort_page);
    std::string cohort = events_for(serve.port(), cohort_page);
    CHECK(cohort.find("\"title\":\"Errors in the portfolios: 2.\"") != std::string::npos);
    CHECK(cohort.find("students/alma/reflections/2027-06-01-alma-broken.md") != std::string::npos);
    CHECK(cohort.find("students/boris/reflections/2027-06-02-boris-broken.md") != std::string::npos);
  }

  // A page that is no one's (unreadable, or a student's folder without an id), or no page
  // at all: no student's errors.
  for (const std::string& target : {"/__casfolio/events", "/__casfolio/events?page=%2Fen%2Fstudents%2F",
                                    "/__casfolio/events?page=..%2F..%2Fetc"}) {
    INFO(target);
    CHECK(test::http_get(serve.port(), target).body.find("\"banner\":null") != std::string::npos);
  }
}

TEST_CASE("whose page a request path is") {
  CHECK(page_owner("/en/students/alma/index.html") == "alma");
  CHECK(page_owner("/kk/students/aruzhan-bekova/experiences/guitar/2026-09-20-first-chords.html") == "aruzhan-bekova");
  CHECK(page_owner("/en/students/alma") == "alma");
  CHECK(page_owner("/media/alma/thumb/x.jpg") == "alma");
  CHECK(page_owner("/students/alma/") == "alma");
  CHECK(page_owner("/") == "");
  CHECK(page_owner("/en/") == "");
  CHECK(page_owner("/en/index.html") == "");
  CHECK(page_owner("/en/search.html?q=x") == "");
  CHECK(page_owner("/en/students/") == std::nullopt);
  CHECK(page_owner("/media/") == std::nullopt);
  CHECK(page_owner("") == std::nullopt);
  CHECK(page_owner("/en/../students/alma/") == std::nullopt);
  CHECK(page_owner("en/index.html") == std::nullopt);
}
