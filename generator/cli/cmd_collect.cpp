// casfolio collect [COHORT]: fetch every repository of cohort.yaml's
// `repositories:` into the cache and append what was seen for the first time
// to the staff folder's ledger (docs/collect.md). Exit 0 when every
// repository was collected, 1 when any failed (the others are collected all
// the same), 2 for a usage problem.
#include <chrono>
#include <filesystem>

#include "cli/commands.h"
#include "cli/progress.h"
#include "collect/collect_run.h"
#include "diagnostics/printer.h"
#include "util/timestamp.h"

namespace casfolio {

namespace {

struct CollectCliOptions {
  std::string dir = "content";
  std::string staff;
  std::string seen_at;
  unsigned jobs = 0;
  int wait = 60;
};

int run_collect_command(const CollectCliOptions& o, Streams io) {
  std::error_code ec;
  if (!std::filesystem::is_directory(o.dir, ec)) {
    io.err << "casfolio collect: '" << o.dir << "' is not a folder\n";
    return 2;
  }
  CollectOptions co;
  co.cohort_dir = o.dir;
  co.jobs = o.jobs;
  co.lock_wait_seconds = o.wait;
  if (!o.staff.empty()) co.staff_dir = o.staff;
  if (o.seen_at.empty()) {
    co.seen_at = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  } else if (auto t = Timestamp::parse(o.seen_at)) {
    co.seen_at = t->seconds();
  } else {
    io.err << "casfolio collect: --seen-at is a UTC time like 2026-10-05T00:00:00Z, got '" << o.seen_at << "'\n";
    return 2;
  }
  ProgressBar bar(io.err, &io.err == &std::cerr && stderr_is_terminal(), "collecting");
  co.progress = [&bar](size_t done, size_t total) { bar.update(done, total); };
  CollectResult r = run_collect(co);
  bar.finish();

  PrintOptions po;
  po.language = r.language;
  po.color = use_color(io.out);
  po.path_prefix = std::string(o.dir).append(o.dir.ends_with('/') ? "" : "/");
  for (const Finding& f : r.config_findings) print_finding(io.out, f, po);
  size_t collected = 0;
  for (const RepositoryReport& rep : r.repositories) {
    for (const Finding& note : rep.outcome.notes) print_finding(io.out, note, po);
    if (rep.outcome.ok) {
      ++collected;
      continue;
    }
    print_finding(io.out, make_finding(rep.outcome.failure, rep.where, {{"id", rep.id}, {"reason", rep.outcome.reason}}),
                  po);
  }
  if (!r.repositories.empty()) {
    io.out << "collected " << collected << " of " << r.repositories.size() << " repositories";
    if (!r.ledger.empty()) io.out << "; " << r.ledger_lines_added << " new line(s) in " << r.ledger;
    io.out << '\n';
  }
  return r.failed() ? 1 : 0;
}

}  // namespace

void define_collect(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<CollectCliOptions>();
  app.add_option("dir", o->dir, "The cohort folder (its cohort.yaml lists `repositories:`)");
  app.add_option("--staff", o->staff, "The staff folder (where ledger.jsonl is), instead of cohort.yaml's staff:");
  app.add_option("-j,--jobs", o->jobs, "Repositories fetched at once (default: one per core)");
  app.add_option("--wait", o->wait, "Seconds to wait for another collect of the same cohort (default 60)");
  app.add_option("--seen-at", o->seen_at,
                 "The time recorded as first seen, YYYY-MM-DDTHH:MM:SSZ (default: now); for tests and for "
                 "importing a past collection");
  app.callback([o, io, &exit_code] { exit_code = run_collect_command(*o, io); });
}

}  // namespace casfolio
