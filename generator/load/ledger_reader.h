// Reads the staff folder's ledger.jsonl (docs/format.md, "The ledger") and
// checks its chain: every line's `prev` is the SHA-256 of the line before
// it, so an edited, removed or reordered line breaks the chain at the first
// line after the change. A ledger with a broken chain is not trusted at all
// (fail closed): deadlines are then judged as without one.
//
// `casfolio collect` writes the ledger (one line per `append`, hashes from
// ledger_line_hash()); `casfolio verify` and the loader read it through here.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "diagnostics/diagnostics.h"
#include "load/file_source.h"
#include "model/ledger.h"

namespace casfolio {

struct LedgerLimits {
  uint64_t max_bytes = 128ull << 20;  // the whole file (some 350,000 lines)
  size_t max_line_bytes = 16 * 1024;  // one line, without its '\n'
};

// Why a ledger is not trusted; each has a catalog code (fault_code()).
enum class LedgerFault {
  none,
  too_large,           // over LedgerLimits::max_bytes (line 0: the file)
  line_too_long,       // over LedgerLimits::max_line_bytes
  bad_json,            // not one compact JSON object
  missing_key,         // `detail` names the key
  unknown_key,         // `detail` names the key
  bad_value,           // `detail` names the key whose value is malformed
  prev_mismatch,       // a line before it was edited, removed or reordered
  after_partial_line,  // a line was appended after an append cut short (no '\n'): both are on one line
};

struct LedgerCheck {
  LedgerFault fault = LedgerFault::none;
  int line = 0;        // the first broken line, 1-based; 0 with none and too_large
  std::string detail;  // the key, for missing_key / unknown_key / bad_value
  int lines = 0;       // complete lines read (each ended by '\n')
  // The file ends in bytes without a '\n': an append cut short. They are
  // not a line and are ignored; everything before them still counts.
  bool partial_last_line = false;
  bool ok() const { return fault == LedgerFault::none; }
};

struct ParsedLedger {
  LedgerCheck check;
  Ledger ledger;  // every complete line when check.ok(), else empty (not trusted)
};

// The `prev` the line after `line` (its bytes without the '\n') must carry:
// its SHA-256 as 64 lower-case hex digits.
std::string ledger_line_hash(std::string_view line);

// Parses `text` (the whole file) and checks its chain, stopping at the first fault.
ParsedLedger parse_ledger(std::string_view text, const LedgerLimits& limits = {});

// The catalog code of a fault ("ledger-prev-mismatch", ...; "" for none).
std::string_view fault_code(LedgerFault fault);

// The findings for `check` about `file`: the fault (an error, at its line)
// followed by ledger-not-trusted, or ledger-partial-line (a warning) when
// only the last bytes were cut short. Nothing when the ledger is whole.
void report_ledger_check(const LedgerCheck& check, const std::string& file, Diagnostics& diagnostics);

struct LoadedLedger {
  bool present = false;  // the staff folder has a ledger.jsonl
  bool trusted = false;  // present, readable and its chain whole
  Ledger ledger;         // empty unless trusted
};

// ledger.jsonl at the root of `staff_folder` (a FileSource rooted there),
// read only when it is a regular file within max_bytes. Findings name it
// "ledger.jsonl".
LoadedLedger read_ledger(const FileSource& staff_folder, const LedgerLimits& limits, Diagnostics& diagnostics);

}  // namespace casfolio
