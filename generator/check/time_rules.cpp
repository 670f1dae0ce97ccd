// Rules about time: programme span, gaps, calendar deadlines
// (docs/checks.md, "Time").
#include "check/codes.h"
#include "check/context.h"
#include "check/timeline.h"
#include "util/text.h"

namespace casfolio::check {

namespace {

// Judged only against the cohort's `end`: before it the span is still
// growing, unless even continuing until the end could not reach the minimum.
void check_span(Context& ctx) {
  const int min = ctx.rules().min_months;
  const Date end = ctx.c.end;
  if (min <= 0 || !end.valid()) return;
  std::vector<Date> dates = activity_dates(ctx.p, ctx.as_of);
  if (dates.empty()) return;  // nothing to measure yet; the gap rules speak
  if (ctx.as_of >= end) {
    int months = programme_span_months(ctx.p, ctx.as_of);
    if (months < min)
      ctx.add(codes::kSpanTooShort, portfolio_location(),
              {{"months", std::to_string(months)},
               {"min", std::to_string(min)},
               {"first", dates.front().iso()},
               {"last", dates.back().iso()},
               {"end", end.iso()}});
  } else {
    const Date first = dates.front();
    int possible = first <= end ? months_between(first, end) : 0;
    if (possible < min)
      ctx.add(codes::kSpanCannotReach, portfolio_location(),
              {{"possible", std::to_string(possible)},
               {"min", std::to_string(min)},
               {"first", first.iso()},
               {"end", end.iso()}});
  }
}

void check_gaps(Context& ctx) {
  const int max = ctx.rules().max_gap_days;
  if (max <= 0) return;  // no limit
  for (const Gap& g : gaps(ctx.p, ctx.c, ctx.as_of)) {
    if (g.days <= max) continue;
    if (g.ongoing)
      ctx.add(codes::kNoRecentActivity, portfolio_location(),
              {{"from", g.from.iso()},
               {"days", std::to_string(g.days)},
               {"max", std::to_string(max)},
               {"as_of", ctx.as_of.iso()}});
    else
      ctx.add(codes::kActivityGap, portfolio_location(),
              {{"from", g.from.iso()},
               {"to", g.to.iso()},
               {"days", std::to_string(g.days)},
               {"max", std::to_string(max)}});
  }
}

void check_deadlines(Context& ctx) {
  for (const DeadlineResult& r : judge_deadlines(ctx.p, ctx.c, ctx.as_of)) {
    if (r.state != DeadlineState::missed) continue;
    const Deadline& d = *r.deadline;
    if (to_lower_ascii(trim(d.kind)) == "reflection") {
      // No known programme start: the first window is open-ended ("…").
      Args a{{"date", d.date.iso()}};
      for (auto& name : localized_args("name", d.name, ctx.c.language)) a.push_back(std::move(name));
      a.push_back({"from", r.window_from.valid() ? r.window_from.iso() : "\u2026"});
      ctx.add(codes::kReflectionDeadlineMissed, portfolio_location(), std::move(a));
    } else {
      Args a{{"date", d.date.iso()}};
      for (auto& name : localized_args("name", d.name, ctx.c.language)) a.push_back(std::move(name));
      a.push_back({"interview", d.interview.empty() ? "interview" : d.interview});
      a.push_back({"from", d.from.valid() ? d.from.iso() : ""});
      // The sentence names the deadline: its calendar name, else "CAS interview".
      if (d.name.empty())
        add_localized(a, "title", "interview");
      else
        for (Language l : kAllLanguages) a.emplace_back("title_" + std::string(code(l)), d.name.get(l, ctx.c.language));
      ctx.add(codes::kInterviewDeadlineMissed, portfolio_location(), std::move(a));
    }
  }
}

// With hand-in times (hand_in()): a reflection typed long before the school
// first saw it, and one the ledger has not seen. Staff-only: they are about
// how the school collects, and a typed date may honestly be an activity's.
void check_hand_in(Context& ctx) {
  if (!ctx.p.staff.history) return;
  for (const Reflection& r : ctx.p.reflections) {
    if (!counts_by(r, ctx.as_of)) continue;  // not written yet as of that day
    HandIn h = hand_in(r, ctx.p, ctx.c, ctx.as_of);
    if (!h.seen) {
      ctx.add(codes::kReflectionNotCollected, Location{r.file}, {});
    } else if (h.backdated) {
      ctx.add(codes::kReflectionBackdated, key_location(r.file, r.keys, "date"),
              {{"date", r.date.iso()},
               {"seen", h.first_seen.day().iso()},
               {"grace", std::to_string(ctx.rules().grace_days)},
               {"counts", h.counts_on.iso()}});
    } else {
      continue;
    }
    ctx.out.back().staff_only = true;
  }
}

}  // namespace

void check_time(Context& ctx) {
  check_span(ctx);
  check_gaps(ctx);
  check_deadlines(ctx);
  check_hand_in(ctx);
}

}  // namespace casfolio::check
