#include "cli/live_server.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/served_type.h"
#include "util/embedded.h"
#include "util/path.h"
#include "util/request_path.h"
#include "util/text.h"

namespace casfolio {

namespace fs = std::filesystem;

const char* const kPageSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

namespace {

constexpr const char* kScriptTag = "<script src=\"/__casfolio/reload.js\"></script>\n";
constexpr const char* kText = "text/plain; charset=utf-8";
// Students' files, if a browser shows one anyway: no script, no origin.
constexpr const char* kStudentFilePolicy = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";
// Pages larger than this are sent as they are, without the reload script,
// so that no request makes the server hold a large file in memory.
constexpr uint64_t kMaxPageBytes = 8 * 1024 * 1024;

// The path of a raw target, without its query.
std::string_view target_path(std::string_view target) { return target.substr(0, target.find_first_of("?#")); }

// httplib (0.11) applies a Range header to the content without checking it
// against the content's size; only one range that lies inside is let through
// (416 otherwise), so no answer claims bytes the file does not have.
bool range_fits(const httplib::Ranges& ranges, uint64_t size) {
  if (ranges.empty()) return true;
  if (ranges.size() > 1 || size == 0) return false;
  auto [first, last] = ranges.front();
  if (first == -1) return last != 0;  // "-N": the last N bytes (httplib clamps N); "-": all
  return uint64_t(first) < size && (last == -1 || uint64_t(last) < size);
}

struct OpenFile {
  int fd = -1;
  explicit OpenFile(int f) : fd(f) {}
  ~OpenFile() {
    if (fd >= 0) ::close(fd);
  }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
};

void text(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, kText);
}

// Sends `file` in chunks of kChunkBytes read as the connection takes them:
// a large video costs the server one chunk per download, not its size.
void stream_file(const httplib::Request& req, httplib::Response& res, const LiveServer::Reply& reply) {
  // The path is canonical (no link on the way); O_NOFOLLOW keeps the last
  // name from having become one since.
  auto file = std::make_shared<OpenFile>(::open(reply.file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  struct stat st {};
  if (file->fd < 0 || ::fstat(file->fd, &st) != 0 || !S_ISREG(st.st_mode)) return text(res, 404, "Not found\n");
  auto size = uint64_t(st.st_size);
  res.set_header("Accept-Ranges", "bytes");
  if (!range_fits(req.ranges, size)) {
    res.set_header("Content-Range", "bytes */" + std::to_string(size));
    res.status = 416;
    return;
  }
  res.status = req.ranges.empty() ? 200 : 206;
  if (size == 0) return res.set_content("", reply.type);
  res.set_content_provider(size, reply.type, [file](size_t offset, size_t length, httplib::DataSink& sink) {
    std::vector<char> chunk(std::min(length, LiveServer::kChunkBytes));
    ssize_t n = ::pread(file->fd, chunk.data(), chunk.size(), off_t(offset));
    return n > 0 && sink.write(chunk.data(), size_t(n));  // a file cut short ends the connection
  });
}

}  // namespace

std::string with_reload_script(std::string html) {
  size_t body = html.rfind("</body>");
  if (body == std::string::npos) return html + kScriptTag;
  html.insert(body, kScriptTag);
  return html;
}

bool names_local_server(std::string_view host, int port) {
  std::string lower = to_lower_ascii(host);
  std::string suffix = ":" + std::to_string(port);
  for (const char* name : {"127.0.0.1", "localhost", "[::1]"})
    if (lower == name + suffix) return true;
  return false;
}

LiveServer::LiveServer(std::string site_dir)
    : site_dir_(std::move(site_dir)), server_(std::make_unique<httplib::Server>()) {
  httplib::Server& s = *server_;
  // Each open page keeps one request waiting (at most kMaxWaiters of them),
  // and each connection holds a worker while it is open: the pool is larger
  // than both, idle connections are closed after 2 s, and a slow client
  // loses its connection after 5 s without a byte (reading) or 15 s
  // (writing), so that neither waiting pages nor idle or stalled
  // connections can take every worker.
  s.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  s.set_keep_alive_timeout(2);
  s.set_keep_alive_max_count(100);
  s.set_read_timeout(5, 0);
  s.set_write_timeout(15, 0);
  s.set_payload_max_length(64 * 1024);  // nothing here takes a body
  // Every request is answered here, before httplib's routing: its routes
  // match the decoded path (where "%2f" is already a '/') with std::regex,
  // whose matching recurses once per character of a long path.
  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    respond(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  // On every answer, httplib's own errors (400, 414, ...) included.
  s.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    auto put = [&res](const char* name, const char* value) {
      if (!res.has_header(name)) res.set_header(name, value);
    };
    put("X-Content-Type-Options", "nosniff");
    put("Content-Security-Policy", kPageSecurityPolicy);
    put("Referrer-Policy", "no-referrer");
    put("Cross-Origin-Opener-Policy", "same-origin");
    // No other site may embed these files (a <script src> of the search
    // index would read it): the Host check stops rebinding, not embedding.
    put("Cross-Origin-Resource-Policy", "same-origin");
    put("Cache-Control", "no-store");
  });
}

LiveServer::~LiveServer() { stop(); }

void LiveServer::respond(const httplib::Request& req, httplib::Response& res) {
  if (req.get_header_value_count("Host") != 1 || !names_local_server(req.get_header_value("Host"), port_))
    return text(res, 421, "casfolio serve answers only to http://127.0.0.1:" + std::to_string(port_) + "/\n");
  if (req.method != "GET" && req.method != "HEAD") {
    res.set_header("Allow", "GET, HEAD");
    return text(res, 405, "Method not allowed\n");
  }
  // The raw target, not httplib's req.path: req.path is percent-decoded,
  // so "/%2fetc/hostname" would already read "//etc/hostname".
  std::string_view path = target_path(req.target);
  if (path == "/__casfolio/reload.js" || path == "/__casfolio/serve.css") {
    std::string name(file_name(path));
    auto data = embedded::find("templates/serve/" + name);
    res.status = 200;
    res.set_content(data ? std::string(*data) : std::string(), served_type(name).content_type);
    return;
  }
  if (path == "/__casfolio/version") {
    std::lock_guard<std::mutex> lock(mutex_);
    return text(res, 200, std::to_string(version_));
  }
  if (path == "/__casfolio/events") return events(req, res);

  Reply reply = page(req.target);
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  if (!reply.file.empty()) return stream_file(req, res, reply);
  if (reply.status != 200) {
    res.status = reply.status;
    if (!reply.body.empty()) res.set_content(reply.body, reply.type);
    return;
  }
  if (!range_fits(req.ranges, reply.body.size())) {
    res.set_header("Content-Range", "bytes */" + std::to_string(reply.body.size()));
    res.status = 416;
    return;
  }
  res.status = req.ranges.empty() ? 200 : 206;
  res.set_content(reply.body, reply.type);
}

void LiveServer::events(const httplib::Request& req, httplib::Response& res) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (req.has_param("since") && req.get_param_value("since") == std::to_string(version_) && !stopping_) {
    if (waiters_ >= kMaxWaiters) {  // reload.js asks again a second later
      res.set_header("Retry-After", "1");
      return text(res, 503, "Too many pages are waiting for a change\n");
    }
    ++waiters_;
    std::string since = req.get_param_value("since");
    changed_.wait_for(lock, std::chrono::seconds(20), [&] { return stopping_ || std::to_string(version_) != since; });
    --waiters_;
  }
  res.status = 200;
  std::optional<std::string> owner = page_owner(req.has_param("page") ? req.get_param_value("page") : "");
  const std::string* status = &statuses_.other;
  if (owner && owner->empty()) {
    status = &statuses_.cohort;
  } else if (owner) {
    auto it = statuses_.students.find(*owner);
    if (it != statuses_.students.end()) status = &it->second;
  }
  res.set_content(*status, "application/json");
}

LiveServer::Reply LiveServer::page(std::string_view target) const {
  Reply r;
  r.type = kText;
  ServedPath where = resolve_request(site_dir_, target);
  switch (where.kind) {
    case ServedPath::Kind::refused:
      r.status = 400;
      r.body = "Bad request\n";
      return r;
    case ServedPath::Kind::missing:
      r.body = "Not found\n";
      return r;
    case ServedPath::Kind::directory:
      r.status = 301;
      r.headers.push_back({"Location", std::string(target_path(target)) + "/"});  // checked: no CR, LF
      return r;
    case ServedPath::Kind::file:
      break;
  }
  ServedType how = served_type(where.relative);
  std::error_code ec;
  uint64_t size = fs::file_size(where.file, ec);
  if (ec) {
    r.body = "Not found\n";
    return r;
  }
  r.status = 200;
  r.type = how.content_type;
  if (how.attachment) r.headers.push_back({"Content-Disposition", "attachment"});
  if (how.student_file) r.headers.push_back({"Content-Security-Policy", kStudentFilePolicy});
  if (how.page && size <= kMaxPageBytes) {
    std::ifstream in(where.file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (in) {
      r.body = with_reload_script(bytes.str());
      return r;
    }
  }
  r.file = where.file.string();
  r.size = size;
  return r;
}

bool LiveServer::bind(int port, std::string& error) {
  bool bound = false;
  if (port == 0) {
    int chosen = server_->bind_to_any_port("127.0.0.1");
    bound = chosen > 0;
    if (bound) port = chosen;
  } else if (port > 0 && port <= 65535) {
    bound = server_->bind_to_port("127.0.0.1", port);
  }
  if (!bound) {
    error = "cannot listen on 127.0.0.1:" + std::to_string(port) +
            " (is another server using it?); choose another with --port";
    return false;
  }
  port_ = port;
  return true;
}

void LiveServer::start() {
  auto returned = std::make_shared<std::atomic<bool>>(false);
  thread_ = std::thread([this, returned] {
    server_->listen_after_bind();
    *returned = true;
  });
  // Until it listens, stop() could not stop it (httplib ignores a stop
  // before that) and the join would wait for ever.
  while (!server_->is_running() && !*returned) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void LiveServer::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

void LiveServer::publish(unsigned long long version, PageStatuses statuses) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    version_ = version;
    statuses_ = std::move(statuses);
  }
  changed_.notify_all();
}

void LiveServer::publish(unsigned long long version, std::string status_json) {
  publish(version, PageStatuses{status_json, {}, status_json});
}

std::optional<std::string> page_owner(std::string_view page) {
  std::optional<std::string> relative = request_relative_path(target_path(page));
  if (!relative) return std::nullopt;
  std::vector<std::string_view> parts;
  for (std::string_view rest = *relative; !rest.empty();) {
    size_t slash = rest.find('/');
    parts.push_back(rest.substr(0, slash));
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  }
  // "students" first or second ("<lang>/students/<id>"), "media/<id>": the segment after it is the id.
  size_t at = 0;
  if (!parts.empty() && (parts[0] == "media" || parts[0] == "students")) at = 1;
  else if (parts.size() >= 2 && parts[1] == "students") at = 2;
  if (at == 0) return std::string();
  if (parts.size() <= at || parts[at].empty()) return std::nullopt;
  return std::string(parts[at]);
}

}  // namespace casfolio
