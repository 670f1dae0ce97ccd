// casfolio build: load, analyse, render, write. The stages do the work; this
// is the script that runs them and says what happened.
#include <filesystem>
#include <iostream>

#include "pipeline/site_build.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "diagnostics/printer.h"
#include "util/timings.h"
#include "write/manifest.h"

namespace casfolio {

namespace {

struct BuildOptions {
  CommonOptions common;
  SiteCliOptions site;
  std::string out = "site";
};

int run_build(const BuildOptions& o, Streams io) {
  namespace fs = std::filesystem;
  auto as_of = resolve_as_of(o.common, io.err);
  if (!as_of) return 2;
  if (!site_folders_exist("build", o.common, o.site, io.err)) return 2;
  SiteWriteOptions wo;
  wo.out_dir = o.out;
  wo.source_dirs = {o.common.dir};
  if (std::string why = check_out_dir(wo); !why.empty()) {
    io.err << "casfolio build: " << why << '\n';
    return 2;
  }

  SiteBuildOptions bo = site_build_options(o.common, o.site, *as_of, o.out);
  ProgressBar bar(io.err, &io.err == &std::cerr && stderr_is_terminal(), "building");
  bo.progress = [&bar](size_t done, size_t total) { bar.update(done, total); };
  bo.waiting = [&io, out = o.out] {
    io.err << "casfolio build: waiting for another casfolio building into the folder of '" << out
           << "' to finish\n" << std::flush;
  };
  Timings timings;
  SiteBuild build(std::move(bo));
  SiteBuildResult r = build.run(nullptr, &timings);
  bar.finish();
  const Cohort& cohort = build.cohort();
  const CohortAnalysis& analysis = build.analysis();

  bool broken = print_render_findings(io.err, o.common.dir, cohort, r.render_findings, use_color(io.err));
  timings.print(io.err);
  if (broken) {
    io.err << "casfolio build: the site was not written; the previous one (if any) is unchanged\n";
    return 1;
  }
  if (!r.ok) {
    io.err << "casfolio build: " << r.error << "\ncasfolio build: the previous site (if any) is unchanged\n";
    return 1;
  }
  // One student's file the disk would not take stops no one else's pages.
  PrintOptions skipped_po;
  skipped_po.language = cohort.config.language;
  skipped_po.color = use_color(io.err);
  for (const SkippedFile& s : r.written.skipped) {
    print_finding(io.err,
                  make_finding("site-file-skipped", Location{(fs::path(o.out) / s.path).string()},
                               {{"path", s.path}, {"reason", s.reason}}),
                  skipped_po);
  }

  size_t with_errors = 0;
  for (const StudentAnalysis& s : analysis.students)
    for (const Finding& f : s.findings)
      if (f.severity == Severity::error) {
        ++with_errors;
        break;
      }
  io.out << "built " << o.out << (site_audience(o.site) == Audience::anyone    ? " (public)"
                            : site_audience(o.site) == Audience::student ? " (student view)"
                                                                         : "") << ": " << r.written.files << " files, "
         << format_size(r.written.bytes) << ", " << analysis.students.size() << " portfolio(s) in";
  for (Language l : cohort.config.languages) io.out << ' ' << code(l);
  io.out << ", as of " << as_of->iso() << '\n';
  if (with_errors > 0)
    io.out << with_errors << " portfolio(s) have errors; 'casfolio check " << o.common.dir << "' lists them\n";
  return 0;
}

}  // namespace

void define_build(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<BuildOptions>();
  add_common_options(app, o->common);
  app.add_option("--out", o->out, "Folder the site is written to (replaced as a whole; never inside DIR)")
      ->capture_default_str();
  add_site_options(app, o->site,
                   "Render every page, write every file and resize every image again, and keep no cache "
                   "(the result is the same bytes either way)");
  app.callback([o, io, &exit_code] { exit_code = run_build(*o, io); });
}

}  // namespace casfolio
