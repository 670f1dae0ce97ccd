// The IB's end of the programme: the list a CAS coordinator enters into IBIS
// (the handbook's calendar: "send each candidate's CAS completion to
// IBIS"), one row per candidate. It holds candidate numbers, which are
// private (docs/format.md, section 2), so it is staff-only: `casfolio
// report --format completion` prints it or writes it to one file, and no
// site, page or bundle ever contains it. docs/indicators.md describes the columns.
#pragma once
#include <string>
#include <vector>

#include "indicators/analysis.h"

namespace casfolio {

struct CompletionRow {
  std::string candidate;  // profile `candidate`, "" when not given
  std::string name;
  std::string id;
  bool complete = false;  // the status rule's `complete` (indicators.h), nothing else
  Date completed_on;      // the as-of date when complete, else unset (docs/decisions.md)
  // Where not complete: each unmet requirement of the status rule, in the
  // cohort's language, in the rule's order.
  std::vector<std::string> reasons;
  // For the coordinator before submitting, complete or not: a status override
  // in the staff folder, and findings only staff see (near-duplicates).
  std::vector<std::string> staff_review;
};

// One row per student, in the cohort's order, sentences in `lang`.
std::vector<CompletionRow> completion_rows(const Cohort& cohort, const CohortAnalysis& analysis, Language lang);

// The rows as CSV (RFC 4180: CRLF line ends, fields quoted when needed),
// UTF-8 with a byte-order mark so that Excel reads Kazakh and Russian names
// right; lists inside a field are joined with "; ". Header:
//   candidate,name,id,cas_complete,completed_on,reasons,staff_review
std::string completion_csv(const std::vector<CompletionRow>& rows);

// The warning `completion-no-candidate` about a portfolio without a
// candidate number (its row's first field is empty), at its portfolio.yaml.
Finding no_candidate_finding(const Portfolio& p);

}  // namespace casfolio
