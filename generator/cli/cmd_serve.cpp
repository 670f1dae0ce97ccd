// casfolio serve: builds the site into a folder of its own, serves it on
// 127.0.0.1, and rebuilds on every change to the sources (inotify), reading
// again only the portfolios that changed and rendering only their pages.
// Open pages reload themselves; the terminal shows the findings of what
// changed. The sources are only read; Ctrl-C stops and removes the folder.
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "pipeline/site_build.h"
#include "cli/commands.h"
#include "cli/file_watcher.h"
#include "cli/live_server.h"
#include "diagnostics/printer.h"
#include "load/file_source.h"
#include "util/folder_walk.h"
#include "util/path.h"
#include "util/timings.h"

namespace casfolio {

namespace {

namespace fs = std::filesystem;

struct ServeOptions {
  CommonOptions common;
  SiteCliOptions site;
  int port = 8000;
};

std::string ms(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// The findings of `roots` (all portfolios when empty), as `check` prints them.
void print_findings(std::ostream& err, const SiteBuild& build, const SiteBuildResult& r,
                    const std::set<std::string>& roots, bool all, bool errors_only) {
  const Cohort& cohort = build.cohort();
  const std::string& root = build.options().dir;
  bool color = use_color(err);
  if (all)
    for (const Finding& f : cohort.config_findings) print_finding(err, f, cohort_print_options(root, cohort, color));
  for (const StudentAnalysis& s : build.analysis().students) {
    const Portfolio& p = s.loaded->portfolio;
    if (!all && !roots.count(p.root)) continue;
    PrintOptions po = portfolio_print_options(root, p, color);
    for (const Finding& f : s.findings)
      if (!errors_only || f.severity == Severity::error) print_finding(err, f, po);
  }
  print_render_findings(err, root, cohort, r.render_findings, color);
}

// An error for a banner: where it is (relative to DIR) and the finding.
using BannerError = std::pair<std::string, const Finding*>;

// What one page's banner says (reload.js): `errors`, in the cohort's
// language, titled with `title_code` ("{count}" errors), or that the last
// change could not be built.
std::string status_json(unsigned long long version, const SiteBuild& build, const SiteBuildResult& r,
                        const std::vector<BannerError>& errors, const char* title_code) {
  nlohmann::ordered_json j;
  j["version"] = std::to_string(version);
  Language lang = build.cohort().config.language;
  if (!r.ok || !errors.empty()) {
    Finding text;
    text.code = r.ok ? title_code : "_serve_failed";
    text.args = {{"count", std::to_string(errors.size())}};
    MessageText m = render_message(text, lang);
    nlohmann::ordered_json b;
    b["title"] = m.message;
    b["hint"] = m.hint;
    b["items"] = nlohmann::ordered_json::array();
    if (!r.ok && !r.error.empty()) b["items"].push_back({{"where", build.options().out_dir}, {"message", r.error}});
    for (const auto& [where, f] : errors) {
      if (b["items"].size() >= 20) break;
      std::string at = where;
      if (f->where.line > 0) at += ":" + std::to_string(f->where.line);
      b["items"].push_back({{"where", at}, {"message", render_message(*f, lang).message}});
    }
    j["banner"] = b;
  } else {
    j["banner"] = nullptr;
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The banners by page: a student's pages list that student's errors only
// (a classmate's name, files or errors never show on them); the cohort's
// pages, for staff, list the cohort's own errors (cohort.yaml, templates)
// and every student's.
PageStatuses page_statuses(unsigned long long version, const SiteBuild& build, const SiteBuildResult& r) {
  std::vector<BannerError> cohort_errors, all_errors;
  std::map<std::string, std::vector<BannerError>> by_student;
  for (const Finding& f : build.cohort().config_findings)
    if (f.severity == Severity::error) cohort_errors.push_back({f.where.file, &f});
  all_errors = cohort_errors;
  std::vector<std::pair<std::string, std::string>> roots;  // portfolio folder ("" = DIR itself), id
  for (const StudentAnalysis& s : build.analysis().students) {
    const Portfolio& p = s.loaded->portfolio;
    roots.push_back({std::string(p.folder()), p.id});
    for (const Finding& f : s.findings)
      if (f.severity == Severity::error) {
        BannerError e{p.path_from_build_root(f.where.file), &f};
        all_errors.push_back(e);
        by_student[p.id].push_back(e);
      }
  }
  // The renderer's findings name files relative to DIR: a student's when in their folder.
  for (const Finding& f : r.render_findings) {
    if (f.severity != Severity::error) continue;
    BannerError e{f.where.file, &f};
    all_errors.push_back(e);
    const std::string* owner = nullptr;
    if (f.code != "template-error")
      for (const auto& [root, id] : roots)
        if (root.empty() || f.where.file.starts_with(root + "/")) owner = &id;
    if (owner) by_student[*owner].push_back(e);
  }
  PageStatuses statuses;
  statuses.cohort = status_json(version, build, r, all_errors, "_serve_errors");
  statuses.other = status_json(version, build, r, {}, "_serve_student_errors");
  for (const auto& [id, errors] : by_student)
    statuses.students[id] = status_json(version, build, r, errors, "_serve_student_errors");
  return statuses;
}

int run_serve(const ServeOptions& o, Streams io) {
  auto as_of = resolve_as_of(o.common, io.err);
  if (!as_of) return 2;
  if (!site_folders_exist("serve", o.common, o.site, io.err)) return 2;
  std::error_code ec;

  // Ctrl-C and kill are read from a descriptor, in this loop, so that the
  // server's threads (which inherit the mask) never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  sigset_t previous_mask;
  pthread_sigmask(SIG_BLOCK, &signals, &previous_mask);
  struct Restore {
    sigset_t mask;
    ~Restore() { pthread_sigmask(SIG_SETMASK, &mask, nullptr); }
  } restore{previous_mask};
  int signal_fd = ::signalfd(-1, &signals, SFD_CLOEXEC | SFD_NONBLOCK);

  // The site's own folder, outside the sources; removed at the end.
  std::string pattern = (fs::temp_directory_path(ec) / "casfolio-serve-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) {
    io.err << "casfolio serve: cannot create a folder for the site in " << fs::temp_directory_path(ec) << '\n';
    return 1;
  }
  struct RemoveTemp {
    std::string dir;
    ~RemoveTemp() {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  } remove_temp{pattern};
  std::string site = (fs::path(pattern) / "site").string();

  LiveServer server(site);
  std::string error;
  if (!server.bind(o.port, error)) {
    io.err << "casfolio serve: " << error << '\n';
    return 2;
  }

  SiteBuildOptions bo = site_build_options(o.common, o.site, *as_of, site);
  bo.mode = WriteMode::in_place;
  bo.keep_site_cache = false;  // the folder is new each time; the images are kept
  bo.keep_state = true;
  if (bo.cache_dir.empty()) bo.cache_dir = (fs::path(pattern) / "cache").string();  // still incremental
  SiteBuild build(bo);

  FileWatcher watcher;
  if (!watcher.ok() || !watcher.watch_tree(o.common.dir, "")) {
    io.err << "casfolio serve: cannot watch '" << o.common.dir << "' for changes (inotify: " << std::strerror(errno)
           << ")\n";
    return 1;
  }
  if (!o.site.theme.empty()) watcher.watch_tree(o.site.theme, "\x01theme");  // outside every portfolio: a full rebuild

  unsigned long long version = 1;
  auto started = std::chrono::steady_clock::now();
  Timings first_timings;
  SiteBuildResult r = build.run(nullptr, &first_timings);
  first_timings.print(io.err);
  double first_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  print_findings(io.err, build, r, {}, true, true);
  server.publish(version, page_statuses(version, build, r));
  // Said before the first answer: whoever waits for one may read it (the
  // port listens since bind(); requests wait there until start()).
  std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/";
  io.out << (r.ok ? "built " : "could not build ") << o.common.dir << " in " << ms(first_ms) << " ms: "
         << r.students << " portfolio(s)" << (r.ok ? "" : " (" + r.error + ")") << '\n'
         << "serving it at " << url << " (Ctrl-C stops)\n"
         << std::flush;
  io.err << std::flush;
  server.start();

  PageStatuses last_status;
  while (true) {
    struct pollfd fds[2] = {{watcher.fd(), POLLIN, 0}, {signal_fd, POLLIN, 0}};
    int n = ::poll(fds, signal_fd >= 0 ? 2 : 1, -1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    if (fds[1].revents & POLLIN) {
      // Taken, so that it is not delivered again once the mask is restored.
      struct signalfd_siginfo info;
      while (::read(signal_fd, &info, sizeof info) == sizeof info) {
      }
      break;
    }
    if (!(fds[0].revents & POLLIN)) continue;

    // Editors save in bursts (write, rename, chmod): wait until the files
    // have been quiet for 30 ms (at most half a second), then build once.
    std::vector<std::string> changed;
    bool complete = watcher.read(changed);
    auto burst = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - burst < std::chrono::milliseconds(500)) {
      struct pollfd again = {watcher.fd(), POLLIN, 0};
      if (::poll(&again, 1, 30) <= 0) break;
      complete &= watcher.read(changed);
    }
    std::set<std::string> unique(changed.begin(), changed.end());
    // The loader never reads these (an editor's swap file, .git/).
    std::erase_if(unique, [](const std::string& p) { return has_ignored_part(p); });
    if (complete && unique.empty()) continue;
    std::vector<std::string> paths(unique.begin(), unique.end());

    auto t0 = std::chrono::steady_clock::now();
    Timings timings;
    r = build.run(complete ? &paths : nullptr, &timings);
    double took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::set<std::string> roots;
    for (const LoadedPortfolio& lp : build.cohort().portfolios)
      for (const std::string& p : paths)
        if (p == lp.portfolio.root || p.starts_with(lp.portfolio.root + "/")) roots.insert(lp.portfolio.root);
    print_findings(io.err, build, r, roots, r.full_load, r.full_load);
    PageStatuses status = page_statuses(version + 1, build, r);
    if (r.written.written > 0 || r.written.removed > 0 || status != last_status) {
      ++version;
      server.publish(version, status);
      last_status = status;
    }
    timings.print(io.err);
    io.err << std::flush;
    if (r.ok)
      io.out << "rebuilt in " << ms(took) << " ms: " << r.reloaded << " portfolio(s) read again, " << r.rendered
             << " rendered, " << r.written.written << " file(s) written, " << r.written.removed << " removed\n";
    else
      io.out << "could not rebuild (" << ms(took) << " ms): "
             << (r.error.empty() ? "see the errors above" : r.error) << '\n';
    io.out << std::flush;
  }
  server.stop();
  if (signal_fd >= 0) ::close(signal_fd);
  io.out << "stopped\n" << std::flush;
  return 0;
}

}  // namespace

void define_serve(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<ServeOptions>();
  add_common_options(app, o->common);
  app.add_option("--port", o->port, "Port on 127.0.0.1 to serve on (0: a free one)")->capture_default_str();
  add_site_options(app, o->site, "Keep resized images only for this session");
  app.callback([o, io, &exit_code] { exit_code = run_serve(*o, io); });
}

}  // namespace casfolio
