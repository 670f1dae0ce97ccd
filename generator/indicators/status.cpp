// The status rule (docs/indicators.md, "Status"): the one place that says
// which requirements a student has not met. judge_status() and every list of
// reasons (the IB completion list, the pages, the report) are made from
// unmet_requirements().
//
// The status is about the present: of-concern means something needs action
// now. What happened once and is over (a deadline missed long ago, or caught
// up since; an interview held late) stays on the record and in every count
// (deadlines_missed, the findings) but no longer makes a student of concern.
#include <algorithm>

#include "indicators/indicators.h"
#include "util/text.h"

namespace casfolio {

namespace {


bool same_word(std::string_view a, std::string_view b) { return to_lower_ascii(trim(a)) == to_lower_ascii(trim(b)); }

constexpr std::array<const char*, 3> kStrandTexts = {"_unmet-experiences-creativity", "_unmet-experiences-activity",
                                                     "_unmet-experiences-service"};

// Warnings the status rule judges itself, by what is true today (rules 3
// and 4 below): counting them as "still to do" would keep a student who
// missed one deadline in the first year from ever being complete.
bool judged_by_the_rule(const Finding& f) {
  return f.code == "reflection-deadline-missed" || f.code == "interview-deadline-missed";
}

// A reflection handed in after `due` (and by as_of: handed_in holds no later day).
bool caught_up(const StudentIndicators& s, Date due) {
  return std::any_of(s.handed_in.begin(), s.handed_in.end(), [&](Date d) { return d.valid() && d > due; });
}

// An interview of the deadline's kind (any kind when it names none) held after it.
bool held_since(const StudentIndicators& s, const Deadline& d) {
  return std::any_of(s.interviews.begin(), s.interviews.end(), [&](const Interview* i) {
    return i && i->date.valid() && i->date > d.date && (!s.as_of.valid() || i->date <= s.as_of) &&
           (d.interview.empty() || same_word(i->kind, d.interview));
  });
}

// Missed at most concern_days days before as_of (0: on the as-of day only).
bool recent(const StudentIndicators& s, const Deadline& d, const Requirements& r) {
  return s.as_of.valid() && d.date.valid() && d.date <= s.as_of && s.as_of - d.date <= r.concern_days;
}

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
    warnings += f.severity == Severity::warning && !judged_by_the_rule(f);
  }

  // Of concern: something needs action now.
  // 1. The portfolio has an error.
  if (errors > 0) unmet("_unmet-errors", {{"count", std::to_string(errors)}}, true);
  // A social GPA class (`cas: false`): only its findings judge it.
  if (!r.cas) {
    if (warnings > 0) unmet("_unmet-warnings", {{"count", std::to_string(warnings)}}, false);
    return out;
  }
  // 2. Nothing added for longer than max_gap_days, up to as_of (0 = no limit).
  //    Only the stretch still growing: an old one is an `activity-gap` warning.
  if (r.max_gap_days > 0 && s.current_gap.ongoing && s.current_gap.days > r.max_gap_days)
    unmet("_unmet-gap",
          {{"days", std::to_string(s.current_gap.days)},
           {"from", s.current_gap.from.valid() ? s.current_gap.from.iso() : ""},
           {"max", std::to_string(r.max_gap_days)}},
          true);
  // 3. A reflection deadline missed in the last concern_days days, with no
  //    reflection handed in since.
  std::vector<std::string> recently_missed;
  for (const DeadlineResult& d : s.deadlines)
    if (d.state == DeadlineState::missed && d.deadline && same_word(d.deadline->kind, "reflection") &&
        recent(s, *d.deadline, r) && !caught_up(s, d.deadline->date))
      recently_missed.push_back(d.deadline->date.iso());
  if (!recently_missed.empty())
    unmet("_unmet-recent-deadlines",
          {{"count", std::to_string(recently_missed.size())},
           {"dates", joined(recently_missed, ", ")},
           {"days", std::to_string(r.concern_days)}},
          true);
  // 4. An interview deadline missed and no interview of its kind held since,
  //    however long ago: the interview still has to take place.
  for (const DeadlineResult& d : s.deadlines)
    if (d.state == DeadlineState::missed && d.deadline && same_word(d.deadline->kind, "interview") &&
        !held_since(s, *d.deadline)) {
      const Deadline& dl = *d.deadline;
      // The calendar's name in each language (the cohort's is not known here: English, then any).
      Args a = dl.name.empty() ? Args{{"name", !dl.interview.empty() ? dl.interview : dl.kind}}
                               : localized_args("name", dl.name, Language::en);
      a.push_back({"date", dl.date.iso()});
      unmet("_unmet-interview", std::move(a), true);
    }
  // 5. No CAS project started by requirements.project.start_by.
  if (r.project.start_by.valid() && s.as_of.valid() && r.project.start_by <= s.as_of && s.projects.empty())
    unmet("_unmet-project-start", {{"date", r.project.start_by.iso()}}, true);

  // Still to do.
  if (warnings > 0) unmet("_unmet-warnings", {{"count", std::to_string(warnings)}}, false);
  // The student can still reflect on it; the deadlines and the gap say when
  // it is late (docs/decisions.md).
  if (!s.unreflected_experiences.empty())
    unmet("_unmet-unreflected", {{"experiences", joined(s.unreflected_experiences, ", ")}}, false);
  // An experience confirmed `completed: false` is not done: not complete yet.
  if (!s.not_completed.empty()) unmet("_unmet-not-completed", {{"experiences", joined(s.not_completed, ", ")}}, false);
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
    if (!missing.empty()) unmet("_unmet-outcomes", {{"outcomes", joined(missing, ", ")}}, false);
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
