// The social GPA's records (docs/social-gpa.md, "Records"): in the staff
// folder, each student's social-gpa/<period>/ (assessment.yaml,
// observations/*.yaml, parents.yaml) and the cohort's commission-*.yaml; in
// the student's portfolio, self-assessment/<period>.yaml. A record with an
// error counts for nothing; one bad record never stops the others.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "load/file_source.h"
#include "load/loader.h"
#include "model/social_gpa.h"

namespace casfolio {

// `dir` is the student's social-gpa/ folder relative to the staff folder.
std::vector<GpaPeriodRecords> read_gpa_staff_records(const FileSource& files, const std::string& dir,
                                                     const SocialGpaScheme& scheme, const Limits& limits,
                                                     Diagnostics& diagnostics);

// Whether a top-level file of the staff folder is a commission record.
bool is_commission_file(std::string_view name);
// The commission record `file` (relative to the staff folder).
std::optional<GpaCommission> read_commission(const FileSource& files, const std::string& file, const Limits& limits,
                                             Diagnostics& diagnostics);

// A student's self-assessment/<period>.yaml, `file` relative to the portfolio.
std::optional<GpaSelfAssessment> parse_self_assessment(std::string_view text, const std::string& file,
                                                       const Limits& limits, Diagnostics& diagnostics);

}  // namespace casfolio
