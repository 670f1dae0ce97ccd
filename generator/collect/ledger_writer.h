// Appending to the staff folder's ledger.jsonl (docs/format.md, "The
// ledger"; docs/collect.md): one line for each file version (blob) a collect
// saw for the first time for a student and a path, each carrying the
// SHA-256 of the line before it (the reader, load/ledger_reader.h, checks
// the chain). The file is only ever appended to, and atomically: the old
// content and the new lines go to a temporary file in the same folder,
// which is synced and renamed over the ledger, so a collect killed at any
// point leaves the old ledger or the new one, whole.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace casfolio {

// A file version seen for the first time: one line to append.
struct Sighting {
  std::string student;
  std::string path;  // relative to the portfolio root, '/'-separated
  std::string blob;  // 40 hex
  std::string commit;
  int64_t author_time = 0;  // seconds since the epoch, UTC
  int64_t committer_time = 0;
  int64_t first_seen = 0;
};

// One line, without its newline, in the exact key order of the format.
std::string ledger_line(const Sighting& s, std::string_view prev);

// What an existing ledger holds, for appending to it.
struct LedgerTail {
  bool exists = false;
  std::string last_hash;  // the `prev` of the next line
  std::map<std::string, std::set<std::string>> seen;  // student -> seen_key(path, blob)
};
std::string seen_key(std::string_view path, std::string_view blob);

// nullopt (and `error`) when the file exists and cannot be read, its chain
// is broken, or it ends in a line cut short: nothing may be appended to it
// until someone restores it, or the new lines would chain to a damaged one.
std::optional<LedgerTail> read_ledger_tail(const std::string& file, std::string& error);

// Appends `lines` (in order) to `file` atomically, chaining from
// tail.last_hash, and updates `tail`. False (and `error`) when it could not:
// the ledger is then as it was.
bool append_ledger(const std::string& file, const std::vector<Sighting>& lines, LedgerTail& tail,
                   std::string& error);

}  // namespace casfolio
