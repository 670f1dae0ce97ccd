// Findings: what every stage reports instead of throwing. A finding is data
// (a code, a place and named arguments); its sentence is looked up in the
// message catalog (i18n/messages.yaml) in the reader's language only when it
// is shown, so checks stay pure and one finding can be shown in kk, ru or en.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/language.h"

namespace casfolio {

enum class Severity { info, warning, error };
std::string_view name(Severity s);

// Where a finding points. `file` is relative to the portfolio root ('/'
// separated), or to the cohort folder for cohort.yaml; empty means the
// portfolio as a whole. line/column are 1-based; 0 means unknown. Columns
// count code points.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  int length = 0;  // code points to underline after the caret; 0 = just the caret
};

// Named values substituted into the message: "{strand}" -> "servce".
using Args = std::vector<std::pair<std::string, std::string>>;

struct Finding {
  Severity severity = Severity::error;
  std::string code;  // stable check id, e.g. "unknown-strand"
  Location where;
  Args args;
  // Staff-only findings (academic honesty) never reach a --public page.
  bool staff_only = false;
};

// A finding of `code`, its severity from the catalog (as everywhere: a code
// always has the same severity): the one way every stage makes one.
Finding make_finding(std::string_view code, Location where = {}, Args args = {});

// The sink every stage reports into. Severity comes from the catalog so a
// code always has the same severity wherever it is raised.
class Diagnostics {
 public:
  void report(std::string_view code, Location where, Args args = {});
  void add(Finding f) { findings_.push_back(std::move(f)); }
  const std::vector<Finding>& findings() const { return findings_; }
  std::vector<Finding>& findings() { return findings_; }
  size_t count(Severity s) const;
  bool has_errors() const { return count(Severity::error) > 0; }

 private:
  std::vector<Finding> findings_;
};

// Orders findings by file, line, column, code: the order they are printed in.
void sort_findings(std::vector<Finding>& findings);

// The message catalog (i18n/messages.yaml, compiled in).
struct MessageText {
  std::string message;
  std::string hint;  // may be empty
  // The hint as a page says it, which shows no source line and no mark:
  // the catalog's `page_hint` where the hint speaks of the mark, else `hint`.
  std::string page_hint;
};
bool is_known_code(std::string_view code);
Severity severity_of(std::string_view code);
// The sentence for `f` in `lang` with its arguments substituted. Falls back
// to English, then to the code itself, so a missing entry never hides a finding.
MessageText render_message(const Finding& f, Language lang);
// A text of the catalog (an entry starting with '_', e.g. "_summary") in
// `lang` with `args` filled in: the sentences around findings.
std::string catalog_text(std::string_view code, Language lang, const Args& args = {});
// The severity as the terminal and the summaries say it in `lang`: info is
// "note" (as clang says it), "заметка", "ескертпе"; JSON and SARIF keep name().
std::string severity_word(Severity s, Language lang);
// Every code in the catalog, sorted (for tests and docs).
std::vector<std::string> all_codes();

}  // namespace casfolio
