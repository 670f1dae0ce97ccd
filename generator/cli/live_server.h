// casfolio serve's web server: the built site from its folder on
// 127.0.0.1, each HTML page with one <script src> added that reloads it
// when the site is rebuilt (the script is a file, so the pages' CSP holds),
// and the endpoints that script asks:
//   /__casfolio/reload.js, /__casfolio/serve.css   the script and its banner's style
//   /__casfolio/version                            the site's version, a number
//   /__casfolio/events?since=V&page=P              the status as JSON for the page at path P,
//                                                   at once when the version is not V, else
//                                                   when it changes (or after 20 seconds)
// It answers only requests whose Host names it (127.0.0.1, localhost or
// [::1] with its port: no DNS rebinding), only with files inside the folder
// (util/request_path.h), students' files as served_type.h says, and every
// answer with nosniff and a Content-Security-Policy. Files are streamed, and
// connections, idle time and waiting pages are bounded (docs/hardening.md).
// The files in the folder are never changed by the server.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace casfolio {

// What /__casfolio/events answers, by whose page asks (page_owner): a
// student's pages show that student's errors only, the cohort's pages
// (for staff) everyone's and the cohort's own.
struct PageStatuses {
  std::string cohort;                            // the cohort's pages
  std::map<std::string, std::string> students;   // a student's pages, by id
  std::string other;                             // any other page: a student not in `students`, or unknown
  bool operator==(const PageStatuses&) const = default;
};

// Whose page the request path `page` is ("/en/students/ana/index.html"):
// the student's id for their pages and media ("<lang>/students/<id>/...",
// "media/<id>/..."), "" for the cohort's pages, nullopt when it cannot be
// read or names a student's folder without an id (then it is no one's).
std::optional<std::string> page_owner(std::string_view page);

class LiveServer {
 public:
  // Connections served at once (each holds a worker while open or idle).
  static constexpr int kWorkers = 96;
  // Pages waiting in /__casfolio/events at once; more get 503 and retry.
  static constexpr int kMaxWaiters = 16;
  // The most read from a file at a time while sending it.
  static constexpr size_t kChunkBytes = 64 * 1024;

  explicit LiveServer(std::string site_dir);
  ~LiveServer();

  // Binds 127.0.0.1:`port` (0: a free port); false (with `error`) when it cannot.
  bool bind(int port, std::string& error);
  int port() const { return port_; }
  // Serves on a thread of its own until stop().
  void start();
  void stop();
  // A new version of the site and the status that goes with it (JSON with
  // "version" and "banner"), by page; wakes the pages waiting for it.
  void publish(unsigned long long version, PageStatuses statuses);
  // The same status on every page.
  void publish(unsigned long long version, std::string status_json);

  // What a GET of the raw request target `target` answers from the folder.
  struct Reply {
    int status = 404;
    std::string type;
    std::string body;  // the bytes, unless `file` is set
    std::string file;  // status 200: the file to stream from disk, of `size` bytes
    uint64_t size = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // Location, Content-Disposition, ...
  };
  Reply page(std::string_view target) const;

 private:
  void respond(const httplib::Request& req, httplib::Response& res);
  void events(const httplib::Request& req, httplib::Response& res);

  std::string site_dir_;
  int port_ = 0;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  unsigned long long version_ = 0;
  PageStatuses statuses_{"{\"version\":0,\"banner\":null}", {}, "{\"version\":0,\"banner\":null}"};
  int waiters_ = 0;
  bool stopping_ = false;
};

// The page with the live-reload script added before its last </body>.
std::string with_reload_script(std::string html);

// True when a request's Host header names this server: "127.0.0.1:PORT",
// "localhost:PORT" or "[::1]:PORT", nothing else (browsers always send the
// port, which is never the default one here).
bool names_local_server(std::string_view host, int port);

// The Content-Security-Policy of casfolio's pages: their own <meta> policy
// (templates/partials/head.html) and what only a header can say.
extern const char* const kPageSecurityPolicy;

}  // namespace casfolio
