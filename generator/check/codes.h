// The stable codes of the CAS requirement checks (docs/checks.md). Their
// severity, sentence and hint are in i18n/messages/check.yaml.
#pragma once
#include <array>
#include <string_view>

namespace casfolio::codes {

// One experience (experiences/<id>/index.md). A missing strand, outcome or
// start and an end before the start are input errors the loader reports
// (missing-key, unknown-strand, unknown-outcome, bad-date, end-before-start):
// the model can only hold them after the loader has, so they are not checked
// again here.
inline constexpr std::string_view kExperiencePaid = "experience-paid";
inline constexpr std::string_view kExperienceTooManyOutcomes = "experience-too-many-outcomes";
inline constexpr std::string_view kExperienceFewReflections = "experience-few-reflections";
inline constexpr std::string_view kReflectionBeforeStart = "reflection-before-start";

// CAS projects.
inline constexpr std::string_view kProjectMissing = "project-missing";
inline constexpr std::string_view kProjectTooShort = "project-too-short";
inline constexpr std::string_view kProjectFewCollaborators = "project-few-collaborators";
inline constexpr std::string_view kProjectMissingStages = "project-missing-stages";

// Coverage of the framework and the strands.
inline constexpr std::string_view kOutcomeNotEvidenced = "outcome-not-evidenced";
inline constexpr std::string_view kStrandMissing = "strand-missing";
inline constexpr std::string_view kStrandFewExperiences = "strand-few-experiences";

// Time: span, gaps, the calendar.
inline constexpr std::string_view kSpanTooShort = "span-too-short";
inline constexpr std::string_view kSpanCannotReach = "span-cannot-reach";
inline constexpr std::string_view kActivityGap = "activity-gap";
inline constexpr std::string_view kNoRecentActivity = "no-recent-activity";
inline constexpr std::string_view kReflectionDeadlineMissed = "reflection-deadline-missed";
inline constexpr std::string_view kInterviewDeadlineMissed = "interview-deadline-missed";
// A deadline that has passed: it stays on the record and no edit undoes it
// (a later entry catches up), so pages show it apart from what can be fixed.
inline constexpr bool is_past_deadline(std::string_view code) {
  return code == kReflectionDeadlineMissed || code == kInterviewDeadlineMissed;
}
// With the ledger's hand-in times (check/timeline.h, hand_in()); staff-only.
inline constexpr std::string_view kReflectionBackdated = "reflection-backdated";
inline constexpr std::string_view kReflectionNotCollected = "reflection-not-collected";

// An entry still as casfolio new wrote it (check/template_rules.h): it counts for nothing.
inline constexpr std::string_view kTemplateNotFilled = "template-not-filled";

// portfolio.yaml: a profile key given but left empty (`advisor: ""`).
inline constexpr std::string_view kProfileFieldEmpty = "profile-field-empty";

// What a student's own view shows of a near-duplicate match
// (check/shown_findings.h): no percentage, no other student, file or text.
inline constexpr std::string_view kStaffQuestion = "staff-question";
// The codes only an audience's view makes (never check_portfolio itself).
inline constexpr std::array<std::string_view, 1> kViewOnly = {kStaffQuestion};

// Every code check_portfolio can emit.
inline constexpr std::array<std::string_view, 21> kAll = {
    kExperiencePaid,       kExperienceTooManyOutcomes, kExperienceFewReflections, kReflectionBeforeStart,
    kProjectMissing,       kProjectTooShort,           kProjectFewCollaborators,  kProjectMissingStages,
    kOutcomeNotEvidenced,  kStrandMissing,             kStrandFewExperiences,     kSpanTooShort,
    kSpanCannotReach,      kActivityGap,               kNoRecentActivity,         kReflectionDeadlineMissed,
    kInterviewDeadlineMissed, kTemplateNotFilled,     kProfileFieldEmpty,
    kReflectionBackdated,  kReflectionNotCollected,
};

}  // namespace casfolio::codes
