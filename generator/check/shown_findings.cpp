#include "check/shown_findings.h"

#include <algorithm>

#include "check/codes.h"

namespace casfolio {

namespace {

bool is_near_duplicate(const Finding& f) {
  return f.code == "similar-reflection" || f.code == "similar-own-reflection";
}

}  // namespace

std::vector<Finding> findings_for(Audience audience, const std::vector<Finding>& findings) {
  std::vector<Finding> shown;
  if (audience == Audience::anyone) return shown;
  if (audience == Audience::staff) return findings;
  for (const Finding& f : findings) {
    if (!f.staff_only) {
      shown.push_back(f);
    } else if (is_near_duplicate(f)) {
      // One question per reflection, however many matches it has, and only
      // the file: its line, the percentage and the other side stay with staff.
      bool asked = std::any_of(shown.begin(), shown.end(), [&](const Finding& q) {
        return q.code == codes::kStaffQuestion && q.where.file == f.where.file;
      });
      if (asked) continue;
      shown.push_back(make_finding(codes::kStaffQuestion, Location{f.where.file}));
    }
  }
  return shown;
}

}  // namespace casfolio
