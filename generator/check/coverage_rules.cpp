// Coverage: every outcome of the framework evidenced, every strand present
// (docs/checks.md, "Outcomes and strands").
#include <set>

#include "check/codes.h"
#include "check/context.h"

namespace casfolio::check {

namespace {

void check_outcomes(Context& ctx) {
  if (!ctx.rules().all_outcomes) return;
  std::set<std::string, std::less<>> evidenced;  // a reference to indicator N.M counts for N
  for (const Reflection& r : ctx.p.reflections)
    if (counts_by(r, ctx.as_of))
      for (const OutcomeRef& o : r.outcomes) evidenced.insert(o.outcome);
  const Language lang = ctx.p.profile.language;
  for (const Outcome& o : ctx.c.framework.outcomes) {
    if (evidenced.count(o.id)) continue;
    Args a{{"outcome", o.id}, {"name", o.name.get(lang)}};
    add_localized(a, "name", o.name);
    ctx.add(codes::kOutcomeNotEvidenced, portfolio_location(), std::move(a));
  }
}

void check_strands(Context& ctx) {
  const Requirements& r = ctx.rules();
  // Paid experiences are not CAS; one that starts after as_of has not happened yet.
  std::array<int, 3> count{};
  for (const Experience& e : ctx.p.experiences)
    if (!e.paid && (!e.start.valid() || e.start <= ctx.as_of))
      for (Strand s : kAllStrands)
        if (e.strands.has(s)) ++count[size_t(s)];

  for (Strand s : kAllStrands) {
    const int have = count[size_t(s)];
    const int min = r.min_experiences[size_t(s)];
    Args a{{"strand", std::string(name(s))}};
    add_localized(a, "strand", "strand-" + std::string(name(s)));
    if (have == 0 && r.all_strands) {
      ctx.add(codes::kStrandMissing, portfolio_location(), std::move(a));
    } else if (have < min) {
      a.emplace_back("count", std::to_string(have));
      a.emplace_back("min", std::to_string(min));
      ctx.add(codes::kStrandFewExperiences, portfolio_location(), std::move(a));
    }
  }
}

}  // namespace

void check_coverage(Context& ctx) {
  check_outcomes(ctx);
  check_strands(ctx);
}

}  // namespace casfolio::check
