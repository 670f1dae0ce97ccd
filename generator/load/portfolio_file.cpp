#include "load/portfolio_file.h"

#include "load/name_rules.h"
#include "load/portfolio_reader.h"
#include "load/yaml_fields.h"

namespace casfolio {

namespace {

// `private:` is a list of texts and nothing else: a single text ("name,
// class" is one text), a map or an item that is not text is an error, and
// privacy fails closed (Profile::private_understood). The entries are
// checked against the keys and experiences later (apply_private).
void read_private(const YamlNode& v, const FieldContext& c, Profile& p) {
  auto refuse = [&](const YamlNode& at) {
    c.diagnostics.report("private-not-a-list", at.where(c.file), {{"value", flow_text(at)}});
    p.private_understood = false;
  };
  if (!v.is_sequence()) return refuse(v);
  for (const YamlNode& item : v.items) {
    if (!item.is_scalar()) refuse(item);
    else p.private_keys.push_back(item.scalar);
  }
}

}  // namespace

std::optional<ParsedProfile> parse_profile(std::string_view text, const std::string& file, const ParseContext& ctx) {
  auto map = parse_yaml_map(text, file, ctx.limits, ctx.diagnostics);
  if (!map) return std::nullopt;
  FieldContext c{file, ctx.diagnostics};
  check_keys(*map, portfolio_keys(), c);

  ParsedProfile out;
  Profile& p = out.profile;
  p.keys = key_lines(*map, file, 1);
  p.language = ctx.cohort.language;
  if (const YamlNode* v = require_key(*map, "name", Location{file, p.keys.line, 0, 0}, c))
    if (auto s = read_text(*v, "name", c)) p.name = *s;
  if (const YamlNode* v = optional_key(*map, "id")) {
    out.id_where = v->where(file);
    out.id_given = true;
    if (auto s = read_text(*v, "id", c)) {
      if (is_valid_id(*s)) out.id = *s;
      else report_bad_id(ctx.diagnostics, v->where(file), *s);
    }
  }
  if (const YamlNode* v = optional_key(*map, "language"))
    if (auto s = read_text(*v, "language", c)) {
      if (auto l = parse_language(*s)) {
        p.language = *l;
        p.language_given = true;
      } else {
        ctx.diagnostics.report("unknown-value", v->where(file),
                               {{"key", "language"}, {"value", *s}, {"allowed", "kk, ru, en"}});
      }
    }
  auto text_of = [&](std::string_view key, std::string& into) {
    if (const YamlNode* v = optional_key(*map, key))
      if (auto s = read_text(*v, key, c)) into = *s;
  };
  text_of("grade", p.grade);
  text_of("class", p.class_name);
  text_of("candidate", p.candidate);
  text_of("email", p.email);
  text_of("advisor", p.advisor);
  if (const YamlNode* v = optional_key(*map, "started"))
    if (auto d = read_date(*v, "started", c)) p.started = *d;
  auto list_of = [&](std::string_view key, std::vector<std::string>& into) {
    if (const YamlNode* v = optional_key(*map, key)) into = read_text_list(*v, key, c);
  };
  list_of("interests", p.interests);
  list_of("strengths", p.strengths);
  list_of("growth", p.growth);
  list_of("goals", p.goals);
  if (const YamlNode* v = optional_key(*map, "private")) read_private(*v, c, p);
  return out;
}

}  // namespace casfolio
