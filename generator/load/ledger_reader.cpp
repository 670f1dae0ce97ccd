// ledger.jsonl: lines, keys, values and the chain of `prev` hashes
// (docs/format.md, "The ledger").
#include "load/ledger_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

#include "load/document.h"
#include "util/digest.h"
#include "util/path.h"

namespace casfolio {

namespace {

using json = nlohmann::json;

// Every key of a version-1 line, in the order the writer puts them.
constexpr std::array<std::string_view, 9> kKeys = {"v",      "student",        "path",       "blob", "commit",
                                                   "author_date", "committer_date", "first_seen", "prev"};

bool lower_hex(std::string_view s, size_t digits) {
  if (s.size() != digits) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// Relative to the portfolio root, normalised, '/'-separated, no control characters.
bool portfolio_path(std::string_view path) {
  for (unsigned char c : path)
    if (c < 0x20 || c == 0x7f || c == '\\') return false;
  std::optional<std::string> resolved = resolve_inside("", path);
  return !path.empty() && resolved && *resolved == path;
}

struct LineFault {
  LedgerFault fault = LedgerFault::none;
  std::string detail;
};

// One line's object into `out`; its `prev` is left in `prev`.
LineFault parse_line(std::string_view line, LedgerEntry& out, std::string& prev) {
  json j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return {LedgerFault::bad_json, ""};
  for (std::string_view key : kKeys)
    if (!j.contains(std::string(key))) return {LedgerFault::missing_key, std::string(key)};
  for (auto it = j.begin(); it != j.end(); ++it)
    if (std::find(kKeys.begin(), kKeys.end(), it.key()) == kKeys.end()) return {LedgerFault::unknown_key, it.key()};
  const json& v = j["v"];
  if (!v.is_number_integer() || v.get<long long>() != 1) return {LedgerFault::bad_value, "v"};
  for (std::string_view key : kKeys)
    if (key != "v" && !j[std::string(key)].is_string()) return {LedgerFault::bad_value, std::string(key)};
  out.student = j["student"].get<std::string>();
  out.path = j["path"].get<std::string>();
  out.blob = j["blob"].get<std::string>();
  out.commit = j["commit"].get<std::string>();
  prev = j["prev"].get<std::string>();
  if (!is_valid_id(out.student)) return {LedgerFault::bad_value, "student"};
  if (!portfolio_path(out.path)) return {LedgerFault::bad_value, "path"};
  if (!lower_hex(out.blob, 40)) return {LedgerFault::bad_value, "blob"};
  if (!lower_hex(out.commit, 40)) return {LedgerFault::bad_value, "commit"};
  if (!lower_hex(prev, 64)) return {LedgerFault::bad_value, "prev"};
  for (auto [key, field] : {std::pair{"author_date", &out.author_date}, std::pair{"committer_date", &out.committer_date},
                            std::pair{"first_seen", &out.first_seen}}) {
    std::optional<Timestamp> t = Timestamp::parse(j[key].get<std::string>());
    if (!t) return {LedgerFault::bad_value, key};
    *field = *t;
  }
  return {};
}

// A line that is not JSON but ends in a whole ledger object: an append
// made after bytes that an earlier, interrupted append left without a '\n'.
bool glued_to_partial_line(std::string_view line) {
  size_t at = line.rfind("{\"v\":");
  if (at == std::string_view::npos || at == 0) return false;
  LedgerEntry ignored;
  std::string prev;
  return parse_line(line.substr(at), ignored, prev).fault == LedgerFault::none;
}

}  // namespace

std::string ledger_line_hash(std::string_view line) {
  Sha256 h;
  h.update(line);
  return h.hex_digest();
}

ParsedLedger parse_ledger(std::string_view text, const LedgerLimits& limits) {
  ParsedLedger out;
  LedgerCheck& c = out.check;
  if (text.size() > limits.max_bytes) {
    c.fault = LedgerFault::too_large;
    return out;
  }
  std::string expected_prev(kLedgerFirstPrev);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      c.partial_last_line = true;  // cut short: not a line, so not parsed
      break;
    }
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const int number = ++c.lines;
    auto fail = [&](LedgerFault f, std::string detail = "") {
      c.fault = f;
      c.line = number;
      c.detail = std::move(detail);
    };
    if (line.size() > limits.max_line_bytes) {
      fail(LedgerFault::line_too_long);
      break;
    }
    LedgerEntry entry;
    std::string prev;
    LineFault f = parse_line(line, entry, prev);
    if (f.fault == LedgerFault::bad_json && glued_to_partial_line(line)) f.fault = LedgerFault::after_partial_line;
    if (f.fault != LedgerFault::none) {
      fail(f.fault, f.detail);
      break;
    }
    if (prev != expected_prev) {
      fail(LedgerFault::prev_mismatch);
      break;
    }
    expected_prev = ledger_line_hash(line);
    entry.line = number;
    out.ledger.add(std::move(entry));
  }
  if (!c.ok()) out.ledger = Ledger{};  // fail closed: nothing of a broken ledger counts
  return out;
}

std::string_view fault_code(LedgerFault fault) {
  switch (fault) {
    case LedgerFault::none: return "";
    case LedgerFault::too_large: return "ledger-too-large";
    case LedgerFault::line_too_long: return "ledger-line-too-long";
    case LedgerFault::bad_json: return "ledger-bad-json";
    case LedgerFault::missing_key: return "ledger-missing-key";
    case LedgerFault::unknown_key: return "ledger-unknown-key";
    case LedgerFault::bad_value: return "ledger-bad-value";
    case LedgerFault::prev_mismatch: return "ledger-prev-mismatch";
    case LedgerFault::after_partial_line: return "ledger-after-partial-line";
  }
  return "";
}

void report_ledger_check(const LedgerCheck& c, const std::string& file, Diagnostics& d) {
  const size_t first = d.findings().size();
  if (!c.ok()) {
    Args args{{"line", std::to_string(c.line)}, {"previous", std::to_string(c.line - 1)}};
    if (!c.detail.empty()) args.emplace_back("key", c.detail);
    d.report(fault_code(c.fault), Location{file, c.line}, std::move(args));
    d.report("ledger-not-trusted", Location{file});
  } else if (c.partial_last_line) {
    d.report("ledger-partial-line", Location{file, c.lines + 1}, {{"line", std::to_string(c.lines + 1)}});
  }
  for (size_t i = first; i < d.findings().size(); ++i) d.findings()[i].staff_only = true;  // about staff files
}

LoadedLedger read_ledger(const FileSource& staff_folder, const LedgerLimits& limits, Diagnostics& d) {
  LoadedLedger out;
  const std::string file(kLedgerFileName);
  const size_t first = d.findings().size();
  std::optional<DirEntry> e = staff_folder.stat(file);
  if (!e) return out;
  out.present = true;
  LedgerCheck too_large;
  too_large.fault = LedgerFault::too_large;
  if (e->kind != EntryKind::file || e->escapes_root || e->symlink) {
    d.report("ledger-unreadable", Location{file});
    d.report("ledger-not-trusted", Location{file});
  } else if (e->size > limits.max_bytes) {
    report_ledger_check(too_large, file, d);
  } else if (std::optional<std::string> text = staff_folder.read(file); !text) {
    d.report("ledger-unreadable", Location{file});
    d.report("ledger-not-trusted", Location{file});
  } else {
    ParsedLedger parsed = parse_ledger(*text, limits);
    report_ledger_check(parsed.check, file, d);
    out.trusted = parsed.check.ok();
    out.ledger = std::move(parsed.ledger);
  }
  for (size_t i = first; i < d.findings().size(); ++i) d.findings()[i].staff_only = true;
  return out;
}

}  // namespace casfolio
