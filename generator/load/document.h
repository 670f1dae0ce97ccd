// The pieces every loader shares: reading a text file under the limits,
// a YAML file's top-level map, a Markdown file's front matter and body, and
// the paths a file refers to (resolved later, against the portfolio).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "load/file_source.h"
#include "load/loader.h"
#include "load/yaml_tree.h"
#include "model/cohort.h"

namespace casfolio {

// What the per-file parsers need besides the text.
struct ParseContext {
  const CohortConfig& cohort;  // the framework (outcome ids) and achievement kinds
  const Limits& limits;
  Diagnostics& diagnostics;
};

// A path written in a file: front matter `evidence:`, an achievement's
// evidence, or a Markdown link or image.
struct PathRef {
  enum class Kind { evidence, link, image };
  Kind kind = Kind::evidence;
  std::string target;  // as written
  Location where;      // in the file that names it
  int achievement = -1;  // index into Experience::achievements, for an achievement's evidence
};

// The text of `path` in `files`, or nullopt with a finding: too large,
// unreadable, not UTF-8, or holding a NUL byte (at the line and column of the
// first bad byte: a NUL would cut a YAML value short without a word).
std::optional<std::string> read_text_file(const FileSource& files, const std::string& path, const Limits& limits,
                                          Diagnostics& diagnostics);

// True when `text` has nothing but blanks (and maybe a UTF-8 BOM).
bool is_blank_text(std::string_view text);

YamlLimits yaml_limits(const Limits& limits);

// A YAML file that must hold a map: empty-file, YAML problems, file-not-a-map.
// A file with only comments is an empty map.
std::optional<YamlNode> parse_yaml_map(std::string_view text, const std::string& file, const Limits& limits,
                                       Diagnostics& diagnostics);

struct MarkdownDocument {
  bool has_front_matter = false;
  YamlNode front;  // a map, empty when there is no front matter
  int front_first_line = 1;  // first line of the front matter's YAML (or 1)
  MarkdownBody body;
};

enum class FrontMatter { required, optional };

// A Markdown file with YAML front matter. nullopt (with findings) when the
// file is empty, the front matter is required but absent, unterminated,
// unreadable, or not a map.
std::optional<MarkdownDocument> parse_markdown_document(std::string_view text, const std::string& file,
                                                        FrontMatter need, const Limits& limits,
                                                        Diagnostics& diagnostics);

// The links and images of `body` (written in `file`) as path references;
// external URLs and "#anchors" are left out. A body too complex for cmark
// (util/markdown_budget.h) is `markdown-too-complex` and gives no references:
// render shows it as plain text, so nothing in it is linked.
void collect_body_refs(const MarkdownBody& body, const std::string& file, Diagnostics& diagnostics,
                       std::vector<PathRef>& refs);

// Front matter `evidence:` entries: paths as references (reported when not
// text), web addresses into `links` once checked (util/web_address.h): any
// scheme but http(s) is `evidence-link-scheme`, a malformed address
// `evidence-link-invalid`, both errors at the entry.
void collect_evidence_refs(const YamlNode& value, const std::string& file, Diagnostics& diagnostics,
                           std::vector<PathRef>& refs, std::vector<EvidenceLink>& links, int achievement = -1);

// The framework's outcome references in a list value: [1, 2], [LO1], ["1.2"].
std::vector<OutcomeRef> read_outcomes(const YamlNode& value, std::string_view key, const Framework& framework,
                                      const std::string& file, Diagnostics& diagnostics);

// A date at the start of a file name: "2026-09-30-first-chords.md" -> 2026-09-30.
// `found` tells whether the name starts with something shaped like a date
// (a real one or not: "2026-02-30-x.md" is found but not valid).
std::optional<Date> date_from_file_name(std::string_view name, bool* found = nullptr);

}  // namespace casfolio

namespace casfolio {
// [a-z0-9-]+, at most kMaxIdLength (load/name_rules.h): a portfolio or experience id (a URL slug).
bool is_valid_id(std::string_view id);
}  // namespace casfolio
