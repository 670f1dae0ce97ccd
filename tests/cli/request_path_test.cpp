// util/request_path.h: the raw request targets serve is sent, each with
// what it names in the served folder or its refusal.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/test_support.h"
#include "util/request_path.h"

using namespace casfolio;
namespace fs = std::filesystem;
using test::TempDir;
using test::write_file;

TEST_CASE("a request target becomes a plain path below the folder") {
  CHECK(request_relative_path("/") == "");
  CHECK(request_relative_path("/kk/") == "kk/");
  CHECK(request_relative_path("/kk") == "kk");
  CHECK(request_relative_path("/kk/index.html?since=3") == "kk/index.html");
  CHECK(request_relative_path("/kk/index.html#top") == "kk/index.html");
  CHECK(request_relative_path("/a%20b/%C3%A4.txt") == "a b/\xC3\xA4.txt");
  CHECK(request_relative_path("/100%25.txt") == "100%.txt");
  CHECK(request_relative_path("/%D0%B0%D2%9B") == "\xD0\xB0\xD2\x9B");  // Kazakh letters
}

TEST_CASE("request targets that could leave the folder or hide a separator are refused") {
  for (const char* target : {
           "//etc/passwd",                // an empty first segment: the path would be absolute
           "/%2fetc/hostname",            // an encoded '/'
           "/%2Fetc/hostname",
           "/..%2f..%2fetc/passwd",
           "/%2e%2e/%2e%2e/etc/passwd",   // ".." once decoded
           "/a/../../etc/passwd",
           "/..",
           "/./index.html",
           "/kk//index.html",
           "/%00",                        // NUL
           "/a%00.html",
           "/\\..\\x",                    // a backslash, raw
           "/%5c..%5cx",                  // ... or encoded
           "/kk/%0d%0aSet-Cookie:%20x",   // control characters
           "/kk/\x7f",
           "/kk/\x01",
           "/%252e%252e/secret.txt",      // still encoded after one decoding
           "/%252f",
           "/%C0%AE%C0%AE/",              // overlong UTF-8 for ".."
           "/%C0%AF",                     // overlong '/'
           "/%ED%A0%80",                  // a surrogate
           "/\xff",
           "/%",                          // a '%' without two hex digits
           "/%4",
           "/%zz",
           "",
           "relative",
           "*",
           "http://127.0.0.1:8000/",
       }) {
    INFO("target: " << target);
    CHECK_FALSE(request_relative_path(target).has_value());
  }
}

TEST_CASE("a request resolves to a file inside the folder, never through a link out of it") {
  TempDir tmp;
  fs::path site = tmp.path() / "site";
  write_file(site / "index.html", "home");
  write_file(site / "kk/index.html", "kk");
  write_file(site / "kk/page.html", "page");
  write_file(site / ".casfolio-site", "marker");
  write_file(site / "kk/.hidden/x.txt", "hidden");
  write_file(tmp.path() / "secret.txt", "secret");
  fs::create_symlink(tmp.path() / "secret.txt", site / "secret-link");
  fs::create_symlink("../secret.txt", site / "relative-secret");
  fs::create_directory_symlink("/etc", site / "etc");
  fs::create_directory_symlink("..", site / "kk/up");
  fs::create_directory_symlink("kk", site / "kk-link");
  fs::create_symlink("kk/.hidden/x.txt", site / "hidden-link");
  fs::create_symlink("missing", site / "dangling");
  fs::path canonical = fs::canonical(site);

  auto kind = [&](const char* target) { return resolve_request(site, target).kind; };
  using K = ServedPath::Kind;
  ServedPath home = resolve_request(site, "/");
  CHECK(home.kind == K::file);
  CHECK(home.relative == "index.html");
  CHECK(home.file == canonical / "index.html");
  CHECK(resolve_request(site, "/kk/").file == canonical / "kk/index.html");
  CHECK(resolve_request(site, "/kk/page.html").file == canonical / "kk/page.html");
  ServedPath folder = resolve_request(site, "/kk");
  CHECK(folder.kind == K::directory);
  CHECK(folder.relative == "kk");
  // A link that stays inside is followed, to where it leads.
  ServedPath linked = resolve_request(site, "/kk-link/page.html");
  CHECK(linked.kind == K::file);
  CHECK(linked.file == canonical / "kk/page.html");

  CHECK(kind("/secret-link") == K::missing);
  CHECK(kind("/relative-secret") == K::missing);
  CHECK(kind("/etc/passwd") == K::missing);
  CHECK(kind("/etc/hostname") == K::missing);
  CHECK(kind("/kk/up/secret.txt") == K::missing);
  CHECK(kind("/kk/up/site/index.html") == K::missing);
  CHECK(kind("/hidden-link") == K::missing);  // a link may not reach a dot-file either
  CHECK(kind("/.casfolio-site") == K::missing);
  CHECK(kind("/kk/.hidden/x.txt") == K::missing);
  CHECK(kind("/dangling") == K::missing);
  CHECK(kind("/nothing.html") == K::missing);
  CHECK(kind("/kk/page.html/") == K::missing);
  CHECK(kind("/index.html/x") == K::missing);
  CHECK(kind("//etc/passwd") == K::refused);
  CHECK(kind("/%2fetc/hostname") == K::refused);
  CHECK(kind("/a/../../etc/passwd") == K::refused);
  CHECK(resolve_request(tmp.path() / "no-such-site", "/").kind == K::missing);
}
