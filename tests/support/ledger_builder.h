// Writes a ledger.jsonl the way `casfolio collect` does (docs/format.md,
// "The ledger"): compact JSON, keys in order, each line's `prev` the SHA-256
// of the line before it (util's Sha256, not the reader's helper, so the
// tests check the reader against the format rather than against itself).
#pragma once
#include <string>
#include <vector>

#include "util/digest.h"

namespace casfolio::testing {

struct LedgerLine {
  std::string student, path;
  std::string blob;        // 40 hex digits; blob_id(n) for a readable one
  std::string first_seen;  // "2026-09-10T12:00:00Z"; also used for the commit's dates
};

// "000…0n" as 40 hex digits: a blob or commit id a test can tell apart.
inline std::string blob_id(int n) {
  std::string digits = std::to_string(n);
  return std::string(40 - digits.size(), '0') + digits;
}

inline std::string sha256_hex(const std::string& bytes) {
  Sha256 h;
  h.update(bytes);
  return h.hex_digest();
}

// The lines of a ledger without their '\n', chained.
inline std::vector<std::string> ledger_lines(const std::vector<LedgerLine>& lines) {
  std::vector<std::string> out;
  std::string prev(64, '0');
  for (const LedgerLine& l : lines) {
    std::string line = "{\"v\":1,\"student\":\"" + l.student + "\",\"path\":\"" + l.path + "\",\"blob\":\"" + l.blob +
                       "\",\"commit\":\"" + blob_id(7) + "\",\"author_date\":\"" + l.first_seen +
                       "\",\"committer_date\":\"" + l.first_seen + "\",\"first_seen\":\"" + l.first_seen +
                       "\",\"prev\":\"" + prev + "\"}";
    prev = sha256_hex(line);
    out.push_back(std::move(line));
  }
  return out;
}

inline std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

inline std::string ledger_text(const std::vector<LedgerLine>& lines) { return join_lines(ledger_lines(lines)); }

}  // namespace casfolio::testing
