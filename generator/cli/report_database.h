// The rows of `report --format sqlite` (write/sqlite_report.h) from an
// analysed cohort: every student, each social GPA period with its items and
// components, and every finding (a staff report: the school's own database).
#pragma once
#include "indicators/analysis.h"
#include "write/sqlite_report.h"

namespace casfolio {

ReportDatabase report_database(const Cohort& cohort, const CohortAnalysis& analysis);

}  // namespace casfolio
