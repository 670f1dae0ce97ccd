// casfolio report [DIR] --format json|csv [--as-of DATE]: the indicators of
// every student (docs/indicators.md, docs/report-json.md) for other programs
// and spreadsheets. Exit 0 with a report, 2 for a usage problem: problems in
// the portfolios are part of the report, not a failure of the command.
#include <filesystem>

#include "cli/commands.h"
#include "indicators/report.h"

namespace casfolio {

namespace {

struct ReportOptions {
  CommonOptions common;
  std::string format = "json";
};

int run_report(const ReportOptions& o, Streams io) {
  if (o.format != "json" && o.format != "csv") {
    io.err << "casfolio report: --format is json or csv, got '" << o.format << "'\n";
    return 2;
  }
  auto as_of = resolve_as_of(o.common, io.err);
  if (!as_of) return 2;
  std::error_code ec;
  if (!std::filesystem::is_directory(o.common.dir, ec)) {
    io.err << "casfolio report: '" << o.common.dir << "' is not a folder\n";
    return 2;
  }
  Cohort cohort = load_directory(o.common.dir, load_options(o.common));
  CohortAnalysis analysis = analyse(cohort, *as_of, o.common.jobs);
  if (o.format == "json") io.out << report_json(cohort, analysis).dump(2) << '\n';
  else io.out << report_csv(cohort, analysis);
  return 0;
}

}  // namespace

void define_report(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<ReportOptions>();
  add_common_options(app, o->common);
  app.add_option("--format", o->format, "json or csv")->capture_default_str();
  app.callback([o, io, &exit_code] { exit_code = run_report(*o, io); });
}

}  // namespace casfolio
