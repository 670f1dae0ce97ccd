// `casfolio check --format sarif|github`: the findings for a CI service.
// Here the names of the files are made: SARIF's relative to the checked
// folder (SRCROOT), GitHub's relative to the working directory, which is
// the repository's root in a workflow (docs/decisions.md, "Findings in CI").
#pragma once
#include <optional>
#include <ostream>
#include <string>

#include "indicators/analysis.h"
#include "model/cohort.h"

namespace casfolio {

struct CiFindingsOptions {
  std::string format;  // "sarif" or "github"
  std::string dir;     // the checked folder, as the user named it
  // --lang: every sentence in this language; else each portfolio's own
  // (the cohort's for cohort.yaml and for SARIF's rule descriptions).
  std::optional<Language> language;
};

bool is_ci_format(const std::string& format);

// Staff-only findings are left out: annotations and code-scanning alerts
// are shown to whoever can read the repository.
void print_ci_findings(std::ostream& out, const CiFindingsOptions& options, const Cohort& cohort,
                       const CohortAnalysis& analysis);

}  // namespace casfolio
