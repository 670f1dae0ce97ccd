// What of a portfolio counts (issue 15): the one rule that the checks, the
// indicators and the pages share. An entry still the template `casfolio new`
// wrote (check/template_rules.cpp decides what that means) counts for nothing:
// no deadline met, no outcome evidenced, no strand, no hours, no project, no
// social GPA. Every figure is computed from `portfolio()`, never from the
// portfolio as loaded, so check and report cannot disagree.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/portfolio.h"

namespace casfolio {

class CountedPortfolio {
 public:
  // `unfilled`, when given, receives a template-not-filled finding for each
  // entry left out (check_portfolio reports them; the indicators only count).
  explicit CountedPortfolio(const Portfolio& p, std::vector<Finding>* unfilled = nullptr);

  // `p` itself when every entry counts (no copy), else a copy without the
  // unfilled entries: the reflections of a left-out experience stay, as
  // general ones.
  const Portfolio& portfolio() const { return copy_ ? *copy_ : *loaded_; }
  // The files of the entries left out (experiences' index.md, reflections), sorted.
  const std::vector<std::string>& left_out() const { return left_out_; }

 private:
  const Portfolio* loaded_;
  std::optional<Portfolio> copy_;
  std::vector<std::string> left_out_;
};

}  // namespace casfolio
