// `casfolio check --format github`: one GitHub Actions workflow command per
// finding, which the runner turns into an annotation on the file's line in
// a pull request and in the run's summary:
//   ::error file=students/ana/experiences/x/index.md,line=3,col=12,title=unknown-strand::unknown CAS strand 'servce'%0Adid you mean 'service'?
// error -> ::error, warning -> ::warning, info -> ::notice.
#pragma once
#include <string>
#include <string_view>

#include "diagnostics/shown_finding.h"

namespace casfolio {

// The escaping GitHub's runner undoes (actions/toolkit, command.ts):
// in the message '%' -> %25, CR -> %0D, LF -> %0A; in a property value
// also ':' -> %3A and ',' -> %2C. Other control characters, bidirectional
// overrides and bytes that are not UTF-8 are first shown as \xHH /
// \u{HHHH} (escape_for_terminal), since the log is shown on a terminal.
std::string escape_workflow_data(std::string_view text);
std::string escape_workflow_property(std::string_view text);

// The command's name for a severity: error, warning, notice.
std::string_view github_command(Severity s);

// One line, '\n' included. Its message is the sentence and, on a second
// line, the hint; file, line and col only when the finding has them.
std::string github_annotation(const ShownFinding& shown);

}  // namespace casfolio
