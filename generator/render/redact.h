// What a --public page may show: the portfolio without its private values.
// The pages of a public build are made from this copy only, so a private
// value cannot reach a template by accident: it is not there to reach.
#pragma once
#include <set>
#include <string>

#include "model/portfolio.h"

namespace casfolio {

struct PublicPortfolio {
  Portfolio portfolio;                // the copy, with private values removed
  std::set<std::string> hidden_dirs;  // folders of the experiences left out
  bool hide_plan = false;             // `private: [plan]`
  bool hide_interviews = true;        // interviews are records of staff meetings
};

// Removes the candidate number, the e-mail, supervisors' e-mails and phones,
// every profile key named in `private:` (name, grade, class, advisor,
// started, interests, strengths, growth, goals, plan), every experience
// marked `private: true` or named in `private:` together with its
// reflections, evidence lying in a removed experience's folder, and every
// staff record (Portfolio::staff is left empty).
PublicPortfolio redact_for_public(const Portfolio& p);

}  // namespace casfolio
