// The top of a student's home: what to do next. A student opening their
// portfolio sees first what an edit can fix, and apart from it the deadlines
// that have passed (they stay on the record; a later entry catches up), so
// the list to work through is not buried under history that cannot change.
#include <algorithm>

#include "check/codes.h"
#include "render/site_builder.h"
#include "render/staff_views.h"

namespace casfolio {

View SiteBuilder::next_steps_view(const StudentSite& s, const PageContext& pc) const {
  std::vector<Finding> fixable, past;
  for (const Finding& f : *s.findings) (codes::is_past_deadline(f.code) ? past : fixable).push_back(f);
  View v;
  put(v, "fix", findings_view(fixable, &s, pc));
  View passed = findings_view(past, &s, pc);
  put(passed, "count", std::to_string(past.size()));
  put(v, "past", std::move(passed));
  return v;
}

std::string SiteBuilder::feedback_note(const StudentSite& s, const std::vector<std::string>& subjects,
                                       const UiText& ui) const {
  std::vector<const StaffFeedback*> visible = visible_feedback(s.portfolio->staff.feedback, options_.audience);
  long n = std::count_if(visible.begin(), visible.end(), [&](const StaffFeedback* f) {
    return std::find(subjects.begin(), subjects.end(), f->on) != subjects.end();
  });
  return n == 0 ? "" : ui.format("feedback_count", {{"n", std::to_string(n)}});
}

std::string SiteBuilder::experience_feedback_note(const StudentSite& s, const Experience& e, const UiText& ui) const {
  std::vector<std::string> subjects{e.dir, e.dir + "/index.md"};
  for (int r : e.reflections) subjects.push_back(s.portfolio->reflections[size_t(r)].file);
  return feedback_note(s, subjects, ui);
}

}  // namespace casfolio
