// A finding as a machine-read format shows it (SARIF, GitHub annotations):
// with the name its reader finds the file by, and the language its
// sentence is shown in. The caller decides the name because only it knows
// the folders (checked folder, working directory) the name is relative to.
#pragma once
#include <string>

#include "diagnostics/diagnostics.h"

namespace casfolio {

struct ShownFinding {
  const Finding* finding = nullptr;
  // SARIF: a URI reference, relative to the checked folder (SRCROOT) or an
  // absolute file: URI. GitHub: a '/'-separated path relative to the
  // working directory. Empty: the finding has no file to point at.
  std::string file;
  Language language = Language::en;
};

// The text both formats show: the sentence and, on a second line, the hint.
inline std::string shown_message(const ShownFinding& shown) {
  MessageText t = render_message(*shown.finding, shown.language);
  return t.hint.empty() ? t.message : t.message + "\n" + t.hint;
}

}  // namespace casfolio
