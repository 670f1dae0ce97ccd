// Typed views of the social GPA pages (docs/social-gpa.md, "Pages"): one
// struct per page part, built by pure functions from the records
// (indicators/social_gpa_record.h) and the audience, so that what a page may
// show is decided here, in code a test reads, and a template gets only
// these fields. Text is already in the page's language; numbers formatted.
#pragma once
#include <string>
#include <vector>

#include "indicators/social_gpa_record.h"
#include "model/audience.h"
#include "render/ui_text.h"

namespace casfolio {

struct LabelValue {
  std::string label, value;
};

struct GpaPeriodView {
  std::string id, name;
  std::string points, scaled, level;  // after the commission
  std::string computed_points;        // before it
  bool confirmed = false, open = false, adjusted = false;
  std::string state;  // "Draft" / "Confirmed by the commission on DATE"
  std::string adjustment, reason;
  std::string rules;  // "Rules: version V, approved by ACT on DATE"
  std::vector<LabelValue> components;  // name -> level word or "4 / 5"
  std::string strengths, growth;
  std::vector<LabelValue> observations;  // staff only: statement -> combined answer
  std::string observers;                 // "2 observers"
  std::vector<LabelValue> self;          // the student's answers
  std::string self_comment;
  std::vector<LabelValue> parents;       // staff only
  std::vector<LabelValue> checklist;     // the volunteer checklist: item -> Yes / No (value)
  std::vector<LabelValue> domains;       // domain -> points of the period's achievements
};

struct GpaYearView {
  std::string school_year, points, scaled, level;
  bool confirmed = false;
};

// What the scheme's model shows: cumulative the 4-point figure (and the
// level when `levels:` is written beside it), levels the level, mixed both.
struct GpaShown {
  bool scaled = true, level = false;
};
GpaShown gpa_shown(const SocialGpaScheme& scheme);

struct StudentGpaView {
  GpaShown shown;
  std::vector<GpaPeriodView> periods;
  std::vector<GpaYearView> years;
  std::string chart_svg;  // the student's own points period by period; "" with fewer than two
};

// What the student's social GPA page shows of their record to `audience`:
// observation sheets and parents' answers only to staff.
StudentGpaView student_gpa_view(const SocialGpaRecord& record, const SocialGpaScheme& scheme, Audience audience,
                                const UiText& ui);

// One row of a protocol: a student of the class.
struct ProtocolRow {
  std::string number;  // 1, 2, … in the protocol's order
  std::string name, points, scaled, level;
  bool confirmed = false, adjusted = false;
  std::string adjustment, reason;
};

struct ProtocolView {
  GpaShown shown;
  std::string title;  // "Protocol of the commission: 10A, December 2026"
  std::string school, class_name, period_name, period_id;
  std::string commission_date;  // "" while no commission met
  std::vector<LabelValue> members;  // name -> role
  std::vector<ProtocolRow> rows;    // alphabetical, never by score
  std::string rules;
  std::string totals;  // "3 students: 2 confirmed, 1 adjusted, 0 draft"
  bool draft = true;   // some student is not confirmed yet
};

// One student as the cohort's social GPA pages see them.
struct GpaStudent {
  std::string id, name, class_name;
  const SocialGpaRecord* record = nullptr;
  std::string dir;  // the student's folder in the site: "students/<id>"
};

// The protocol of `class_name` for `period`: its students in the
// alphabetical order of `ui`'s language (ICU collation), never by points.
ProtocolView protocol_view(const std::vector<GpaStudent>& students, const std::string& class_name,
                           const GpaPeriod& period, const CohortConfig& config, const UiText& ui);

// The class teacher's overview of one class and period: every student of the
// class with their points, state and components side by side, alphabetical
// (never by score), each name a link to that student's record.
struct ClassOverviewRow {
  std::string name, dir;
  std::string points, scaled, level, state;
  bool confirmed = false;
  std::string adjustment;               // "-1", or ""
  std::vector<std::string> components;  // in the scheme's order; "—" where not assessed
  std::string hours;                    // the volunteer checklist's hours: "Yes (24)"
  std::string observers;                // observation sheets received
  std::string self;                     // the self-assessment handed in: Yes / No
};

struct ClassOverviewView {
  GpaShown shown;
  std::string title, class_name, period_name, period_id;
  std::vector<std::string> components;  // the column heads: the components' names
  std::vector<ClassOverviewRow> rows;
  std::string totals;  // as the protocol's
};
ClassOverviewView class_overview_view(const std::vector<GpaStudent>& students, const std::string& class_name,
                                      const GpaPeriod& period, const SocialGpaScheme& scheme, const UiText& ui);

// The administration's aggregate of one period: counts only, no name or id.
struct AggregateView {
  std::string period_name, period_id;
  std::string students, confirmed;
  std::vector<LabelValue> levels;  // level -> count
  struct ComponentRow {
    std::string name;
    std::vector<std::string> counts;  // per scale value, in scale order
    std::string not_assessed;
  };
  std::vector<std::string> scale;  // column heads: the rubric's words or 1..5
  std::vector<ComponentRow> components;
};
AggregateView aggregate_view(const std::vector<GpaStudent>& students, const GpaPeriod& period,
                             const SocialGpaScheme& scheme, const UiText& ui);

// Names in the alphabetical order of `lang` (kk: ә after а, ө after о, …).
void sort_by_name(std::vector<std::string>& names, Language lang);
bool name_less(const std::string& a, const std::string& b, Language lang);

}  // namespace casfolio
