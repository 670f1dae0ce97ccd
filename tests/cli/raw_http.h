// HTTP over a plain socket to 127.0.0.1, for the serve tests: the request
// is sent exactly as written (raw targets, any Host header), so that what a
// browser or an attacker would send can be tested byte for byte. Every
// wait is a hang guard of 10 seconds or more, never a measurement.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

namespace casfolio::test {

struct HttpResponse {
  int status = 0;  // 0: no answer
  std::string headers, body;

  // The value of header `name` (as the server spells it), or "".
  std::string header(const std::string& name) const {
    size_t at = headers.find("\r\n" + name + ": ");
    if (at == std::string::npos) return "";
    at += name.size() + 4;
    return headers.substr(at, headers.find("\r\n", at) - at);
  }
};

// A connected socket to 127.0.0.1:`port` (-1 if it cannot connect), with
// receive timeouts of `guard_seconds`.
inline int connect_local(int port, int guard_seconds = 20) {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(uint16_t(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{guard_seconds, 0};
  ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(s);
    return -1;
  }
  return s;
}

inline void send_all(int s, const std::string& bytes) {
  for (size_t sent = 0; sent < bytes.size();) {
    ssize_t n = ::send(s, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += size_t(n);
  }
}

// Reads one answer until the server closes the connection (HTTP/1.0).
// `discard_body`: count the body's bytes into `body_bytes` without keeping them.
inline HttpResponse read_response(int s, bool discard_body = false, size_t* body_bytes = nullptr) {
  HttpResponse r;
  std::string all;
  char buf[65536];
  size_t end = std::string::npos, counted = 0;
  for (ssize_t n; (n = ::recv(s, buf, sizeof buf, 0)) > 0;) {
    if (end != std::string::npos && discard_body) {
      counted += size_t(n);
      continue;
    }
    all.append(buf, size_t(n));
    if (end == std::string::npos && (end = all.find("\r\n\r\n")) != std::string::npos && discard_body) {
      counted = all.size() - end - 4;
      all.resize(end + 4);
    }
  }
  end = all.find("\r\n\r\n");
  if (all.size() < 12 || end == std::string::npos) return r;
  r.status = std::stoi(all.substr(9, 3));
  r.headers = all.substr(0, end + 2);  // each line ends with "\r\n", so header() finds the last
  r.headers.insert(0, "\r\n");         // ... and the first
  r.body = all.substr(end + 4);
  if (body_bytes) *body_bytes = discard_body ? counted : r.body.size();
  return r;
}

// The answer to `request` (sent as it is).
inline HttpResponse raw_request(int port, const std::string& request) {
  int s = connect_local(port);
  if (s < 0) return {};
  send_all(s, request);
  HttpResponse r = read_response(s);
  ::close(s);
  return r;
}

// A GET of the raw `target`, with "Host: 127.0.0.1:PORT" unless `host` is given.
inline HttpResponse http_get(int port, const std::string& target, const std::string& host = "",
                             const std::string& extra_headers = "") {
  std::string h = host.empty() ? "127.0.0.1:" + std::to_string(port) : host;
  return raw_request(port, "GET " + target + " HTTP/1.0\r\nHost: " + h + "\r\n" + extra_headers + "\r\n");
}

}  // namespace casfolio::test
