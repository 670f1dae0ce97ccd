#include "load/staff_gpa_records.h"

#include <algorithm>
#include <span>

#include "load/document.h"
#include "load/staff_files.h"
#include "load/yaml_fields.h"
#include "util/path.h"
#include "util/text.h"

namespace casfolio {

namespace {


std::string required_text(const YamlNode& m, std::string_view key, const FieldContext& c) {
  if (const YamlNode* v = require_key(m, key, Location{c.file, m.line, m.column, 0}, c))
    if (auto s = read_text(*v, key, c)) return std::string(trim(*s));
  return "";
}

std::string optional_text(const YamlNode& m, std::string_view key, const FieldContext& c) {
  if (const YamlNode* v = optional_key(m, key))
    if (auto s = read_text(*v, key, c)) return std::string(trim(*s));
  return "";
}

Date required_date(const YamlNode& m, const FieldContext& c) {
  if (const YamlNode* v = require_key(m, "date", Location{c.file, m.line, m.column, 0}, c))
    if (auto d = read_date(*v, "date", c)) return *d;
  return {};
}

// A form's `answers:` map: each key one of the form's statements (checked by
// the key table), each value one word of its scale; in the form's order.
std::vector<FormAnswer> read_answers(const YamlNode& m, const KeyTable& record, const std::vector<FormStatement>& form,
                                     std::span<const std::string_view> scale, const FieldContext& c) {
  std::vector<FormAnswer> out;
  const YamlNode* v = require_key(m, "answers", Location{c.file, m.line, m.column, 0}, c);
  if (!v || !read_map(*v, "answers", c)) return out;
  check_keys(*v, *record.find("answers")->shape.fields, c);  // only the form's statements
  std::vector<std::pair<std::string_view, std::string>> words;
  for (std::string_view w : scale) words.emplace_back(w, std::string(w));
  for (const FormStatement& s : form) {
    const YamlNode* a = optional_key(*v, s.id);
    std::string answer;
    if (a && choose<std::string>(*a, s.id, words, c, answer)) out.push_back({s.id, answer, a->line});
  }
  return out;
}

class PeriodReader {
 public:
  PeriodReader(const FileSource& files, const SocialGpaScheme& scheme, const Limits& limits, Diagnostics& d)
      : files_(files), scheme_(scheme), limits_(limits), d_(d) {}

  GpaPeriodRecords read(const std::string& dir, std::string period) {
    GpaPeriodRecords r;
    r.period = std::move(period);
    for (const DirEntry& e : files_.list(dir)) {
      if (is_ignored_name(e.name) || e.symlink || e.escapes_root) continue;
      std::string path = join_path(dir, e.name);
      bool folder = e.kind == EntryKind::directory;
      if (folder && e.name == "observations") read_observations(path, r);
      else if (!folder && e.name == "assessment.yaml") r.assessment = read_assessment(path);
      else if (!folder && e.name == "parents.yaml") r.parents = read_parents(path);
      else d_.report("staff-unknown-entry", Location{path}, {{"name", e.name}});
    }
    return r;
  }

 private:
  std::optional<GpaAssessment> read_assessment(const std::string& file) {
    ErrorCount errors{d_};
    auto m = read_yaml_record(files_, file, limits_, d_);
    if (!m) return std::nullopt;
    FieldContext c{file, d_};
    check_keys(*m, gpa_assessment_keys(), c);
    GpaAssessment a;
    a.file = file;
    a.keys = key_lines(*m, file, 1);
    a.by = required_text(*m, "by", c);
    a.role = optional_text(*m, "role", c);
    a.date = required_date(*m, c);
    a.strengths = optional_text(*m, "strengths", c);
    a.growth = optional_text(*m, "growth", c);
    const YamlNode* v = require_key(*m, "components", Location{file, m->line, m->column, 0}, c);
    if (v && read_map(*v, "components", c))
      for (const auto& [key, value] : v->entries) read_component(key, value, c, a);
    std::sort(a.components.begin(), a.components.end());
    if (!errors.clean()) return std::nullopt;
    return a;
  }

  void read_component(const YamlNode& key, const YamlNode& value, const FieldContext& c, GpaAssessment& a) {
    if (!scheme_.component(key.scalar)) {
      std::vector<std::string_view> names;
      for (const GpaComponent& x : scheme_.components) names.push_back(x.id);
      d_.report("gpa-unknown-component", key.where(c.file), {{"component", key.scalar}, {"components", join_names(names)}});
      return;
    }
    int level = -1;
    if (scheme_.component_scale == ComponentScale::rubric) {
      std::vector<std::pair<std::string_view, int>> words;
      for (size_t i = 0; i < std::size(kRubricLevels); ++i) words.emplace_back(kRubricLevels[i], int(i));
      if (!choose<int>(value, key.scalar, words, c, level)) return;
    } else {
      auto n = read_count(value, key.scalar, c);
      if (!n) return;
      if (*n < 1 || *n > 5) {
        d_.report("number-out-of-range", value.where(c.file),
                  {{"key", key.scalar}, {"value", value.scalar}, {"min", "1"}, {"max", "5"}});
        return;
      }
      level = *n;
    }
    a.components.emplace_back(key.scalar, level);
  }

  void read_observations(const std::string& dir, GpaPeriodRecords& r) {
    for (const std::string& path : staff_yaml_files(files_, dir, d_)) {
      ErrorCount errors{d_};
      auto m = read_yaml_record(files_, path, limits_, d_);
      if (!m) continue;
      FieldContext c{path, d_};
      check_keys(*m, gpa_observation_keys(), c);
      GpaObservation o;
      o.file = path;
      o.by = required_text(*m, "by", c);
      o.role = optional_text(*m, "role", c);
      o.date = required_date(*m, c);
      o.answers = read_answers(*m, gpa_observation_keys(), observation_statements(), kObservationAnswers, c);
      if (errors.clean()) r.observations.push_back(std::move(o));
    }
    std::sort(r.observations.begin(), r.observations.end(),
              [](const GpaObservation& a, const GpaObservation& b) { return a.file < b.file; });
  }

  std::optional<GpaParentAnswers> read_parents(const std::string& file) {
    ErrorCount errors{d_};
    auto m = read_yaml_record(files_, file, limits_, d_);
    if (!m) return std::nullopt;
    FieldContext c{file, d_};
    check_keys(*m, gpa_parents_keys(), c);
    GpaParentAnswers p;
    p.file = file;
    p.date = required_date(*m, c);
    p.answers = read_answers(*m, gpa_parents_keys(), parent_questions(), kParentAnswers, c);
    p.comment = optional_text(*m, "comment", c);
    if (!errors.clean()) return std::nullopt;
    return p;
  }

  const FileSource& files_;
  const SocialGpaScheme& scheme_;
  const Limits& limits_;
  Diagnostics& d_;
};

}  // namespace

std::vector<GpaPeriodRecords> read_gpa_staff_records(const FileSource& files, const std::string& dir,
                                                     const SocialGpaScheme& scheme, const Limits& limits,
                                                     Diagnostics& diagnostics) {
  std::vector<GpaPeriodRecords> out;
  PeriodReader reader(files, scheme, limits, diagnostics);
  for (const DirEntry& e : files.list(dir)) {
    if (is_ignored_name(e.name) || e.symlink || e.escapes_root) continue;
    std::string path = join_path(dir, e.name);
    if (e.kind != EntryKind::directory || !is_valid_id(e.name)) {
      diagnostics.report("staff-unknown-entry", Location{path}, {{"name", e.name}});
      continue;
    }
    out.push_back(reader.read(path, e.name));
  }
  std::sort(out.begin(), out.end(),
            [](const GpaPeriodRecords& a, const GpaPeriodRecords& b) { return a.period < b.period; });
  return out;
}

bool is_commission_file(std::string_view name) { return name.starts_with("commission") && is_yaml_name(name); }

std::optional<GpaCommission> read_commission(const FileSource& files, const std::string& file, const Limits& limits,
                                             Diagnostics& d) {
  ErrorCount errors{d};
  auto m = read_yaml_record(files, file, limits, d);
  if (!m) return std::nullopt;
  FieldContext c{file, d};
  check_keys(*m, commission_keys(), c);
  GpaCommission x;
  x.file = file;
  x.period = required_text(*m, "period", c);
  x.class_name = optional_text(*m, "class", c);
  x.date = required_date(*m, c);
  if (const YamlNode* v = require_key(*m, "members", Location{file, m->line, m->column, 0}, c))
    for (const YamlNode* item : read_list(*v, "members", c)) {
      if (!read_map(*item, "members", c)) continue;
      check_keys(*item, commission_member_keys(), c);
      x.members.push_back({required_text(*item, "name", c), required_text(*item, "role", c)});
    }
  if (const YamlNode* v = require_key(*m, "students", Location{file, m->line, m->column, 0}, c);
      v && read_map(*v, "students", c)) {
    for (const auto& [key, value] : v->entries) {
      CommissionDecision dec;
      dec.student = key.scalar;
      dec.line = key.line;
      if (value.is_map()) {
        check_keys(value, commission_decision_keys(), c);
        dec.confirmed = false;
        if (const YamlNode* a = require_key(value, "adjust", Location{file, value.line, value.column, 0}, c))
          if (auto n = read_number(*a, "adjust", c)) dec.adjustment = *n;
        dec.reason = required_text(value, "reason", c);
      } else {
        std::string word;
        if (!choose<std::string>(value, key.scalar, {{"confirm", "confirm"}}, c, word)) continue;
      }
      x.decisions.push_back(std::move(dec));
    }
  }
  std::sort(x.decisions.begin(), x.decisions.end(),
            [](const CommissionDecision& a, const CommissionDecision& b) { return a.student < b.student; });
  if (!errors.clean()) return std::nullopt;
  return x;
}

std::optional<GpaSelfAssessment> parse_self_assessment(std::string_view text, const std::string& file,
                                                       const Limits& limits, Diagnostics& d) {
  ErrorCount errors{d};
  auto m = parse_yaml_map(text, file, limits, d);
  if (!m) return std::nullopt;
  FieldContext c{file, d};
  check_keys(*m, self_assessment_keys(), c);
  GpaSelfAssessment s;
  s.file = file;
  s.period = std::string(file_stem(file));
  s.date = required_date(*m, c);
  s.answers = read_answers(*m, self_assessment_keys(), self_assessment_statements(), kSelfAnswers, c);
  s.comment = optional_text(*m, "comment", c);
  if (!errors.clean()) return std::nullopt;
  return s;
}

}  // namespace casfolio
