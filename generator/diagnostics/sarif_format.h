// `casfolio check --format sarif`: the findings as one SARIF 2.1.0 log
// (OASIS Static Analysis Results Interchange Format), which code-scanning
// tools read: GitHub code scanning, GitLab, IDE viewers. One run; its rules
// are the finding codes that occur, described from the message catalog.
// The schema the output is tested against is tests/schemas/sarif-schema-2.1.0.json.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/shown_finding.h"

namespace casfolio {

struct SarifRun {
  std::string tool_version;     // tool.driver.version
  std::string information_uri;  // tool.driver.informationUri; empty: left out
  // The checked folder as an absolute file: URI ending in '/': SRCROOT, the
  // base each relative result URI is resolved against. Empty: left out, and
  // a reader resolves relative URIs against its own checkout.
  std::string source_root_uri;
  Language rule_language = Language::en;  // of the rules' descriptions
  // Set when every message is in one language (--lang): run.language.
  std::optional<Language> run_language;
};

// The whole log, indented JSON ending in '\n'. Results keep the order of
// `findings`; rules are sorted by code. Bytes that are not UTF-8 in a
// message become U+FFFD, so the log is always valid JSON.
std::string sarif_log(const std::vector<ShownFinding>& findings, const SarifRun& run);

// SARIF's level for a severity: error, warning, note.
std::string_view sarif_level(Severity s);

// A code's sentence with its arguments left out ("“…” is paid, and paid
// work does not count as CAS"): the catalog's message with each {name}
// shown as "…". Also used for the hint (`hint` true); empty when none.
std::string code_description(std::string_view code, Language lang, bool hint = false);

}  // namespace casfolio
