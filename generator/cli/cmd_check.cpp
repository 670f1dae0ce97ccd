#include <nlohmann/json.hpp>

#include "cli/ci_findings.h"
#include "cli/commands.h"
#include "diagnostics/printer.h"
#include "indicators/analysis.h"
#include "indicators/report.h"  // finding_json: the same finding objects as `report`
#include "load/file_source.h"
#include "render/ui_text.h"  // the status words, as the pages say them
#include "util/path.h"

namespace casfolio {

namespace {

struct CheckOptions {
  CommonOptions common;
  bool strict = false;
  std::string format = "text";
  std::string lang;  // --lang; empty = each portfolio's own language
};

// "on-track" as the pages of `lang` say it ("On track", "По плану", "Жоспар бойынша").
std::string status_word(std::string_view status, Language lang) {
  return ui_label(UiText::get(lang), "status_", status);
}

// What the staff folder holds about a student, under the summary line.
void print_staff_summary(std::ostream& out, const StudentAnalysis& s, Language lang) {
  const StaffRecords& r = s.loaded->portfolio.staff;
  size_t approvals = r.experience_approvals.size() + (r.plan_approval ? 1 : 0), outdated = 0, staff_only = 0;
  if (r.plan_approval && !r.plan_approval->up_to_date()) ++outdated;
  for (const StaffApproval& a : r.experience_approvals) outdated += !a.up_to_date();
  for (const StaffFeedback& f : r.feedback) staff_only += f.staff_only;
  Finding line;
  line.code = "_staff-summary";
  line.args = {{"confirmations", std::to_string(r.confirmations.size())}, {"approvals", std::to_string(approvals)},
               {"outdated", std::to_string(outdated)}, {"feedback", std::to_string(r.feedback.size())},
               {"staff_only", std::to_string(staff_only)}};
  out << render_message(line, lang).message << "\n";
  if (const auto& o = s.indicators.status_override) {
    Finding shown;
    shown.code = "_staff-override";
    shown.args = {{"status", status_word(o->status, lang)}, {"computed", status_word(name(s.indicators.status), lang)},
                  {"by", o->by}, {"date", o->date.iso()}, {"reason", o->reason}};
    out << render_message(shown, lang).message << "\n";
  }
}

int run_check(const CheckOptions& o, Streams io) {
  auto as_of = resolve_as_of(o.common, io.err);
  if (!as_of) return 2;
  if (o.format != "text" && o.format != "json" && !is_ci_format(o.format)) {
    io.err << "casfolio check: --format is text, json, sarif or github, got '" << o.format << "'\n";
    return 2;
  }
  std::optional<Language> lang = parse_language(o.lang);
  if (!o.lang.empty() && !lang) {
    io.err << "casfolio check: --lang is kk, ru or en, got '" << o.lang << "'\n";
    return 2;
  }
  Cohort cohort = load_directory(o.common.dir, load_options(o.common));
  CohortAnalysis analysis = analyse(cohort, *as_of, o.common.jobs);

  size_t errors = 0, warnings = 0;
  auto tally = [&](const std::vector<Finding>& fs) {
    for (const Finding& f : fs) {
      errors += f.severity == Severity::error;
      warnings += f.severity == Severity::warning;
    }
  };
  tally(cohort.config_findings);
  for (const auto& s : analysis.students) tally(s.findings);

  if (is_ci_format(o.format)) {
    print_ci_findings(io.out, {o.format, o.common.dir, lang}, cohort, analysis);
  } else if (o.format == "json") {
    nlohmann::ordered_json j;
    j["schema"] = 1;
    j["as_of"] = as_of->iso();
    j["cohort_findings"] = nlohmann::ordered_json::array();
    for (const Finding& f : cohort.config_findings)
      j["cohort_findings"].push_back(finding_json(f, lang.value_or(cohort.config.language)));
    j["students"] = nlohmann::ordered_json::array();
    for (const auto& s : analysis.students) {
      const Portfolio& p = s.loaded->portfolio;
      nlohmann::ordered_json sj;
      sj["id"] = p.id;
      sj["path"] = p.root;
      sj["status"] = name(s.indicators.status);
      sj["findings"] = nlohmann::ordered_json::array();
      for (const Finding& f : s.findings)
        sj["findings"].push_back(finding_json(f, lang.value_or(p.profile.language)));
      j["students"].push_back(std::move(sj));
    }
    j["errors"] = errors;
    j["warnings"] = warnings;
    io.out << j.dump(2) << '\n';
  } else {
    bool color = use_color(io.out);
    PrintOptions cohort_print = cohort_print_options(o.common.dir, cohort, color);
    if (lang) cohort_print.language = *lang;
    for (const Finding& f : cohort.config_findings) print_finding(io.out, f, cohort_print);

    for (const auto& s : analysis.students) {
      const Portfolio& p = s.loaded->portfolio;
      PrintOptions po = portfolio_print_options(o.common.dir, p, color);
      if (lang) po.language = *lang;
      size_t e = 0, w = 0, i = 0;
      for (const Finding& f : s.findings) {
        print_finding(io.out, f, po);
        e += f.severity == Severity::error;
        w += f.severity == Severity::warning;
        i += f.severity == Severity::info;
      }
      Finding summary;
      summary.code = "_summary";
      summary.args = {{"id", p.id}, {"status", status_word(name(s.indicators.status), po.language)},
                      {"errors", std::to_string(e)}, {"warnings", std::to_string(w)}, {"infos", std::to_string(i)}};
      io.out << render_message(summary, po.language).message << "\n";
      if (cohort.config.has_staff_folder()) print_staff_summary(io.out, s, po.language);
      io.out << "\n";
    }
    io.out << catalog_text("_check-total", cohort_print.language,
                           {{"portfolios", std::to_string(analysis.students.size())}, {"date", as_of->iso()},
                            {"errors", std::to_string(errors)}, {"warnings", std::to_string(warnings)}})
           << "\n";
  }
  if (errors > 0 || (o.strict && warnings > 0)) return 1;
  return 0;
}

}  // namespace

void define_check(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<CheckOptions>();
  add_common_options(app, o->common);
  app.add_flag("--strict", o->strict, "Fail on warnings too");
  app.add_option("--format", o->format, "text, json, sarif (SARIF 2.1.0) or github (Actions annotations)")
      ->capture_default_str();
  app.add_option("--lang", o->lang, "Language of the messages: kk, ru or en (default: each portfolio's own)");
  app.callback([o, io, &exit_code] { exit_code = run_check(*o, io); });
}

}  // namespace casfolio
