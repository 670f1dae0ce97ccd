// The keys of a student's files (docs/format.md, sections 2 and 3) and the
// kinds of file `casfolio schema` knows. The cohort's, the framework's and
// the staff folder's tables are in key_tables_school.cpp.
#include "load/key_tables.h"

#include "load/key_shapes.h"
#include "load/yaml_fields.h"
#include "model/cas.h"

namespace casfolio {

std::vector<std::string_view> KeyTable::names() const {
  std::vector<std::string_view> out;
  for (const KeySpec& k : keys) out.push_back(k.name);
  return out;
}

const KeySpec* KeyTable::find(std::string_view name) const {
  for (const KeySpec& k : keys)
    if (k.name == name) return &k;
  return nullptr;
}

namespace shapes {

KeyShape text(std::string_view pattern) {
  KeyShape s;
  s.pattern = pattern;
  return s;
}
KeyShape number(std::optional<double> min, std::optional<double> max) {
  KeyShape s;
  s.type = KeyType::number;
  s.min = min;
  s.max = max;
  return s;
}
KeyShape amount(double max) { return number(0, max); }
KeyShape positive_amount(double max) {
  KeyShape s = number(0, max);
  s.above_min = true;
  return s;
}
KeyTable keys(std::vector<KeySpec> specs) {
  KeyTable t;
  t.keys = std::move(specs);
  return t;
}
KeyTable any_keys(KeyShape values, std::vector<std::string_view> names, std::string_view description) {
  KeyTable t;
  t.other_keys = std::move(values);
  t.other_names = std::move(names);
  t.other_description = description;
  return t;
}
KeySpec key(std::string_view name, KeyShape shape, bool required, std::string_view description) {
  KeySpec k;
  k.name = name;
  k.shape = std::move(shape);
  k.required = required;
  k.description = description;
  return k;
}

KeyShape count(std::optional<double> max) {
  KeyShape s;
  s.type = KeyType::count;
  s.max = max;
  return s;
}
KeyShape boolean() {
  KeyShape s;
  s.type = KeyType::boolean;
  return s;
}
KeyShape date() {
  KeyShape s;
  s.type = KeyType::date;
  return s;
}
KeyShape choice(std::vector<std::string_view> words) {
  KeyShape s;
  s.type = KeyType::choice;
  s.words = std::move(words);
  return s;
}
KeyShape map(const KeyTable& fields) {
  KeyShape s;
  s.type = KeyType::map;
  s.fields = &fields;
  return s;
}
KeyShape list(KeyShape item, int min_items) {
  KeyShape s;
  s.type = KeyType::list;
  s.of.push_back(std::move(item));
  s.min_items = min_items;
  return s;
}
KeyShape strict_list(KeyShape item) {
  KeyShape s = list(std::move(item));
  s.single_ok = false;
  return s;
}
KeyShape either(std::vector<KeyShape> alternatives) {
  KeyShape s;
  s.type = KeyType::either;
  s.of = std::move(alternatives);
  return s;
}

std::vector<std::string_view> strand_words() {
  // What parse_strand accepts, as students write it (it ignores case).
  return {"creativity", "activity", "service", "C",           "A",          "S",       "c",
          "a",          "s",        "шығармашылық", "белсенділік", "қызмет", "творчество", "активность",
          "служение"};
}
std::vector<std::string_view> stage_words() {
  std::vector<std::string_view> out;
  for (Stage s : kAllStages) out.push_back(name(s));
  return out;
}
KeyShape strands(int min_items) { return list(choice(strand_words()), min_items); }
// `outcomes: [1, LO2, 3.1]`: ids of the cohort's framework, which the schema cannot know.
KeyShape outcomes(int min_items) { return list(either({count(), text()}), min_items); }
// A list of texts; "- Patient: I finish what I start" (a one-entry map to YAML) is a text too.
KeyShape texts() {
  KeyShape s = list(text());
  s.sentences = true;
  return s;
}
KeyShape evidence() { return list(text()); }
KeyShape localized() { return either({text(), map(localized_text_keys())}); }

}  // namespace shapes

using namespace shapes;

namespace {

const KeyTable& experience_hours_keys() {
  static const KeyTable t = any_keys(amount(kMaxHours), strand_words(), "_schema-hours-per-strand");
  return t;
}

const KeyTable& stage_text_keys() {
  static const KeyTable t = any_keys(text(), stage_words(), "_schema-stage-text");
  return t;
}

}  // namespace

const KeyTable& portfolio_keys() {
  static const KeyTable t = keys({
      {"name", text(), true, "_schema-portfolio-name"},
      {"id", text("^[a-z0-9-]{1,64}$"), false, "_schema-portfolio-id"},
      {"language", choice({"kk", "ru", "en"}), false, "_schema-portfolio-language"},
      {"grade", text(), false, "_schema-portfolio-grade"},
      {"class", text(), false, "_schema-portfolio-class"},
      {"candidate", text(), false, "_schema-portfolio-candidate"},
      {"email", text(), false, "_schema-portfolio-email"},
      {"advisor", text(), false, "_schema-portfolio-advisor"},
      {"started", date(), false, "_schema-portfolio-started"},
      {"interests", texts(), false, "_schema-portfolio-interests"},
      {"strengths", texts(), false, "_schema-portfolio-strengths"},
      {"growth", texts(), false, "_schema-portfolio-growth"},
      {"goals", texts(), false, "_schema-portfolio-goals"},
      {"private", strict_list(text()), false, "_schema-portfolio-private"},
  });
  return t;
}

const KeyTable& supervisor_keys() {
  static const KeyTable t = keys({
      {"name", text(), false, "_schema-supervisor-name"},
      {"role", text(), false, "_schema-supervisor-role"},
      {"email", text(), false, "_schema-supervisor-email"},
      {"phone", text(), false, "_schema-supervisor-phone"},
  });
  return t;
}

const KeyTable& achievement_keys() {
  static const KeyTable t = keys({
      {"kind", text(), true, "_schema-achievement-kind"},
      {"date", date(), true, "_schema-achievement-date"},
      {"level", choice({"school", "network", "regional", "republican", "international"}), false,
       "_schema-achievement-level"},
      {"title", text(), false, "_schema-achievement-title"},
      // One file: a list of exactly one is accepted too.
      {"evidence", either({text(), [] {
                             KeyShape one = strict_list(text());
                             one.min_items = 1;
                             return one;
                           }()}),
       false, "_schema-achievement-evidence"},
  });
  return t;
}

const KeyTable& experience_keys() {
  static const KeyTable t = keys({
      {"title", text(), true, "_schema-experience-title"},
      {"strands", strands(1), true, "_schema-experience-strands"},
      {"start", date(), true, "_schema-experience-start"},
      {"end", date(), false, "_schema-experience-end"},
      {"outcomes", outcomes(1), true, "_schema-experience-outcomes"},
      {"project", boolean(), false, "_schema-experience-project"},
      {"hours", either({amount(kMaxHours), map(experience_hours_keys())}), false, "_schema-experience-hours"},
      {"supervisor", either({text(), map(supervisor_keys())}), false, "_schema-experience-supervisor"},
      {"collaborators", texts(), false, "_schema-experience-collaborators"},
      {"stages", map(stage_text_keys()), false, "_schema-experience-stages"},
      {"paid", boolean(), false, "_schema-experience-paid"},
      {"achievements", list(map(achievement_keys())), false, "_schema-experience-achievements"},
      {"tags", texts(), false, "_schema-experience-tags"},
      {"private", boolean(), false, "_schema-experience-private"},
      {"draft", boolean(), false, "_schema-experience-draft"},
      {"evidence", evidence(), false, "_schema-evidence"},
  });
  return t;
}

const KeyTable& review_keys() {
  static const KeyTable t = keys({
      {"by", text(), true, "_schema-review-by"},
      {"date", date(), false, "_schema-review-date"},
      {"hours", amount(kMaxHours), false, "_schema-review-hours"},
      {"outcomes", outcomes(), false, "_schema-review-outcomes"},
      {"completed", boolean(), false, "_schema-review-completed"},
  });
  return t;
}

const KeyTable& reflection_keys() {
  static const KeyTable t = keys({
      {"date", date(), false, "_schema-reflection-date"},
      {"outcomes", outcomes(), false, "_schema-reflection-outcomes"},
      {"title", text(), false, "_schema-reflection-title"},
      {"stage", choice(stage_words()), false, "_schema-reflection-stage"},
      {"evidence", evidence(), false, "_schema-evidence"},
  });
  return t;
}

const KeyTable& interview_keys() {
  static const KeyTable t = keys({
      {"date", date(), false, "_schema-interview-date"},
      {"kind", text(), true, "_schema-interview-kind"},
      {"title", text(), false, "_schema-interview-title"},
  });
  return t;
}

const std::vector<FileKind>& file_kinds() {
  static const std::vector<FileKind> kinds = {
      {"portfolio", "portfolio.yaml", false, "_schema-kind-portfolio", portfolio_keys},
      {"experience", "experiences/<id>/index.md", true, "_schema-kind-experience", experience_keys},
      {"reflection", "experiences/<id>/*.md, reflections/*.md", true, "_schema-kind-reflection", reflection_keys},
      {"interview", "interviews/*.md", true, "_schema-kind-interview", interview_keys},
      {"review", "experiences/<id>/review.md", true, "_schema-kind-review", review_keys},
      {"cohort", "cohort.yaml", false, "_schema-kind-cohort", cohort_keys},
      {"framework", "framework file (cohort.yaml framework:)", false, "_schema-kind-framework", framework_keys},
      {"staff-confirmation", "<staff>/<student>/confirmations/<experience>.yaml", false,
       "_schema-kind-staff-confirmation", staff_confirmation_keys},
      {"staff-approval", "<staff>/<student>/approvals/*.yaml", false, "_schema-kind-staff-approval",
       staff_approval_keys},
      {"staff-feedback", "<staff>/<student>/feedback/*.md", true, "_schema-kind-staff-feedback", staff_feedback_keys},
      {"staff-interview", "<staff>/<student>/interviews/*.md", true, "_schema-kind-staff-interview",
       staff_interview_keys},
      {"staff-status", "<staff>/<student>/status.yaml", false, "_schema-kind-staff-status", staff_status_keys},
      {"self-assessment", "self-assessment/<period>.yaml", false, "_schema-kind-self-assessment",
       self_assessment_keys},
      {"staff-gpa-assessment", "<staff>/<student>/social-gpa/<period>/assessment.yaml", false,
       "_schema-kind-staff-gpa-assessment", gpa_assessment_keys},
      {"staff-observation", "<staff>/<student>/social-gpa/<period>/observations/*.yaml", false,
       "_schema-kind-staff-observation", gpa_observation_keys},
      {"staff-parents", "<staff>/<student>/social-gpa/<period>/parents.yaml", false, "_schema-kind-staff-parents",
       gpa_parents_keys},
      {"staff-commission", "<staff>/commission-*.yaml", false, "_schema-kind-staff-commission", commission_keys},
  };
  return kinds;
}

const FileKind* find_file_kind(std::string_view name) {
  for (const FileKind& k : file_kinds())
    if (k.name == name) return &k;
  return nullptr;
}

}  // namespace casfolio
