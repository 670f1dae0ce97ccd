#include "load/social_gpa_scheme.h"

#include <algorithm>
#include <set>

#include "load/document.h"

namespace casfolio {

namespace {

std::optional<std::string> id_of(const YamlNode& item, const FieldContext& c) {
  const YamlNode* v = require_key(item, "id", Location{c.file, item.line, item.column, 0}, c);
  if (!v) return std::nullopt;
  auto s = read_text(*v, "id", c);
  if (!s) return std::nullopt;
  std::string id(trim(*s));
  if (!is_valid_id(id)) {
    c.diagnostics.report("gpa-bad-id", v->where(c.file), {{"id", id}});
    return std::nullopt;
  }
  return id;
}

// Remembers an id; false (after reporting) when it was seen before.
bool claim(std::set<std::string>& seen, const std::string& id, const YamlNode& at, const FieldContext& c) {
  if (seen.insert(id).second) return true;
  c.diagnostics.report("gpa-duplicate-id", at.where(c.file), {{"id", id}});
  return false;
}

void read_components(const YamlNode& v, const FieldContext& c, SocialGpaScheme& s) {
  if (!read_map(v, "components", c)) return;
  check_keys(v, gpa_components_keys(), c);
  if (const YamlNode* scale = optional_key(v, "scale"))
    choose<ComponentScale>(*scale, "scale", {{"rubric", ComponentScale::rubric}, {"five_point", ComponentScale::five_point}},
                           c, s.component_scale);
  const YamlNode* list = optional_key(v, "list");
  if (!list) return;
  std::vector<GpaComponent> out;
  std::set<std::string> seen;
  bool ok = true;
  for (const YamlNode* item : read_list(*list, "list", c)) {
    if (!read_map(*item, "list", c)) { ok = false; continue; }
    check_keys(*item, gpa_component_keys(), c);
    auto id = id_of(*item, c);
    const YamlNode* name = require_key(*item, "name", Location{c.file, item->line, item->column, 0}, c);
    auto text = name ? read_localized(*name, "name", c) : std::nullopt;
    if (!id || !text || !claim(seen, *id, *item, c)) { ok = false; continue; }
    out.push_back({*id, *text});
  }
  if (ok && !out.empty()) s.components = std::move(out);
}

void read_domains(const YamlNode& v, const FieldContext& c, SocialGpaScheme& s) {
  if (!read_map(v, "domains", c)) return;
  for (const auto& [key, value] : v.entries) {
    auto domain = read_text(value, key.scalar, c);
    if (!domain) continue;
    std::string id(trim(*domain));
    if (!s.domain(id)) {
      std::vector<std::string_view> names;
      for (const GpaDomain& d : s.domains) names.push_back(d.id);
      c.diagnostics.report("gpa-unknown-domain", value.where(c.file),
                           {{"domain", id}, {"kind", key.scalar}, {"domains", join_names(names)}});
      continue;
    }
    auto it = std::find_if(s.kind_domains.begin(), s.kind_domains.end(),
                           [&kind = key.scalar](const auto& kd) { return kd.first == kind; });
    if (it != s.kind_domains.end()) it->second = id;
    else s.kind_domains.emplace_back(key.scalar, id);
  }
}

void read_periods(const YamlNode& v, const FieldContext& c, SocialGpaScheme& s) {
  std::vector<GpaPeriod> out;
  std::set<std::string> seen;
  bool ok = true;
  for (const YamlNode* item : read_list(v, "periods", c)) {
    if (!read_map(*item, "periods", c)) { ok = false; continue; }
    check_keys(*item, gpa_period_keys(), c);
    Location at{c.file, item->line, item->column, 0};
    GpaPeriod p;
    auto id = id_of(*item, c);
    const YamlNode* from = require_key(*item, "from", at, c);
    const YamlNode* to = require_key(*item, "to", at, c);
    auto fd = from ? read_date(*from, "from", c) : std::nullopt;
    auto td = to ? read_date(*to, "to", c) : std::nullopt;
    if (fd && td && *td < *fd) {
      c.diagnostics.report("end-before-start", to->where(c.file), {{"start", fd->iso()}, {"end", td->iso()}});
      td.reset();
    }
    if (!id || !fd || !td || !claim(seen, *id, *item, c)) { ok = false; continue; }
    p.id = *id;
    p.from = *fd;
    p.to = *td;
    if (const YamlNode* name = optional_key(*item, "name")) {
      if (auto text = read_localized(*name, "name", c)) p.name = *text;
    }
    if (p.name.get(Language::en).empty()) p.name.en = p.id;
    if (const YamlNode* y = optional_key(*item, "school_year"))
      if (auto t = read_text(*y, "school_year", c)) p.school_year = std::string(trim(*t));
    if (p.school_year.empty()) {  // June to May, as the default periods
      int first = p.to.month() >= 6 ? p.to.year() : p.to.year() - 1;
      p.school_year = std::to_string(first) + "-" + std::to_string(first + 1);
    }
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(), [](const GpaPeriod& a, const GpaPeriod& b) { return a.from < b.from; });
  for (size_t i = 1; i < out.size(); ++i)
    if (out[i].from <= out[i - 1].to) {
      c.diagnostics.report("gpa-periods-overlap", v.where(c.file), {{"first", out[i - 1].id}, {"second", out[i].id}});
      ok = false;
    }
  if (ok) s.periods = std::move(out);
}

}  // namespace

void read_social_gpa_rules(const YamlNode& m, const FieldContext& c, SocialGpaScheme& s) {
  s.levels_given = optional_key(m, "levels") != nullptr;
  if (const YamlNode* v = optional_key(m, "components")) read_components(*v, c, s);
  if (const YamlNode* v = optional_key(m, "domains")) read_domains(*v, c, s);
  if (const YamlNode* v = optional_key(m, "periods")) read_periods(*v, c, s);
  if (const YamlNode* v = optional_key(m, "approved"); v && read_map(*v, "approved", c)) {
    check_keys(*v, gpa_approval_keys(), c);
    Location at{c.file, v->line, v->column, 0};
    GpaApproval a;
    const YamlNode* act = require_key(*v, "act", at, c);
    const YamlNode* date = require_key(*v, "date", at, c);
    auto act_text = act ? read_text(*act, "act", c) : std::nullopt;
    auto day = date ? read_date(*date, "date", c) : std::nullopt;
    if (act_text && day) s.approved = GpaApproval{std::string(trim(*act_text)), *day};
  }
  if (const YamlNode* v = optional_key(m, "version"))
    if (auto t = read_text(*v, "version", c)) s.version = std::string(trim(*t));
}

}  // namespace casfolio
