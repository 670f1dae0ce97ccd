#include "render/staff_views.h"

#include <cstdio>

#include "render/site_builder.h"
#include "render/url.h"
#include "util/digest.h"
#include "util/line_diff.h"
#include "util/path.h"

namespace casfolio {

namespace {

void set(View& v, const std::string& key, View value) { v[key] = std::move(value); }

std::string byline(const std::string& by, const std::string& role, Date date, const UiText& ui) {
  if (role.empty()) return ui.format("staff_byline", {{"by", by}, {"date", ui.date(date)}});
  return ui.format("staff_byline_role", {{"by", by}, {"role", role}, {"date", ui.date(date)}});
}

std::string double_text(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

}  // namespace

std::vector<const StaffFeedback*> visible_feedback(const std::vector<StaffFeedback>& records, Audience audience) {
  std::vector<const StaffFeedback*> out;
  if (audience == Audience::anyone) return out;
  for (const StaffFeedback& f : records)
    if (audience == Audience::staff || !f.staff_only) out.push_back(&f);
  return out;
}

std::vector<const StaffInterview*> visible_interviews(const std::vector<StaffInterview>& records, Audience audience) {
  std::vector<const StaffInterview*> out;
  if (audience == Audience::anyone) return out;
  for (const StaffInterview& i : records)
    if (audience == Audience::staff || !i.staff_only) out.push_back(&i);
  return out;
}

View feedback_view(const std::vector<const StaffFeedback*>& visible, std::string_view subject, const UiText& ui,
                   const StaffMarkdown& markdown) {
  std::string index = std::string(subject) + "/index.md";
  ViewList items;
  for (const StaffFeedback* f : visible) {
    bool about = f->on == subject || (subject.starts_with("experiences/") && f->on == index);
    if (!about) continue;
    View x;
    set(x, "byline", byline(f->by, f->role, f->date, ui));
    set(x, "text_html", markdown(f->text.text));
    set(x, "staff_only", f->staff_only);
    items.push_back(std::move(x));
  }
  View v;
  set(v, "any", !items.empty());
  set(v, "items", std::move(items));
  return v;
}

View approval_view(const StaffApproval& a, const UiText& ui, Audience audience) {
  bool current = a.up_to_date();
  View v;
  set(v, "state", std::string(current ? "approved" : "changed"));
  set(v, "changed", !current);
  set(v, "text", ui.format(current ? "staff_approved" : "staff_changed_since_approved",
                           {{"date", ui.date(a.date)}, {"by", a.by}}));
  // What changed is for staff: they decide whether to approve again.
  ViewList changes;
  if (audience == Audience::staff)
    for (const ApprovedFile& f : a.files) {
      if (f.up_to_date() || f.current_sha256.empty()) continue;
      View change;
      set(change, "path", f.path);
      std::optional<std::vector<DiffLine>> diff;
      if (f.approved_text) diff = line_diff(*f.approved_text, f.current_text);
      set(change, "no_text", !diff);
      ViewList lines;
      if (diff)
        for (const DiffLine& d : *diff) {
          static const char* kOps[] = {"same", "removed", "added", "folded"};
          static const char* kMarks[] = {" ", "-", "+", " "};  // a folded run says "…" itself
          View line;
          set(line, "op", std::string(kOps[int(d.op)]));
          set(line, "mark", std::string(kMarks[int(d.op)]));
          set(line, "text", d.op == DiffLine::Op::folded
                                ? ui.format("staff_diff_folded", {{"count", std::to_string(d.folded)}})
                                : d.text);
          lines.push_back(std::move(line));
        }
      set(change, "lines", View(lines));
      changes.push_back(std::move(change));
    }
  set(v, "has_changes", !changes.empty());
  set(v, "changes", View(changes));
  return v;
}

View status_override_view(const StatusOverride& o, const UiText& ui) {
  View v;
  set(v, "status", o.status);
  set(v, "status_label", ui_label(ui, "status_", o.status));
  set(v, "text", ui.format("staff_status_set", {{"by", o.by}, {"date", ui.date(o.date)}, {"reason", o.reason}}));
  return v;
}

View confirmation_view(const StaffConfirmation& c, const UiText& ui, View outcomes, const StaffMarkdown& markdown) {
  View v;
  set(v, "by", c.by);
  set(v, "role", c.role);
  set(v, "has_role", !c.role.empty());
  set(v, "date", ui.date(c.date));
  set(v, "source", ui_label(ui, "staff_source_", c.source));
  double hours = c.hours.value_or(0);
  if (!c.hours && c.hours_per_strand)
    for (double h : *c.hours_per_strand) hours += h;
  bool has_hours = c.hours || c.hours_per_strand;
  set(v, "has_hours", has_hours);
  set(v, "hours", has_hours ? ui.number(hours) : "");
  set(v, "has_outcomes", !c.outcomes.empty());
  set(v, "outcomes", std::move(outcomes));
  set(v, "completed", c.completed);
  set(v, "completed_text", ui.s(c.completed ? "review_completed_yes" : "review_completed_no"));
  set(v, "has_comment", !c.comment.empty());
  set(v, "comment_html", c.comment.empty() ? "" : markdown(c.comment));
  return v;
}

View staff_interviews_view(const std::vector<const StaffInterview*>& visible, const UiText& ui,
                           const StaffMarkdown& markdown) {
  ViewList items;
  int n = 0;
  for (const StaffInterview* i : visible) {
    std::string stem(file_name(i->file));
    if (auto dot = stem.rfind('.'); dot != std::string::npos) stem.erase(dot);
    View x;
    set(x, "anchor", "staff-interview-" + anchor_id(stem, n++));
    set(x, "kind", ui_label(ui, "interview_", i->kind));
    set(x, "date", ui.date(i->date));
    set(x, "by", ui.format("staff_interview_by", {{"by", i->by}}));
    set(x, "notes_html", markdown(i->notes.text));
    set(x, "staff_only", i->staff_only);
    items.push_back(std::move(x));
  }
  View v;
  set(v, "any", !items.empty());
  set(v, "items", std::move(items));
  return v;
}

View history_view(const StaffRecords& r, std::string_view path, const UiText& ui, Audience audience) {
  View v;
  const FileHistory* h = nullptr;
  if (audience == Audience::staff && r.history)
    if (auto it = r.history->find(path); it != r.history->end()) h = &it->second;
  set(v, "any", h != nullptr);
  if (h) {
    const Date first = h->first_seen.day(), last = h->last_changed.day();
    set(v, "text", h->versions > 1 && last != first
                       ? ui.format("staff_history_changed", {{"first", ui.date(first)}, {"last", ui.date(last)}})
                       : ui.format("staff_history_first_seen", {{"first", ui.date(first)}}));
  }
  return v;
}

std::string commissions_digest(const std::vector<GpaCommission>& commissions) {
  DigestBuilder d;
  d.add("commissions 1");
  for (const GpaCommission& c : commissions) {
    d.add(c.file).add(c.period).add(c.class_name).add(c.date.iso());
    for (const CommissionMember& m : c.members) d.add(m.name).add(m.role);
    for (const CommissionDecision& x : c.decisions)
      d.add(x.student).add(x.confirmed).add(double_text(x.adjustment)).add(x.reason);
  }
  return d.finish();
}

std::string staff_records_digest(const StaffRecords& r) {
  DigestBuilder d;
  d.add("staff records 1");
  for (const StaffConfirmation& c : r.confirmations) {
    d.add("c").add(c.experience).add(c.by).add(c.role).add(c.date.iso()).add(c.source).add(c.scan);
    d.add(c.hours ? double_text(*c.hours) : "-");
    if (c.hours_per_strand)
      for (double h : *c.hours_per_strand) d.add(double_text(h));
    for (const OutcomeRef& o : c.outcomes) d.add(o.outcome).add(o.indicator);
    d.add(c.completed).add(c.comment);
  }
  auto approval = [&](const StaffApproval& a) {
    d.add("a").add(a.subject).add(std::string(name(a.what))).add(a.by).add(a.date.iso()).add(a.comment);
    for (const ApprovedFile& f : a.files) d.add(f.path).add(f.sha256).add(f.current_sha256);
  };
  if (r.plan_approval) approval(*r.plan_approval);
  for (const StaffApproval& a : r.experience_approvals) approval(a);
  for (const StaffFeedback& f : r.feedback)
    d.add("f").add(f.by).add(f.role).add(f.date.iso()).add(f.on).add(f.staff_only).add(f.text.text);
  if (const auto& o = r.status_override) d.add("s").add(o->status).add(o->reason).add(o->by).add(o->date.iso());
  for (const StaffInterview& i : r.interviews)
    d.add("i").add(i.file).add(i.date.iso()).add(i.kind).add(i.by).add(i.staff_only).add(i.notes.text);
  auto answers = [&](const std::vector<FormAnswer>& list) {
    for (const FormAnswer& a : list) d.add(a.statement).add(a.answer);
  };
  for (const GpaPeriodRecords& g : r.social_gpa) {
    d.add("g").add(g.period);
    if (const auto& a = g.assessment) {
      d.add("ga").add(a->by).add(a->role).add(a->date.iso()).add(a->strengths).add(a->growth);
      for (const auto& [id, value] : a->components) d.add(id).add(value);
    }
    for (const GpaObservation& o : g.observations) {
      d.add("go").add(o.file).add(o.by).add(o.role).add(o.date.iso());
      answers(o.answers);
    }
    if (const auto& p = g.parents) {
      d.add("gp").add(p->date.iso()).add(p->comment);
      answers(p->answers);
    }
  }
  if (r.history)  // the ledger's times show on staff pages and judge deadlines
    for (const auto& [path, h] : *r.history)
      d.add("h").add(path).add(h.first_seen.seconds()).add(h.last_changed.seconds()).add(h.versions);
  return d.finish();
}

}  // namespace casfolio
