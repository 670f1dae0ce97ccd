// No cascades (issue 15): a file the loader could not read leaves out what it
// holds, so requirements it may have met are reported as not met. Such a
// finding is not held back (it may be true all the same) but says why it may
// be false: its `unread` argument names the files, and the catalog's
// `_check-unread-note` adds "this may be because … could not be read" to the
// sentence in every language and every output (docs/decisions.md).
#include <algorithm>
#include <string>

#include "check/codes.h"
#include "check/context.h"
#include "util/path.h"

namespace casfolio::check {

namespace {

enum class Entry { experience, reflection, interview };

Entry entry_of(const std::string& file) {
  if (file.starts_with("interviews/")) return Entry::interview;
  if (file.starts_with("experiences/") && file_name(file) == "index.md") return Entry::experience;
  return Entry::reflection;
}

// Whether what `unread` would have held may have met the requirement `f` is
// about: an experience brings its strands, its project, its dates and its
// reflections; a reflection its date and outcomes; an interview its date and kind.
bool may_cause(const Finding& f, const std::string& unread) {
  Entry e = entry_of(unread);
  const std::string_view c = f.code;
  if (c == codes::kActivityGap || c == codes::kNoRecentActivity || c == codes::kSpanTooShort ||
      c == codes::kSpanCannotReach)
    return true;
  if (c == codes::kProjectMissing || c == codes::kStrandMissing || c == codes::kStrandFewExperiences)
    return e == Entry::experience;
  if (c == codes::kOutcomeNotEvidenced || c == codes::kReflectionDeadlineMissed) return e != Entry::interview;
  if (c == codes::kInterviewDeadlineMissed) return e == Entry::interview;
  // One experience's reflections: a reflection in its own folder.
  if (c == codes::kExperienceFewReflections)
    return e == Entry::reflection && parent_dir(unread) == parent_dir(f.where.file);
  return false;
}

}  // namespace

void note_unread_causes(const Portfolio& p, std::vector<Finding>& findings) {
  if (p.unread.empty()) return;
  for (Finding& f : findings) {
    std::string files;
    for (const std::string& unread : p.unread)
      if (may_cause(f, unread)) files += (files.empty() ? "" : ", ") + unread;
    if (!files.empty()) f.args.emplace_back("unread", std::move(files));
  }
}

}  // namespace casfolio::check
