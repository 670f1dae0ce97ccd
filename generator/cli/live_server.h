// casfolio serve's web server: the built site from its folder on
// 127.0.0.1, each HTML page with one <script src> added that reloads it
// when the site is rebuilt (the script is a file, so the pages' CSP holds),
// and the endpoints that script asks:
//   /__casfolio/reload.js, /__casfolio/serve.css   the script and its banner's style
//   /__casfolio/version                            the site's version, a number
//   /__casfolio/events?since=V                     the status as JSON, at once when the
//                                                   version is not V, else when it changes
//                                                   (or after 20 seconds)
// The files in the folder are never changed by the server.
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace casfolio {

class LiveServer {
 public:
  explicit LiveServer(std::string site_dir);
  ~LiveServer();

  // Binds 127.0.0.1:`port`; false (with `error`) when it cannot.
  bool bind(int port, std::string& error);
  // Serves on a thread of its own until stop().
  void start();
  void stop();
  // A new version of the site and the status that goes with it (JSON with
  // "version" and "banner"); wakes the pages waiting for it.
  void publish(unsigned long long version, std::string status_json);

  // The page at `url_path` as served: its bytes, its type, whether found.
  struct Reply {
    int status = 404;
    std::string body, type;
  };
  Reply page(const std::string& url_path) const;

 private:
  std::string site_dir_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  unsigned long long version_ = 0;
  std::string status_ = "{\"version\":0,\"banner\":null}";
  bool stopping_ = false;
};

// The page with the live-reload script added before its last </body>.
std::string with_reload_script(std::string html);

}  // namespace casfolio
