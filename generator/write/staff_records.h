// The records the staff commands write into the cohort's staff folder
// (`casfolio approve | confirm | comment`, docs/format.md "Staff records").
// Each *_record function is pure: what a member of staff said -> the
// record's path (relative to the staff folder) and its exact text, keys in
// the documented order, free text double-quoted by yaml-cpp. Only
// write_new_record touches the disk, and it never replaces a file.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "model/staff.h"
#include "util/date.h"

namespace casfolio {

struct StaffRecordFile {
  std::string path;  // relative to the staff folder: "<student>/confirmations/<id>.yaml"
  std::string text;
};

struct ConfirmationInput {
  std::string student, experience;  // ids
  std::string by, role;             // role "" = not written
  Date date;
  std::string source = "form";         // form | email | paper | in-person
  double hours = 0;                    // finite, > 0 (the command checks the bounds)
  std::vector<std::string> outcomes;   // ids as the framework names them: "1", "1.2"
  bool completed = false;
  std::string comment;                 // "" = not written
};
StaffRecordFile confirmation_record(const ConfirmationInput& in);

struct ApprovalInput {
  std::string student;
  std::string subject;  // "plan" or the experience id: the record's file name
  ApprovalKind what = ApprovalKind::plan;
  std::string by;
  Date date;
  struct File {
    std::string path;    // in the portfolio
    std::string text;    // its normalised text (util/normalised_text.h), kept for a line diff
    std::string sha256;  // of `text`
  };
  std::vector<File> files;
  std::string comment;
};
// The record keeps each file's approved text under `text:` (a literal block,
// or a double-quoted string when a block would not read back the same), so
// staff pages can show what changed since.
StaffRecordFile approval_record(const ApprovalInput& in);

struct FeedbackInput {
  std::string student, by, role;  // role "" = not written
  Date date;
  std::string on = "portfolio";   // "portfolio" or a path relative to the portfolio root
  bool staff_only = false;
  std::string text;               // Markdown; line ends normalised, one final newline
};
// feedback/<date>-<n>.md: the caller picks n (the next free one).
StaffRecordFile feedback_record(const FeedbackInput& in, int n);

// `s` as one YAML double-quoted scalar (yaml-cpp's escaping: quotes,
// backslashes, newlines and control characters).
std::string yaml_double_quoted(const std::string& s);
// 28 -> "28", 2.5 -> "2.5": the shortest text that reads back as `hours`.
std::string hours_text(double hours);

struct RecordWrite {
  enum Status { written, exists, failed } status = failed;
  std::string file;    // the record on disk (staff_dir joined with its path)
  std::string reason;  // when failed: the system's word for why
};
// Writes `record` under `staff_dir`, creating folders as needed: first to a
// hidden temporary file beside it, then linked into place, so a reader never
// sees half a record and an existing record (even one written a moment ago
// by another command) is never replaced.
RecordWrite write_new_record(const std::string& staff_dir, const StaffRecordFile& record);

}  // namespace casfolio
