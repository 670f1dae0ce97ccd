// The figures coordinators read (SPEC section 8): pure functions of the
// model, the cohort's rules and the findings. docs/indicators.md describes
// every figure and the status rule.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check/staff_rules.h"
#include "check/timeline.h"
#include "model/cohort.h"

namespace casfolio {

enum class Status { complete, on_track, of_concern };
std::string_view name(Status s);  // "complete", "on-track", "of-concern"
inline constexpr std::array<Status, 3> kAllStatuses = {Status::complete, Status::on_track, Status::of_concern};

struct OutcomeEvidence {
  int count = 0;                         // reflections naming the outcome or one of its indicators
  std::vector<std::string> reflections;  // their files, by date then file
};

struct ProjectFacts {
  std::string id;
  int days = 0;           // experience_days(): end (or as_of while ongoing) - start + 1
  bool finished = false;  // has an `end` on or before as_of, and is not confirmed `completed: false`
};

struct GpaItem {
  // "volunteer_hours" (one service experience's counted hours, 0 points),
  // "volunteer_hours_total" (all of them, with the rounded, capped points),
  // or an achievement kind.
  std::string kind;
  std::string experience;   // experience id; "" for volunteer_hours_total
  std::string title;        // the achievement's title, or the experience's
  std::string file;         // where it was declared (index.md, review.md, or the staff record relative to the staff folder)
  int line = 0;
  Date date;
  std::string level;        // an achievement's level, "" otherwise
  double quantity = 0;      // hours for volunteer_hours*, else 1
  double points = 0;
  bool counted = true;      // false: no evidence under require_evidence (then points == 0)
  bool confirmed = true;    // volunteer_hours: true = supervisor-confirmed, false = claimed
  bool by_staff = false;    // volunteer_hours: confirmed in the staff folder (not self-reported)
};

struct SocialGpaResult {
  GpaModel model = GpaModel::cumulative;
  double points = 0;   // sum of the items' points (the volunteer cap already applied)
  double scaled = 0;   // min(points / full_points * scale_max, scale_max), rounded to 2 decimals
  std::string level;   // "high" | "satisfactory" | "initial"
  std::vector<GpaItem> items;
  // What the model shows: cumulative the scaled number, levels the level,
  // mixed both. The other value is still computed but not the result.
  bool shows_scaled() const { return model != GpaModel::levels; }
  bool shows_level() const { return model != GpaModel::cumulative; }
};

struct StudentIndicators {
  std::string id;
  std::array<int, 3> experiences_per_strand{};  // by Strand; paid experiences are not CAS and not counted
  StrandHours claimed_hours{};
  StrandHours confirmed_hours{};  // only what counts as confirmed (check/staff_rules.h)
  // No staff folder: confirmed hours and completion come from the student's
  // own review.md files, and pages and reports say so.
  bool hours_self_reported = true;
  // Experiences whose confirmation that counts says `completed: false` (ids).
  std::vector<std::string> not_completed;
  // A review.md in the portfolio of a cohort with a staff folder: claimed, not confirmed (experience ids).
  std::vector<std::string> unconfirmed_reviews;
  // Entries still the template (check/counted.h), by file: every figure here
  // leaves them out, and so do the pages' counts.
  std::vector<std::string> not_counted;
  bool counts(const std::string& file) const;
  int reflections = 0;
  std::map<std::string, OutcomeEvidence> outcomes;  // every framework outcome, by id
  std::vector<ProjectFacts> projects;
  int span_months = 0;
  Gap longest_gap;  // on the record: an old one is an `activity-gap` warning, not a concern
  // The status judges the present (docs/indicators.md, "Status"):
  Date as_of;
  // The stretch from the last entry up to as_of while it is still growing
  // (gaps(): ongoing); a zero Gap when the last entry ended one.
  Gap current_gap;
  // The latest entry of the timeline (activity_dates()) up to as_of; unset
  // when there is none. The cohort table's "days since the last entry".
  Date last_entry;
  // -1 when there is no entry.
  int days_since_last_entry() const { return last_entry.valid() && as_of.valid() ? as_of - last_entry : -1; }
  // The days the student's reflections count as handed in (hand_in()), up
  // to as_of, sorted: one after a missed deadline catches that deadline up.
  std::vector<Date> handed_in;
  std::vector<DeadlineResult> deadlines;  // reflection and interview deadlines only, by date
  int deadlines_met = 0, deadlines_missed = 0, deadlines_upcoming = 0;
  std::vector<const Interview*> interviews;
  std::optional<SocialGpaResult> social_gpa;
  // Experiences that ended before as_of with no reflection (ids).
  std::vector<std::string> unreflected_experiences;
  Status status = Status::on_track;
  // Staff's status override (dated on or before as_of): shown beside
  // `status` with its reason, never instead of it.
  std::optional<StatusOverride> status_override;

  int outcomes_evidenced() const;
};

// `findings` are the portfolio's load and check findings (status uses them).
StudentIndicators compute_student(const Portfolio& p, const CohortConfig& c, Date as_of,
                                  const std::vector<Finding>& findings);

// The status rule (docs/indicators.md), a pure function of the figures,
// about the present:
//   of-concern: something needs action now: an error; no entry for longer
//               than max_gap_days up to as_of; a reflection deadline missed
//               in the last concern_days days and not caught up by a
//               reflection handed in since; an interview deadline missed
//               and no interview of its kind held since; no project
//               started by project.start_by;
//   complete:   no error or warning (the deadline-missed warnings aside:
//               the rule judges deadlines itself), no ended experience
//               without a reflection, no experience confirmed `completed:
//               false`, and every requirement met (experiences per strand,
//               all outcomes, enough finished projects of min_days, the
//               programme span);
//   on-track:   otherwise.
// Staff-only findings (academic honesty) do not change the status.
// It is a function of unmet_requirements() (generator/indicators/status.cpp).
Status judge_status(const StudentIndicators& s, const Requirements& r, const std::vector<Finding>& findings);

// One condition of the status rule that a student does not meet, as data:
// the catalog text that says it (i18n/messages/completion.yaml, "_unmet-*")
// and its values, so that a list of reasons can be shown in any language.
struct UnmetRequirement {
  std::string text;      // e.g. "_unmet-span"
  Args args;             // e.g. {months, 5}, {needed, 8}
  bool concern = false;  // makes the student of-concern (else on-track)
};

// Every condition of the status rule the student does not meet, in the
// rule's order (the of-concern ones first). Empty exactly when the status
// is complete; judge_status() is: any `concern` -> of-concern, any other ->
// on-track, none -> complete.
std::vector<UnmetRequirement> unmet_requirements(const StudentIndicators& s, const Requirements& r,
                                                 const std::vector<Finding>& findings);

// Social GPA (SPEC section 6) from the portfolio's service experiences and
// achievements under `scheme`. Paid experiences, and reviews and
// achievements dated after as_of, are left out.
// With a staff folder in `c`, only its confirmations count as confirmed
// hours (check/staff_rules.h); the scheme is c.social_gpa (or the defaults).
SocialGpaResult compute_social_gpa(const Portfolio& p, const CohortConfig& c, Date as_of);
SocialGpaResult compute_social_gpa(const Portfolio& p, const SocialGpaScheme& scheme, const CohortConfig& c,
                                   Date as_of);
// Only the hours confirmed and the achievements dated from `from` (unset: no
// bound) to `to`, judged as on `to`: one period's result.
SocialGpaResult compute_social_gpa_between(const Portfolio& p, const SocialGpaScheme& scheme, const CohortConfig& c,
                                           Date from, Date to);
// The scheme's 4-point figure and level for a number of points.
double gpa_scaled(const SocialGpaScheme& scheme, double points);
std::string gpa_level(const SocialGpaScheme& scheme, double points);  // "high" | "satisfactory" | "initial"
// As in a cohort without a staff folder (the student's review.md counts).
SocialGpaResult compute_social_gpa(const Portfolio& p, const SocialGpaScheme& scheme, Date as_of);

// One `gpa-no-evidence` finding per achievement that scored 0 for lack of
// evidence, at its line in the experience's index.md.
std::vector<Finding> social_gpa_findings(const SocialGpaResult& result);

// Splits an experience's confirmed `hours` over its strands the way its
// claimed hours are split: in the same proportions when the claim gives
// hours per strand, else evenly (the loader splits one number evenly).
StrandHours split_hours(const Experience& e, double hours);
// Confirmed hours per strand: given per strand, or one number split as above.
StrandHours confirmed_strand_hours(const Experience& e, const ConfirmedFacts& f);

// Volunteer points for `hours` under `rule`: rounding of hours / per, times
// points, capped at max.
double volunteer_points(double hours, const VolunteerHoursRule& rule);

std::string_view name(GpaModel m);   // "cumulative" | "levels" | "mixed"
std::string_view name(Rounding r);   // "floor" | "nearest" | "none"

// Half away from zero to 2 decimals: how every hour and point is shown.
double round2(double x);
// round2, then "12", "12.5" or "3.33": no trailing zeros, '.' as separator.
std::string format_number(double x);

struct OverdueItem {
  std::string student;
  std::string what;  // "deadline" | "experience-without-reflection"
  Date date;         // the deadline, or the experience's end
  std::string detail;  // deadline name (else kind, with the interview), or the experience id
  LocalizedText name;  // a deadline's calendar name in each language it is given in (pages show theirs)
};

struct AdvisorGroup {
  std::string name;                   // "" = no adviser given
  std::vector<std::string> students;  // ids, in cohort order
  std::map<Status, int> per_status;
};

struct CohortIndicators {
  std::map<Status, int> per_status;  // every status present, 0 when none
  // student id -> outcome id -> count of evidencing reflections
  std::map<std::string, std::map<std::string, int>> outcome_matrix;
  std::array<int, 3> experiences_per_strand{};
  StrandHours claimed_hours{};
  StrandHours confirmed_hours{};
  std::vector<OverdueItem> overdue;  // by date, then student, then detail
  std::map<std::string, std::vector<std::string>> students_per_advisor;
  std::vector<AdvisorGroup> advisors;  // by name; "" (none) last
};

// `students` in the same order as cohort.portfolios.
CohortIndicators compute_cohort(const Cohort& cohort, const std::vector<StudentIndicators>& students);

}  // namespace casfolio
