// The staff folder's ledger (docs/format.md, "The ledger"): ledger.jsonl,
// one line for every version of a student's file that `casfolio collect`
// saw for the first time, each line carrying the SHA-256 of the line before
// it. It is what deadlines are judged by when it exists: when the school
// first saw a reflection, not the date the student typed in it.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/timestamp.h"

namespace casfolio {

inline constexpr std::string_view kLedgerFileName = "ledger.jsonl";
// `prev` of the first line: there is no line before it.
inline constexpr std::string_view kLedgerFirstPrev = "0000000000000000000000000000000000000000000000000000000000000000";

// One line of the ledger.
struct LedgerEntry {
  int line = 0;         // 1-based, in ledger.jsonl
  std::string student;  // the student's id
  std::string path;     // relative to the portfolio root, '/'-separated
  std::string blob;     // Git blob id of this version (40 hex digits)
  std::string commit;   // the commit it was first seen in (40 hex digits)
  Timestamp author_date, committer_date;  // the commit's (the student's clock: not proof)
  Timestamp first_seen;                   // when the school's collect first saw it
};

// What the ledger knows of one file of one student. Lines are appended in
// the order they were seen, so the first line for the file is its first
// version and the last line its latest one.
struct FileHistory {
  Timestamp first_seen;    // of its first version
  Timestamp last_changed;  // first sighting of its latest version (== first_seen with one version)
  int versions = 0;        // distinct blobs seen
};

// One student's files in the ledger, by path.
using StudentHistory = std::map<std::string, FileHistory, std::less<>>;

// Whether the cohort's staff folder has a ledger deadlines may be judged by.
enum class LedgerState {
  absent,       // no ledger.jsonl: dates are as typed
  trusted,      // read whole: hand-in times judge deadlines
  not_trusted,  // damaged (reported): dates are as typed, as without one (fail closed)
};

struct Ledger {
  std::vector<LedgerEntry> entries;                           // in file order
  std::map<std::string, StudentHistory, std::less<>> students;  // by student id

  // Appends `e` (the next line) and updates its file's history; a blob
  // already seen for that file (a revert, a force-push back) adds no version.
  void add(LedgerEntry e);
  // nullptr when the ledger has no line about the student / the file.
  const StudentHistory* student(std::string_view id) const;
  const FileHistory* file(std::string_view student, std::string_view path) const;

 private:
  std::set<std::string> seen_;  // student '\n' path '\n' blob, for add()
};

}  // namespace casfolio
