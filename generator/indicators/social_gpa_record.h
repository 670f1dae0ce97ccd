// A student's social GPA period by period and year by year (docs/social-gpa.md):
// the points of each period under the school's scheme, the commission's
// decision on them, the components, the observation sheets combined, the
// student's self-assessment and the parents' answers. Pure functions of the
// portfolio, the cohort and the as-of date.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "indicators/indicators.h"
#include "model/cohort.h"

namespace casfolio {

// The appendix's volunteer checklist, from the period's counted hours.
struct VolunteerChecklist {
  double hours = 0;             // counted volunteer hours in the period
  bool enough_hours = false;    // at least kChecklistHours
  bool documented = false;      // every counted hour confirmed in the staff folder
  bool voluntary = false;       // counted hours come from unpaid experiences only (paid ones never count)
  bool in_portfolio = false;    // the experiences are in the portfolio
};
inline constexpr double kChecklistHours = 20;

// One statement of the observation sheet, combined over the observers.
struct CombinedObservation {
  std::string statement;
  std::string answer;  // a word of kObservationAnswers
  int observers = 0;
};

struct GpaPeriodResult {
  GpaPeriod period;
  bool open = false;  // the period has not ended by the as-of date
  SocialGpaResult computed;  // the items of the period and their points
  // The commission (draft until it decided on the student).
  bool confirmed = false;
  std::optional<GpaCommission> commission;  // the record that decided (its decisions left out)
  double adjustment = 0;
  std::string adjustment_reason;
  // After the commission: computed.points + adjustment (never below 0).
  double points = 0, scaled = 0;
  std::string level;
  std::optional<GpaAssessment> assessment;
  std::vector<CombinedObservation> observations;  // in the sheet's order; empty without a sheet
  int observers = 0;
  std::optional<GpaParentAnswers> parents;
  std::optional<GpaSelfAssessment> self;
  VolunteerChecklist checklist;
  std::string rules_version;
};

struct GpaYearResult {
  std::string school_year;
  int periods = 0;
  double points = 0;  // the sum of its periods' points
  double scaled = 0;  // the mean of its periods' scaled figures
  std::string level;  // of the mean points per period
  bool confirmed = false;  // every one of its periods confirmed
};

struct SocialGpaRecord {
  std::vector<GpaPeriodResult> periods;  // by date; only those begun by the as-of date
  std::vector<GpaYearResult> years;      // by school year
};

// The scheme's periods that have begun by `as_of`: its own list, or the
// default December and May periods from the cohort's start (else the first
// of the school year of as_of) to as_of.
std::vector<GpaPeriod> gpa_periods(const SocialGpaScheme& scheme, const CohortConfig& c, Date as_of);

// Several observers' answers to one statement: the median, and with an even
// number of answers the less frequent of the two middle ones, so that one
// generous sheet never raises what the others saw ("no score is raised
// without supporting material").
std::string combined_answer(std::vector<std::string> answers);

// The student's record (copies of the records it was made from, so it
// outlives the loaded cohort).
SocialGpaRecord compute_social_gpa_record(const Portfolio& p, const CohortConfig& c, Date as_of);

}  // namespace casfolio
