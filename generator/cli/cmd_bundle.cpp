#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>

#include "util/disk_path.h"
#include "cli/commands.h"
#include "diagnostics/printer.h"
#include "indicators/analysis.h"
#include "pipeline/bundle_build.h"
#include "write/manifest.h"

namespace casfolio {

namespace {

struct BundleCliOptions {
  CommonOptions common;
  std::string out = "dist";
  bool is_public = false;
  std::string max_evidence_size = "500M";
  bool timings = false;
  std::string sign;  // --sign KEY: a private key file
};

void print(std::ostream& out, const std::vector<Finding>& findings, Language lang, bool color) {
  PrintOptions po;
  po.language = lang;
  po.color = color;
  for (const Finding& f : findings) print_finding(out, f, po);
}

Finding usage_finding(std::string_view code, std::string file, Args args) {
  return make_finding(code, Location{std::move(file)}, std::move(args));
}

int run_bundle(const BundleCliOptions& o, Streams io) {
  auto as_of = resolve_as_of(o.common, io.err);
  if (!as_of) return 2;
  bool color = use_color(io.out);
  auto limit = parse_size(o.max_evidence_size);
  if (!limit) {
    print(io.err, {usage_finding("bundle-bad-size", "casfolio bundle", {{"value", o.max_evidence_size}})}, Language::en,
          use_color(io.err));
    return 2;
  }
  if (path_is_within(o.out, o.common.dir)) {
    Finding f = usage_finding("bundle-out-inside-source", o.common.dir, {{"out", o.out}, {"dir", o.common.dir}});
    print(io.err, {f}, Language::en, use_color(io.err));
    return 2;
  }

  std::optional<SigningKey> signer;
  if (!o.sign.empty()) {
    std::string error;
    signer = SigningKey::read_file(o.sign, error);
    if (signer && !signer->has_private()) {
      signer.reset();
      error = "it is a public key; signing needs the private one (.key)";
    }
    if (!signer) {
      print(io.err, {usage_finding("key-cannot-read", o.sign, {{"file", o.sign}, {"reason", error}})}, Language::en,
            use_color(io.err));
      return 2;
    }
  }

  auto started = std::chrono::steady_clock::now();
  LoadOptions lo = load_options(o.common);
  // The bundle applies the limit itself and names each file over it; the
  // loader would leave such files out of Portfolio::files without a word here.
  lo.limits.max_evidence_bytes = UINT64_MAX;
  Cohort cohort = load_directory(o.common.dir, lo);
  if (cohort.portfolios.empty()) {
    print(io.out, {usage_finding("bundle-no-portfolios", o.common.dir, {{"dir", o.common.dir}})},
          cohort.config.language, color);
    return 1;
  }
  CohortAnalysis analysis = analyse(cohort, *as_of);
  double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  BundleRun run;
  run.source_root = o.common.dir;
  run.out_dir = o.out;
  run.is_public = o.is_public;
  run.bundle.max_file_bytes = *limit;
  run.bundle.timestamp = bundle_timestamp(*as_of);
  run.bundle.signer = std::move(signer);

  // A progress line on a terminal only, rewritten in place.
  bool progress = &io.err == &std::cerr && isatty(STDERR_FILENO) && analysis.students.size() > 1;
  std::function<void(size_t, size_t, std::string_view)> show;
  if (progress)
    show = [&](size_t n, size_t total, std::string_view id) {
      io.err << "\r\033[K[" << n << '/' << total << "] " << id << std::flush;
    };
  BundleReport report = bundle_cohort(cohort, analysis, run, show);
  if (progress) io.err << "\r\033[K" << std::flush;

  size_t written = 0, failed = 0;
  for (const StudentBundleResult& s : report.students) {
    print(io.out, s.findings, s.language, color);
    if (s.written) {
      ++written;
      io.out << "wrote " << s.written->path << " (" << s.written->files << " files, " << format_size(s.written->bytes)
             << ")\n";
    } else {
      ++failed;
    }
  }
  print(io.out, report.cohort_findings, cohort.config.language, color);
  if (report.cohort) {
    ++written;
    io.out << "wrote " << report.cohort->path << " (" << report.cohort->files << " files, "
           << format_size(report.cohort->bytes) << ")\n";
  }
  if (report.cohort_attempted && !report.cohort) ++failed;
  io.out << written << " bundle(s) written to " << o.out << " as of " << as_of->iso();
  if (failed > 0) io.out << "; " << failed << " failed";
  io.out << '\n';
  if (run.bundle.signer) io.out << "signed by " << run.bundle.signer->fingerprint() << " (" << o.sign << ")\n";
  if (o.timings) {
    char line[160];
    std::snprintf(line, sizeof line,
                  "timings: loading and checks %.2f s, rendering %.2f s, hashing and zipping %.2f s\n", load_seconds,
                  report.render_seconds, report.write_seconds);
    io.err << line;
  }
  return report.failed() ? 1 : 0;
}

}  // namespace

void define_bundle(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<BundleCliOptions>();
  add_common_options(app, o->common);
  app.add_option("--out", o->out, "Folder the zips are written to (never inside DIR)")->capture_default_str();
  app.add_flag("--public", o->is_public, "Shareable bundles: public pages only, no sources, no indicators");
  app.add_option("--max-evidence-size", o->max_evidence_size, "Largest evidence file a bundle takes, e.g. 500M or 2G")
      ->capture_default_str();
  app.add_option("--sign", o->sign, "Sign each manifest with this private key (from 'casfolio key new')");
  app.add_flag("--timings", o->timings, "Print the time spent loading, rendering and zipping (to stderr)");
  app.callback([o, io, &exit_code] { exit_code = run_bundle(*o, io); });
}

}  // namespace casfolio
