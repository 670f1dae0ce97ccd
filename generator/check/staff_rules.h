// The staff side of a portfolio (docs/checks.md, "Staff records"): what
// counts as confirmed, and the rules about staff records that need the
// portfolio. One place decides what counts, for the checks, the indicators,
// the social GPA and the pages alike.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/cohort.h"

namespace casfolio {

// What is confirmed about one experience as of a day. In a cohort with a
// staff folder only the folder's confirmation counts (a review.md in the
// student's portfolio is claimed, never confirmed); without one, the
// student's review.md counts, self-reported. Dated after as_of = not yet.
struct ConfirmedFacts {
  bool counted = false;         // a confirmation that counts was found
  bool by_staff = false;        // from the staff folder (else the student's review.md)
  std::optional<double> hours;  // one number, split over the strands like the claimed hours
  std::optional<StrandHours> hours_per_strand;
  std::vector<OutcomeRef> outcomes;
  std::optional<bool> completed;  // nullopt: nobody said
  std::string by, role, source;
  Date date;
  std::string file;  // review.md relative to the portfolio, or the record relative to the staff folder
  int hours_line = 0;
};
ConfirmedFacts confirmed_facts(const Experience& e, const Portfolio& p, const CohortConfig& c, Date as_of);

// False only when what counts (above) says `completed: false`: such an
// experience is no finished project and completes nothing.
bool not_completed(const Experience& e, const Portfolio& p, const CohortConfig& c, Date as_of);

// The rules, only in a cohort with a staff folder: a review.md written in
// the portfolio (staff-only), an approved file changed since, a missing
// approval that requirements.approval asks for. Sorted.
std::vector<Finding> check_staff_records(const Portfolio& p, const CohortConfig& c, Date as_of);

}  // namespace casfolio
