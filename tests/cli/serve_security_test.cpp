// casfolio serve's server in this process, over raw sockets: the requests
// an attacker sends (paths out of the folder, other Host names, links out),
// each with the status it must get; the headers of pages and of students'
// files; files streamed; waiting pages and idle connections bounded. Every
// wait is a hang guard (10 s or more), never a measurement.
#include <catch2/catch.hpp>

#include <poll.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "cli/live_server.h"
#include "cli/raw_http.h"
#include "cli/served_type.h"
#include "support/test_support.h"

using namespace casfolio;
namespace fs = std::filesystem;
using test::http_get;
using test::HttpResponse;
using test::raw_request;
using test::TempDir;
using test::write_file;

namespace {

// A site as the build writes it, and what lies beside it.
struct Site {
  TempDir tmp;
  fs::path root = tmp.path() / "site";
  LiveServer server{root.string()};
  int port = 0;

  Site() {
    write_file(root / "index.html", "<html><body>home</body></html>");
    write_file(root / "kk/index.html", "<html><body>kk</body></html>");
    write_file(root / "kk/page.xhtml", "<x/>");
    write_file(root / "assets/site.js", "// js");
    write_file(root / "assets/site.css", "body{}");
    write_file(root / ".casfolio-site", "marker");
    write_file(root / "media/ana/files/evil.svg", "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>");
    write_file(root / "media/ana/files/evil.html", "<script>alert(1)</script>");
    write_file(root / "media/ana/files/notes.pdf", "%PDF-1.4");
    write_file(root / "media/ana/files/clip.mp4", "0123456789abcdefghij");
    write_file(root / "media/ana/web/photo.jpg", "jpeg");
    write_file(tmp.path() / "secret.txt", "secret");
    fs::create_symlink(tmp.path() / "secret.txt", root / "secret-link");
    fs::create_directory_symlink("/etc", root / "etc-link");
    fs::create_directory_symlink("kk", root / "kk-link");
    std::string error;
    REQUIRE(server.bind(0, error));
    port = server.port();
    server.publish(1, "{\"version\":\"1\",\"banner\":null}");
    server.start();
  }
  HttpResponse get(const std::string& target) { return http_get(port, target); }
};

// The bytes of a file of `mib` MiB, written a MiB at a time (no big buffer here).
void write_big_file(const fs::path& p, size_t mib) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  std::string block(1 << 20, 'v');
  for (size_t i = 0; i < mib; ++i) out.write(block.data(), std::streamsize(block.size()));
}

// The process's peak resident memory so far, in KiB (VmHWM).
long peak_resident_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  return -1;
}

}  // namespace

TEST_CASE("serve refuses every path out of its folder") {
  Site site;
  struct Case {
    const char* target;
    int status;
  };
  for (Case c : {
           Case{"//etc/passwd", 400},
           Case{"/%2fetc/hostname", 400},
           Case{"/..%2f..%2fetc/passwd", 400},
           Case{"/%2e%2e/%2e%2e/etc/passwd", 400},
           Case{"/a/../../etc/passwd", 400},
           Case{"/../../etc/passwd", 400},
           Case{"/%00", 400},
           Case{"/\\..\\x", 400},
           Case{"/%5c..%5csecret.txt", 400},
           Case{"/%252e%252e/secret.txt", 400},
           Case{"/%C0%AE%C0%AE/secret.txt", 400},
           Case{"/kk/%0d%0aSet-Cookie:%20x=1", 400},
           Case{"/secret-link", 404},      // a link inside the site to a file outside it
           Case{"/etc-link/passwd", 404},  // ... to a folder outside it
           Case{"/etc-link/hostname", 404},
           Case{"/.casfolio-site", 404},
           Case{"/kk/nothing.html", 404},
       }) {
    HttpResponse r = site.get(c.target);
    INFO("GET " << c.target << "\n" << r.headers << r.body);
    CHECK(r.status == c.status);
    CHECK(r.body.find("secret") == std::string::npos);
    CHECK(r.body.find("root:") == std::string::npos);
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
  }
  // The good ones still work: pages, folders, links that stay inside.
  CHECK(site.get("/").status == 200);
  CHECK(site.get("/kk/").status == 200);
  CHECK(site.get("/kk-link/index.html").status == 200);
  HttpResponse folder = site.get("/kk");
  CHECK(folder.status == 301);
  CHECK(folder.header("Location") == "/kk/");
}

TEST_CASE("serve answers only requests whose Host names it") {
  Site site;
  std::string port = std::to_string(site.port);
  for (std::string host : {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port}) {
    INFO("Host: " << host);
    CHECK(http_get(site.port, "/kk/", host).status == 200);
  }
  std::string other = std::to_string(site.port == 65535 ? 1 : site.port + 1);
  for (std::string host : {"evil.example:" + port, "127.0.0.1:" + other, std::string("127.0.0.1"),
                           std::string("localhost"), std::string("evil.example"), "127.0.0.1.evil.example:" + port, "localhost.:" + port,
                           "127.0.0.1:" + port + "@evil.example", "127.0.0.2:" + port}) {
    HttpResponse r = http_get(site.port, "/kk/", host);
    INFO("Host: " << host << "\n" << r.headers << r.body);
    CHECK(r.status == 421);
    CHECK(r.body == "casfolio serve answers only to http://127.0.0.1:" + port + "/\n");
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
  }
  // The endpoints too: no other site may learn the status through rebinding.
  CHECK(http_get(site.port, "/__casfolio/events", "evil.example:" + port).status == 421);
  // No Host at all, and two of them.
  CHECK(raw_request(site.port, "GET /kk/ HTTP/1.0\r\n\r\n").status == 421);
  CHECK(raw_request(site.port, "GET /kk/ HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nHost: evil.example:" + port +
                                   "\r\n\r\n")
            .status == 421);
  // Only GET and HEAD.
  HttpResponse post = raw_request(site.port, "POST /kk/ HTTP/1.0\r\nHost: 127.0.0.1:" + port +
                                                 "\r\nContent-Length: 0\r\n\r\n");
  CHECK(post.status == 405);
  CHECK(post.header("Allow") == "GET, HEAD");
}

TEST_CASE("serve sends casfolio's pages with their policy and students' files as downloads") {
  Site site;
  HttpResponse page = site.get("/kk/");
  REQUIRE(page.status == 200);
  CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(page.header("Content-Security-Policy") == kPageSecurityPolicy);
  CHECK(page.header("X-Content-Type-Options") == "nosniff");
  CHECK(page.header("Referrer-Policy") == "no-referrer");
  CHECK(page.header("Cross-Origin-Opener-Policy") == "same-origin");
  CHECK(page.header("Cross-Origin-Resource-Policy") == "same-origin");
  CHECK(page.header("Content-Disposition") == "");
  CHECK(page.body == "<html><body>kk<script src=\"/__casfolio/reload.js\"></script>\n</body></html>");
  // The reload script is 'self': the policy lets it run.
  HttpResponse script = site.get("/__casfolio/reload.js");
  CHECK(script.status == 200);
  CHECK(script.header("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(site.get("/__casfolio/version").body == "1");
  CHECK(site.get("/__casfolio/events").body == "{\"version\":\"1\",\"banner\":null}");
  CHECK(site.get("/__casfolio/nothing").status == 404);

  const std::string sandbox = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";
  struct Case {
    const char* target;
    const char* type;
    const char* disposition;
    std::string policy;
  };
  for (const Case& c : {
           Case{"/media/ana/files/evil.svg", "application/octet-stream", "attachment", sandbox},
           Case{"/media/ana/files/evil.html", "application/octet-stream", "attachment", sandbox},
           Case{"/media/ana/files/notes.pdf", "application/pdf", "attachment", sandbox},
           Case{"/media/ana/files/clip.mp4", "video/mp4", "", sandbox},
           Case{"/media/ana/web/photo.jpg", "image/jpeg", "", sandbox},
           Case{"/assets/site.js", "text/javascript; charset=utf-8", "", kPageSecurityPolicy},
           Case{"/assets/site.css", "text/css; charset=utf-8", "", kPageSecurityPolicy},
           Case{"/kk/page.xhtml", "application/octet-stream", "attachment", kPageSecurityPolicy},
       }) {
    HttpResponse r = site.get(c.target);
    INFO("GET " << c.target << "\n" << r.headers);
    CHECK(r.status == 200);
    CHECK(r.header("Content-Type") == c.type);
    CHECK(r.header("Content-Disposition") == c.disposition);
    CHECK(r.header("Content-Security-Policy") == c.policy);
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(r.body.find("__casfolio") == std::string::npos);  // no reload script in anything but pages
  }
  // httplib's own errors get the headers too.
  HttpResponse bad = raw_request(site.port, "GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n");
  CHECK(bad.status == 400);
  CHECK(bad.header("X-Content-Type-Options") == "nosniff");
}

TEST_CASE("what serve shows and what it only offers for download") {
  struct Case {
    const char* path;
    const char* type;
    bool attachment, student_file, page;
  };
  for (const Case& c : {
           Case{"kk/index.html", "text/html; charset=utf-8", false, false, true},
           Case{"index.html", "text/html; charset=utf-8", false, false, true},
           Case{"assets/site.js", "text/javascript; charset=utf-8", false, false, false},
           Case{"assets/logo.svg", "image/svg+xml", false, false, false},
           Case{"kk/search-index.js", "text/javascript; charset=utf-8", false, false, false},
           Case{"kk/feed.xml", "application/octet-stream", true, false, false},
           Case{"kk/x.mjs", "application/octet-stream", true, false, false},
           Case{"media/ana/files/a.html", "application/octet-stream", true, true, false},
           Case{"media/ana/files/a.HTM", "application/octet-stream", true, true, false},
           Case{"media/ana/files/a.xhtml", "application/octet-stream", true, true, false},
           Case{"media/ana/files/a.svg", "application/octet-stream", true, true, false},
           Case{"media/ana/files/a.js", "application/octet-stream", true, true, false},
           Case{"media/ana/files/a.css", "application/octet-stream", true, true, false},
           Case{"media/ana/files/a.json", "application/octet-stream", true, true, false},
           Case{"media/ana/files/a.zip", "application/octet-stream", true, true, false},
           Case{"media/ana/files/a.pdf", "application/pdf", true, true, false},
           Case{"media/ana/files/a.txt", "text/plain; charset=utf-8", true, true, false},
           Case{"media/ana/files/a.png", "image/png", false, true, false},
           Case{"media/ana/files/a.mp3", "audio/mpeg", false, true, false},
           Case{"media/ana/files/a.webm", "video/webm", false, true, false},
           Case{"media/ana/web/a.jpg", "image/jpeg", false, true, false},
           Case{"media/ana/thumb/a.webp", "image/webp", false, true, false},
           // A files/ folder anywhere else is students' material too, whatever the build names it.
           Case{"kk/students/ana/files/a.html", "application/octet-stream", true, true, false},
           Case{"files/ana/evidence.zip", "application/octet-stream", true, true, false},
           Case{"files/ana/photo.png", "image/png", false, true, false},
       }) {
    ServedType t = served_type(c.path);
    INFO(c.path);
    CHECK(t.content_type == c.type);
    CHECK(t.attachment == c.attachment);
    CHECK(t.student_file == c.student_file);
    CHECK(t.page == c.page);
  }
}

TEST_CASE("serve's page policy is the pages' own, with what only a header can add") {
  std::string head = test::read_file(fs::path(CASFOLIO_SOURCE_DIR) / "templates/partials/head.html");
  std::string marker = "http-equiv=\"Content-Security-Policy\" content=\"";
  size_t at = head.find(marker);
  REQUIRE(at != std::string::npos);
  at += marker.size();
  std::string meta = head.substr(at, head.find('"', at) - at);
  CHECK(std::string(kPageSecurityPolicy) == meta + "; frame-ancestors 'none'; form-action 'self'");
}

TEST_CASE("serve streams files and answers byte ranges") {
  Site site;
  // A range inside the file, a suffix, an open end; ranges it cannot meet.
  HttpResponse part = http_get(site.port, "/media/ana/files/clip.mp4", "", "Range: bytes=10-14\r\n");
  CHECK(part.status == 206);
  CHECK(part.body == "abcde");
  CHECK(part.header("Content-Range") == "bytes 10-14/20");
  CHECK(http_get(site.port, "/media/ana/files/clip.mp4", "", "Range: bytes=-3\r\n").body == "hij");
  CHECK(http_get(site.port, "/media/ana/files/clip.mp4", "", "Range: bytes=15-\r\n").body == "fghij");
  for (const char* range : {"bytes=20-", "bytes=5-25", "bytes=0-1,3-4", "bytes=-0"}) {
    HttpResponse r = http_get(site.port, "/media/ana/files/clip.mp4", "", std::string("Range: ") + range + "\r\n");
    INFO("Range: " << range);
    CHECK(r.status == 416);
    CHECK(r.header("Content-Range") == "bytes */20");
    CHECK(r.body.empty());
  }
  HttpResponse head = raw_request(site.port, "HEAD /media/ana/files/clip.mp4 HTTP/1.0\r\nHost: 127.0.0.1:" +
                                                 std::to_string(site.port) + "\r\n\r\n");
  CHECK(head.status == 200);
  CHECK(head.header("Content-Length") == "20");
  CHECK(head.body.empty());

  // A large file is read a chunk at a time as it is sent: four downloads of
  // 32 MiB at once leave the peak resident memory well below one copy.
  write_big_file(site.root / "media/ana/files/video.mp4", 32);
  LiveServer::Reply reply = site.server.page("/media/ana/files/video.mp4");
  CHECK(reply.status == 200);
  CHECK(reply.body.empty());
  CHECK(reply.size == 32u << 20);
  CHECK(reply.file == fs::canonical(site.root / "media/ana/files/video.mp4").string());
  long before = peak_resident_kib();
  std::vector<size_t> received(4);
  std::vector<int> statuses(4);
  std::vector<std::thread> downloads;
  for (size_t i = 0; i < received.size(); ++i)
    downloads.emplace_back([&, i] {
      int s = test::connect_local(site.port);
      test::send_all(s, "GET /media/ana/files/video.mp4 HTTP/1.0\r\nHost: 127.0.0.1:" + std::to_string(site.port) +
                            "\r\n\r\n");
      statuses[i] = test::read_response(s, true, &received[i]).status;
      ::close(s);
    });
  for (auto& t : downloads) t.join();
  long growth_kib = peak_resident_kib() - before;
  for (size_t i = 0; i < received.size(); ++i) {
    CHECK(statuses[i] == 200);
    CHECK(received[i] == 32u << 20);
  }
  INFO("peak resident memory grew by " << growth_kib << " KiB");
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  // A sanitizer keeps freed memory aside (ASan's quarantine holds up to
  // 256 MB of the 64 KiB pieces served), so resident memory says nothing
  // about buffering there; the default build asserts the bound.
  (void)growth_kib;
#else
  CHECK(growth_kib < 16 * 1024);
#endif
}

TEST_CASE("serve bounds the pages waiting for a change and idle connections") {
  static_assert(LiveServer::kWorkers > 60 + LiveServer::kMaxWaiters,
                "60 idle connections and every waiting page still leave workers for the rest");
  Site site;
  std::string host = "Host: 127.0.0.1:" + std::to_string(site.port) + "\r\n";

  // 60 connections that send nothing, then 40 pages waiting for version 1 to change.
  std::vector<int> idle;
  for (int i = 0; i < 60; ++i) idle.push_back(test::connect_local(site.port));
  std::vector<pollfd> waiting;
  for (int i = 0; i < 40; ++i) {
    int s = test::connect_local(site.port);
    test::send_all(s, "GET /__casfolio/events?since=1 HTTP/1.0\r\n" + host + "\r\n");
    waiting.push_back({s, POLLIN, 0});
  }
  // Those beyond kMaxWaiters are answered at once, with 503: wait (a guard,
  // not a measure) until 24 have an answer.
  std::vector<HttpResponse> answers(waiting.size());
  size_t answered = 0;
  for (int rounds = 0; answered < 24 && rounds < 300; ++rounds) {
    if (::poll(waiting.data(), waiting.size(), 100) <= 0) continue;
    for (size_t i = 0; i < waiting.size(); ++i)
      if (waiting[i].fd >= 0 && (waiting[i].revents & (POLLIN | POLLHUP))) {
        answers[i] = test::read_response(waiting[i].fd);
        ::close(waiting[i].fd);
        waiting[i].fd = -1;  // poll() skips it from now on
        ++answered;
      }
  }
  int refused = 0;
  for (const HttpResponse& a : answers)
    if (a.status == 503) {
      ++refused;
      CHECK(a.header("Retry-After") == "1");
    }
  CHECK(refused == 40 - LiveServer::kMaxWaiters);

  // The others still wait; a page and the version are answered meanwhile.
  CHECK(site.get("/kk/").status == 200);
  CHECK(site.get("/__casfolio/version").body == "1");

  // A new version: every waiting page gets it.
  site.server.publish(2, "{\"version\":\"2\",\"banner\":null}");
  int told = 0;
  for (pollfd& w : waiting)
    if (w.fd >= 0) {
      HttpResponse a = test::read_response(w.fd);
      ::close(w.fd);
      if (a.status == 200 && a.body == "{\"version\":\"2\",\"banner\":null}") ++told;
    }
  CHECK(told == LiveServer::kMaxWaiters);

  // An idle connection is closed by the server (recv sees the end, well
  // before the socket's 20 s guard).
  char byte;
  CHECK(::recv(idle.front(), &byte, 1, 0) == 0);
  for (int s : idle) ::close(s);
}
