#include "check/staff_rules.h"

#include "check/context.h"

namespace casfolio {

namespace {

// The codes of the staff rules (i18n/messages/staff.yaml).
constexpr std::string_view kReviewInPortfolio = "review-in-portfolio";  // staff-only
constexpr std::string_view kApprovalOutdated = "approval-outdated";
constexpr std::string_view kApprovalMissing = "approval-missing";

bool counts_by(Date d, Date as_of) { return !d.valid() || d <= as_of; }

const StaffApproval* counted(const StaffApproval* a, Date as_of) {
  return a && counts_by(a->date, as_of) ? a : nullptr;
}

void outdated(check::Context& ctx, const StaffApproval& a) {
  for (const ApprovedFile& f : a.files) {
    // A file that is gone is the staff finding staff-approval-unknown-file.
    if (f.current_sha256.empty() || f.up_to_date()) continue;
    ctx.add(kApprovalOutdated, Location{f.path, 0, 0, 0},
            {{"date", a.date.iso()}, {"by", a.by}, {"path", f.path}, {"what", std::string(name(a.what))}});
  }
}

void missing(check::Context& ctx, Location where, std::string_view word, const std::string& title) {
  Args args{{"title", title}};
  check::add_localized(args, "what", word);
  if (!title.empty())
    for (auto& [key, value] : args)
      if (key.starts_with("what_")) value += " “" + title + "”";
  ctx.add(kApprovalMissing, std::move(where), std::move(args));
}

}  // namespace

ConfirmedFacts confirmed_facts(const Experience& e, const Portfolio& p, const CohortConfig& c, Date as_of) {
  ConfirmedFacts f;
  if (c.has_staff_folder()) {
    const StaffConfirmation* x = p.staff.confirmation(e.id);
    if (!x || !counts_by(x->date, as_of)) return f;
    f.counted = f.by_staff = true;
    f.hours = x->hours;
    f.hours_per_strand = x->hours_per_strand;
    f.outcomes = x->outcomes;
    f.completed = x->completed;
    f.by = x->by;
    f.role = x->role;
    f.source = x->source;
    f.date = x->date;
    f.file = x->keys.file;
    f.hours_line = x->keys.at("hours").first;
    return f;
  }
  if (!e.review || !counts_by(e.review->date, as_of)) return f;
  const Review& r = *e.review;
  f.counted = true;
  f.hours = r.hours;
  f.outcomes = r.outcomes;
  f.completed = r.completed;
  f.by = r.by;
  f.date = r.date;
  f.file = r.file;
  f.hours_line = r.keys.at("hours").first;
  return f;
}

bool not_completed(const Experience& e, const Portfolio& p, const CohortConfig& c, Date as_of) {
  ConfirmedFacts f = confirmed_facts(e, p, c, as_of);
  return f.counted && f.completed == false;
}

std::vector<Finding> check_staff_records(const Portfolio& p, const CohortConfig& c, Date as_of) {
  std::vector<Finding> out;
  if (!c.has_staff_folder()) return out;
  check::Context ctx{p, c, as_of, out};
  for (const Experience& e : p.experiences)
    if (e.review) {
      ctx.add(kReviewInPortfolio, Location{e.review->file, 0, 0, 0}, {{"experience", check::display_name(e)}});
      out.back().staff_only = true;
    }

  // A social GPA class (`cas: false`) has no CAS plan or project to approve.
  ApprovalRules need = c.requirements.approval;
  if (!c.requirements.cas) need = {false, false, false};
  if (const StaffApproval* a = counted(p.staff.plan_approval ? &*p.staff.plan_approval : nullptr, as_of))
    outdated(ctx, *a);
  else if (need.plan)
    missing(ctx, p.plan ? Location{p.plan_file.empty() ? "plan.md" : p.plan_file, 0, 0, 0} : check::portfolio_location(),
            "approval-plan", "");
  for (const Experience& e : p.experiences) {
    if (e.paid || !counts_by(e.start, as_of)) continue;
    if (const StaffApproval* a = counted(p.staff.approval(e.id), as_of)) outdated(ctx, *a);
    else if (e.project ? need.project : need.experience)
      missing(ctx, check::key_location(e.file, e.keys, e.project ? "project" : "start"),
              e.project ? "approval-project" : "approval-experience", check::display_name(e));
  }
  sort_findings(out);
  return out;
}

}  // namespace casfolio
