// casfolio report [DIR] --format json|csv|completion|sqlite [--as-of DATE] [--out FILE]:
// the indicators of every student (docs/indicators.md, docs/report-json.md)
// for other programs and spreadsheets, the IB completion list
// (indicators/completion.h), or the school's SQLite database (--out
// required; docs/social-gpa.md). Exit 0 with a report, 2 for a usage problem:
// problems in the portfolios are part of the report, not a failure of the
// command; 1 when --out could not be written.
#include <filesystem>

#include "util/disk_path.h"
#include "cli/commands.h"
#include "cli/report_database.h"
#include "diagnostics/printer.h"
#include "indicators/completion.h"
#include "indicators/report.h"
#include "util/output_file.h"
#include "util/text.h"
#include "write/bundle.h"
#include "write/site_writer.h"

namespace casfolio {

namespace {

struct ReportOptions {
  CommonOptions common;
  std::string format = "json";
  std::string out;  // --out FILE; "" = stdout
};

namespace fs = std::filesystem;

// Why a report may not be written to `file`, or "". Every report is a staff
// view (the completion list holds candidate numbers), so it never goes where
// a site or a bundle is made from: not among the sources, not into a site.
std::string refuse_out_file(const std::string& file, const std::string& dir) {
  if (path_is_within(file, dir))
    return "refusing to write '" + file + "': it is inside the portfolios ('" + dir +
           "'), which sites and bundles are made from; choose a file outside them";
  std::error_code ec;
  fs::path folder = fs::absolute(file, ec).parent_path();
  for (fs::path f = folder; !f.empty(); f = f.parent_path()) {
    if (fs::exists(f / kSiteMarker, ec))
      return "refusing to write '" + file + "': it is inside a site casfolio built ('" + f.string() +
             "'), and a report is for staff only; choose a file outside it";
    if (f == f.parent_path()) break;
  }
  return {};
}

int run_report(const ReportOptions& o, Streams io) {
  if (o.format != "json" && o.format != "csv" && o.format != "completion" && o.format != "sqlite") {
    io.err << "casfolio report: --format is json, csv, completion or sqlite, got '" << o.format << "'\n";
    return 2;
  }
  if (o.format == "sqlite" && o.out.empty()) {
    io.err << "casfolio report: --format sqlite needs --out FILE (the database to create or update)\n";
    return 2;
  }
  auto as_of = resolve_as_of(o.common, io.err);
  if (!as_of) return 2;
  std::error_code ec;
  if (!std::filesystem::is_directory(o.common.dir, ec)) {
    io.err << "casfolio report: '" << o.common.dir << "' is not a folder\n";
    return 2;
  }
  if (!o.out.empty()) {
    if (std::string why = refuse_out_file(o.out, o.common.dir); !why.empty()) {
      io.err << "casfolio report: " << why << '\n';
      return 2;
    }
  }
  Cohort cohort = load_directory(o.common.dir, load_options(o.common));
  CohortAnalysis analysis = analyse(cohort, *as_of, o.common.jobs);
  std::string report;
  if (o.format == "sqlite") {
    std::string error;
    if (!write_report_database(o.out, report_database(cohort, analysis), error)) {
      io.err << "casfolio report: " << error << '\n';
      return 1;
    }
    return 0;
  }
  if (o.format == "json") {
    report = report_json(cohort, analysis).dump(2) + '\n';
  } else if (o.format == "csv") {
    report = report_csv(cohort, analysis);
  } else {
    std::vector<CompletionRow> rows = completion_rows(cohort, analysis, cohort.config.language);
    report = completion_csv(rows);
    // A row without a candidate number cannot be entered into IBIS: say so, per student.
    bool color = use_color(io.err);
    for (const StudentAnalysis& s : analysis.students)
      if (s.loaded && trim(s.loaded->portfolio.profile.candidate).empty())
        print_finding(io.err, no_candidate_finding(s.loaded->portfolio),
                      portfolio_print_options(o.common.dir, s.loaded->portfolio, color));
  }
  if (o.out.empty()) {
    io.out << report;
    return 0;
  }
  std::string error;
  if (!replace_file(o.out, report, error)) {
    io.err << "casfolio report: " << error << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

void define_report(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<ReportOptions>();
  add_common_options(app, o->common);
  app.add_option("--format", o->format,
                 "json, csv, completion (the IB completion list: candidate numbers, staff only) or sqlite (the school's database, with --out)")
      ->capture_default_str();
  app.add_option("--out", o->out, "File the report is written to (replaced whole; never inside DIR or a site)");
  app.callback([o, io, &exit_code] { exit_code = run_report(*o, io); });
}

}  // namespace casfolio
