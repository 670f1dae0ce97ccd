#include "render/status_view.h"

namespace casfolio {

std::optional<View> status_reasons_view(const StudentIndicators& ind, const Requirements& r,
                                        const std::vector<Finding>& findings, const UiText& ui) {
  if (ind.status == Status::complete) return std::nullopt;
  // The same list the status was judged from; an of-concern student's
  // still-to-do items are left out here so the badge reads as one sentence.
  const bool concern = ind.status == Status::of_concern;
  ViewList items;
  std::string summary;
  for (const UnmetRequirement& u : unmet_requirements(ind, r, findings)) {
    if (u.concern != concern) continue;
    Finding f;
    f.code = u.text;
    f.args = u.args;
    std::string text = render_message(f, ui.language()).message;
    if (!summary.empty()) summary += "; ";
    summary += text;
    View item;
    put(item, "text", std::move(text));
    put(item, "concern", u.concern);
    items.push_back(std::move(item));
  }
  if (items.empty()) return std::nullopt;
  View v;
  put(v, "label", ui.s(concern ? "status_reasons_concern" : "status_reasons_todo"));
  put(v, "items", std::move(items));
  put(v, "summary", std::move(summary));
  put(v, "concern", concern);
  return v;
}

std::optional<View> status_reasons_view(const StudentSite& s, const Requirements& r, const UiText& ui) {
  static const std::vector<Finding> kNone;
  const std::vector<Finding>& findings = s.analysis ? s.analysis->findings : s.findings ? *s.findings : kNone;
  return status_reasons_view(*s.indicators, r, findings, ui);
}

}  // namespace casfolio
