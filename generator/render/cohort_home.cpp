// The cohort's pages. For the public: the list of portfolios. For staff:
// the home (the summary first, then the student table with its filters and
// sort, the outcome matrix with totals, overdue grouped by student and
// progress over time) and a static page per adviser and per class ("my
// students"), which show the same table, matrix and overdue list for their
// students only. The filters and the sort are site.js's; without it every
// table is a plain one in the cohort's order.
#include <algorithm>
#include <map>
#include <set>

#include "indicators/progress.h"
#include "indicators/report.h"
#include "render/charts.h"
#include "render/site_builder.h"
#include "render/staff_views.h"
#include "render/status_view.h"
#include "render/url.h"
#include "util/digest.h"

namespace casfolio {

namespace {

// The order of the status cards and of the status filter.
constexpr Status kStatusCards[] = {Status::complete, Status::on_track, Status::of_concern};

// The sort value of a status: the most urgent first in ascending order.
int status_rank(Status s) { return s == Status::of_concern ? 0 : s == Status::on_track ? 1 : 2; }

double total(const StrandHours& h) { return h[0] + h[1] + h[2]; }

// A group page's file name that stays the same from build to build while
// the group's name does: the name's ASCII letters and digits (readable in a
// bookmark) and a short digest of the whole name, so that "Ms Li" and
// "Ms. Li", or two names in Cyrillic, never share a page.
std::string group_slug(const std::string& name) {
  std::string ascii = anchor_id(name, 0);
  if (ascii == "x0") ascii.clear();
  if (ascii.size() > 40) ascii.resize(40);
  while (!ascii.empty() && ascii.back() == '-') ascii.pop_back();
  std::string tag = content_digest(name).substr(0, 8);
  return ascii.empty() ? tag : ascii + "-" + tag;
}

// "2 missed deadlines": the plural form from the UI table when it has one
// for this kind of item, else the item's label and the count.
std::string overdue_count(const UiText& ui, const std::string& what, int n) {
  std::string key = ui_key("overdue_n_", what);
  if (ui.has(key)) return ui.format(key, {{"n", std::to_string(n)}});
  return ui_label(ui, "overdue_", what) + " (" + std::to_string(n) + ")";
}

}  // namespace

std::vector<CohortGroup> SiteBuilder::cohort_groups() const {
  std::map<std::string, std::vector<const StudentSite*>> by_adviser, by_class;
  for (const StudentSite& s : students_) {
    by_adviser[s.portfolio->profile.advisor].push_back(&s);
    by_class[s.portfolio->profile.class_name].push_back(&s);
  }
  std::vector<CohortGroup> out;
  auto add = [&](const char* kind, const char* folder, auto& groups) {
    // One group holding everyone says nothing the home does not.
    if (groups.size() < 2) return;
    for (auto& [name, members] : groups) {
      CohortGroup g;
      g.kind = kind;
      g.name = name;
      g.rest = std::string(folder) + "/" + group_slug(name) + ".html";
      g.students = std::move(members);
      out.push_back(std::move(g));
    }
  };
  add("adviser", "advisers", by_adviser);
  add("class", "classes", by_class);
  return out;
}

std::string SiteBuilder::group_label(const CohortGroup& g, const UiText& ui) const {
  if (!g.name.empty()) return g.name;
  return ui.s(g.kind == "adviser" ? "no_advisor" : "no_class");
}

void SiteBuilder::cohort_pages() {
  std::vector<CohortGroup> groups = options_.is_public() ? std::vector<CohortGroup>{} : cohort_groups();
  // The same figures in every language: computed once.
  const CohortProgress progress =
      options_.is_public() ? CohortProgress{} : cohort_progress(analysis_, cohort_.config);
  for (Language l : cohort_languages_) {
    cohort_home(l, false, groups, progress);
    for (const CohortGroup& g : groups) group_page(l, g);
  }
  Language home = std::find(cohort_languages_.begin(), cohort_languages_.end(), cohort_.config.language) !=
                          cohort_languages_.end()
                      ? cohort_.config.language
                      : cohort_languages_.front();
  cohort_home(home, true, groups, progress);
  // The table as a spreadsheet: the columns of `report --format csv`,
  // social GPA included, so staff only.
  if (!options_.is_public()) out_.push_back(OutputFile{"students.csv", report_csv(cohort_, analysis_), {}});
}

void SiteBuilder::cohort_home(Language lang, bool at_root, const std::vector<CohortGroup>& groups,
                              const CohortProgress& progress) {
  PageContext pc = context(lang, "index.html", at_root);
  const UiText& ui = UiText::get(lang);
  const CohortConfig& c = cohort_.config;
  View v = page_view(pc, c.school.empty() ? ui.s("cohort_title") : c.school, cohort_languages_);
  put(v, "body_class", "page-cohort");
  put(v, "heading", ui.s("cohort_title"));
  put(v, "home", true);
  put(v, "programme", c.programme);
  put(v, "cohort_label", c.cohort);
  std::string window;
  if (c.start.valid() && c.end.valid()) window = date_range(c.start, c.end, ui);
  put(v, "has_window", !window.empty());
  put(v, "window", std::move(window));

  if (options_.is_public()) {
    ViewList cards;
    for (const StudentSite& s : students_) {
      View link;
      put(link, "name", s.portfolio->display_name());
      put(link, "href", pc.page(s.dir + "/index.html"));
      put(link, "class_name", s.portfolio->profile.class_name);
      cards.push_back(std::move(link));
    }
    put(v, "has_students", !cards.empty());
    put(v, "students", std::move(cards));
    emit(nullptr, pc, "cohort", v);
    return;
  }

  std::vector<const StudentSite*> everyone;
  for (const StudentSite& s : students_) everyone.push_back(&s);
  cohort_table_view(v, pc, everyone);

  ViewList adviser_links, class_links;
  for (const CohortGroup& g : groups) {
    View link = link_view(group_label(g, ui), pc.page(g.rest));
    put(link, "count", std::to_string(g.students.size()));
    (g.kind == "adviser" ? adviser_links : class_links).push_back(std::move(link));
  }
  put(v, "has_groups", !groups.empty());
  put(v, "has_adviser_pages", !adviser_links.empty());
  put(v, "adviser_pages", std::move(adviser_links));
  put(v, "has_class_pages", !class_links.empty());
  put(v, "class_pages", std::move(class_links));
  put(v, "csv_href", pc.href("students.csv"));

  ViewList upcoming;
  for (const Deadline& d : c.calendar) {
    if (d.date < analysis_.as_of || upcoming.size() >= 6) continue;
    View u;
    put(u, "date", d.from.valid() ? date_range(d.from, d.date, ui) : ui.date(d.date));
    put(u, "name", d.name.empty() ? ui_label(ui, "deadline_kind_", d.kind) : d.name.get(pc.lang, c.language));
    put(u, "kind", d.kind);
    upcoming.push_back(u);
  }
  put(v, "has_upcoming", !upcoming.empty());
  put(v, "upcoming", std::move(upcoming));


  std::string chart = progress_chart("progress-chart", progress, ui);
  put(v, "has_progress", !chart.empty());
  put(v, "progress_chart_html", std::move(chart));
  put(v, "progress_table_html", progress_table(progress, ui));

  put(v, "config_findings", findings_view(cohort_.config_findings, nullptr, pc));
  emit(nullptr, pc, "cohort", v);
}

void SiteBuilder::group_page(Language lang, const CohortGroup& g) {
  PageContext pc = context(lang, g.rest);
  const UiText& ui = UiText::get(lang);
  std::string title =
      ui.format(g.kind == "adviser" ? "group_adviser_title" : "group_class_title", {{"name", group_label(g, ui)}});
  View v = page_view(pc, title, cohort_languages_);
  put(v, "body_class", "page-cohort page-group");
  put(v, "heading", title);
  put(v, "home", false);
  put(v, "programme", cohort_.config.programme);
  put(v, "cohort_label", cohort_.config.cohort);
  put(v, "has_window", false);
  ViewList crumbs;
  crumbs.push_back(link_view(ui.s("cohort_title"), home_href(pc)));
  put(v, "crumbs", std::move(crumbs));
  cohort_table_view(v, pc, g.students);
  emit(nullptr, pc, "cohort", v);
}

void SiteBuilder::cohort_table_view(View& v, const PageContext& pc, const std::vector<const StudentSite*>& students) const {
  const UiText& ui = UiText::get(pc.lang);
  const Framework& fw = cohort_.config.framework;
  ViewList outcome_heads;
  for (const Outcome& o : fw.outcomes) {
    View h;
    put(h, "id", o.id);
    put(h, "name", o.name.get(pc.lang));
    outcome_heads.push_back(h);
  }
  put(v, "outcomes", std::move(outcome_heads));

  std::map<Status, int> per_status;
  std::array<int, 3> strand_total{};
  std::vector<int> with_outcome(fw.outcomes.size(), 0);
  double confirmed_total = 0;
  std::set<std::string> advisers, classes;
  ViewList rows, matrix;
  for (const StudentSite* s : students) {
    const Portfolio& p = *s->portfolio;
    const StudentIndicators& ind = *s->indicators;
    std::string href = pc.page(s->dir + "/index.html");
    std::string status(name(ind.status));
    per_status[ind.status]++;
    for (size_t i = 0; i < 3; ++i) strand_total[i] += ind.experiences_per_strand[i];
    confirmed_total += total(ind.confirmed_hours);
    advisers.insert(p.profile.advisor);
    classes.insert(p.profile.class_name);

    View link;
    put(link, "id", p.id);
    put(link, "name", p.display_name());
    put(link, "href", href);

    View row = link;
    put(row, "class_name", p.profile.class_name);
    put(row, "class_key", p.profile.class_name.empty() ? "-" : p.profile.class_name);
    put(row, "advisor", p.profile.advisor);
    put(row, "advisor_key", p.profile.advisor.empty() ? "-" : p.profile.advisor);
    put(row, "search_text", p.display_name() + " " + p.id);
    put(row, "status", status);
    put(row, "status_rank", std::to_string(status_rank(ind.status)));
    put(row, "status_label", ui_label(ui, "status_", status));
    if (auto reasons = status_reasons_view(*s, cohort_.config.requirements, ui)) put(row, "status_reasons", std::move(*reasons));
    if (p.staff.plan_approval) put(row, "plan_approval", approval_view(*p.staff.plan_approval, ui));
    // A coordinator's override shows beside the computed status, never instead of it.
    if (ind.status_override) put(row, "status_override", status_override_view(*ind.status_override, ui));
    ViewList cells, mcells;
    int evidenced = 0;
    std::string missing = " ";
    for (size_t i = 0; i < fw.outcomes.size(); ++i) {
      const Outcome& o = fw.outcomes[i];
      auto it = ind.outcomes.find(o.id);
      int count = it == ind.outcomes.end() ? 0 : it->second.count;
      evidenced += count > 0;
      with_outcome[i] += count > 0;
      if (count == 0) missing += o.id + " ";
      View cell;
      put(cell, "id", o.id);
      put(cell, "on", count > 0);
      put(cell, "count", std::to_string(count));
      // The outcome's name is in the column's header and the legend: a
      // cell repeats it 14 times per student, a third of the page at 1,000.
      put(cell, "label", ui.s("outcome_short") + o.id + ": " + std::to_string(count));
      cells.push_back(std::move(cell));
    }
    put(row, "cells", cells);
    put(row, "missing", missing);
    put(row, "evidenced", std::to_string(evidenced));
    put(row, "outcome_total", std::to_string(fw.outcomes.size()));
    put(row, "strand_bar_html", strand_bar(ind.experiences_per_strand, ui));
    put(row, "strand_total", std::to_string(ind.experiences_per_strand[0] + ind.experiences_per_strand[1] +
                                            ind.experiences_per_strand[2]));
    put(row, "strand_counts", std::to_string(ind.experiences_per_strand[0]) + "/" +
                                 std::to_string(ind.experiences_per_strand[1]) + "/" +
                                 std::to_string(ind.experiences_per_strand[2]));
    put(row, "met", std::to_string(ind.deadlines_met));
    put(row, "missed", std::to_string(ind.deadlines_missed));
    put(row, "deadline_rank", std::to_string(ind.deadlines_missed * 1000 + 999 - std::min(ind.deadlines_met, 999)));
    put(row, "has_missed", ind.deadlines_missed > 0);
    put(row, "reflections", std::to_string(ind.reflections));
    put(row, "hours", ui.number(total(ind.confirmed_hours)));
    put(row, "hours_value", format_number(total(ind.confirmed_hours)));
    // No entry at all sorts as the longest silence.
    int days = ind.days_since_last_entry();
    put(row, "days", days < 0 ? std::string("—") : std::to_string(days));
    put(row, "days_value", std::to_string(days < 0 ? 99999 : days));
    put(row, "days_late", days < 0 || (cohort_.config.requirements.max_gap_days > 0 &&
                                       days > cohort_.config.requirements.max_gap_days));
    put(row, "last_entry_title", ind.last_entry.valid() ? ui.format("days_last_entry", {{"date", ui.date(ind.last_entry)}})
                                                        : ui.s("days_none"));
    size_t errors = 0, warnings = 0;
    for (const Finding& f : *s->findings) {
      errors += f.severity == Severity::error;
      warnings += f.severity == Severity::warning;
    }
    put(row, "errors", std::to_string(errors));
    put(row, "warnings", std::to_string(warnings));
    put(row, "findings_rank", std::to_string(errors * 10000 + std::min<size_t>(warnings, 9999)));
    put(row, "has_errors", errors > 0);
    put(row, "has_warnings", warnings > 0);
    rows.push_back(std::move(row));

    View mrow = link;
    put(mrow, "cells", std::move(cells));
    put(mrow, "evidenced", std::to_string(evidenced));
    put(mrow, "outcome_total", std::to_string(fw.outcomes.size()));
    matrix.push_back(std::move(mrow));
  }
  bool has_students = !rows.empty();
  put(v, "students", std::move(rows));
  put(v, "matrix", std::move(matrix));
  put(v, "has_students", has_students);
  put(v, "student_count", std::to_string(students.size()));

  // Per outcome: how many of these students have evidence for it.
  ViewList outcome_totals;
  int pairs = 0;
  for (size_t i = 0; i < fw.outcomes.size(); ++i) {
    View t;
    put(t, "id", fw.outcomes[i].id);
    put(t, "name", fw.outcomes[i].name.get(pc.lang));
    put(t, "count", std::to_string(with_outcome[i]));
    put(t, "of", std::to_string(students.size()));
    put(t, "bar_html", share_bar(with_outcome[i], int(students.size()),
                                 ui.s("outcome_short") + fw.outcomes[i].id + ": " + std::to_string(with_outcome[i]) +
                                     " / " + std::to_string(students.size())));
    pairs += with_outcome[i];
    outcome_totals.push_back(std::move(t));
  }
  put(v, "outcome_totals", std::move(outcome_totals));
  put(v, "evidenced_pairs", std::to_string(pairs));
  put(v, "all_pairs", std::to_string(students.size() * fw.outcomes.size()));
  put(v, "coverage_note", ui.format("coverage_note", {{"n", std::to_string(students.size())}}));

  ViewList status_cards;
  for (Status st : kStatusCards) {
    View card;
    put(card, "status", std::string(name(st)));
    put(card, "label", ui_label(ui, "status_", name(st)));
    put(card, "count", std::to_string(per_status[st]));
    status_cards.push_back(card);
  }
  put(v, "status_cards", std::move(status_cards));

  auto options = [&](const std::set<std::string>& values, const std::string& none) {
    ViewList list;
    for (const std::string& value : values) {
      View o;
      put(o, "value", value.empty() ? "-" : value);
      put(o, "name", value.empty() ? none : value);
      list.push_back(std::move(o));
    }
    return list;
  };
  put(v, "has_adviser_filter", advisers.size() > 1);
  put(v, "adviser_options", options(advisers, ui.s("no_advisor")));
  put(v, "has_class_filter", classes.size() > 1);
  put(v, "class_options", options(classes, ui.s("no_class")));

  ViewList strands;
  const char* strand_keys[] = {"creativity", "activity", "service"};
  for (size_t i = 0; i < 3; ++i) {
    View st;
    put(st, "key", std::string(strand_keys[i]));
    put(st, "label", ui.s(std::string("strand_") + strand_keys[i]));
    put(st, "count", std::to_string(strand_total[i]));
    strands.push_back(st);
  }
  put(v, "strand_totals", std::move(strands));
  put(v, "confirmed_hours", ui.number(confirmed_total));

  // Overdue, one line per student (counts by kind) that opens to the items.
  std::map<std::string, std::vector<const OverdueItem*>> items_of;
  for (const OverdueItem& item : analysis_.cohort.overdue) items_of[item.student].push_back(&item);
  ViewList overdue;
  for (const StudentSite* s : students) {
    auto found = items_of.find(s->portfolio->id);
    if (found == items_of.end()) continue;
    std::vector<std::pair<std::string, int>> kinds;
    ViewList items;
    for (const OverdueItem* item : found->second) {
      auto k = std::find_if(kinds.begin(), kinds.end(), [&](const auto& e) { return e.first == item->what; });
      if (k == kinds.end()) kinds.emplace_back(item->what, 1);
      else ++k->second;
      View o;
      put(o, "what", ui_label(ui, "overdue_", item->what));
      put(o, "date", ui.date_short(item->date));
      // The detail is an experience id or a deadline's name or kind: show
      // the experience's title, and a kind in the page's language.
      std::string detail = item->detail, detail_href;
      if (const Experience* e = s->portfolio->find_experience(item->detail)) {
        detail = e->title;
        detail_href = pc.page(experience_rest(*s, *e));
      } else if (!item->name.empty()) {
        detail = item->name.get(pc.lang, cohort_.config.language);
      } else if (item->detail == "reflection" || item->detail == "interview" || item->detail == "event") {
        detail = ui_label(ui, "deadline_kind_", item->detail);
      }
      put(o, "detail", detail);
      put(o, "detail_href", detail_href);
      items.push_back(std::move(o));
    }
    std::string counts;
    for (const auto& [what, n] : kinds) counts += (counts.empty() ? "" : " · ") + overdue_count(ui, what, n);
    View group;
    put(group, "id", s->portfolio->id);
    put(group, "student", s->portfolio->display_name());
    put(group, "href", pc.page(s->dir + "/index.html"));
    put(group, "count", std::to_string(found->second.size()));
    put(group, "counts", counts);
    put(group, "items", std::move(items));
    overdue.push_back(std::move(group));
  }
  put(v, "overdue_students", ui.format("overdue_students", {{"n", std::to_string(overdue.size())}}));
  put(v, "has_overdue", !overdue.empty());
  put(v, "overdue", std::move(overdue));
}

}  // namespace casfolio
