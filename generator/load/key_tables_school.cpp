// The keys of what the school writes: cohort.yaml (docs/format.md, sections
// 4 and 6), framework files (section 5) and the staff folder's records
// (section 10). The student's files are in key_tables.cpp.
#include "load/key_shapes.h"
#include "load/key_tables.h"
#include "load/yaml_fields.h"
#include "model/cohort.h"
#include "util/language.h"

namespace casfolio {

using namespace shapes;

namespace {

std::vector<std::string_view> language_words() {
  std::vector<std::string_view> out;
  for (Language l : kAllLanguages) out.push_back(code(l));
  return out;
}

const KeyTable& min_experiences_keys() {
  static const KeyTable t = any_keys(count(), strand_words(), "_schema-min-experiences-per-strand");
  return t;
}

const KeyTable& gpa_points_keys() {
  static const KeyTable t = [] {
    KeyTable p = any_keys(amount(kMaxAmount), {}, "_schema-gpa-points-per-kind");
    p.keys.push_back(key("volunteer_hours", map(volunteer_hours_keys()), false, "_schema-gpa-volunteer-hours"));
    return p;
  }();
  return t;
}

const KeyTable& confirmed_hours_keys() {
  static const KeyTable t = any_keys(amount(kMaxAmount), strand_words(), "_schema-hours-per-strand");
  return t;
}

}  // namespace

const KeyTable& cohort_keys() {
  static const KeyTable t = keys({
      {"school", text(), false, "_schema-cohort-school"},
      {"programme", text(), false, "_schema-cohort-programme"},
      {"cas", boolean(), false, "_schema-cohort-cas"},
      {"cohort", text(), false, "_schema-cohort-cohort"},
      {"language", choice(language_words()), false, "_schema-cohort-language"},
      {"languages", list(choice(language_words())), false, "_schema-cohort-languages"},
      {"start", date(), false, "_schema-cohort-start"},
      {"end", date(), false, "_schema-cohort-end"},
      {"framework", text(), false, "_schema-cohort-framework"},
      {"theme", text(), false, "_schema-cohort-theme"},
      {"requirements", map(requirements_keys()), false, "_schema-cohort-requirements"},
      {"calendar", list(map(calendar_keys())), false, "_schema-cohort-calendar"},
      {"social_gpa", either({boolean(), map(social_gpa_keys())}), false, "_schema-cohort-social-gpa"},
      {"staff", text(), false, "_schema-cohort-staff"},
      {"repositories", either({text(), list(map(repository_keys()))}), false, "_schema-cohort-repositories"},
  });
  return t;
}

const KeyTable& repository_keys() {
  static const KeyTable t = keys({
      {"id", text(), true, "_schema-repository-id"},
      {"url", text(), true, "_schema-repository-url"},
      {"branch", text(), false, "_schema-repository-branch"},
  });
  return t;
}

const KeyTable& requirements_keys() {
  static const KeyTable t = keys({
      {"min_months", count(), false, "_schema-req-min-months"},
      {"max_gap_days", count(), false, "_schema-req-max-gap-days"},
      {"concern_days", count(), false, "_schema-req-concern-days"},
      {"all_outcomes", boolean(), false, "_schema-req-all-outcomes"},
      {"all_strands", boolean(), false, "_schema-req-all-strands"},
      {"project", map(project_requirements_keys()), false, "_schema-req-project"},
      {"min_experiences", map(min_experiences_keys()), false, "_schema-req-min-experiences"},
      {"max_outcomes_per_experience", count(), false, "_schema-req-max-outcomes"},
      {"reflections_per_experience", map(reflections_per_experience_keys()), false, "_schema-req-reflections"},
      {"similarity", number(0, 1), false, "_schema-req-similarity"},
      {"approval", map(approval_requirements_keys()), false, "_schema-req-approval"},
      {"grace_days", count(kMaxGraceDays), false, "_schema-req-grace-days"},
  });
  return t;
}

const KeyTable& project_requirements_keys() {
  static const KeyTable t = keys({
      {"min", count(), false, "_schema-req-project-min"},
      {"min_days", count(), false, "_schema-req-project-min-days"},
      {"collaborators", count(), false, "_schema-req-project-collaborators"},
      {"start_by", date(), false, "_schema-req-project-start-by"},
      // `true`/`false` are read as all/none (only those two words, not yes/no).
      {"stages", either({choice({"all", "none"}), boolean()}), false, "_schema-req-project-stages"},
  });
  return t;
}

const KeyTable& approval_requirements_keys() {
  static const KeyTable t = keys({
      {"plan", boolean(), false, "_schema-req-approval-plan"},
      {"project", boolean(), false, "_schema-req-approval-project"},
      {"experience", boolean(), false, "_schema-req-approval-experience"},
  });
  return t;
}

const KeyTable& reflections_per_experience_keys() {
  static const KeyTable t = keys({
      {"min", count(), false, "_schema-req-reflections-min"},
      {"long_days", count(), false, "_schema-req-reflections-long-days"},
      {"long_min", count(), false, "_schema-req-reflections-long-min"},
  });
  return t;
}

const KeyTable& calendar_keys() {
  static const KeyTable t = [] {
    KeyTable c = keys({
        {"date", date(), false, "_schema-calendar-date"},
        {"from", date(), false, "_schema-calendar-from"},
        {"to", date(), false, "_schema-calendar-to"},
        {"kind", text(), true, "_schema-calendar-kind"},
        {"name", localized(), false, "_schema-calendar-name"},
        {"interview", text(), false, "_schema-calendar-interview"},
    });
    c.required_one_of = {{"date"}, {"from", "to"}};  // the day of a deadline, or a period
    return c;
  }();
  return t;
}

const KeyTable& social_gpa_keys() {
  static const KeyTable t = keys({
      {"model", choice({"cumulative", "levels", "mixed"}), false, "_schema-gpa-model"},
      {"points", map(gpa_points_keys()), false, "_schema-gpa-points"},
      {"require_evidence", boolean(), false, "_schema-gpa-require-evidence"},
      {"links_count_as_evidence", boolean(), false, "_schema-gpa-links-count-as-evidence"},
      {"scale", map(gpa_scale_keys()), false, "_schema-gpa-scale"},
      {"levels", map(gpa_levels_keys()), false, "_schema-gpa-levels"},
      {"components", map(gpa_components_keys()), false, "_schema-gpa-components"},
      {"domains", map(gpa_domains_keys()), false, "_schema-gpa-domains"},
      {"periods", strict_list(map(gpa_period_keys())), false, "_schema-gpa-periods"},
      {"approved", map(gpa_approval_keys()), false, "_schema-gpa-approved"},
      {"version", text(), false, "_schema-gpa-version"},
  });
  return t;
}

const KeyTable& volunteer_hours_keys() {
  static const KeyTable t = keys({
      {"per", positive_amount(kMaxAmount), false, "_schema-gpa-volunteer-per"},
      {"points", amount(kMaxAmount), false, "_schema-gpa-volunteer-points"},
      {"max", amount(kMaxAmount), false, "_schema-gpa-volunteer-max"},
      {"rounding", choice({"floor", "nearest", "none"}), false, "_schema-gpa-volunteer-rounding"},
  });
  return t;
}

const KeyTable& gpa_scale_keys() {
  static const KeyTable t = keys({
      {"max", amount(kMaxAmount), false, "_schema-gpa-scale-max"},
      {"full_points", positive_amount(kMaxAmount), false, "_schema-gpa-scale-full-points"},
  });
  return t;
}

const KeyTable& gpa_levels_keys() {
  static const KeyTable t = keys({
      {"high", amount(kMaxAmount), false, "_schema-gpa-levels-high"},
      {"satisfactory", amount(kMaxAmount), false, "_schema-gpa-levels-satisfactory"},
  });
  return t;
}

const KeyTable& framework_keys() {
  static const KeyTable t = keys({
      {"id", text(), false, "_schema-framework-id"},
      {"name", localized(), false, "_schema-framework-name"},
      {"outcomes", [] {
         KeyShape s = strict_list(map(framework_outcome_keys()));
         s.min_items = 1;
         return s;
       }(),
       true, "_schema-framework-outcomes"},
  });
  return t;
}

const KeyTable& framework_outcome_keys() {
  // An id of letters, digits, - and _ that does not start with "LO" (how students refer to outcome 1).
  static const KeyTable t = keys({
      {"id", text("^(?![Ll][Oo])[0-9A-Za-z_-]+$"), true, "_schema-outcome-id"},
      {"name", localized(), true, "_schema-outcome-name"},
      {"description", localized(), false, "_schema-outcome-description"},
      {"indicators", strict_list(map(framework_indicator_keys())), false, "_schema-outcome-indicators"},
  });
  return t;
}

const KeyTable& framework_indicator_keys() {
  static const KeyTable t = keys({
      {"id", text("^[0-9A-Za-z_-]+\\.[0-9A-Za-z_-]+$"), true, "_schema-indicator-id"},
      {"name", localized(), true, "_schema-indicator-name"},
  });
  return t;
}

const KeyTable& localized_text_keys() {
  static const KeyTable t = keys({
      {"kk", text(), false, "_schema-text-kk"},
      {"ru", text(), false, "_schema-text-ru"},
      {"en", text(), false, "_schema-text-en"},
  });
  return t;
}

const KeyTable& staff_confirmation_keys() {
  static const KeyTable t = keys({
      {"by", text(), true, "_schema-staff-by"},
      {"role", text(), false, "_schema-staff-role"},
      {"date", date(), true, "_schema-staff-date"},
      {"source", choice({"form", "email", "paper", "in-person"}), true, "_schema-confirmation-source"},
      {"scan", text(), false, "_schema-confirmation-scan"},
      {"hours", either({amount(kMaxAmount), map(confirmed_hours_keys())}), false, "_schema-confirmation-hours"},
      {"outcomes", outcomes(), false, "_schema-confirmation-outcomes"},
      {"completed", boolean(), true, "_schema-confirmation-completed"},
      {"comment", text(), false, "_schema-staff-comment"},
  });
  return t;
}

const KeyTable& staff_approval_keys() {
  static const KeyTable t = keys({
      {"what", choice({"plan", "experience", "project"}), true, "_schema-approval-what"},
      {"by", text(), true, "_schema-staff-by"},
      {"date", date(), true, "_schema-staff-date"},
      {"files", list(map(approved_file_keys())), true, "_schema-approval-files"},
      {"comment", text(), false, "_schema-staff-comment"},
  });
  return t;
}

const KeyTable& approved_file_keys() {
  static const KeyTable t = keys({
      {"path", text(), true, "_schema-approved-file-path"},
      {"sha256", text("^[0-9a-f]{64}$"), true, "_schema-approved-file-sha256"},
      {"text", text(), false, "_schema-approved-file-text"},
  });
  return t;
}

const KeyTable& staff_feedback_keys() {
  static const KeyTable t = keys({
      {"by", text(), true, "_schema-staff-by"},
      {"role", text(), false, "_schema-staff-role"},
      {"date", date(), true, "_schema-staff-date"},
      {"on", text(), false, "_schema-feedback-on"},
      {"staff_only", boolean(), false, "_schema-staff-only"},
  });
  return t;
}

const KeyTable& staff_interview_keys() {
  static const KeyTable t = keys({
      {"date", date(), true, "_schema-staff-date"},
      {"kind", text(), true, "_schema-interview-kind"},
      {"by", text(), true, "_schema-staff-by"},
      {"staff_only", boolean(), false, "_schema-staff-only"},
  });
  return t;
}

const KeyTable& staff_status_keys() {
  static const KeyTable t = keys({
      {"status", choice({"on-track", "of-concern", "complete"}), true, "_schema-status-status"},
      {"reason", text(), true, "_schema-status-reason"},
      {"by", text(), true, "_schema-staff-by"},
      {"date", date(), true, "_schema-staff-date"},
  });
  return t;
}

}  // namespace casfolio
