#include "indicators/indicators.h"
namespace casfolio {
std::string_view name(Status s) { return s == Status::complete ? "complete" : s == Status::on_track ? "on-track" : "of-concern"; }
StudentIndicators compute_student(const Portfolio& p, const CohortConfig&, Date, const std::vector<Finding>&) { StudentIndicators s; s.id = p.id; return s; }
CohortIndicators compute_cohort(const Cohort&, const std::vector<StudentIndicators>&) { return {}; }
}
