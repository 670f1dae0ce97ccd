// Rules about one experience at a time (docs/checks.md, "Experiences").
#include <set>

#include "check/codes.h"
#include "check/context.h"
#include "check/timeline.h"

namespace casfolio::check {

namespace {

Args experience_args(const Experience& e) { return {{"experience", display_name(e)}, {"id", e.id}}; }

Args with(Args args, std::initializer_list<std::pair<std::string, std::string>> more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// Reflections that count for `e` as of the as-of date.
int reflection_count(const Context& ctx, const Experience& e) {
  int n = 0;
  for (int i : e.reflections)
    if (i >= 0 && size_t(i) < ctx.p.reflections.size() && counts_by(ctx.p.reflections[size_t(i)], ctx.as_of)) ++n;
  return n;
}

void check_one(Context& ctx, const Experience& e) {
  const Requirements& r = ctx.rules();
  // Paid work is not CAS: that is all there is to say about it.
  if (e.paid) {
    ctx.add(codes::kExperiencePaid, key_location(e.file, e.keys, "paid"), experience_args(e));
    return;
  }
  // An empty strand set or outcome list, a missing start and an end before
  // the start reach the checks only after the loader reported them as errors
  // (codes.h); rules that need sound dates skip such an experience instead.
  const bool backwards = e.start.valid() && e.end.valid() && e.end < e.start;

  if (r.max_outcomes_per_experience > 0) {
    std::set<std::string> distinct;  // "1" and "1.2" are one outcome
    for (const OutcomeRef& o : e.outcomes) distinct.insert(o.outcome);
    if (int(distinct.size()) > r.max_outcomes_per_experience)
      ctx.add(codes::kExperienceTooManyOutcomes, key_location(e.file, e.keys, "outcomes"),
              with(experience_args(e), {{"count", std::to_string(distinct.size())},
                                        {"max", std::to_string(r.max_outcomes_per_experience)}}));
  }

  // Reflections are judged once the experience has ended.
  const ReflectionRules& rr = r.reflections_per_experience;
  if (e.end.valid() && e.end <= ctx.as_of && !backwards) {
    int days = experience_days(e, ctx.as_of);
    bool long_one = e.start.valid() && days >= rr.long_days;
    int needed = long_one ? std::max(rr.min, rr.long_min) : rr.min;
    int have = reflection_count(ctx, e);
    if (have < needed)
      ctx.add(codes::kExperienceFewReflections, key_location(e.file, e.keys, "end"),
              with(experience_args(e), {{"dir", e.dir},
                                        {"count", std::to_string(have)},
                                        {"min", std::to_string(needed)},
                                        {"days", std::to_string(days)},
                                        {"end", e.end.iso()},
                                        {"long_days", std::to_string(rr.long_days)},
                                        {"long_min", std::to_string(std::max(rr.min, rr.long_min))}}));
  }
}

}  // namespace

void check_experiences(Context& ctx) {
  for (const Experience& e : ctx.p.experiences) check_one(ctx, e);

  // A reflection dated before its experience starts is most likely a wrong
  // date; one written while planning (investigation, preparation) is normal.
  for (const Reflection& x : ctx.p.reflections) {
    if (x.experience < 0 || size_t(x.experience) >= ctx.p.experiences.size()) continue;
    const Experience& e = ctx.p.experiences[size_t(x.experience)];
    if (e.paid || !x.date.valid() || !e.start.valid() || x.date >= e.start || x.date > ctx.as_of) continue;
    if (x.stage == Stage::investigation || x.stage == Stage::preparation) continue;
    ctx.add(codes::kReflectionBeforeStart, key_location(x.file, x.keys, "date"),
            with(experience_args(e), {{"date", x.date.iso()}, {"start", e.start.iso()}}));
  }
}

}  // namespace casfolio::check
