#include "render/social_gpa_views.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "render/charts.h"

namespace casfolio {

namespace {

std::string yes_no(const UiText& ui, bool yes) { return ui.s(yes ? "gpa_yes" : "gpa_no"); }

std::string level_word(const UiText& ui, const std::string& level) { return ui.s("gpa_level_" + level); }

std::string component_value(const SocialGpaScheme& scheme, int value, const UiText& ui) {
  if (scheme.component_scale == ComponentScale::rubric)
    return ui.s("gpa_rubric_" + std::string(kRubricLevels[size_t(std::clamp(value, 0, 2))]));
  return ui.format("gpa_five_point", {{"value", std::to_string(value)}});
}

std::string statement_text(const std::vector<FormStatement>& form, const std::string& id, Language lang) {
  for (const FormStatement& s : form)
    if (s.id == id) return s.text.get(lang);
  return id;
}

std::vector<LabelValue> answers_view(const std::vector<FormAnswer>& answers, const std::vector<FormStatement>& form,
                                     const std::string& prefix, const UiText& ui) {
  std::vector<LabelValue> out;
  for (const FormAnswer& a : answers)
    out.push_back({statement_text(form, a.statement, ui.language()), ui.s(prefix + a.answer)});
  return out;
}

std::string signed_number(double x, const UiText& ui) { return (x > 0 ? "+" : "") + ui.number(x); }

std::string rules_line(const SocialGpaScheme& scheme, const std::string& version, const UiText& ui) {
  if (scheme.approved)
    return ui.format("gpa_rules_approved", {{"version", version.empty() ? "—" : version},
                                            {"act", scheme.approved->act},
                                            {"date", ui.date(scheme.approved->date)}});
  return ui.s("gpa_rules_not_approved");
}

std::string state_line(const GpaPeriodResult& r, const UiText& ui) {
  if (r.confirmed && r.commission) return ui.format("gpa_confirmed_on", {{"date", ui.date(r.commission->date)}});
  return ui.s(r.open ? "gpa_state_open" : "gpa_state_draft");
}

// The student's own points period by period: bars over the scheme's full
// points, each labelled; never another student's.
std::string dynamics_chart(const std::vector<GpaPeriodView>& periods, const std::vector<double>& points,
                           double full_points, const UiText& ui) {
  if (periods.size() < 2) return "";
  const int bar = 36, gap = 16, height = 120, top = 16, bottom = 40;
  double max = std::max(full_points, *std::max_element(points.begin(), points.end()));
  if (max <= 0) max = 1;
  int width = int(periods.size()) * (bar + gap) + gap;
  std::string svg = "<svg class=\"chart gpa-dynamics\" role=\"img\" viewBox=\"0 0 " + std::to_string(width) + " " +
                    std::to_string(top + height + bottom) + "\" aria-label=\"" + escape_html(ui.s("gpa_dynamics")) +
                    "\"><title>" + escape_html(ui.s("gpa_dynamics")) + "</title>";
  svg += "<line class=\"axis\" x1=\"0\" x2=\"" + std::to_string(width) + "\" y1=\"" + std::to_string(top + height) +
         "\" y2=\"" + std::to_string(top + height) + "\"/>";
  for (size_t i = 0; i < periods.size(); ++i) {
    int h = int(points[i] / max * height + 0.5);
    int x = gap + int(i) * (bar + gap);
    svg += "<rect class=\"bar" + std::string(periods[i].confirmed ? "" : " draft") + "\" x=\"" + std::to_string(x) +
           "\" y=\"" + std::to_string(top + height - h) + "\" width=\"" + std::to_string(bar) + "\" height=\"" +
           std::to_string(h) + "\"/>";
    svg += "<text class=\"value\" x=\"" + std::to_string(x + bar / 2) + "\" y=\"" +
           std::to_string(top + height - h - 4) + "\" text-anchor=\"middle\">" + escape_html(periods[i].points) +
           "</text>";
    svg += "<text class=\"label\" x=\"" + std::to_string(x + bar / 2) + "\" y=\"" +
           std::to_string(top + height + 16) + "\" text-anchor=\"middle\">" + escape_html(periods[i].id) + "</text>";
  }
  return svg + "</svg>";
}

const char* locale_of(Language lang) { return lang == Language::kk ? "kk" : lang == Language::ru ? "ru" : "en"; }

// One collator per language, made once (ICU collators are safe to use from
// several threads once made, for compare()).
const icu::Collator* collator(Language lang) {
  static std::once_flag once;
  static std::unique_ptr<icu::Collator> collators[3];
  std::call_once(once, [] {
    for (Language l : {Language::kk, Language::ru, Language::en}) {
      UErrorCode status = U_ZERO_ERROR;
      collators[size_t(l)].reset(icu::Collator::createInstance(icu::Locale(locale_of(l)), status));
      if (U_FAILURE(status)) collators[size_t(l)].reset();
    }
  });
  return collators[size_t(lang)].get();
}

const GpaPeriodResult* result_in(const SocialGpaRecord& record, const GpaPeriod& period) {
  for (const GpaPeriodResult& r : record.periods)
    if (r.period.id == period.id) return &r;
  return nullptr;
}

// The students of `class_name` that have a record, in the alphabetical order of `lang`.
std::vector<const GpaStudent*> class_members(const std::vector<GpaStudent>& students, const std::string& class_name,
                                             Language lang) {
  std::vector<const GpaStudent*> members;
  for (const GpaStudent& s : students)
    if (s.class_name == class_name && s.record) members.push_back(&s);
  std::stable_sort(members.begin(), members.end(),
                   [lang](const GpaStudent* a, const GpaStudent* b) { return name_less(a->name, b->name, lang); });
  return members;
}

std::string totals_line(int students, int confirmed, int adjusted, const UiText& ui) {
  return ui.format("gpa_protocol_totals", {{"students", std::to_string(students)},
                                           {"confirmed", std::to_string(confirmed)},
                                           {"adjusted", std::to_string(adjusted)},
                                           {"draft", std::to_string(students - confirmed - adjusted)}});
}

std::vector<LabelValue> checklist_view(const VolunteerChecklist& c, const UiText& ui) {
  return {
      {ui.format("gpa_check_hours", {{"hours", ui.number(kChecklistHours)}}),
       yes_no(ui, c.enough_hours) + " (" + ui.number(c.hours) + ")"},
      {ui.s("gpa_check_documents"), yes_no(ui, c.documented)},
      {ui.s("gpa_check_voluntary"), yes_no(ui, c.voluntary)},
      {ui.s("gpa_check_portfolio"), yes_no(ui, c.in_portfolio)},
  };
}

}  // namespace

GpaShown gpa_shown(const SocialGpaScheme& scheme) {
  return {scheme.model != GpaModel::levels, scheme.model != GpaModel::cumulative || scheme.levels_given};
}

bool name_less(const std::string& a, const std::string& b, Language lang) {
  if (const icu::Collator* c = collator(lang)) {
    UErrorCode status = U_ZERO_ERROR;
    UCollationResult r = c->compareUTF8(icu::StringPiece(a.data(), int32_t(a.size())),
                                    icu::StringPiece(b.data(), int32_t(b.size())), status);
    if (U_SUCCESS(status) && r != UCOL_EQUAL) return r == UCOL_LESS;
  }
  return a < b;  // equal by the language's rules (or no collator): by code points, so the order is total
}

void sort_by_name(std::vector<std::string>& names, Language lang) {
  std::stable_sort(names.begin(), names.end(), [lang](const std::string& a, const std::string& b) {
    return name_less(a, b, lang);
  });
}

StudentGpaView student_gpa_view(const SocialGpaRecord& record, const SocialGpaScheme& scheme, Audience audience,
                                const UiText& ui) {
  StudentGpaView v;
  v.shown = gpa_shown(scheme);
  const Language lang = ui.language();
  std::vector<double> points;
  for (const GpaPeriodResult& r : record.periods) {
    GpaPeriodView p;
    p.id = r.period.id;
    p.name = r.period.name.get(lang);
    p.points = ui.number(r.points);
    p.computed_points = ui.number(r.computed.points);
    p.scaled = ui.number(r.scaled, 2);
    p.level = level_word(ui, r.level);
    p.confirmed = r.confirmed;
    p.open = r.open;
    p.adjusted = r.adjustment != 0;
    p.adjustment = p.adjusted ? signed_number(r.adjustment, ui) : "";
    p.reason = r.adjustment_reason;
    p.state = state_line(r, ui);
    p.rules = rules_line(scheme, r.rules_version, ui);
    if (r.assessment) {
      for (const GpaComponent& c : scheme.components)
        for (const auto& [id, value] : r.assessment->components)
          if (id == c.id) p.components.push_back({c.name.get(lang), component_value(scheme, value, ui)});
      p.strengths = r.assessment->strengths;
      p.growth = r.assessment->growth;
    }
    std::map<std::string, double> by_domain;
    for (const GpaItem& item : r.computed.items) {
      std::string kind = item.kind == "volunteer_hours_total" ? "volunteer_hours" : item.kind;
      if (item.kind == "volunteer_hours") continue;  // its total carries the points
      if (std::string d = scheme.domain_of(kind); !d.empty()) by_domain[d] += item.points;
    }
    for (const GpaDomain& d : scheme.domains)
      if (auto it = by_domain.find(d.id); it != by_domain.end())
        p.domains.push_back({d.name.get(lang), ui.number(it->second)});
    if (r.self) {
      p.self = answers_view(r.self->answers, self_assessment_statements(), "gpa_self_", ui);
      p.self_comment = r.self->comment;
    }
    if (audience == Audience::staff) {
      for (const CombinedObservation& o : r.observations)
        p.observations.push_back(
            {statement_text(observation_statements(), o.statement, lang), ui.s("gpa_observed_" + o.answer)});
      if (r.observers > 0) p.observers = ui.format("gpa_observers", {{"count", std::to_string(r.observers)}});
      if (r.parents) p.parents = answers_view(r.parents->answers, parent_questions(), "gpa_parent_", ui);
    }
    p.checklist = checklist_view(r.checklist, ui);
    points.push_back(r.points);
    v.periods.push_back(std::move(p));
  }
  for (const GpaYearResult& y : record.years)
    v.years.push_back({y.school_year, ui.number(y.points), ui.number(y.scaled, 2), level_word(ui, y.level), y.confirmed});
  v.chart_svg = dynamics_chart(v.periods, points, scheme.full_points, ui);
  return v;
}

ProtocolView protocol_view(const std::vector<GpaStudent>& students, const std::string& class_name,
                           const GpaPeriod& period, const CohortConfig& config, const UiText& ui) {
  static const SocialGpaScheme defaults;
  const SocialGpaScheme& scheme = config.social_gpa ? *config.social_gpa : defaults;
  const Language lang = ui.language();
  ProtocolView v;
  v.shown = gpa_shown(scheme);
  v.school = config.school;
  v.class_name = class_name;
  v.period_id = period.id;
  v.period_name = period.name.get(lang);
  v.title = ui.format("gpa_protocol_title", {{"class", class_name}, {"period", v.period_name}});
  v.rules = rules_line(scheme, scheme.rules_version(), ui);
  int confirmed = 0, adjusted = 0;
  for (const GpaStudent* s : class_members(students, class_name, lang)) {
    const GpaPeriodResult* r = result_in(*s->record, period);
    if (!r) continue;
    ProtocolRow row;
    row.number = std::to_string(v.rows.size() + 1);
    row.name = s->name;
    row.points = ui.number(r->points);
    row.scaled = ui.number(r->scaled, 2);
    row.level = level_word(ui, r->level);
    row.confirmed = r->confirmed;
    row.adjusted = r->adjustment != 0;
    row.adjustment = row.adjusted ? signed_number(r->adjustment, ui) : "";
    row.reason = r->adjustment_reason;
    if (r->confirmed && r->commission && v.commission_date.empty()) {
      v.commission_date = ui.date(r->commission->date);
      for (const CommissionMember& m : r->commission->members) v.members.push_back({m.name, m.role});
    }
    confirmed += r->confirmed && !row.adjusted;
    adjusted += row.adjusted;
    v.rows.push_back(std::move(row));
  }
  v.draft = int(v.rows.size()) - confirmed - adjusted > 0;
  v.totals = totals_line(int(v.rows.size()), confirmed, adjusted, ui);
  return v;
}

ClassOverviewView class_overview_view(const std::vector<GpaStudent>& students, const std::string& class_name,
                                      const GpaPeriod& period, const SocialGpaScheme& scheme, const UiText& ui) {
  const Language lang = ui.language();
  ClassOverviewView v;
  v.shown = gpa_shown(scheme);
  v.class_name = class_name;
  v.period_id = period.id;
  v.period_name = period.name.get(lang);
  v.title = ui.format("gpa_class_title", {{"class", class_name}, {"period", v.period_name}});
  for (const GpaComponent& c : scheme.components) v.components.push_back(c.name.get(lang));
  int confirmed = 0, adjusted = 0;
  for (const GpaStudent* s : class_members(students, class_name, lang)) {
    const GpaPeriodResult* r = result_in(*s->record, period);
    if (!r) continue;
    ClassOverviewRow row;
    row.name = s->name;
    row.dir = s->dir;
    row.points = ui.number(r->points);
    row.scaled = ui.number(r->scaled, 2);
    row.level = level_word(ui, r->level);
    row.state = state_line(*r, ui);
    row.confirmed = r->confirmed;
    row.adjustment = r->adjustment != 0 ? signed_number(r->adjustment, ui) : "";
    for (const GpaComponent& c : scheme.components) {
      std::string value = "—";
      if (r->assessment)
        for (const auto& [id, x] : r->assessment->components)
          if (id == c.id) value = component_value(scheme, x, ui);
      row.components.push_back(std::move(value));
    }
    row.hours = yes_no(ui, r->checklist.enough_hours) + " (" + ui.number(r->checklist.hours) + ")";
    row.observers = std::to_string(r->observers);
    row.self = yes_no(ui, r->self.has_value());
    confirmed += r->confirmed && r->adjustment == 0;
    adjusted += r->adjustment != 0;
    v.rows.push_back(std::move(row));
  }
  v.totals = totals_line(int(v.rows.size()), confirmed, adjusted, ui);
  return v;
}

AggregateView aggregate_view(const std::vector<GpaStudent>& students, const GpaPeriod& period,
                             const SocialGpaScheme& scheme, const UiText& ui) {
  const Language lang = ui.language();
  AggregateView v;
  v.period_id = period.id;
  v.period_name = period.name.get(lang);
  const bool rubric = scheme.component_scale == ComponentScale::rubric;
  const int values = rubric ? 3 : 5;
  for (int i = 0; i < values; ++i) v.scale.push_back(component_value(scheme, rubric ? i : i + 1, ui));
  std::map<std::string, int> levels;
  std::vector<std::vector<int>> counts(scheme.components.size(), std::vector<int>(size_t(values), 0));
  std::vector<int> not_assessed(scheme.components.size(), 0);
  int n = 0, confirmed = 0;
  for (const GpaStudent& s : students) {
    if (!s.record) continue;
    for (const GpaPeriodResult& r : s.record->periods) {
      if (r.period.id != period.id) continue;
      ++n;
      confirmed += r.confirmed;
      ++levels[r.level];
      for (size_t c = 0; c < scheme.components.size(); ++c) {
        int value = -1;
        if (r.assessment)
          for (const auto& [id, x] : r.assessment->components)
            if (id == scheme.components[c].id) value = rubric ? x : x - 1;
        if (value >= 0 && value < values) ++counts[c][size_t(value)];
        else ++not_assessed[c];
      }
    }
  }
  v.students = std::to_string(n);
  v.confirmed = std::to_string(confirmed);
  for (const char* level : {"high", "satisfactory", "initial"})
    v.levels.push_back({level_word(ui, level), std::to_string(levels[level])});
  for (size_t c = 0; c < scheme.components.size(); ++c) {
    AggregateView::ComponentRow row;
    row.name = scheme.components[c].name.get(lang);
    for (int x : counts[c]) row.counts.push_back(std::to_string(x));
    row.not_assessed = std::to_string(not_assessed[c]);
    v.components.push_back(std::move(row));
  }
  return v;
}

}  // namespace casfolio
