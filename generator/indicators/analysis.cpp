#include "indicators/analysis.h"

#include "check/rules.h"
#include "util/parallel.h"

namespace casfolio {

namespace {

bool same(const std::vector<Finding>& a, const std::vector<Finding>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const Finding &x = a[i], &y = b[i];
    if (x.severity != y.severity || x.code != y.code || x.where.file != y.where.file || x.where.line != y.where.line ||
        x.where.column != y.where.column || x.where.length != y.where.length || x.args != y.args ||
        x.staff_only != y.staff_only)
      return false;
  }
  return true;
}

}  // namespace

CohortAnalysis analyse(const Cohort& cohort, Date as_of, unsigned jobs, SimilarityMemo* similarity,
                       AnalysisMemo* memo) {
  CohortAnalysis out;
  out.as_of = as_of;
  auto similar = check_similarity(cohort, jobs, similarity);
  out.students.resize(cohort.portfolios.size());
  if (memo && memo->as_of != as_of) {
    memo->clear();
    memo->as_of = as_of;
  }
  std::vector<const AnalysisMemo::Entry*> kept(cohort.portfolios.size(), nullptr);
  if (memo)
    for (size_t i = 0; i < cohort.portfolios.size(); ++i) {
      auto it = memo->by_root.find(cohort.portfolios[i].portfolio.root);
      static const std::vector<Finding> kNone;
      if (it != memo->by_root.end() && same(it->second.similar, i < similar.size() ? similar[i] : kNone))
        kept[i] = &it->second;
    }
  parallel_for(cohort.portfolios.size(), jobs, [&](size_t i) {
    const LoadedPortfolio& lp = cohort.portfolios[i];
    StudentAnalysis& s = out.students[i];
    s.loaded = &lp;
    if (kept[i]) {
      s.findings = kept[i]->findings;
      s.indicators = kept[i]->indicators;
      return;
    }
    s.findings = lp.findings;
    if (lp.portfolio.usable) {
      auto checks = check_portfolio(lp.portfolio, cohort.config, as_of);
      s.findings.insert(s.findings.end(), checks.begin(), checks.end());
    }
    if (i < similar.size()) s.findings.insert(s.findings.end(), similar[i].begin(), similar[i].end());
    if (cohort.config.social_gpa && lp.portfolio.usable) {
      auto gpa = social_gpa_findings(compute_social_gpa(lp.portfolio, cohort.config, as_of));
      s.findings.insert(s.findings.end(), gpa.begin(), gpa.end());
    }
    sort_findings(s.findings);
    s.indicators = compute_student(lp.portfolio, cohort.config, as_of, s.findings);
  });
  if (memo)
    for (size_t i = 0; i < cohort.portfolios.size(); ++i)
      if (!kept[i])
        memo->by_root[cohort.portfolios[i].portfolio.root] =
            AnalysisMemo::Entry{i < similar.size() ? similar[i] : std::vector<Finding>{}, out.students[i].findings,
                                out.students[i].indicators};
  std::vector<StudentIndicators> all;
  all.reserve(out.students.size());
  for (const auto& s : out.students) all.push_back(s.indicators);
  out.cohort = compute_cohort(cohort, all);
  return out;
}

}  // namespace casfolio
