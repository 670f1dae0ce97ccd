#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace casfolio {

namespace {

size_t terminal_width() {
  struct winsize w;
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 20) return w.ws_col;
  return 80;
}

}  // namespace

bool stderr_is_terminal() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDERR_FILENO) && !(term && std::strcmp(term, "dumb") == 0);
}

ProgressBar::ProgressBar(std::ostream& out, bool enabled, std::string label)
    : out_(out), enabled_(enabled), label_(std::move(label)), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

std::string ProgressBar::line(const std::string& label, size_t done, size_t total, size_t width) {
  std::string count = std::to_string(done) + "/" + std::to_string(total);
  // "label  [" + bar + "]  count" within width - 1 (the last column makes some terminals wrap).
  size_t fixed = label.size() + 3 + 3 + count.size();
  size_t bar = width > fixed + 11 ? std::min<size_t>(width - 1 - fixed, 40) : 10;
  size_t filled = total ? bar * std::min(done, total) / total : 0;
  return label + "  [" + std::string(filled, '#') + std::string(bar - filled, '-') + "]  " + count;
}

void ProgressBar::update(size_t done, size_t total) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::milliseconds(500)) return;
  if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done < total) return;
  last_ = now;
  drawn_ = true;
  out_ << '\r' << line(label_, done, total, terminal_width()) << "\x1b[K" << std::flush;
}

void ProgressBar::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!drawn_) return;
  out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace casfolio
