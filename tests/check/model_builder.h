// Portfolios built in code for the check tests: the checks are pure
// functions of the model, so no files are needed.
#pragma once
#include <initializer_list>
#include <string>
#include <vector>

#include "check/rules.h"
#include "check/timeline.h"
#include "model/cohort.h"

namespace casfolio::test {

inline Date d(const char* iso) { return *Date::parse(iso); }

inline std::vector<OutcomeRef> outcomes(std::initializer_list<const char*> ids) {
  std::vector<OutcomeRef> out;
  for (const char* id : ids) {
    std::string s = id;
    size_t dot = s.find('.');
    out.push_back(OutcomeRef{dot == std::string::npos ? s : s.substr(0, dot), dot == std::string::npos ? "" : s});
  }
  return out;
}

// An experience whose index.md has its keys on these lines (column 1):
//   title 2, strands 3, start 4, end 5, outcomes 6, project 7,
//   collaborators 8, stages 9, paid 10.
inline Experience experience(const std::string& id, std::initializer_list<Strand> strands, const char* start,
                             const char* end, std::initializer_list<const char*> outcome_ids) {
  Experience e;
  e.id = id;
  e.dir = "experiences/" + id;
  e.file = e.dir + "/index.md";
  e.title = id;
  e.title[0] = char(std::toupper(static_cast<unsigned char>(e.title[0])));
  for (Strand s : strands) e.strands.add(s);
  if (start) e.start = d(start);
  if (end) e.end = d(end);
  e.outcomes = outcomes(outcome_ids);
  e.keys.file = e.file;
  e.keys.line = 2;
  const char* keys[] = {"title", "strands", "start", "end", "outcomes", "project", "collaborators", "stages", "paid"};
  int line = 2;
  for (const char* k : keys) e.keys.keys[k] = {line++, 1};
  return e;
}

inline void make_project(Experience& e) {
  e.project = true;
  e.collaborators = {"Eco club"};
  for (auto& s : e.stages) s = "Done.";
}

// A reflection with `date:` on line 2 of its front matter.
inline Reflection reflection(const std::string& file, const char* date, int experience,
                             std::initializer_list<const char*> outcome_ids) {
  Reflection r;
  r.file = file;
  r.experience = experience;
  if (date) r.date = d(date);
  r.outcomes = outcomes(outcome_ids);
  r.keys.file = file;
  r.keys.line = 2;
  r.keys.keys["date"] = {2, 1};
  return r;
}

inline Interview interview(const std::string& file, const char* date, const std::string& kind) {
  Interview i;
  i.file = file;
  i.date = d(date);
  i.kind = kind;
  return i;
}

// Rebuilds Experience::reflections from Reflection::experience.
inline void link(Portfolio& p) {
  for (Experience& e : p.experiences) e.reflections.clear();
  for (size_t i = 0; i < p.reflections.size(); ++i) {
    int x = p.reflections[i].experience;
    if (x >= 0 && size_t(x) < p.experiences.size()) p.experiences[size_t(x)].reflections.push_back(int(i));
  }
}

// The programme of the sample cohort: 2026-09-09 .. 2028-04-15, SPEC defaults.
inline CohortConfig cohort() {
  CohortConfig c;
  c.file = "cohort.yaml";
  c.start = d("2026-09-09");
  c.end = d("2028-04-15");
  return c;
}

inline constexpr const char* kAsOf = "2026-12-01";

// The reflection template's questions (check/counted.h): an entry with only
// this text is not counted.
inline constexpr const char* kTemplateBody =
    "What did I do? What did I learn about myself? What was hard?\n"
    "How did it affect others? What will I do differently next time?\n";

// A portfolio that meets every requirement as of 2026-12-01 (no calendar):
// three strands, a finished 62-day project with two reflections, all seven
// outcomes evidenced, no gap longer than 21 days.
inline Portfolio good_portfolio() {
  Portfolio p;
  p.id = "ana";
  p.profile.name = "Ana";
  p.experiences.push_back(experience("guitar", {Strand::creativity}, "2026-09-09", nullptr, {"1", "2"}));
  p.experiences.push_back(experience("football", {Strand::activity}, "2026-09-15", nullptr, {"2", "4"}));
  p.experiences.push_back(
      experience("river-cleanup", {Strand::service}, "2026-09-20", "2026-11-20", {"5", "6", "7"}));
  make_project(p.experiences[2]);
  p.reflections.push_back(reflection("experiences/guitar/2026-09-30-chords.md", "2026-09-30", 0, {"1", "2"}));
  p.reflections.push_back(reflection("experiences/river-cleanup/2026-10-15.md", "2026-10-15", 2, {"5", "6.1"}));
  p.reflections.push_back(reflection("experiences/football/2026-10-30.md", "2026-10-30", 1, {"3", "4"}));
  p.reflections.push_back(reflection("experiences/river-cleanup/2026-11-20.md", "2026-11-20", 2, {"7"}));
  link(p);
  return p;
}

// "severity code file:line:col+length key=value ..." per finding, one a line.
inline std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += std::string(name(f.severity)) + " " + f.code + " " + f.where.file + ":" + std::to_string(f.where.line) +
           ":" + std::to_string(f.where.column) + "+" + std::to_string(f.where.length);
    for (const auto& [k, v] : f.args) out += " " + k + "=" + v;
    out += "\n";
  }
  return out;
}

// Only the findings with one of `codes`, to keep a test on one rule.
inline std::vector<Finding> only(const std::vector<Finding>& findings, std::initializer_list<std::string_view> codes) {
  std::vector<Finding> out;
  for (const Finding& f : findings)
    for (std::string_view c : codes)
      if (f.code == c) out.push_back(f);
  return out;
}

}  // namespace casfolio::test
