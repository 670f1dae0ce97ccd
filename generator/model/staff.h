// One student's records in the cohort's staff folder (docs/format.md, "Staff
// records"): what only staff write. Every record keeps its file (relative to
// the staff folder, e.g. "ana/confirmations/guitar.yaml") and key lines.
// Staff records never reach a --public page; feedback and interviews with
// staff_only never reach anything a student gets.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/cas.h"
#include "model/framework.h"
#include "model/ledger.h"
#include "model/social_gpa.h"
#include "model/source_lines.h"
#include "util/date.h"

namespace casfolio {

// confirmations/<experience-id>.yaml: a supervisor's confirmation.
struct StaffConfirmation {
  std::string experience;  // experience id (the file name, or its `experience:` key)
  std::string by, role;
  Date date;
  std::string source;  // form | email | paper | in-person
  std::string scan;    // relative to the student's staff folder; "" = none
  // `hours: 28` (split over the experience's strands like its claimed
  // hours) or `hours: {creativity: 10, activity: 18}`; neither = none given.
  std::optional<double> hours;
  std::optional<StrandHours> hours_per_strand;
  std::vector<OutcomeRef> outcomes;  // confirmed as achieved
  bool completed = false;            // required; false when missing or malformed
  std::string comment;
  KeyLines keys;
};

enum class ApprovalKind { plan, experience, project };
std::string_view name(ApprovalKind k);  // "plan" | "experience" | "project"

struct ApprovedFile {
  std::string path;    // relative to the portfolio root
  std::string sha256;  // of the approved normalised text (util/normalised_text.h)
  // The approved normalised text, when the record keeps it (`text:`) and it
  // hashes to sha256: what a line diff on staff pages compares against.
  std::optional<std::string> approved_text;
  // Filled by the loader from the portfolio as it is now; current_sha256 ""
  // = the file is not in the portfolio.
  std::string current_sha256;
  std::string current_text;  // normalised
  int line = 0;              // of its `path:` in the record
  bool up_to_date() const { return !current_sha256.empty() && current_sha256 == sha256; }
};

// approvals/plan.yaml or approvals/<experience-id>.yaml.
struct StaffApproval {
  std::string subject;  // "plan" or the experience id (the file name)
  ApprovalKind what = ApprovalKind::plan;
  std::string by;
  Date date;
  std::vector<ApprovedFile> files;
  std::string comment;
  KeyLines keys;
  bool up_to_date() const;  // every file unchanged since approved
};

// feedback/<YYYY-MM-DD>-<n>.md.
struct StaffFeedback {
  std::string by, role;
  Date date;
  std::string on = "portfolio";  // "portfolio" or a path relative to the portfolio root
  bool staff_only = false;       // true: never in anything a student gets
  MarkdownBody text;
  KeyLines keys;
};

// status.yaml: shown beside the computed status, never replacing it.
struct StatusOverride {
  std::string status;  // on-track | of-concern | complete
  std::string reason, by;
  Date date;
  KeyLines keys;
};

// interviews/<YYYY-MM-DD>-<kind>.md: counts for interview deadlines like
// the student's interviews/*.md.
struct StaffInterview {
  std::string file;  // relative to the staff folder
  Date date;
  std::string kind, by;
  bool staff_only = false;
  MarkdownBody notes;
  KeyLines keys;
};

struct StaffRecords {
  std::vector<StaffConfirmation> confirmations;  // by experience id, at most one each
  std::optional<StaffApproval> plan_approval;
  std::vector<StaffApproval> experience_approvals;  // by experience id
  std::vector<StaffFeedback> feedback;              // by date, then file
  std::optional<StatusOverride> status_override;
  std::vector<StaffInterview> interviews;           // by date, then file
  // social-gpa/<period>/: the assessment, observation sheets and parents'
  // answers of each period (model/social_gpa.h), by period id.
  std::vector<GpaPeriodRecords> social_gpa;
  // From the staff folder's ledger.jsonl when it is trusted and has lines
  // about the student: when the school first saw each file and its latest
  // version. nullopt = dates are as typed (no ledger, a damaged one, or the
  // student not collected yet). Not a record: empty() does not look at it.
  std::optional<StudentHistory> history;

  const StaffConfirmation* confirmation(std::string_view experience) const;
  const StaffApproval* approval(std::string_view experience) const;
  const GpaPeriodRecords* social_gpa_period(std::string_view period) const;
  bool empty() const;
};

}  // namespace casfolio
