#include "check/timeline.h"

#include <algorithm>
#include <tuple>

#include "util/text.h"

namespace casfolio {

namespace {

Date next_day(Date d) { return Date::from_days(d.days() + 1); }

// An entry counts as of `as_of` when it is dated and not in the future.
bool dated_by(Date d, Date as_of) { return d.valid() && d <= as_of; }

bool same_word(std::string_view a, std::string_view b) { return to_lower_ascii(trim(a)) == to_lower_ascii(trim(b)); }

// Keeps the earliest (by date, then file) of the entries offered to it.
struct Earliest {
  Date date;
  const std::string* file = nullptr;
  void offer(Date d, const std::string& f) {
    if (!file || std::tie(d, f) < std::tie(date, *file)) {
      date = d;
      file = &f;
    }
  }
};

}  // namespace

std::string_view name(DeadlineState s) {
  switch (s) {
    case DeadlineState::met: return "met";
    case DeadlineState::missed: return "missed";
    case DeadlineState::upcoming: return "upcoming";
  }
  return "upcoming";
}

Date programme_start(const Portfolio& p, const CohortConfig& c) {
  return p.profile.started.valid() ? p.profile.started : c.start;
}

HandIn hand_in(const Reflection& r, const Portfolio& p, const CohortConfig& c, Date as_of) {
  HandIn out;
  if (!p.staff.history) {
    out.counts_on = r.date;
    return out;
  }
  out.with_ledger = true;
  auto it = p.staff.history->find(r.file);
  if (it == p.staff.history->end()) return out;
  out.first_seen = it->second.first_seen;
  const Date seen = out.first_seen.day();
  if (!as_of.valid() || seen > as_of) return out;  // not seen yet as of that day
  out.seen = true;
  if (!r.date.valid()) return out;
  const Date earliest = Date::from_days(seen.days() - c.requirements.grace_days);
  out.backdated = r.date < earliest;
  out.counts_on = out.backdated ? earliest : r.date;
  return out;
}

Date judged_on(Date due, const Portfolio& p, const CohortConfig& c) {
  if (!p.staff.history || !due.valid()) return due;
  return Date::from_days(due.days() + c.requirements.grace_days);
}

std::vector<DeadlineResult> judge_deadlines(const Portfolio& p, const CohortConfig& c, Date as_of) {
  // The calendar is documented as sorted; sort pointers anyway so that a
  // hand-built config cannot shift the reflection windows.
  std::vector<const Deadline*> calendar;
  for (const Deadline& d : c.calendar)
    if (d.date.valid()) calendar.push_back(&d);
  std::stable_sort(calendar.begin(), calendar.end(),
                   [](const Deadline* a, const Deadline* b) { return a->date < b->date; });

  const Date start = programme_start(p, c);
  std::vector<Date> reflection_days;  // hand_in()'s day for each of p.reflections
  for (const Reflection& x : p.reflections) reflection_days.push_back(hand_in(x, p, c, as_of).counts_on);
  std::vector<DeadlineResult> out;
  Date previous_reflection;  // the previous reflection deadline, even one before the start
  for (const Deadline* d : calendar) {
    const bool reflection = same_word(d->kind, "reflection");
    if (!reflection && !same_word(d->kind, "interview")) continue;

    DeadlineResult r;
    r.deadline = d;
    Earliest first;
    if (reflection) {
      Date from = previous_reflection.valid() ? next_day(previous_reflection) : Date();
      if (start.valid() && (!from.valid() || from < start)) from = start;
      previous_reflection = d->date;
      r.window_from = from;
      for (size_t i = 0; i < p.reflections.size(); ++i) {
        const Date on = reflection_days[i];
        if (dated_by(on, as_of) && on <= d->date && (!from.valid() || on >= from))
          first.offer(on, p.reflections[i].file);
      }
    } else {
      for (const Interview& i : p.interviews)
        if (dated_by(i.date, as_of) && i.date <= d->date && (d->interview.empty() || same_word(i.kind, d->interview)))
          first.offer(i.date, i.file);
      // The coordinator's records in the staff folder count the same (file relative to it).
      for (const StaffInterview& i : p.staff.interviews)
        if (dated_by(i.date, as_of) && i.date <= d->date && (d->interview.empty() || same_word(i.kind, d->interview)))
          first.offer(i.date, i.file);
    }
    if (start.valid() && d->date < start) continue;  // before this student's programme

    if (first.file) {
      r.state = DeadlineState::met;
      r.met_by = *first.file;
    } else {
      // Hand-in times: a reflection may still be first seen within the grace.
      const Date judged = reflection ? judged_on(d->date, p, c) : d->date;
      r.state = judged <= as_of ? DeadlineState::missed : DeadlineState::upcoming;
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Date> activity_dates(const Portfolio& p, Date as_of) {
  std::vector<Date> out;
  auto add = [&](Date d) {
    if (dated_by(d, as_of)) out.push_back(d);
  };
  for (const Experience& e : p.experiences) {
    add(e.start);
    add(e.end);
    if (e.review) add(e.review->date);
  }
  for (const Reflection& r : p.reflections) add(r.date);
  for (const Interview& i : p.interviews) add(i.date);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Gap> gaps(const Portfolio& p, const CohortConfig& c, Date as_of) {
  if (!as_of.valid()) return {};
  const Date start = programme_start(p, c);
  const Date limit = c.end.valid() && c.end < as_of ? c.end : as_of;
  if (start.valid() && limit < start) return {};

  std::vector<Date> entries;
  for (Date d : activity_dates(p, limit))
    if (!start.valid() || d >= start) entries.push_back(d);
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());

  std::vector<Date> points;
  if (start.valid()) points.push_back(start);
  points.insert(points.end(), entries.begin(), entries.end());
  if (points.empty()) return {};
  points.push_back(limit);
  points.erase(std::unique(points.begin(), points.end()), points.end());

  const bool entry_on_limit = !entries.empty() && entries.back() == limit;
  std::vector<Gap> out;
  for (size_t i = 1; i < points.size(); ++i) {
    Gap g;
    g.from = points[i - 1];
    g.to = points[i];
    g.days = g.to - g.from;
    g.ongoing = i + 1 == points.size() && limit == as_of && !entry_on_limit;
    out.push_back(g);
  }
  return out;
}

Gap longest_gap(const Portfolio& p, const CohortConfig& c, Date as_of) {
  Gap best;
  for (const Gap& g : gaps(p, c, as_of))
    if (g.days > best.days) best = g;
  return best;
}

int programme_span_months(const Portfolio& p, Date as_of) {
  std::vector<Date> dates = activity_dates(p, as_of);
  if (dates.size() < 2) return 0;
  return months_between(dates.front(), dates.back());
}

int experience_days(const Experience& e, Date as_of) {
  if (!e.start.valid() || !as_of.valid()) return 0;
  Date last = e.end.valid() && e.end <= as_of ? e.end : as_of;
  return std::max(0, int(last - e.start) + 1);
}

}  // namespace casfolio
