#include "model/staff.h"

#include <algorithm>

namespace casfolio {

std::string_view name(ApprovalKind k) {
  switch (k) {
    case ApprovalKind::plan: return "plan";
    case ApprovalKind::experience: return "experience";
    case ApprovalKind::project: return "project";
  }
  return "plan";
}

bool StaffApproval::up_to_date() const {
  return std::all_of(files.begin(), files.end(), [](const ApprovedFile& f) { return f.up_to_date(); });
}

const StaffConfirmation* StaffRecords::confirmation(std::string_view experience) const {
  for (const StaffConfirmation& c : confirmations)
    if (c.experience == experience) return &c;
  return nullptr;
}

const StaffApproval* StaffRecords::approval(std::string_view experience) const {
  for (const StaffApproval& a : experience_approvals)
    if (a.subject == experience) return &a;
  return nullptr;
}

bool StaffRecords::empty() const {
  return confirmations.empty() && !plan_approval && experience_approvals.empty() && feedback.empty() &&
         !status_override && interviews.empty() && social_gpa.empty();
}

const GpaPeriodRecords* StaffRecords::social_gpa_period(std::string_view period) const {
  for (const GpaPeriodRecords& r : social_gpa)
    if (r.period == period) return &r;
  return nullptr;
}

}  // namespace casfolio
