// The social GPA's pages (docs/social-gpa.md, "Pages"): the student's record
// on their social-gpa.html, and the cohort's social-gpa/ (the
// administration's aggregate per period and a protocol per class and
// period). Staff only; never in a public build or a student's own site.
// The typed views (render/social_gpa_views.h) decide what is shown; this
// file only turns them into template data.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <set>

#include "render/site_builder.h"
#include "render/social_gpa_views.h"

namespace casfolio {

namespace {

ViewList pairs(const std::vector<LabelValue>& items) {
  ViewList out;
  for (const LabelValue& x : items) {
    View v;
    put(v, "label", x.label);
    put(v, "value", x.value);
    out.push_back(v);
  }
  return out;
}

void put_pairs(View& v, const std::string& key, const std::vector<LabelValue>& items) {
  put(v, "has_" + key, !items.empty());
  put(v, key, pairs(items));
}

View period_data(const GpaPeriodView& p) {
  View v;
  put(v, "id", p.id);
  put(v, "name", p.name);
  put(v, "points", p.points);
  put(v, "computed_points", p.computed_points);
  put(v, "scaled", p.scaled);
  put(v, "level", p.level);
  put(v, "confirmed", p.confirmed);
  put(v, "adjusted", p.adjusted);
  put(v, "adjustment", p.adjustment);
  put(v, "reason", p.reason);
  put(v, "state", p.state);
  put(v, "rules", p.rules);
  put_pairs(v, "components", p.components);
  put(v, "strengths", p.strengths);
  put(v, "growth", p.growth);
  put(v, "has_profile", !p.strengths.empty() || !p.growth.empty());
  put_pairs(v, "observations", p.observations);
  put(v, "observers", p.observers);
  put_pairs(v, "self", p.self);
  put(v, "self_comment", p.self_comment);
  put_pairs(v, "parents", p.parents);
  put_pairs(v, "checklist", p.checklist);
  put_pairs(v, "domains", p.domains);
  return v;
}

// A file name for a class: its name in Latin letters (ICU's transliteration),
// lower case, other characters folded to '-'.
std::string class_slug(const std::string& class_name) {
  static std::once_flag once;
  static std::unique_ptr<icu::Transliterator> to_ascii;
  static std::mutex use;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    to_ascii.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) to_ascii.reset();
  });
  std::string ascii;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(class_name);
  if (to_ascii) {
    std::lock_guard<std::mutex> lock(use);  // a Transliterator is not safe to share between threads
    to_ascii->transliterate(u);
  }
  u.toUTF8String(ascii);
  std::string slug;
  for (char ch : ascii) {
    bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (keep) slug += ch;
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "class" : slug;
}

}  // namespace

View student_gpa_data(const StudentGpaView& g) {
  View v;
  put(v, "show_scaled", g.shown.scaled);
  put(v, "show_level", g.shown.level);
  ViewList periods, years;
  for (const GpaPeriodView& p : g.periods) periods.push_back(period_data(p));
  for (const GpaYearView& y : g.years) {
    View x;
    put(x, "school_year", y.school_year);
    put(x, "points", y.points);
    put(x, "scaled", y.scaled);
    put(x, "level", y.level);
    put(x, "confirmed", y.confirmed);
    years.push_back(x);
  }
  put(v, "has_periods", !periods.empty());
  put(v, "periods", std::move(periods));
  put(v, "has_years", !years.empty());
  put(v, "years", std::move(years));
  put(v, "chart_html", g.chart_svg);
  put(v, "has_chart", !g.chart_svg.empty());
  return v;
}

void SiteBuilder::social_gpa_pages(StudentSite& s, Language lang) {
  SocialGpaRecord record = compute_social_gpa_record(*s.portfolio, cohort_.config, analysis_.as_of);
  social_gpa_page(s, context(lang, s.dir + "/social-gpa.html"), record);
  if (!record.periods.empty()) social_gpa_parents_page(s, context(lang, s.dir + "/social-gpa-parents.html"), record);
}

void SiteBuilder::social_gpa_page(StudentSite& s, const PageContext& pc, const SocialGpaRecord& record) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = *s.portfolio;
  const SocialGpaScheme& scheme = *cohort_.config.social_gpa;
  View v = student_frame(s, pc, ui.s("gpa_title"), "nav_social_gpa");
  put(v, "body_class", "page-gpa");
  put(v, "heading", ui.s("gpa_title"));
  put(v, "model", ui_label(ui, "gpa_model_",
                          scheme.model == GpaModel::cumulative ? "cumulative"
                          : scheme.model == GpaModel::levels   ? "levels"
                                                               : "mixed"));
  const VolunteerHoursRule& vh = scheme.volunteer_hours;
  put(v, "volunteer_rule", ui.format("gpa_volunteer_rule", {{"per", ui.number(vh.per)},
                                                          {"points", ui.number(vh.points)},
                                                          {"max", ui.number(vh.max)}}));
  put(v, "rounding", ui_label(ui, "gpa_rounding_",
                             vh.rounding == Rounding::floor ? "floor" : vh.rounding == Rounding::nearest ? "nearest" : "none"));
  ViewList points;
  for (const auto& [kind, value] : scheme.points) {
    View x;
    put(x, "kind", ui_label(ui, "gpa_kind_", kind));
    put(x, "points", ui.number(value));
    points.push_back(x);
  }
  put(v, "points", points);
  put(v, "require_evidence",
      scheme.require_evidence
          ? ui.s("gpa_evidence_required") + " " + ui.s(scheme.links_count_as_evidence ? "gpa_links_count" : "gpa_links_do_not_count")
          : ui.s("gpa_evidence_optional"));
  put(v, "scale_rule", ui.format("gpa_scale_rule", {{"max", ui.number(scheme.scale_max, 2)},
                                                  {"full", ui.number(scheme.full_points)}}));
  put(v, "levels_rule", ui.format("gpa_levels_rule", {{"high", ui.number(scheme.level_high)},
                                                    {"satisfactory", ui.number(scheme.level_satisfactory)}}));
  if (const auto& g = s.indicators->social_gpa) {
    View r;
    put(r, "points", ui.number(g->points));
    put(r, "scaled", ui.number(g->scaled, 2));
    put(r, "scale_max", ui.number(scheme.scale_max, 2));
    put(r, "level", ui_label(ui, "gpa_level_", g->level));
    put(r, "show_scaled", g->shows_scaled());
    put(r, "show_level", g->shows_level() || scheme.levels_given);
    ViewList items;
    for (const GpaItem& it : g->items) {
      View x;
      put(x, "kind", ui_label(ui, "gpa_kind_", it.kind));
      put(x, "title", it.title);
      put(x, "total", it.kind == "volunteer_hours_total");
      const Experience* e = it.experience.empty() ? nullptr : p.find_experience(it.experience);
      put(x, "experience", e ? e->title : it.experience);
      put(x, "href", e ? pc.page(experience_rest(s, *e)) : "");
      put(x, "has_href", e != nullptr);
      put(x, "date", ui.date_short(it.date));
      put(x, "level", it.level.empty() ? "" : ui_label(ui, "level_", it.level));
      put(x, "quantity", ui.number(it.quantity));
      put(x, "points", ui.number(it.points));
      put(x, "counted", it.counted);
      items.push_back(x);
    }
    put(r, "has_items", !items.empty());
    put(r, "items", std::move(items));
    put(v, "result", r);
  }
  // With periods, the results are theirs; the items to date stay below as the detail.
  put(v, "by_periods", !record.periods.empty());
  put(v, "record", student_gpa_data(student_gpa_view(record, scheme, options_.audience, ui)));
  // The cohort's social GPA pages are in the cohort's languages only.
  bool cohort_page = has_cohort_home_ && options_.audience == Audience::staff &&
                     std::find(cohort_languages_.begin(), cohort_languages_.end(), pc.lang) != cohort_languages_.end();
  put(v, "cohort_gpa_href", cohort_page ? pc.page("social-gpa/index.html") : "");
  put(v, "parents_href", record.periods.empty() ? "" : pc.page(s.dir + "/social-gpa-parents.html"));
  emit(&s, pc, "social_gpa", v);
}


// The student's report printed for a meeting with parents: what the student
// may see of their record (never the observation sheets or the parents'
// answers, which are staff records, whoever prints it), with the class
// teacher's profile and lines to sign.
void SiteBuilder::social_gpa_parents_page(StudentSite& s, const PageContext& pc, const SocialGpaRecord& record) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = *s.portfolio;
  std::string name = p.display_name();
  View v = student_frame(s, pc, ui.format("gpa_parents_title", {{"name", name}}), "");
  put(v, "body_class", "page-gpa-parents");
  put(v, "heading", ui.format("gpa_parents_title", {{"name", name}}));
  put(v, "school", cohort_.config.school);
  put(v, "class_name", p.profile.class_name);
  put(v, "as_of", ui.format("gpa_parents_as_of", {{"date", ui.date(analysis_.as_of)}}));
  put(v, "back_href", pc.page(s.dir + "/social-gpa.html"));
  put(v, "record", student_gpa_data(student_gpa_view(record, *cohort_.config.social_gpa, Audience::student, ui)));
  emit(&s, pc, "social_gpa_parents", v);
}

void SiteBuilder::class_overview_page(const std::vector<GpaStudent>& students, const std::string& class_name,
                                      const std::string& rest, const GpaPeriod& period, Language lang) {
  const UiText& ui = UiText::get(lang);
  const SocialGpaScheme& scheme = *cohort_.config.social_gpa;
  ClassOverviewView o = class_overview_view(students, class_name, period, scheme, ui);
  std::string shown_class = class_name.empty() ? ui.s("gpa_no_class") : class_name;
  if (class_name.empty()) o.title = ui.format("gpa_class_title", {{"class", shown_class}, {"period", o.period_name}});
  PageContext pc = context(lang, rest);
  View v = page_view(pc, o.title, cohort_languages_);
  put(v, "body_class", "page-gpa-class");
  put(v, "heading", o.title);
  ViewList crumbs;
  crumbs.push_back(link_view(ui.s("cohort_title"), home_href(pc)));
  crumbs.push_back(link_view(ui.s("gpa_cohort_title"), pc.page("social-gpa/index.html")));
  put(v, "crumbs", std::move(crumbs));
  put(v, "class_name", shown_class);
  put(v, "period_name", o.period_name);
  put(v, "show_scaled", o.shown.scaled);
  put(v, "show_level", o.shown.level);
  put(v, "totals", o.totals);
  ViewList heads;
  for (size_t i = 0; i < o.components.size(); ++i) {
    View h;
    put(h, "number", std::to_string(i + 1));
    put(h, "name", o.components[i]);
    heads.push_back(h);
  }
  put(v, "components", std::move(heads));
  ViewList rows;
  for (const ClassOverviewRow& r : o.rows) {
    View x;
    put(x, "name", r.name);
    put(x, "href", pc.page(r.dir + "/social-gpa.html") + "#period-" + o.period_id);
    put(x, "points", r.points);
    put(x, "scaled", r.scaled);
    put(x, "level", r.level);
    put(x, "state", r.state);
    put(x, "confirmed", r.confirmed);
    put(x, "adjustment", r.adjustment);
    put(x, "values", string_list(r.components));
    put(x, "hours", r.hours);
    put(x, "observers", r.observers);
    put(x, "self", r.self);
    rows.push_back(x);
  }
  put(v, "has_rows", !rows.empty());
  put(v, "rows", std::move(rows));
  emit(nullptr, pc, "social_gpa_class", v);
}

void SiteBuilder::social_gpa_cohort_pages() {
  const CohortConfig& c = cohort_.config;
  if (!c.social_gpa || options_.audience != Audience::staff) return;
  const SocialGpaScheme& scheme = *c.social_gpa;
  std::vector<SocialGpaRecord> records;
  records.reserve(students_.size());
  std::vector<GpaStudent> students;
  for (const StudentSite& s : students_) {
    const Portfolio& p = *s.portfolio;
    records.push_back(compute_social_gpa_record(p, c, analysis_.as_of));
    students.push_back({p.id, p.display_name(), p.profile.class_name, &records.back(), s.dir});
  }
  std::set<std::string> class_set;
  for (const GpaStudent& s : students) class_set.insert(s.class_name);
  std::vector<std::pair<std::string, std::string>> classes;  // (name, file slug)
  std::set<std::string> slugs;
  for (const std::string& name : class_set) {
    std::string slug = name.empty() ? "none" : class_slug(name), base = slug;
    for (int n = 2; !slugs.insert(slug).second; ++n) slug = base + "-" + std::to_string(n);
    classes.emplace_back(name, slug);
  }
  std::vector<GpaPeriod> periods = gpa_periods(scheme, c, analysis_.as_of);
  // The protocol is an official document: in Kazakh and Russian always, and in the site's languages.
  std::vector<Language> protocol_languages = cohort_languages_;
  for (Language l : {Language::kk, Language::ru})
    if (std::find(protocol_languages.begin(), protocol_languages.end(), l) == protocol_languages.end())
      protocol_languages.push_back(l);
  auto protocol_rest = [](const std::string& slug, const GpaPeriod& period) {
    return "social-gpa/protocol-" + slug + "-" + period.id + ".html";
  };
  auto class_rest = [](const std::string& slug, const GpaPeriod& period) {
    return "social-gpa/class-" + slug + "-" + period.id + ".html";
  };

  for (Language lang : cohort_languages_) {
    const UiText& ui = UiText::get(lang);
    PageContext pc = context(lang, "social-gpa/index.html");
    View v = page_view(pc, ui.s("gpa_cohort_title"), cohort_languages_);
    put(v, "body_class", "page-gpa-cohort");
    put(v, "heading", ui.s("gpa_cohort_title"));
    {
      ViewList crumbs;
      crumbs.push_back(link_view(ui.s("cohort_title"), home_href(pc)));
      put(v, "crumbs", std::move(crumbs));
    }
    ViewList blocks;
    for (const GpaPeriod& period : periods) {
      AggregateView a = aggregate_view(students, period, scheme, ui);
      View b;
      put(b, "period_name", a.period_name);
      put(b, "period_id", a.period_id);
      put(b, "students", a.students);
      put(b, "confirmed", a.confirmed);
      put(b, "levels", pairs(a.levels));
      put(b, "scale", string_list(a.scale));
      ViewList rows;
      for (const AggregateView::ComponentRow& r : a.components) {
        View x;
        put(x, "name", r.name);
        put(x, "counts", string_list(r.counts));
        put(x, "not_assessed", r.not_assessed);
        rows.push_back(x);
      }
      put(b, "components", std::move(rows));
      ViewList protocols, overviews;
      for (const auto& [name, slug] : classes) {
        std::string label = name.empty() ? ui.s("gpa_no_class") : name;
        protocols.push_back(link_view(label, pc.page(protocol_rest(slug, period))));
        overviews.push_back(link_view(label, pc.page(class_rest(slug, period))));
      }
      put(b, "protocols", std::move(protocols));
      put(b, "class_overviews", std::move(overviews));
      blocks.push_back(b);
    }
    put(v, "has_periods", !blocks.empty());
    put(v, "periods", std::move(blocks));
    emit(nullptr, pc, "social_gpa_cohort", v);
    for (const GpaPeriod& period : periods)
      for (const auto& [name, slug] : classes) class_overview_page(students, name, class_rest(slug, period), period, lang);
  }

  for (Language lang : protocol_languages) {
    const UiText& ui = UiText::get(lang);
    for (const GpaPeriod& period : periods)
      for (const auto& [name, slug] : classes) {
        ProtocolView p = protocol_view(students, name, period, c, ui);
        if (name.empty()) p.title = ui.format("gpa_protocol_title", {{"class", ui.s("gpa_no_class")}, {"period", p.period_name}});
        PageContext pc = context(lang, protocol_rest(slug, period));
        View v = page_view(pc, p.title, protocol_languages);
        put(v, "body_class", "page-protocol");
        put(v, "heading", p.title);
        if (std::find(cohort_languages_.begin(), cohort_languages_.end(), lang) != cohort_languages_.end()) {
          ViewList crumbs;
          crumbs.push_back(link_view(ui.s("cohort_title"), home_href(pc)));
          crumbs.push_back(link_view(ui.s("gpa_cohort_title"), pc.page("social-gpa/index.html")));
          put(v, "crumbs", std::move(crumbs));
        }
        put(v, "school", p.school);
        put(v, "class_name", name.empty() ? ui.s("gpa_no_class") : name);
        put(v, "period_name", p.period_name);
        put(v, "commission_date", p.commission_date);
        put(v, "has_commission", !p.commission_date.empty());
        put(v, "members", pairs(p.members));
        put(v, "rules", p.rules);
        put(v, "totals", p.totals);
        put(v, "draft", p.draft);
        put(v, "show_scaled", p.shown.scaled);
        put(v, "show_level", p.shown.level);
        ViewList rows;
        for (const ProtocolRow& r : p.rows) {
          View x;
          put(x, "number", r.number);
          put(x, "name", r.name);
          put(x, "points", r.points);
          put(x, "scaled", r.scaled);
          put(x, "level", r.level);
          put(x, "confirmed", r.confirmed);
          put(x, "adjusted", r.adjusted);
          put(x, "adjustment", r.adjustment);
          put(x, "reason", r.reason);
          rows.push_back(x);
        }
        put(v, "rows", std::move(rows));
        emit(nullptr, pc, "protocol", v);
      }
  }
}

}  // namespace casfolio
