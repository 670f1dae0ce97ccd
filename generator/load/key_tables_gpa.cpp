// The keys of the social GPA's records and of its part of cohort.yaml
// (docs/social-gpa.md): the scheme's components, domains, periods and
// approval, the student's self-assessment and the staff folder's assessments,
// observation sheets, parents' answers and commission records.
#include <span>

#include "load/key_shapes.h"
#include "load/key_tables.h"
#include "load/yaml_fields.h"
#include "model/social_gpa.h"

namespace casfolio {

using namespace shapes;

namespace {

constexpr std::string_view kIdPattern = "^[a-z0-9-]+$";

std::vector<std::string_view> words(std::span<const std::string_view> list) { return {list.begin(), list.end()}; }

std::vector<std::string_view> statement_ids(const std::vector<FormStatement>& form) {
  std::vector<std::string_view> out;
  for (const FormStatement& s : form) out.push_back(s.id);
  return out;
}

// A form's answers: each of its statements (and nothing else) -> one word of its scale.
KeyTable answers(const std::vector<FormStatement>& form, std::span<const std::string_view> scale,
                 std::string_view description) {
  return any_keys(choice(words(scale)), statement_ids(form), description);
}

}  // namespace

const KeyTable& gpa_components_keys() {
  static const KeyTable t = keys({
      {"scale", choice({"rubric", "five_point"}), false, "_schema-gpa-components-scale"},
      {"list", strict_list(map(gpa_component_keys())), false, "_schema-gpa-components-list"},
  });
  return t;
}

const KeyTable& gpa_component_keys() {
  static const KeyTable t = keys({
      {"id", text(kIdPattern), true, "_schema-gpa-component-id"},
      {"name", localized(), true, "_schema-gpa-component-name"},
  });
  return t;
}

const KeyTable& gpa_domains_keys() {
  static const KeyTable t = any_keys(text(kIdPattern), {}, "_schema-gpa-domain-of-kind");
  return t;
}

const KeyTable& gpa_period_keys() {
  static const KeyTable t = keys({
      {"id", text(kIdPattern), true, "_schema-gpa-period-id"},
      {"name", localized(), false, "_schema-gpa-period-name"},
      {"from", date(), true, "_schema-gpa-period-from"},
      {"to", date(), true, "_schema-gpa-period-to"},
      {"school_year", text(), false, "_schema-gpa-period-school-year"},
  });
  return t;
}

const KeyTable& gpa_approval_keys() {
  static const KeyTable t = keys({
      {"act", text(), true, "_schema-gpa-approved-act"},
      {"date", date(), true, "_schema-gpa-approved-date"},
  });
  return t;
}

const KeyTable& self_assessment_keys() {
  static const KeyTable answers_table = answers(self_assessment_statements(), kSelfAnswers, "_schema-self-answer");
  static const KeyTable t = keys({
      {"date", date(), true, "_schema-self-date"},
      {"answers", map(answers_table), true, "_schema-self-answers"},
      {"comment", text(), false, "_schema-self-comment"},
  });
  return t;
}

const KeyTable& gpa_assessment_keys() {
  static const KeyTable components =
      any_keys(either({choice(words(kRubricLevels)), count(5)}), {}, "_schema-gpa-assessment-component");
  static const KeyTable t = keys({
      {"by", text(), true, "_schema-staff-by"},
      {"role", text(), false, "_schema-staff-role"},
      {"date", date(), true, "_schema-staff-date"},
      {"components", map(components), true, "_schema-gpa-assessment-components"},
      {"strengths", text(), false, "_schema-gpa-assessment-strengths"},
      {"growth", text(), false, "_schema-gpa-assessment-growth"},
  });
  return t;
}

const KeyTable& gpa_observation_keys() {
  static const KeyTable answers_table =
      answers(observation_statements(), kObservationAnswers, "_schema-observation-answer");
  static const KeyTable t = keys({
      {"by", text(), true, "_schema-staff-by"},
      {"role", text(), false, "_schema-staff-role"},
      {"date", date(), true, "_schema-staff-date"},
      {"answers", map(answers_table), true, "_schema-observation-answers"},
  });
  return t;
}

const KeyTable& gpa_parents_keys() {
  static const KeyTable answers_table = answers(parent_questions(), kParentAnswers, "_schema-parents-answer");
  static const KeyTable t = keys({
      {"date", date(), true, "_schema-staff-date"},
      {"answers", map(answers_table), true, "_schema-parents-answers"},
      {"comment", text(), false, "_schema-staff-comment"},
  });
  return t;
}

const KeyTable& commission_keys() {
  static const KeyTable students =
      any_keys(either({choice({"confirm"}), map(commission_decision_keys())}), {}, "_schema-commission-student");
  static const KeyTable t = keys({
      {"period", text(kIdPattern), true, "_schema-commission-period"},
      {"class", text(), false, "_schema-commission-class"},
      {"date", date(), true, "_schema-staff-date"},
      {"members", strict_list(map(commission_member_keys())), true, "_schema-commission-members"},
      {"students", map(students), true, "_schema-commission-students"},
  });
  return t;
}

const KeyTable& commission_member_keys() {
  static const KeyTable t = keys({
      {"name", text(), true, "_schema-commission-member-name"},
      {"role", text(), true, "_schema-commission-member-role"},
  });
  return t;
}

const KeyTable& commission_decision_keys() {
  static const KeyTable t = keys({
      {"adjust", number(-kMaxAmount, kMaxAmount), true, "_schema-commission-adjust"},
      {"reason", text(), true, "_schema-commission-reason"},
  });
  return t;
}

}  // namespace casfolio
