// The status rule (docs/indicators.md, "Status"): the one place that says
// which requirements a student has not met. judge_status() and every list of
// reasons (the IB completion list) are made from unmet_requirements().
#include <algorithm>

#include "indicators/indicators.h"

namespace casfolio {

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) {
    if (!out.empty()) out += ", ";
    out += i;
  }
  return out;
}

constexpr std::array<const char*, 3> kStrandTexts = {"_unmet-experiences-creativity", "_unmet-experiences-activity",
                                                     "_unmet-experiences-service"};

}  // namespace

std::vector<UnmetRequirement> unmet_requirements(const StudentIndicators& s, const Requirements& r,
                                                 const std::vector<Finding>& findings) {
  std::vector<UnmetRequirement> out;
  auto unmet = [&out](const char* text, Args args, bool concern) { out.push_back({text, std::move(args), concern}); };

  // Staff-only findings (academic honesty) leave the status alone: a status
  // a student sees is explained by findings the student can see.
  size_t errors = 0, warnings = 0;
  for (const Finding& f : findings) {
    if (f.staff_only) continue;
    errors += f.severity == Severity::error;
    warnings += f.severity == Severity::warning;
  }

  // Of concern.
  if (errors > 0) unmet("_unmet-errors", {{"count", std::to_string(errors)}}, true);
  if (s.deadlines_missed > 0) {
    std::vector<std::string> dates;
    for (const DeadlineResult& d : s.deadlines)
      if (d.state == DeadlineState::missed && d.deadline) dates.push_back(d.deadline->date.iso());
    unmet("_unmet-deadlines", {{"count", std::to_string(s.deadlines_missed)}, {"dates", joined(dates)}}, true);
  }
  if (s.longest_gap.days > r.max_gap_days)
    unmet("_unmet-gap",
          {{"days", std::to_string(s.longest_gap.days)},
           {"from", s.longest_gap.from.valid() ? s.longest_gap.from.iso() : ""},
           {"max", std::to_string(r.max_gap_days)}},
          true);
  if (!s.unreflected_experiences.empty())
    unmet("_unmet-unreflected", {{"experiences", joined(s.unreflected_experiences)}}, true);

  // Still to do.
  if (warnings > 0) unmet("_unmet-warnings", {{"count", std::to_string(warnings)}}, false);
  // An experience confirmed `completed: false` is not done: not complete yet.
  if (!s.not_completed.empty()) unmet("_unmet-not-completed", {{"experiences", joined(s.not_completed)}}, false);
  for (size_t i = 0; i < 3; ++i) {
    int needed = std::max(r.min_experiences[i], r.all_strands ? 1 : 0);
    if (s.experiences_per_strand[i] < needed)
      unmet(kStrandTexts[i],
            {{"count", std::to_string(s.experiences_per_strand[i])}, {"needed", std::to_string(needed)}}, false);
  }
  if (r.all_outcomes) {
    std::vector<std::string> missing;
    for (const auto& [id, evidence] : s.outcomes)
      if (evidence.count == 0) missing.push_back(id);
    if (!missing.empty()) unmet("_unmet-outcomes", {{"outcomes", joined(missing)}}, false);
  }
  int projects = int(std::count_if(s.projects.begin(), s.projects.end(), [&](const ProjectFacts& p) {
    return p.finished && p.days >= r.project.min_days;
  }));
  if (projects < r.project.min)
    unmet("_unmet-projects",
          {{"count", std::to_string(projects)},
           {"needed", std::to_string(r.project.min)},
           {"days", std::to_string(r.project.min_days)}},
          false);
  if (s.span_months < r.min_months)
    unmet("_unmet-span", {{"months", std::to_string(s.span_months)}, {"needed", std::to_string(r.min_months)}}, false);
  return out;
}

Status judge_status(const StudentIndicators& s, const Requirements& r, const std::vector<Finding>& findings) {
  std::vector<UnmetRequirement> unmet = unmet_requirements(s, r, findings);
  if (std::any_of(unmet.begin(), unmet.end(), [](const UnmetRequirement& u) { return u.concern; }))
    return Status::of_concern;
  return unmet.empty() ? Status::complete : Status::on_track;
}

}  // namespace casfolio
