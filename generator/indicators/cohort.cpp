// The cohort's figures: sums and groupings of the students' indicators.
// Nothing here orders students by a result: lists keep the cohort's order
// (by id), as the social GPA methodology asks ("not a ranking").
#include <algorithm>
#include <tuple>

#include "indicators/indicators.h"

namespace casfolio {

namespace {

std::string deadline_detail(const Deadline& d, Language lang) {
  if (!d.name.empty()) return d.name.get(lang);
  if (!d.interview.empty()) return d.kind + " (" + d.interview + ")";
  return d.kind;
}

}  // namespace

CohortIndicators compute_cohort(const Cohort& cohort, const std::vector<StudentIndicators>& students) {
  CohortIndicators c;
  for (Status s : kAllStatuses) c.per_status[s] = 0;

  std::map<std::string, AdvisorGroup> groups;
  for (size_t i = 0; i < students.size(); ++i) {
    const StudentIndicators& s = students[i];
    const Portfolio* p = i < cohort.portfolios.size() ? &cohort.portfolios[i].portfolio : nullptr;

    ++c.per_status[s.status];
    auto& row = c.outcome_matrix[s.id];
    for (const auto& [id, evidence] : s.outcomes) row[id] = evidence.count;
    for (size_t k = 0; k < 3; ++k) {
      c.experiences_per_strand[k] += s.experiences_per_strand[k];
      c.claimed_hours[k] += s.claimed_hours[k];
      c.confirmed_hours[k] += s.confirmed_hours[k];
    }

    for (const DeadlineResult& d : s.deadlines) {
      if (d.state != DeadlineState::missed || !d.deadline) continue;
      c.overdue.push_back(
          {s.id, "deadline", d.deadline->date, deadline_detail(*d.deadline, cohort.config.language), d.deadline->name});
    }
    for (const std::string& id : s.unreflected_experiences) {
      const Experience* e = p ? p->find_experience(id) : nullptr;
      c.overdue.push_back({s.id, "experience-without-reflection", e ? e->end : Date(), id});
    }

    std::string advisor = p ? p->profile.advisor : std::string();
    c.students_per_advisor[advisor].push_back(s.id);
    AdvisorGroup& g = groups[advisor];
    g.name = advisor;
    g.students.push_back(s.id);
    if (g.per_status.empty())
      for (Status st : kAllStatuses) g.per_status[st] = 0;
    ++g.per_status[s.status];
  }

  std::stable_sort(c.overdue.begin(), c.overdue.end(), [](const OverdueItem& a, const OverdueItem& b) {
    return std::tie(a.date, a.student, a.what, a.detail) < std::tie(b.date, b.student, b.what, b.detail);
  });
  for (auto& [name, g] : groups)
    if (!name.empty()) c.advisors.push_back(std::move(g));
  if (auto it = groups.find(""); it != groups.end()) c.advisors.push_back(std::move(it->second));
  return c;
}

}  // namespace casfolio
