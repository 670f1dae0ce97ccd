// CAS project rules (docs/checks.md, "Projects").
#include "check/codes.h"
#include "check/context.h"
#include "check/staff_rules.h"
#include "check/timeline.h"
#include "util/text.h"

namespace casfolio::check {

namespace {

// A stage is present when index.md describes it under `stages:` or one of
// the project's reflections (as of as_of) is marked with it.
bool has_stage(const Context& ctx, const Experience& e, Stage s) {
  const auto& text = e.stages[size_t(s)];
  if (text && !trim(*text).empty()) return true;
  for (int i : e.reflections) {
    if (i < 0 || size_t(i) >= ctx.p.reflections.size()) continue;
    const Reflection& r = ctx.p.reflections[size_t(i)];
    if (r.stage == s && counts_by(r, ctx.as_of)) return true;
  }
  return false;
}

void check_project(Context& ctx, const Experience& e) {
  const ProjectRules& rules = ctx.rules().project;
  const Args base{{"experience", display_name(e)}, {"id", e.id}};

  // Length and stages are judged once it has ended: an ongoing project may
  // still grow long enough, and its later stages are not written yet.
  const bool ended = e.end.valid() && e.end <= ctx.as_of && !(e.start.valid() && e.end < e.start);
  if (ended && e.start.valid()) {
    int days = experience_days(e, ctx.as_of);
    if (days < rules.min_days) {
      Args a = base;
      a.insert(a.end(), {{"days", std::to_string(days)}, {"min_days", std::to_string(rules.min_days)},
                         {"start", e.start.iso()}, {"end", e.end.iso()}});
      ctx.add(codes::kProjectTooShort, key_location(e.file, e.keys, "end"), std::move(a));
    }
  }

  if (int(e.collaborators.size()) < rules.collaborators) {
    Args a = base;
    a.insert(a.end(), {{"count", std::to_string(e.collaborators.size())}, {"min", std::to_string(rules.collaborators)}});
    ctx.add(codes::kProjectFewCollaborators, key_location(e.file, e.keys, "collaborators"), std::move(a));
  }

  if (rules.all_stages && ended) {
    std::vector<std::string> missing, words;
    for (Stage s : kAllStages)
      if (!has_stage(ctx, e, s)) {
        missing.emplace_back(name(s));
        words.push_back("stage-" + std::string(name(s)));
      }
    if (!missing.empty()) {
      Args a = base;
      a.emplace_back("stages", joined(missing, ", "));
      a.emplace_back("count", std::to_string(missing.size()));
      add_localized_list(a, "stages", words);
      ctx.add(codes::kProjectMissingStages, key_location(e.file, e.keys, "stages"), std::move(a));
    }
  }
}

}  // namespace

void check_projects(Context& ctx) {
  const ProjectRules& rules = ctx.rules().project;
  // Paid work is not CAS, so a paid project does not count (nor is it
  // judged); one that starts after as_of does not count yet.
  int projects = 0;
  for (const Experience& e : ctx.p.experiences) {
    if (!e.project || e.paid) continue;
    // A project that ended but is confirmed `completed: false` (check/staff_rules.h)
    // was given up: it fulfils nothing. One still going on counts as before.
    bool given_up = e.end.valid() && e.end <= ctx.as_of && not_completed(e, ctx.p, ctx.c, ctx.as_of);
    if ((!e.start.valid() || e.start <= ctx.as_of) && !given_up) ++projects;
    check_project(ctx, e);
  }
  if (projects < rules.min)
    ctx.add(codes::kProjectMissing, portfolio_location(),
            {{"count", std::to_string(projects)},
             {"min", std::to_string(rules.min)},
             {"min_days", std::to_string(rules.min_days)}});
}

}  // namespace casfolio::check
