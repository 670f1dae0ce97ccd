#include "indicators/completion.h"

#include "indicators/report.h"
#include "util/text.h"

namespace casfolio {

namespace {

std::string text(std::string code, Args args, Language lang) {
  Finding f;
  f.code = std::move(code);
  f.args = std::move(args);
  return render_message(f, lang).message;
}


}  // namespace

std::vector<CompletionRow> completion_rows(const Cohort& cohort, const CohortAnalysis& analysis, Language lang) {
  std::vector<CompletionRow> rows;
  for (const StudentAnalysis& s : analysis.students) {
    static const LoadedPortfolio kNone;
    const Portfolio& p = s.loaded ? s.loaded->portfolio : kNone.portfolio;
    const StudentIndicators& ind = s.indicators;
    CompletionRow row;
    row.candidate = std::string(trim(p.profile.candidate));
    row.name = p.profile.name;
    row.id = p.id;
    // The status rule, and its own list of what is unmet (empty exactly when complete).
    row.complete = ind.status == Status::complete;
    if (row.complete) row.completed_on = analysis.as_of;
    for (const UnmetRequirement& u : unmet_requirements(ind, cohort.config.requirements, s.findings))
      row.reasons.push_back(text(u.text, u.args, lang));
    if (ind.status_override)
      row.staff_review.push_back(text("_completion-staff-override",
                                      {{"status", ind.status_override->status}, {"reason", ind.status_override->reason}},
                                      lang));
    size_t staff_only = 0;
    for (const Finding& f : s.findings) staff_only += f.staff_only;
    if (staff_only > 0)
      row.staff_review.push_back(text("_completion-staff-findings", {{"count", std::to_string(staff_only)}}, lang));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string completion_csv(const std::vector<CompletionRow>& rows) {
  std::string out = "\xEF\xBB\xBF";  // UTF-8 byte-order mark: Excel otherwise reads the file in the ANSI code page
  auto line = [&out](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      out += csv_field(fields[i]);
    }
    out += "\r\n";
  };
  line({"candidate", "name", "id", "cas_complete", "completed_on", "reasons", "staff_review"});
  for (const CompletionRow& r : rows)
    line({r.candidate, r.name, r.id, r.complete ? "yes" : "no", r.completed_on.valid() ? r.completed_on.iso() : "",
          joined(r.reasons, "; "), joined(r.staff_review, "; ")});
  return out;
}

Finding no_candidate_finding(const Portfolio& p) {
  Finding f = make_finding("completion-no-candidate", Location{"portfolio.yaml"}, {{"id", p.id}});
  f.staff_only = true;
  return f;
}

}  // namespace casfolio
