#include <algorithm>
#include <set>

#include "check/counted.h"
#include "indicators/indicators.h"
#include "util/text.h"

namespace casfolio {

namespace {

// Dated on or before as_of. An unset date (an input error the loader has
// already reported) does not hide the item.
bool counts_by(Date d, Date as_of) { return !d.valid() || d <= as_of; }

bool judged_kind(const Deadline& d) {
  std::string kind = to_lower_ascii(trim(d.kind));
  return kind == "reflection" || kind == "interview";
}

}  // namespace

std::string_view name(Status s) {
  switch (s) {
    case Status::complete: return "complete";
    case Status::on_track: return "on-track";
    case Status::of_concern: return "of-concern";
  }
  return "on-track";
}

StrandHours split_hours(const Experience& e, double hours) {
  StrandHours out{};
  double claimed = 0;
  for (Strand st : kAllStrands)
    if (e.strands.has(st)) claimed += e.claimed_hours[size_t(st)];
  for (Strand st : kAllStrands) {
    if (!e.strands.has(st)) continue;
    out[size_t(st)] = claimed > 0 ? hours * e.claimed_hours[size_t(st)] / claimed : hours / e.strands.size();
  }
  return out;
}

StrandHours confirmed_strand_hours(const Experience& e, const ConfirmedFacts& f) {
  if (f.hours_per_strand) return *f.hours_per_strand;
  if (f.hours) return split_hours(e, *f.hours);
  return StrandHours{};
}

bool StudentIndicators::counts(const std::string& file) const {
  return !std::binary_search(not_counted.begin(), not_counted.end(), file);
}

int StudentIndicators::outcomes_evidenced() const {
  return int(std::count_if(outcomes.begin(), outcomes.end(), [](const auto& o) { return o.second.count > 0; }));
}

StudentIndicators compute_student(const Portfolio& loaded, const CohortConfig& c, Date as_of,
                                  const std::vector<Finding>& findings) {
  CountedPortfolio counted(loaded);  // every figure from what counts: no unfilled template
  const Portfolio& p = counted.portfolio();
  StudentIndicators s;
  s.id = p.id;
  s.not_counted = counted.left_out();
  s.hours_self_reported = !c.has_staff_folder();

  for (const Experience& e : p.experiences) {
    if (e.paid || !counts_by(e.start, as_of)) continue;
    for (Strand st : kAllStrands)
      if (e.strands.has(st)) ++s.experiences_per_strand[size_t(st)];
    for (size_t i = 0; i < 3; ++i) s.claimed_hours[i] += e.claimed_hours[i];
    ConfirmedFacts confirmed = confirmed_facts(e, p, c, as_of);
    StrandHours hours = confirmed_strand_hours(e, confirmed);
    for (size_t i = 0; i < 3; ++i) s.confirmed_hours[i] += hours[i];
    bool incomplete = confirmed.counted && confirmed.completed == false;
    if (incomplete) s.not_completed.push_back(e.id);
    if (e.review && c.has_staff_folder()) s.unconfirmed_reviews.push_back(e.id);
    if (e.project) {
      ProjectFacts f;
      f.id = e.id;
      f.days = experience_days(e, as_of);
      f.finished = e.end.valid() && e.end <= as_of && !incomplete;
      s.projects.push_back(std::move(f));
    }
    if (e.end.valid() && e.end < as_of) {
      bool reflected = std::any_of(e.reflections.begin(), e.reflections.end(), [&](int r) {
        return r >= 0 && size_t(r) < p.reflections.size() && counts_by(p.reflections[size_t(r)].date, as_of);
      });
      if (!reflected) s.unreflected_experiences.push_back(e.id);
    }
  }

  for (const Outcome& o : c.framework.outcomes) s.outcomes[o.id];
  for (const Reflection& r : p.reflections) {
    if (!counts_by(r.date, as_of)) continue;
    ++s.reflections;
    std::set<std::string> named;  // "1.1" and "1.2" in one reflection evidence outcome 1 once
    for (const OutcomeRef& ref : r.outcomes) named.insert(ref.outcome);
    for (const std::string& id : named) {
      auto it = s.outcomes.find(id);
      if (it == s.outcomes.end()) continue;
      ++it->second.count;
      it->second.reflections.push_back(r.file);
    }
  }

  s.span_months = programme_span_months(p, as_of);
  s.longest_gap = longest_gap(p, c, as_of);
  s.as_of = as_of;
  if (std::vector<Gap> all = gaps(p, c, as_of); !all.empty() && all.back().ongoing) s.current_gap = all.back();
  if (std::vector<Date> dates = activity_dates(p, as_of); !dates.empty()) s.last_entry = dates.back();
  for (const Reflection& r : p.reflections)
    if (Date d = hand_in(r, p, c, as_of).counts_on; d.valid() && d <= as_of) s.handed_in.push_back(d);
  std::sort(s.handed_in.begin(), s.handed_in.end());
  for (DeadlineResult& d : judge_deadlines(p, c, as_of)) {
    if (!d.deadline || !judged_kind(*d.deadline)) continue;
    s.deadlines_met += d.state == DeadlineState::met;
    s.deadlines_missed += d.state == DeadlineState::missed;
    s.deadlines_upcoming += d.state == DeadlineState::upcoming;
    s.deadlines.push_back(std::move(d));
  }
  for (const Interview& i : loaded.interviews)  // pointers into the portfolio the caller holds
    if (counts_by(i.date, as_of)) s.interviews.push_back(&i);

  if (c.social_gpa) s.social_gpa = compute_social_gpa(p, c, as_of);
  if (p.staff.status_override && counts_by(p.staff.status_override->date, as_of))
    s.status_override = p.staff.status_override;
  s.status = judge_status(s, c.requirements, findings);
  return s;
}

}  // namespace casfolio
