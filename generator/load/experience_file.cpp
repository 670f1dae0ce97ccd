#include "load/experience_file.h"

#include <algorithm>

#include "load/markdown_links.h"
#include "load/text_index.h"
#include "load/yaml_fields.h"
#include "util/path.h"
#include "util/text.h"

namespace casfolio {

namespace {

const std::vector<std::string_view> kStrandWords = {"creativity", "activity", "service", "шығармашылық",
                                                    "белсенділік", "қызмет",  "творчество", "активность",
                                                    "служение"};

const std::vector<std::string_view> kLevels = {"school", "network", "regional", "republican", "international"};

std::vector<std::string> achievement_kinds(const CohortConfig& cohort) {
  static const SocialGpaScheme kDefault;
  const SocialGpaScheme& scheme = cohort.social_gpa ? *cohort.social_gpa : kDefault;
  std::vector<std::string> kinds;
  for (const auto& [kind, points] : scheme.points) kinds.push_back(kind);
  return kinds;
}

// Links inside a YAML text value (the `stages:` texts), placed in the file:
// a block scalar (`|`) starts on the line after its key and is indented; a
// one-line value starts at the value's column.
void collect_value_refs(const YamlNode& value, const TextIndex& file_index, const FieldContext& c,
                        std::vector<PathRef>& refs) {
  bool block = value.quoted && value.scalar.find('\n') != std::string::npos;
  std::vector<PathRef> found;
  collect_body_refs(MarkdownBody{value.scalar, block ? value.line + 1 : value.line}, c.file, c.diagnostics, found);
  for (PathRef& ref : found) {
    if (block) {
      std::string_view line = file_index.line(ref.where.line - 1);
      size_t indent = 0;
      while (indent < line.size() && line[indent] == ' ') ++indent;
      ref.where.column += int(indent);
    } else {
      ref.where.column += value.column - 1 + (value.quoted ? 1 : 0);
    }
    refs.push_back(std::move(ref));
  }
}

void read_supervisor(const YamlNode& v, const FieldContext& c, Supervisor& s) {
  if (v.is_scalar()) {  // "supervisor: Ms Ivanova" is a name
    s.name = v.scalar;
    return;
  }
  if (!read_map(v, "supervisor", c)) return;
  check_keys(v, supervisor_keys(), c);
  auto text_of = [&](std::string_view key, std::string& into) {
    if (const YamlNode* x = optional_key(v, key))
      if (auto t = read_text(*x, key, c)) into = *t;
  };
  text_of("name", s.name);
  text_of("role", s.role);
  text_of("email", s.email);
  text_of("phone", s.phone);
}

void read_stages(const YamlNode& v, const TextIndex& file_index, const FieldContext& c, Experience& e,
                 std::vector<PathRef>& refs) {
  if (!read_map(v, "stages", c)) return;
  std::vector<std::string_view> names;
  for (Stage s : kAllStages) names.push_back(name(s));
  for (const auto& [key, value] : v.entries) {
    auto stage = parse_stage(key.scalar);
    if (!stage) {
      std::string_view suggestion = closest_match(key.scalar, names);
      if (!suggestion.empty())
        c.diagnostics.report("misspelled-stage", key.where(c.file),
                             {{"stage", key.scalar}, {"suggestion", std::string(suggestion)}});
      else
        c.diagnostics.report("unknown-stage", key.where(c.file), {{"stage", key.scalar}, {"known", join_names(names)}});
      continue;
    }
    if (value.is_null()) continue;
    if (auto text = read_text(value, key.scalar, c)) {
      e.stages[size_t(*stage)] = *text;
      collect_value_refs(value, file_index, c, refs);
    }
  }
}

void read_hours(const YamlNode& v, const FieldContext& c, Experience& e) {
  if (v.is_map()) {
    StrandHours hours{};
    for (const auto& [key, value] : v.entries) {
      auto strand = read_strand(key, key.scalar, c.file, c.diagnostics);
      auto amount = read_amount(value, "hours", c, kMaxHours);
      if (!strand || !amount) continue;
      if (!e.strands.has(*strand)) {
        c.diagnostics.report("hours-strand-not-listed", key.where(c.file), {{"strand", std::string(name(*strand))}});
        continue;
      }
      hours[size_t(*strand)] += *amount;
    }
    e.claimed_hours = hours;
    e.hours_given = true;
    return;
  }
  if (v.is_sequence()) {
    c.diagnostics.report("not-a-number", v.where(c.file), {{"key", "hours"}});
    return;
  }
  auto amount = read_amount(v, "hours", c, kMaxHours);
  if (!amount) return;
  e.hours_given = true;
  if (e.strands.empty()) return;
  // One number for several strands is shared evenly between them.
  for (Strand s : kAllStrands)
    if (e.strands.has(s)) e.claimed_hours[size_t(s)] = *amount / e.strands.size();
}

void read_achievements(const YamlNode& v, const FieldContext& c, const ParseContext& ctx, Experience& e,
                       std::vector<PathRef>& refs) {
  std::vector<std::string> kinds = achievement_kinds(ctx.cohort);
  std::vector<std::string_view> kind_names(kinds.begin(), kinds.end());
  for (const YamlNode* item : read_list(v, "achievements", c)) {
    if (!item->is_map()) {
      c.diagnostics.report("not-a-map", item->where(c.file), {{"key", "achievements"}});
      continue;
    }
    check_keys(*item, achievement_keys(), c);
    Achievement a;
    a.line = item->line;
    Location at{c.file, item->line, item->column, 0};
    if (const YamlNode* k = require_key(*item, "kind", at, c))
      if (auto s = read_text(*k, "kind", c)) {
        a.kind = *s;
        if (std::find(kinds.begin(), kinds.end(), *s) == kinds.end())
          c.diagnostics.report("unknown-achievement-kind", k->where(c.file),
                               {{"kind", *s}, {"known", join_names(kind_names)}});
      }
    if (const YamlNode* d = require_key(*item, "date", at, c))
      if (auto date = read_date(*d, "date", c)) a.date = *date;
    if (const YamlNode* l = optional_key(*item, "level"))
      if (auto s = read_text(*l, "level", c)) {
        if (std::find(kLevels.begin(), kLevels.end(), std::string_view(*s)) != kLevels.end()) a.level = *s;
        else
          c.diagnostics.report("unknown-value", l->where(c.file),
                               {{"key", "level"}, {"value", *s}, {"allowed", join_names(kLevels)}});
      }
    if (const YamlNode* t = optional_key(*item, "title"))
      if (auto s = read_text(*t, "title", c)) a.title = *s;
    int index = int(e.achievements.size());
    if (const YamlNode* ev = optional_key(*item, "evidence")) {
      if (ev->is_sequence() && ev->items.size() != 1) {
        c.diagnostics.report("not-text", ev->where(c.file), {{"key", "evidence"}});
      } else {
        std::vector<EvidenceLink> link;  // at most one: the achievement's own
        collect_evidence_refs(*ev, c.file, c.diagnostics, refs, link, index);
        if (!link.empty()) a.evidence_link = link.front().url;
      }
    }
    e.achievements.push_back(std::move(a));
  }
}

}  // namespace

std::optional<Strand> read_strand(const YamlNode& item, std::string_view text, const std::string& file,
                                  Diagnostics& diagnostics) {
  if (auto s = parse_strand(text)) return s;
  std::string_view suggestion = closest_match(text, kStrandWords);
  if (!suggestion.empty())
    diagnostics.report("misspelled-strand", item.where(file),
                       {{"strand", std::string(text)}, {"suggestion", std::string(suggestion)}});
  else
    diagnostics.report("unknown-strand", item.where(file), {{"strand", std::string(text)}});
  return std::nullopt;
}

std::optional<Experience> parse_experience(std::string_view text, const std::string& file, const ParseContext& ctx,
                                           std::vector<PathRef>& refs) {
  auto doc = parse_markdown_document(text, file, FrontMatter::required, ctx.limits, ctx.diagnostics);
  if (!doc) return std::nullopt;
  const YamlNode& m = doc->front;
  FieldContext c{file, ctx.diagnostics};
  check_keys(m, experience_keys(), c);
  Experience e;
  e.file = file;
  e.dir = std::string(parent_dir(file));
  e.id = std::string(file_name(e.dir));
  e.keys = key_lines(m, file, 1);
  Location item{file, e.keys.line, 0, 0};

  if (const YamlNode* v = require_key(m, "title", item, c))
    if (auto s = read_text(*v, "title", c)) e.title = *s;
  if (const YamlNode* v = require_key(m, "strands", item, c)) {
    auto items = read_list(*v, "strands", c);
    if (items.empty() && v->is_sequence()) ctx.diagnostics.report("missing-key", v->where(file), {{"key", "strands"}});
    for (const YamlNode* s : items)
      if (auto t = read_text(*s, "strands", c))
        if (auto strand = read_strand(*s, *t, file, ctx.diagnostics)) e.strands.add(*strand);
  }
  const YamlNode* start = require_key(m, "start", item, c);
  if (start)
    if (auto d = read_date(*start, "start", c)) e.start = *d;
  if (const YamlNode* v = optional_key(m, "end"))
    if (auto d = read_date(*v, "end", c)) {
      e.end = *d;
      if (e.start.valid() && e.end < e.start)
        ctx.diagnostics.report("end-before-start", v->where(file), {{"start", e.start.iso()}, {"end", e.end.iso()}});
    }
  if (const YamlNode* v = require_key(m, "outcomes", item, c)) {
    e.outcomes = read_outcomes(*v, "outcomes", ctx.cohort.framework, file, ctx.diagnostics);
    if (v->is_sequence() && v->items.empty())
      ctx.diagnostics.report("missing-key", v->where(file), {{"key", "outcomes"}});
  }
  auto flag = [&](std::string_view key, bool& into) {
    if (const YamlNode* v = optional_key(m, key))
      if (auto b = read_bool(*v, key, c)) into = *b;
  };
  flag("project", e.project);
  flag("paid", e.paid);
  // Privacy fails closed: a `private:` that is not true or false (`on`, `1`,
  // `[true]`) is an error and the experience is private until it is fixed.
  if (const YamlNode* v = optional_key(m, "private")) {
    std::optional<bool> b = v->is_scalar() ? parse_bool(v->scalar) : std::nullopt;
    if (!b) ctx.diagnostics.report("private-not-a-boolean", v->where(file), {{"value", flow_text(*v)}});
    e.is_private = b.value_or(true);
  }
  flag("draft", e.draft);
  if (const YamlNode* v = optional_key(m, "hours")) read_hours(*v, c, e);
  if (const YamlNode* v = optional_key(m, "supervisor")) read_supervisor(*v, c, e.supervisor);
  if (const YamlNode* v = optional_key(m, "collaborators")) e.collaborators = read_text_list(*v, "collaborators", c);
  if (const YamlNode* v = optional_key(m, "tags")) e.tags = read_text_list(*v, "tags", c);
  if (const YamlNode* v = optional_key(m, "stages")) read_stages(*v, TextIndex(text), c, e, refs);
  if (const YamlNode* v = optional_key(m, "achievements")) read_achievements(*v, c, ctx, e, refs);
  if (const YamlNode* v = optional_key(m, "evidence"))
    collect_evidence_refs(*v, file, ctx.diagnostics, refs, e.evidence_links);
  e.description = doc->body;
  collect_body_refs(e.description, file, ctx.diagnostics, refs);
  return e;
}

std::optional<Review> parse_review(std::string_view text, const std::string& file, const ParseContext& ctx,
                                   std::vector<PathRef>& refs) {
  auto doc = parse_markdown_document(text, file, FrontMatter::required, ctx.limits, ctx.diagnostics);
  if (!doc) return std::nullopt;
  const YamlNode& m = doc->front;
  FieldContext c{file, ctx.diagnostics};
  check_keys(m, review_keys(), c);
  Review r;
  r.file = file;
  r.keys = key_lines(m, file, 1);
  Location item{file, r.keys.line, 0, 0};
  if (const YamlNode* v = require_key(m, "by", item, c))
    if (auto s = read_text(*v, "by", c)) r.by = *s;
  if (const YamlNode* v = optional_key(m, "date"))
    if (auto d = read_date(*v, "date", c)) r.date = *d;
  if (const YamlNode* v = optional_key(m, "hours")) r.hours = read_amount(*v, "hours", c, kMaxHours);
  if (const YamlNode* v = optional_key(m, "outcomes"))
    r.outcomes = read_outcomes(*v, "outcomes", ctx.cohort.framework, file, ctx.diagnostics);
  if (const YamlNode* v = optional_key(m, "completed")) r.completed = read_bool(*v, "completed", c);
  r.comment = doc->body;
  collect_body_refs(r.comment, file, ctx.diagnostics, refs);
  return r;
}

}  // namespace casfolio
