#include "cli/live_server.h"

#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/embedded.h"
#include "util/path.h"

namespace casfolio {

namespace fs = std::filesystem;

namespace {

constexpr const char* kScriptTag = "<script src=\"/__casfolio/reload.js\"></script>\n";

std::string content_type(std::string_view path) {
  std::string ext = extension(path);
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
      {".gif", "image/gif"}, {".webp", "image/webp"}, {".avif", "image/avif"}, {".ico", "image/x-icon"},
      {".pdf", "application/pdf"}, {".mp3", "audio/mpeg"}, {".ogg", "audio/ogg"}, {".oga", "audio/ogg"},
      {".wav", "audio/wav"}, {".m4a", "audio/mp4"}, {".opus", "audio/opus"}, {".flac", "audio/flac"},
      {".mp4", "video/mp4"}, {".m4v", "video/mp4"}, {".webm", "video/webm"}, {".ogv", "video/ogg"},
      {".mov", "video/quicktime"}, {".txt", "text/plain; charset=utf-8"}, {".woff2", "font/woff2"}};
  for (const auto& [e, type] : kTypes)
    if (ext == e) return type;
  return "application/octet-stream";
}

bool safe_url_path(std::string_view p) {
  if (p.find('\0') != std::string_view::npos || p.find('\\') != std::string_view::npos) return false;
  size_t start = 0;
  while (start <= p.size()) {
    size_t slash = p.find('/', start);
    std::string_view seg = p.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (seg == "..") return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

}  // namespace

std::string with_reload_script(std::string html) {
  size_t body = html.rfind("</body>");
  if (body == std::string::npos) return html + kScriptTag;
  html.insert(body, kScriptTag);
  return html;
}

LiveServer::LiveServer(std::string site_dir)
    : site_dir_(std::move(site_dir)), server_(std::make_unique<httplib::Server>()) {
  httplib::Server& s = *server_;
  // Each open page keeps one request waiting for the next version.
  s.new_task_queue = [] { return new httplib::ThreadPool(32); };
  auto no_store = [](httplib::Response& res) { res.set_header("Cache-Control", "no-store"); };
  for (const char* name : {"reload.js", "serve.css"}) {
    std::string file = name;
    s.Get(std::string("/__casfolio/") + name, [file, no_store](const httplib::Request&, httplib::Response& res) {
      auto data = embedded::find("templates/serve/" + file);
      no_store(res);
      res.set_content(data ? std::string(*data) : std::string(), content_type(file));
    });
  }
  s.Get("/__casfolio/version", [this, no_store](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mutex_);
    no_store(res);
    res.set_content(std::to_string(version_), "text/plain; charset=utf-8");
  });
  s.Get("/__casfolio/events", [this, no_store](const httplib::Request& req, httplib::Response& res) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (req.has_param("since")) {
      std::string since = req.get_param_value("since");
      changed_.wait_for(lock, std::chrono::seconds(20),
                        [&] { return stopping_ || std::to_string(version_) != since; });
    }
    no_store(res);
    res.set_content(status_, "application/json");
  });
  s.Get(".*", [this, no_store](const httplib::Request& req, httplib::Response& res) {
    Reply r = page(req.path);
    res.status = r.status;
    no_store(res);
    if (r.status == 301) res.set_header("Location", r.body);
    else res.set_content(std::move(r.body), r.type);
  });
}

LiveServer::~LiveServer() { stop(); }

LiveServer::Reply LiveServer::page(const std::string& url_path) const {
  Reply r;
  r.type = "text/plain; charset=utf-8";
  r.body = "Not found\n";
  if (url_path.empty() || url_path.front() != '/' || !safe_url_path(url_path)) return r;
  std::string rel = url_path.substr(1);
  std::error_code ec;
  fs::path file = fs::path(site_dir_) / rel;
  if (!rel.empty() && rel.back() != '/' && fs::is_directory(file, ec)) {
    r.status = 301;
    r.body = url_path + "/";
    return r;
  }
  if (rel.empty() || rel.back() == '/') {
    rel += "index.html";
    file = fs::path(site_dir_) / rel;
  }
  if (file_name(rel).starts_with(".") || !fs::is_regular_file(file, ec)) return r;
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (!in) return r;
  r.status = 200;
  r.type = content_type(rel);
  r.body = extension(rel) == ".html" ? with_reload_script(bytes.str()) : bytes.str();
  return r;
}

bool LiveServer::bind(int port, std::string& error) {
  if (port <= 0 || port > 65535 || !server_->bind_to_port("127.0.0.1", port)) {
    error = "cannot listen on 127.0.0.1:" + std::to_string(port) +
            " (is another server using it?); choose another with --port";
    return false;
  }
  return true;
}

void LiveServer::start() {
  thread_ = std::thread([this] { server_->listen_after_bind(); });
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

void LiveServer::publish(unsigned long long version, std::string status_json) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    version_ = version;
    status_ = std::move(status_json);
  }
  changed_.notify_all();
}

}  // namespace casfolio
