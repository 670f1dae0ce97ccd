#include "collect/collect_run.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

#include "load/cohort_file.h"
#include "load/document.h"
#include "load/file_source.h"
#include "load/repository_list.h"
#include "load/staff_reader.h"
#include "util/cache_dir.h"
#include "util/parallel.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

// flock(2) on a file, waited for at most `wait_seconds` (polled, so that a
// stuck collect elsewhere never hangs this one for ever). The kernel drops
// it when the process dies, even by SIGKILL.
class FileLock {
 public:
  FileLock(const std::string& file, int wait_seconds) {
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) return;
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      if (errno != EWOULDBLOCK && errno != EINTR) break;
      if (std::chrono::steady_clock::now() >= until) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~FileLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

bool is_local_path(const std::string& url) {
  if (url.starts_with("file://") || url.starts_with("https://") || url.starts_with("ssh://")) return false;
  size_t colon = url.find(':');
  size_t slash = url.find('/');
  return colon == std::string::npos || (slash != std::string::npos && slash < colon);
}

// Test hook (tests/collect): kill the process with SIGKILL right after the
// Nth ledger append, between two repositories.
int kill_after_appends() {
  const char* v = std::getenv("CASFOLIO_TEST_KILL_AFTER_APPENDS");
  return v ? std::atoi(v) : 0;
}

}  // namespace

bool CollectResult::failed() const {
  if (ledger_failed) return true;
  for (const Finding& f : config_findings)
    if (f.severity == Severity::error) return true;
  for (const RepositoryReport& r : repositories)
    if (!r.outcome.ok) return true;
  return false;
}

CollectResult run_collect(const CollectOptions& o) {
  CollectResult res;
  Diagnostics d;
  auto done = [&]() -> CollectResult& {
    res.config_findings = std::move(d.findings());
    return res;
  };
  DiskFileSource source(o.cohort_dir);
  if (!source.stat("cohort.yaml")) {
    d.report("collect-no-cohort", Location{"cohort.yaml"}, {{"dir", o.cohort_dir}});
    return done();
  }
  CohortConfig config;
  if (auto text = read_text_file(source, "cohort.yaml", o.limits, d)) {
    // The framework does not matter to collecting: not read, not reported.
    FrameworkReader skip = [](const std::string& path, Diagnostics&) { return FrameworkText{true, std::nullopt, path}; };
    config = parse_cohort_config(*text, "cohort.yaml", o.limits, skip, d);
  }
  config.file = "cohort.yaml";
  res.language = config.language;
  read_repository_list(config, source, o.limits, d);
  if (config.repositories.empty()) {
    d.report("collect-no-repositories", Location{"cohort.yaml"});
    return done();
  }

  std::string cache = o.cache_root.empty() ? default_cache_root() : o.cache_root;
  if (cache.empty()) {
    d.report("collect-no-cache", Location{});
    return done();
  }
  fs::path dir = collect_cache_dir(cache, o.cohort_dir);
  std::error_code ec;
  fs::create_directories(dir / "repos", ec);
  fs::create_directories(dir / "checkouts", ec);
  FileLock cache_lock((dir / "lock").string(), o.lock_wait_seconds);
  if (!cache_lock.held()) {
    d.report("collect-locked", Location{}, {{"path", (dir / "lock").string()}, {"seconds", std::to_string(o.lock_wait_seconds)}});
    return done();
  }

  LoadOptions lo;
  lo.staff_dir = o.staff_dir;
  std::string staff = locate_staff_folder(config, source, "", lo);
  std::optional<FileLock> ledger_lock;
  std::optional<LedgerTail> state;
  if (staff.empty()) {
    d.report("collect-no-ledger", Location{"cohort.yaml"});
  } else {
    fs::path staff_dir = fs::path(o.cohort_dir.empty() ? "." : o.cohort_dir) / staff;
    if (!fs::is_directory(staff_dir, ec)) {
      d.report("collect-staff-folder-missing", Location{"cohort.yaml"}, {{"path", staff}});
      res.ledger_failed = true;
    } else {
      // Two cohorts may share one staff folder: the ledger has a lock of its own.
      ledger_lock.emplace((staff_dir / ".ledger.lock").string(), o.lock_wait_seconds);
      res.ledger = (staff_dir / "ledger.jsonl").string();
      std::string error;
      if (!ledger_lock->held()) {
        d.report("collect-locked", Location{}, {{"path", (staff_dir / ".ledger.lock").string()},
                                                {"seconds", std::to_string(o.lock_wait_seconds)}});
        return done();
      }
      // Temporary files of a collect that was killed: never the ledger itself.
      for (const auto& e : fs::directory_iterator(staff_dir, ec))
        if (e.path().filename().string().starts_with("ledger.jsonl.tmp-")) fs::remove(e.path(), ec);
      state = read_ledger_tail(res.ledger, error);
      if (!state) {
        d.report("collect-ledger-unreadable", Location{}, {{"path", res.ledger}, {"reason", error}});
        res.ledger_failed = true;
      }
    }
  }

  init_git();
  const size_t n = config.repositories.size();
  res.repositories.resize(n);
  std::vector<FetchPaths> paths(n);
  std::vector<std::set<std::string>> seen(n);
  for (size_t i = 0; i < n; ++i) {
    const Repository& r = config.repositories[i];
    res.repositories[i].id = r.id;
    res.repositories[i].where = Location{r.file, r.line, 1, 0};
    paths[i].url = is_local_path(r.url) ? fs::absolute(fs::path(o.cohort_dir.empty() ? "." : o.cohort_dir) / r.url, ec)
                                              .lexically_normal().string()
                                        : r.url;
    if (fs::path(r.url).is_absolute()) paths[i].url = r.url;
    paths[i].bare_repo = (dir / "repos" / (r.id + ".git")).string();
    paths[i].checkouts = (dir / "checkouts").string();
    if (state)
      if (auto it = state->seen.find(r.id); it != state->seen.end()) seen[i] = it->second;
  }
  FetchLimits limits;
  limits.max_file_bytes = o.limits.max_evidence_bytes;
  limits.max_files = o.limits.max_files_per_portfolio;
  limits.max_walk_commits = o.max_walk_commits;

  // Lines go to the ledger in the listed order whatever order the fetches
  // end in, each repository's as soon as those before it are in.
  std::mutex mutex;
  std::vector<bool> finished(n, false);
  size_t next = 0, completed = 0, appends = 0;
  const int kill_at = kill_after_appends();
  parallel_for(n, o.jobs, [&](size_t i) {
    RepositoryOutcome outcome = fetch_repository(config.repositories[i], paths[i], seen[i], o.seen_at, limits);
    std::lock_guard<std::mutex> guard(mutex);
    res.repositories[i].outcome = std::move(outcome);
    finished[i] = true;
    ++completed;
    for (; next < n && finished[next]; ++next) {
      RepositoryOutcome& out = res.repositories[next].outcome;
      if (!out.ok || !state || res.ledger_failed) continue;
      std::string error;
      if (!append_ledger(res.ledger, out.entries, *state, error)) {
        d.report("collect-ledger-write-failed", Location{}, {{"path", res.ledger}, {"reason", error}});
        res.ledger_failed = true;
        continue;
      }
      res.ledger_lines_added += out.entries.size();
      remember_walked(paths[next], out.tip);
      if (!out.entries.empty() && kill_at > 0 && int(++appends) == kill_at) std::raise(SIGKILL);
    }
    if (o.progress) o.progress(completed, n);
  });
  return done();
}

}  // namespace casfolio
