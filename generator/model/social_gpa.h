// The social GPA as the national methodology defines it (docs/social-gpa.md;
// ../shared/sources/001, "ӘЛЕУМЕТТІК GPA КОМПОНЕНТТЕРІ", 4.1–4.4 and the
// appendix): the school's scheme (points, components, domains, periods, its
// approval) and the records it is assessed from. The forms' statements are
// built in, with their texts in kk/ru/en, like the CAS outcomes.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/framework.h"
#include "model/source_lines.h"
#include "util/date.h"

namespace casfolio {

enum class GpaModel { cumulative, levels, mixed };
enum class Rounding { floor, nearest, none };

struct VolunteerHoursRule {
  double per = 10;
  double points = 1;
  double max = 5;
  Rounding rounding = Rounding::floor;
};

// One of the social GPA's components ("civic", "integrity", …).
struct GpaComponent {
  std::string id;
  LocalizedText name;
};

// How components are assessed: the methodology's rubric (жоқ / эпизодтық
// түрде байқалады / тұрақты түрде байқалады, 0–2) or a 5-point scale (1–5).
enum class ComponentScale { rubric, five_point };

// One of the six assessment domains the achievements are grouped by.
struct GpaDomain {
  std::string id;
  LocalizedText name;
};

// An assessment period: `from`..`to` inclusive; results are judged at `to`.
struct GpaPeriod {
  std::string id;  // "2026-12"
  LocalizedText name;
  Date from, to;
  std::string school_year;  // "2026-2027": the periods a year's result adds up
};

// `approved: {act, date}`: the internal act that approved the rules, which
// the methodology requires before they are used.
struct GpaApproval {
  std::string act;
  Date date;
};

struct SocialGpaScheme {
  GpaModel model = GpaModel::cumulative;
  VolunteerHoursRule volunteer_hours;
  // Points per achievement kind; a prize is added on top of its competition.
  std::vector<std::pair<std::string, double>> points = {
      {"event_organised", 2}, {"committee", 1}, {"competition", 1}, {"prize", 1}, {"course_certificate", 2}};
  bool require_evidence = true;
  // Whether an achievement's web link (`evidence: https://…`) is evidence;
  // the methodology lists links among evidence formats (docs/decisions.md).
  bool links_count_as_evidence = true;
  double scale_max = 4.0;
  double full_points = 20;
  double level_high = 15;
  double level_satisfactory = 8;
  // `levels:` written beside the cumulative model: shown with the number.
  bool levels_given = false;
  std::vector<GpaComponent> components = default_components();
  ComponentScale component_scale = ComponentScale::rubric;
  std::vector<GpaDomain> domains = default_domains();
  // Achievement kind -> domain id; a kind not listed is in no domain.
  std::vector<std::pair<std::string, std::string>> kind_domains = default_kind_domains();
  // Empty = each school year's December and May (default_periods()).
  std::vector<GpaPeriod> periods;
  std::optional<GpaApproval> approved;
  std::string version;  // `version:`; "" = the approval's date
  KeyLines keys;

  static std::vector<GpaComponent> default_components();
  static std::vector<GpaDomain> default_domains();
  static std::vector<std::pair<std::string, std::string>> default_kind_domains();
  const GpaComponent* component(std::string_view id) const;
  const GpaDomain* domain(std::string_view id) const;
  std::string domain_of(std::string_view kind) const;  // "" = none
  // What every result names as the rules that produced it.
  std::string rules_version() const;
};

// The periods of the school years that meet [first, last]: each year's
// December (June 1 – December 31) and May (January 1 – May 31), at most
// kMaxDefaultPeriods of them (seven school years, grades 5–11).
inline constexpr int kMaxDefaultPeriods = 14;
std::vector<GpaPeriod> default_periods(Date first, Date last);

// The appendix's forms. Each statement has a stable id (the key in a record).
struct FormStatement {
  std::string id;
  LocalizedText text;
};
// The teacher's observation sheet: seven statements.
const std::vector<FormStatement>& observation_statements();
// "Менің әлеуметтік белсенділігім": six statements.
const std::vector<FormStatement>& self_assessment_statements();
// The parent questionnaire: four questions.
const std::vector<FormStatement>& parent_questions();

// Answer scales, ordered from most to least, each a stable word.
inline constexpr std::string_view kObservationAnswers[] = {"often", "sometimes", "rarely", "not-observed"};
inline constexpr std::string_view kSelfAnswers[] = {"fully", "partly", "sometimes", "never"};
inline constexpr std::string_view kParentAnswers[] = {"yes", "no", "unknown"};
inline constexpr std::string_view kRubricLevels[] = {"none", "episodic", "consistent"};

// --- records -------------------------------------------------------------

// A statement's answer in a form, with its line.
struct FormAnswer {
  std::string statement;  // the statement's id
  std::string answer;     // one word of the form's scale
  int line = 0;
};

// Staff: <id>/social-gpa/<period>/observations/<observer>.yaml.
struct GpaObservation {
  std::string file;  // relative to the staff folder
  std::string by, role;
  Date date;
  std::vector<FormAnswer> answers;
};

// Staff: <id>/social-gpa/<period>/assessment.yaml: the components by the
// school's scale and, for the mixed model, the written profile.
struct GpaAssessment {
  std::string file;
  std::string by, role;
  Date date;
  std::vector<std::pair<std::string, int>> components;  // id -> 0..2 (rubric) or 1..5
  std::string strengths, growth;
  KeyLines keys;
};

// Staff: <id>/social-gpa/<period>/parents.yaml.
struct GpaParentAnswers {
  std::string file;
  Date date;
  std::vector<FormAnswer> answers;
  std::string comment;
};

// One student's staff records for one period.
struct GpaPeriodRecords {
  std::string period;
  std::optional<GpaAssessment> assessment;
  std::vector<GpaObservation> observations;  // by file
  std::optional<GpaParentAnswers> parents;
};

// Student: self-assessment/<period>.yaml in their own portfolio.
inline constexpr std::string_view kSelfAssessmentFolder = "self-assessment";
struct GpaSelfAssessment {
  std::string period;
  std::string file;  // relative to the portfolio root
  Date date;
  std::vector<FormAnswer> answers;
  std::string comment;
};

// Staff, cohort-wide: commission-*.yaml at the staff folder's top.
struct CommissionMember {
  std::string name, role;
};
struct CommissionDecision {
  std::string student;  // id
  bool confirmed = true;  // false: adjusted
  double adjustment = 0;  // points added (negative: taken off)
  std::string reason;
  int line = 0;
};
struct GpaCommission {
  std::string file;  // relative to the staff folder
  std::string period;
  std::string class_name;  // "" = every class
  Date date;
  std::vector<CommissionMember> members;
  std::vector<CommissionDecision> decisions;  // by student id
  const CommissionDecision* decision(std::string_view student) const;
};

}  // namespace casfolio
