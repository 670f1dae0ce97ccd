// The cohort's staff folder (docs/format.md, "Staff records"): records only
// staff write, read into StaffRecords per student and hung on the student's
// portfolio. Every problem is a staff-only finding about the staff file; a
// record with an error counts for nothing, and one bad record never stops
// the others or the cohort.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "load/file_source.h"
#include "load/loader.h"
#include "model/cohort.h"

namespace casfolio {

struct StaffFolder {
  std::map<std::string, StaffRecords> students;  // by the student's folder name (their id)
  // Folders inside it that hold a portfolio.yaml (already reported): then
  // the whole staff folder is ignored.
  std::vector<std::string> portfolios;
  bool too_large = false;  // the walk stopped at its bounds (reported): ignored too
  // commission-*.yaml at the top (load/staff_gpa_records.h), by period,
  // class and file; a student decided on twice in one period is reported and
  // neither decision counts.
  std::vector<GpaCommission> commissions;
};

// `files` is rooted at the staff folder; findings name files relative to it.
// `only_student`: read just that student's folder (casfolio serve's reload),
// still walking the whole folder for portfolios.
StaffFolder read_staff_folder(const FileSource& files, const CohortConfig& cohort, const Limits& limits,
                              Diagnostics& diagnostics, const std::string* only_student = nullptr);

// Hangs `records` on the portfolio after checking them against it: a
// confirmation or approval of an experience it does not have, more hours
// than the experience's days could hold, feedback on nothing in it, and an
// approved file that is not in it are reported and dropped. Fills each
// approved file's current hash from `files` (rooted at the portfolio).
void attach_staff_records(StaffRecords records, Portfolio& p, const FileSource& files, const Limits& limits,
                          Diagnostics& diagnostics);

// Where the staff folder is, relative to the loaded root (absolute when it
// has no such path), "" = none: LoadOptions::staff_dir wins over cohort.yaml's
// `staff:`, which is relative to `config_dir` (the cohort file's folder
// relative to the loaded root). Known before discovery, which skips it.
std::string locate_staff_folder(const CohortConfig& config, const FileSource& source, const std::string& config_dir,
                                const LoadOptions& options);

// With cohort.config.staff_folder located: refuses the folder when it sits
// inside a portfolio or holds one (staff_folder_ignored: nothing in it
// counts), reads it and hangs each student's records on their portfolio.
// Findings go to `diagnostics` (the cohort's), staff-only, named relative to
// the loaded root.
void load_staff_folder(Cohort& cohort, const FileSource& source, const LoadOptions& options, Diagnostics& diagnostics);

// Re-reads one portfolio's staff records (casfolio serve) from the folder
// that load_staff_folder chose; `dir` is the loaded root on disk.
void reload_staff_records(LoadedPortfolio& lp, const std::string& dir, const CohortConfig& config,
                          const LoadOptions& options);

// True when `path` is `folder` or inside it (both relative to one root,
// normalised; "." is the root itself).
bool path_inside(std::string_view path, std::string_view folder);

}  // namespace casfolio
