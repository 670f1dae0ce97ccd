#include "collect/ledger_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "load/ledger_reader.h"
#include "util/timestamp.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

std::string json_string(std::string_view s) {
  // Paths come from students' trees: bytes that are not UTF-8 are replaced,
  // so that every line is valid JSON.
  return nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Test hook (tests/collect): the Nth append of this process kills it with
// SIGKILL after the temporary file is written and synced, before the rename.
bool kill_hook_due() {
  static int calls = 0;
  static const int at = [] {
    const char* v = std::getenv("CASFOLIO_TEST_KILL_BEFORE_RENAME");
    return v ? std::atoi(v) : 0;
  }();
  return at > 0 && ++calls == at;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(size_t(n));
  }
  return true;
}

bool read_whole(const std::string& file, std::string& out) {
  FILE* f = std::fopen(file.c_str(), "rb");
  if (!f) return false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

}  // namespace

std::string ledger_line(const Sighting& e, std::string_view prev) {
  auto time = [](int64_t t) { return Timestamp::from_seconds(t).iso(); };
  return "{\"v\":1,\"student\":" + json_string(e.student) + ",\"path\":" + json_string(e.path) + ",\"blob\":\"" +
         e.blob + "\",\"commit\":\"" + e.commit + "\",\"author_date\":\"" + time(e.author_time) +
         "\",\"committer_date\":\"" + time(e.committer_time) + "\",\"first_seen\":\"" + time(e.first_seen) +
         "\",\"prev\":\"" + std::string(prev) + "\"}";
}

std::string seen_key(std::string_view path, std::string_view blob) {
  std::string k(path);
  k += '\0';
  k += blob;
  return k;
}

std::optional<LedgerTail> read_ledger_tail(const std::string& file, std::string& error) {
  LedgerTail tail;
  tail.last_hash = std::string(kLedgerFirstPrev);
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return tail;
  std::string bytes;
  if (!fs::is_regular_file(fs::symlink_status(file, ec)) || !read_whole(file, bytes)) {
    error = "cannot read it";
    return std::nullopt;
  }
  tail.exists = true;
  ParsedLedger parsed = parse_ledger(bytes);
  if (!parsed.check.ok()) {
    error = std::string(fault_code(parsed.check.fault)) + " at line " + std::to_string(parsed.check.line) +
            " (casfolio verify tells more)";
    return std::nullopt;
  }
  if (parsed.check.partial_last_line) {
    error = "its last line was cut short";
    return std::nullopt;
  }
  if (!bytes.empty()) {
    size_t start = bytes.rfind('\n', bytes.size() - 2);
    start = start == std::string::npos ? 0 : start + 1;
    tail.last_hash = ledger_line_hash(std::string_view(bytes).substr(start, bytes.size() - 1 - start));
  }
  for (const LedgerEntry& e : parsed.ledger.entries) tail.seen[e.student].insert(seen_key(e.path, e.blob));
  return tail;
}

bool append_ledger(const std::string& file, const std::vector<Sighting>& entries, LedgerTail& state,
                   std::string& error) {
  if (entries.empty()) return true;
  std::string bytes;
  if (state.exists && !read_whole(file, bytes)) {
    error = "cannot read " + file;
    return false;
  }
  std::string prev = state.last_hash;
  std::vector<std::pair<std::string, std::string>> keys;
  for (const Sighting& e : entries) {
    std::string line = ledger_line(e, prev);
    prev = ledger_line_hash(line);
    bytes += line;
    bytes += '\n';
    keys.emplace_back(e.student, seen_key(e.path, e.blob));
  }
  fs::path target(file);
  std::string tmp = (target.parent_path() / (target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = "cannot write " + tmp;
    return false;
  }
  bool ok = write_all(fd, bytes) && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (ok && kill_hook_due()) std::raise(SIGKILL);
  if (!ok || std::rename(tmp.c_str(), file.c_str()) != 0) {
    ::unlink(tmp.c_str());
    error = "cannot replace " + file;
    return false;
  }
  // The rename is durable once the folder is synced.
  if (int dir = ::open(target.parent_path().empty() ? "." : target.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
      dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  state.exists = true;
  state.last_hash = prev;
  for (auto& [student, k] : keys) state.seen[student].insert(std::move(k));
  return true;
}

}  // namespace casfolio
