// Small helpers that build the typed model in code, so the indicators can
// be tested without the loader.
#pragma once
#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "model/cohort.h"

namespace casfolio::test {

inline Date day(const char* iso) { return *Date::parse(iso); }

inline Experience experience(const std::string& id, std::initializer_list<Strand> strands, const char* start,
                             const char* end = nullptr) {
  Experience e;
  e.id = id;
  e.dir = "experiences/" + id;
  e.file = e.dir + "/index.md";
  e.title = id;
  for (Strand s : strands) e.strands.add(s);
  e.start = day(start);
  if (end) e.end = day(end);
  e.keys.file = e.file;
  return e;
}

// Claims `hours`, split evenly over the strands as the loader does.
inline void claim(Experience& e, double hours, int line = 6) {
  e.hours_given = true;
  for (Strand s : kAllStrands)
    if (e.strands.has(s)) e.claimed_hours[size_t(s)] = hours / e.strands.size();
  e.keys.keys["hours"] = {line, 1};
}

inline void review(Experience& e, const char* date, double hours, int hours_line = 3) {
  Review r;
  r.file = e.dir + "/review.md";
  r.by = "Supervisor";
  r.date = day(date);
  r.hours = hours;
  r.completed = true;
  r.keys.file = r.file;
  r.keys.keys["hours"] = {hours_line, 1};
  e.review = r;
}

inline Achievement achievement(const std::string& kind, const char* date, const std::string& title,
                               const std::string& evidence, int line) {
  Achievement a;
  a.kind = kind;
  a.date = day(date);
  a.title = title;
  a.level = "school";
  a.evidence = evidence;
  a.line = line;
  return a;
}

inline OutcomeRef outcome(const std::string& id, const std::string& indicator = "") { return {id, indicator}; }

inline Reflection reflection(const std::string& file, const char* date, std::vector<OutcomeRef> outcomes,
                             const std::string& body = "") {
  Reflection r;
  r.file = file;
  r.date = day(date);
  r.outcomes = std::move(outcomes);
  r.body.text = body;
  r.body.first_line = 5;
  r.keys.file = file;
  return r;
}

inline Interview interview(const std::string& file, const char* date, const std::string& kind) {
  Interview i;
  i.file = file;
  i.date = day(date);
  i.kind = kind;
  return i;
}

// Sorts reflections by date then file and links each to the experience
// whose folder holds it, as the loader does.
inline void finish(Portfolio& p) {
  std::sort(p.reflections.begin(), p.reflections.end(), [](const Reflection& a, const Reflection& b) {
    return a.date != b.date ? a.date < b.date : a.file < b.file;
  });
  for (Experience& e : p.experiences) e.reflections.clear();
  for (size_t r = 0; r < p.reflections.size(); ++r) {
    p.reflections[r].experience = -1;
    for (size_t i = 0; i < p.experiences.size(); ++i)
      if (p.reflections[r].file.starts_with(p.experiences[i].dir + "/")) {
        p.reflections[r].experience = int(i);
        p.experiences[i].reflections.push_back(int(r));
      }
  }
  std::sort(p.files.begin(), p.files.end());
}

inline Deadline deadline(const char* date, const std::string& kind, const std::string& interview_kind = "",
                         const std::string& name = "") {
  Deadline d;
  d.date = day(date);
  d.kind = kind;
  d.interview = interview_kind;
  d.name.en = name;
  return d;
}

}  // namespace casfolio::test
