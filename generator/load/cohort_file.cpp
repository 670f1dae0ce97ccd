#include "load/cohort_file.h"

#include <algorithm>

#include "load/document.h"
#include "load/experience_file.h"
#include "load/framework_file.h"
#include "load/repository_list.h"
#include "load/social_gpa_scheme.h"
#include "load/yaml_fields.h"
#include "util/text.h"

namespace casfolio {

namespace {

struct Reader {
  const YamlNode& map;
  FieldContext c;

  const YamlNode* get(std::string_view key) const { return optional_key(map, key); }
  void text(std::string_view key, std::string& into) const {
    if (const YamlNode* v = get(key))
      if (auto s = read_text(*v, key, c)) into = *s;
  }
  void count(std::string_view key, int& into) const {
    if (const YamlNode* v = get(key))
      if (auto n = read_count(*v, key, c)) into = *n;
  }
  void amount(std::string_view key, double& into, bool positive = false) const {
    if (const YamlNode* v = get(key))
      if (auto n = read_amount(*v, key, c)) {
        if (positive && *n <= 0) {
          c.diagnostics.report("not-positive", v->where(c.file), {{"key", std::string(key)}, {"value", v->scalar}});
          return;
        }
        into = *n;
      }
  }
  void flag(std::string_view key, bool& into) const {
    if (const YamlNode* v = get(key))
      if (auto b = read_bool(*v, key, c)) into = *b;
  }
  // A nested map, checked for unknown keys; nullptr when absent or not a map.
  std::optional<Reader> sub(std::string_view key, const KeyTable& known) const {
    const YamlNode* v = get(key);
    if (!v || !read_map(*v, key, c)) return std::nullopt;
    check_keys(*v, known, c);
    return Reader{*v, c};
  }
};

template <typename E>
bool choose(const YamlNode* v, std::string_view key, const std::vector<std::pair<std::string_view, E>>& values,
            const FieldContext& c, E& into) {
  return v && casfolio::choose(*v, key, values, c, into);
}

void read_requirements(const Reader& r, Requirements& q) {
  r.count("min_months", q.min_months);
  r.count("max_gap_days", q.max_gap_days);
  r.count("concern_days", q.concern_days);
  r.flag("all_outcomes", q.all_outcomes);
  r.flag("all_strands", q.all_strands);
  r.count("max_outcomes_per_experience", q.max_outcomes_per_experience);
  if (auto p = r.sub("project", project_requirements_keys())) {
    p->count("min", q.project.min);
    p->count("min_days", q.project.min_days);
    p->count("collaborators", q.project.collaborators);
    if (const YamlNode* v = p->get("start_by"))
      if (auto d = read_date(*v, "start_by", p->c)) q.project.start_by = *d;
    if (const YamlNode* v = p->get("stages")) {
      if (v->is_scalar() && (to_lower_ascii(v->scalar) == "true" || to_lower_ascii(v->scalar) == "false"))
        q.project.all_stages = to_lower_ascii(v->scalar) == "true";
      else
        choose<bool>(v, "stages", {{"all", true}, {"none", false}}, p->c, q.project.all_stages);
    }
  }
  if (const YamlNode* v = r.get("min_experiences"); v && read_map(*v, "min_experiences", r.c)) {
    for (const auto& [key, value] : v->entries) {
      auto strand = read_strand(key, key.scalar, r.c.file, r.c.diagnostics);
      auto n = read_count(value, key.scalar, r.c);
      if (strand && n) q.min_experiences[size_t(*strand)] = *n;
    }
  }
  if (auto a = r.sub("approval", approval_requirements_keys())) {
    a->flag("plan", q.approval.plan);
    a->flag("project", q.approval.project);
    a->flag("experience", q.approval.experience);
  }
  if (auto p = r.sub("reflections_per_experience", reflections_per_experience_keys())) {
    p->count("min", q.reflections_per_experience.min);
    p->count("long_days", q.reflections_per_experience.long_days);
    p->count("long_min", q.reflections_per_experience.long_min);
  }
  // Days after a deadline that a reflection first seen by `collect` still
  // meets it: a school that collects weekly cannot see to the day.
  if (const YamlNode* v = r.get("grace_days"))
    if (auto n = read_count(*v, "grace_days", r.c)) {
      if (*n > kMaxGraceDays)
        r.c.diagnostics.report("number-out-of-range", v->where(r.c.file),
                               {{"key", "grace_days"}, {"value", v->scalar}, {"min", "0"},
                                {"max", std::to_string(kMaxGraceDays)}});
      else
        q.grace_days = *n;
    }
  if (const YamlNode* v = r.get("similarity"))
    if (auto x = read_number(*v, "similarity", r.c)) {
      if (*x < 0 || *x > 1)
        r.c.diagnostics.report("number-out-of-range", v->where(r.c.file),
                               {{"key", "similarity"}, {"value", v->scalar}, {"min", "0"}, {"max", "1"}});
      else
        q.similarity = *x;
    }
}

// A text in one language or several: `name: Interview` (kept as English,
// shown in every language) or `name: {kk: …, ru: …, en: …}`; another key
// in the map is an error at its line (a typo would silently lose the text).
void read_localized(const YamlNode& v, std::string_view key, const FieldContext& c, LocalizedText& out) {
  if (!v.is_map()) {
    if (auto s = read_text(v, key, c)) out.en = std::string(trim(*s));
    return;
  }
  for (const auto& [k, value] : v.entries)
    if (!parse_language(k.scalar))
      c.diagnostics.report("unknown-language", k.where(c.file), {{"key", std::string(key)}, {"language", k.scalar}});
  for (Language l : kAllLanguages)
    if (const YamlNode* t = optional_key(v, code(l)))
      if (auto s = read_text(*t, code(l), c))
        (l == Language::kk ? out.kk : l == Language::ru ? out.ru : out.en) = std::string(trim(*s));
}

void read_calendar(const YamlNode& v, const FieldContext& c, std::vector<Deadline>& out) {
  for (const YamlNode* item : read_list(v, "calendar", c)) {
    if (!item->is_map()) {
      c.diagnostics.report("not-a-map", item->where(c.file), {{"key", "calendar"}});
      continue;
    }
    check_keys(*item, calendar_keys(), c);
    Reader r{*item, c};
    Location at{c.file, item->line, item->column, 0};
    Deadline d;
    d.line = item->line;
    const YamlNode* date = r.get("date");
    const YamlNode* from = r.get("from");
    const YamlNode* to = r.get("to");
    bool ok = true;
    if (date && (from || to)) {
      c.diagnostics.report("calendar-date-and-range", date->where(c.file));
      ok = false;
    } else if (date) {
      if (auto x = read_date(*date, "date", c)) d.date = *x;
      else ok = false;
    } else if (from || to) {
      const YamlNode* f = require_key(*item, "from", at, c);
      const YamlNode* t = require_key(*item, "to", at, c);
      std::optional<Date> fd = f ? read_date(*f, "from", c) : std::nullopt;
      std::optional<Date> td = t ? read_date(*t, "to", c) : std::nullopt;
      if (fd && td && *td < *fd) {
        c.diagnostics.report("end-before-start", t->where(c.file), {{"start", fd->iso()}, {"end", td->iso()}});
        ok = false;
      } else if (fd && td) {
        d.from = *fd;
        d.date = *td;
      } else {
        ok = false;
      }
    } else {
      require_key(*item, "date", at, c);
      ok = false;
    }
    if (const YamlNode* k = require_key(*item, "kind", at, c)) {
      if (auto s = read_text(*k, "kind", c)) d.kind = *s;
      else ok = false;
    } else {
      ok = false;
    }
    if (const YamlNode* name = optional_key(*item, "name")) read_localized(*name, "name", c, d.name);
    r.text("interview", d.interview);
    if (ok) out.push_back(std::move(d));
  }
  std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) { return a.date < b.date; });
}

void read_social_gpa(const YamlNode& v, const FieldContext& c, std::optional<SocialGpaScheme>& out) {
  if (v.is_null()) {  // "social_gpa:" alone: the methodology's defaults
    out = SocialGpaScheme{};
    return;
  }
  if (v.is_scalar()) {  // true = the defaults, false = not computed
    if (auto b = read_bool(v, "social_gpa", c)) {
      if (*b) out = SocialGpaScheme{};
      else out.reset();
    }
    return;
  }
  if (!read_map(v, "social_gpa", c)) return;
  check_keys(v, social_gpa_keys(), c);
  SocialGpaScheme s;
  Reader r{v, c};
  choose<GpaModel>(r.get("model"), "model",
                   {{"cumulative", GpaModel::cumulative}, {"levels", GpaModel::levels}, {"mixed", GpaModel::mixed}}, c,
                   s.model);
  if (const YamlNode* p = r.get("points"); p && read_map(*p, "points", c)) {
    for (const auto& [key, value] : p->entries) {
      if (key.scalar == "volunteer_hours") {
        if (!read_map(value, "volunteer_hours", c)) continue;
        check_keys(value, volunteer_hours_keys(), c);
        Reader h{value, c};
        h.amount("per", s.volunteer_hours.per, true);
        h.amount("points", s.volunteer_hours.points);
        h.amount("max", s.volunteer_hours.max);
        choose<Rounding>(h.get("rounding"), "rounding",
                         {{"floor", Rounding::floor}, {"nearest", Rounding::nearest}, {"none", Rounding::none}}, c,
                         s.volunteer_hours.rounding);
        continue;
      }
      auto points = read_amount(value, key.scalar, c);
      if (!points) continue;
      auto it = std::find_if(s.points.begin(), s.points.end(), [&name = key.scalar](const auto& kv) { return kv.first == name; });
      if (it != s.points.end()) it->second = *points;
      else s.points.emplace_back(key.scalar, *points);
    }
  }
  r.flag("require_evidence", s.require_evidence);
  r.flag("links_count_as_evidence", s.links_count_as_evidence);
  if (auto sc = r.sub("scale", gpa_scale_keys())) {
    sc->amount("max", s.scale_max);
    sc->amount("full_points", s.full_points, true);
  }
  if (auto lv = r.sub("levels", gpa_levels_keys())) {
    lv->amount("high", s.level_high);
    lv->amount("satisfactory", s.level_satisfactory);
  }
  read_social_gpa_rules(v, c, s);
  out = std::move(s);
}

}  // namespace

CohortConfig parse_cohort_config(std::string_view text, const std::string& file, const Limits& limits,
                                 const FrameworkReader& read_framework, Diagnostics& diagnostics) {
  CohortConfig config;
  config.file = file;
  config.keys.file = file;
  auto map = parse_yaml_map(text, file, limits, diagnostics);
  if (!map) return config;
  FieldContext c{file, diagnostics};
  check_keys(*map, cohort_keys(), c);
  config.keys = key_lines(*map, file, 1);
  Reader r{*map, c};
  r.text("school", config.school);
  r.text("programme", config.programme);
  r.flag("cas", config.requirements.cas);
  r.text("cohort", config.cohort);
  r.text("theme", config.theme);
  // As written, relative to this file's folder; the loader resolves it.
  if (const YamlNode* v = r.get("staff"))
    if (auto s = read_text(*v, "staff", c)) config.staff_folder = std::string(trim(*s));
  if (const YamlNode* v = r.get("repositories")) read_repositories_key(*v, file, diagnostics, config);

  std::vector<std::pair<std::string_view, Language>> languages;
  for (Language l : kAllLanguages) languages.emplace_back(code(l), l);
  choose<Language>(r.get("language"), "language", languages, c, config.language);
  config.languages = {config.language};
  if (const YamlNode* v = r.get("languages")) {
    std::vector<Language> list;
    for (const YamlNode* item : read_list(*v, "languages", c)) {
      Language l = Language::en;
      if (choose<Language>(item, "languages", languages, c, l) && std::find(list.begin(), list.end(), l) == list.end())
        list.push_back(l);
    }
    if (!list.empty()) config.languages = std::move(list);
  }

  if (const YamlNode* v = r.get("start"))
    if (auto d = read_date(*v, "start", c)) config.start = *d;
  if (const YamlNode* v = r.get("end"))
    if (auto d = read_date(*v, "end", c)) {
      if (config.start.valid() && *d < config.start)
        diagnostics.report("end-before-start", v->where(file), {{"start", config.start.iso()}, {"end", d->iso()}});
      else
        config.end = *d;
    }

  if (const YamlNode* v = r.get("framework"))
    if (auto s = read_text(*v, "framework", c)) {
      if (to_lower_ascii(trim(*s)) != "ib-cas") {
        FrameworkText f = read_framework ? read_framework(std::string(trim(*s)), diagnostics) : FrameworkText{};
        if (!f.exists)
          diagnostics.report("framework-not-found", v->where(file), {{"path", *s}});
        else if (f.text)
          if (auto framework = parse_framework(*f.text, f.file, diagnostics)) config.framework = std::move(*framework);
      }
    }

  if (auto q = r.sub("requirements", requirements_keys()))
    read_requirements(*q, config.requirements);
  if (const YamlNode* v = r.get("calendar")) read_calendar(*v, c, config.calendar);
  if (const YamlNode* v = map->find("social_gpa")) read_social_gpa(*v, c, config.social_gpa);
  return config;
}

}  // namespace casfolio
