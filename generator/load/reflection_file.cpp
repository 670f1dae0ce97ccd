#include "load/reflection_file.h"

#include "load/yaml_fields.h"
#include "util/path.h"
#include "util/text.h"

namespace casfolio {

namespace {

// The date of a dated file: `date:` if given and valid, else the file
// name's prefix. Reports what is wrong; nullopt when there is no usable date.
std::optional<Date> entry_date(const YamlNode& front, const std::string& file, const FieldContext& c,
                               bool* from_name) {
  *from_name = false;
  const YamlNode* v = optional_key(front, "date");
  std::optional<Date> given;
  if (v) given = read_date(*v, "date", c);
  if (given) return given;
  bool shaped = false;
  std::string_view name = file_name(file);
  auto named = date_from_file_name(name, &shaped);
  if (named) {
    *from_name = true;
    return named;
  }
  if (shaped && !v)
    c.diagnostics.report("bad-date", Location{file}, {{"key", "date"}, {"value", std::string(name.substr(0, 10))}});
  else if (!v)
    c.diagnostics.report("missing-date", Location{file, front.entries.empty() ? 0 : front.line, 0, 0});
  return std::nullopt;
}

}  // namespace

std::optional<Reflection> parse_reflection(std::string_view text, const std::string& file, const ParseContext& ctx,
                                           std::vector<PathRef>& refs) {
  auto doc = parse_markdown_document(text, file, FrontMatter::optional, ctx.limits, ctx.diagnostics);
  if (!doc) return std::nullopt;
  const YamlNode& m = doc->front;
  FieldContext c{file, ctx.diagnostics};
  check_keys(m, reflection_keys(), c);
  Reflection r;
  r.file = file;
  r.keys = key_lines(m, file, 1);
  if (const YamlNode* v = optional_key(m, "title"))
    if (auto s = read_text(*v, "title", c)) r.title = *s;
  if (const YamlNode* v = optional_key(m, "outcomes"))
    r.outcomes = read_outcomes(*v, "outcomes", ctx.cohort.framework, file, ctx.diagnostics);
  if (const YamlNode* v = optional_key(m, "stage"))
    if (auto s = read_text(*v, "stage", c)) {
      if (auto stage = parse_stage(*s)) {
        r.stage = *stage;
      } else {
        std::vector<std::string_view> names;
        for (Stage st : kAllStages) names.push_back(name(st));
        std::string_view suggestion = closest_match(*s, names);
        if (!suggestion.empty())
          ctx.diagnostics.report("misspelled-stage", v->where(file), {{"stage", *s}, {"suggestion", std::string(suggestion)}});
        else
          ctx.diagnostics.report("unknown-stage", v->where(file), {{"stage", *s}, {"known", join_names(names)}});
      }
    }
  if (const YamlNode* v = optional_key(m, "evidence"))
    collect_evidence_refs(*v, file, ctx.diagnostics, refs, r.evidence_links);
  r.body = doc->body;
  collect_body_refs(r.body, file, ctx.diagnostics, refs);
  auto date = entry_date(m, file, c, &r.date_from_file_name);
  if (!date) return std::nullopt;
  r.date = *date;
  return r;
}

std::optional<Interview> parse_interview(std::string_view text, const std::string& file, const ParseContext& ctx,
                                         std::vector<PathRef>& refs) {
  auto doc = parse_markdown_document(text, file, FrontMatter::required, ctx.limits, ctx.diagnostics);
  if (!doc) return std::nullopt;
  const YamlNode& m = doc->front;
  FieldContext c{file, ctx.diagnostics};
  check_keys(m, interview_keys(), c);
  Interview iv;
  iv.file = file;
  iv.keys = key_lines(m, file, 1);
  if (const YamlNode* v = require_key(m, "kind", Location{file, iv.keys.line, 0, 0}, c))
    if (auto s = read_text(*v, "kind", c)) iv.kind = *s;
  if (const YamlNode* v = optional_key(m, "title"))
    if (auto s = read_text(*v, "title", c)) iv.title = *s;
  iv.body = doc->body;
  collect_body_refs(iv.body, file, ctx.diagnostics, refs);
  bool from_name = false;
  auto date = entry_date(m, file, c, &from_name);
  if (!date) return std::nullopt;
  iv.date = *date;
  return iv;
}

}  // namespace casfolio
