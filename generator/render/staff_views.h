// What the pages show of a student's staff records (model/staff.h): the
// view data for a status override, an approval, a supervisor's
// confirmation, feedback and the coordinator's interview records. Who may
// see what is decided here and nowhere else (visible_feedback,
// visible_interviews); --public pages get nothing at all, since their
// portfolio copy carries no staff records (render/redact.h).
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/audience.h"
#include "model/staff.h"
#include "render/site.h"
#include "render/template_set.h"
#include "render/ui_text.h"

namespace casfolio {

struct Experience;


// The feedback `audience` may read: everything for staff, all but
// `staff_only` for the student, nothing for anyone.
std::vector<const StaffFeedback*> visible_feedback(const std::vector<StaffFeedback>& records, Audience audience);
// The same rule for the coordinator's interview records.
std::vector<const StaffInterview*> visible_interviews(const std::vector<StaffInterview>& records, Audience audience);

// Markdown of a staff record as HTML, the way the page renders the student's.
using StaffMarkdown = std::function<std::string(const std::string& markdown)>;

// {any, items: [{byline, text_html, staff_only}]}: the feedback `on` one
// subject ("portfolio", an experience's folder, a reflection's or an
// interview's file). An experience's feedback may name its folder or its index.md.
View feedback_view(const std::vector<const StaffFeedback*>& visible, std::string_view subject, const UiText& ui,
                   const StaffMarkdown& markdown);

// {state: "approved" | "changed", text}: "Approved on DATE by NAME", or
// "Changed since approved on DATE by NAME" when a file changed after it.
// For staff (`audience`), a changed file's line diff against the approved
// text when the record keeps it: changes: [{path, lines: [{op, mark, text}],
// no_text}] with op "same" | "removed" | "added" | "folded".
View approval_view(const StaffApproval& a, const UiText& ui, Audience audience = Audience::anyone);

// {status, status_label, text}: "Status set by NAME on DATE: REASON".
View status_override_view(const StatusOverride& o, const UiText& ui);

// {by, role, date, source, hours, outcomes, completed, comment_html, ...}:
// a supervisor's confirmation; `outcomes` as the page's outcome chips.
View confirmation_view(const StaffConfirmation& c, const UiText& ui, View outcomes, const StaffMarkdown& markdown);

// {any, items: [{anchor, kind, date, by, notes_html, staff_only}]}: interview
// records written by the coordinator.
View staff_interviews_view(const std::vector<const StaffInterview*>& visible, const UiText& ui,
                           const StaffMarkdown& markdown);

// {any, text}: when the school first saw the file at `path` (relative to the
// portfolio root) and last saw it change, from the ledger
// (StaffRecords::history). For staff only: any is false for other
// audiences and for a file the ledger has not seen.
View history_view(const StaffRecords& records, std::string_view path, const UiText& ui, Audience audience);

// A digest of everything above, so a memoised student page is rebuilt when
// a staff record changes (the portfolio's own fingerprint does not see them).
std::string staff_records_digest(const StaffRecords& records);
// The same of the commission records (cohort-wide: every student's social GPA page shows its decision).
std::string commissions_digest(const std::vector<GpaCommission>& commissions);

}  // namespace casfolio
