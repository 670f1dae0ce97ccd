#include "indicators/analysis.h"

#include "check/rules.h"

namespace casfolio {

CohortAnalysis analyse(const Cohort& cohort, Date as_of) {
  CohortAnalysis out;
  out.as_of = as_of;
  auto similar = check_similarity(cohort);
  out.students.resize(cohort.portfolios.size());
  for (size_t i = 0; i < cohort.portfolios.size(); ++i) {
    const LoadedPortfolio& lp = cohort.portfolios[i];
    StudentAnalysis& s = out.students[i];
    s.loaded = &lp;
    s.findings = lp.findings;
    if (lp.portfolio.usable) {
      auto checks = check_portfolio(lp.portfolio, cohort.config, as_of);
      s.findings.insert(s.findings.end(), checks.begin(), checks.end());
    }
    if (i < similar.size()) s.findings.insert(s.findings.end(), similar[i].begin(), similar[i].end());
    if (cohort.config.social_gpa && lp.portfolio.usable) {
      auto gpa = social_gpa_findings(compute_social_gpa(lp.portfolio, *cohort.config.social_gpa, as_of));
      s.findings.insert(s.findings.end(), gpa.begin(), gpa.end());
    }
    sort_findings(s.findings);
    s.indicators = compute_student(lp.portfolio, cohort.config, as_of, s.findings);
  }
  std::vector<StudentIndicators> all;
  all.reserve(out.students.size());
  for (const auto& s : out.students) all.push_back(s.indicators);
  out.cohort = compute_cohort(cohort, all);
  return out;
}

}  // namespace casfolio
