// Small inline SVG charts. They are drawn here, not in templates, because a
// chart is arithmetic; every text inside is escaped here. Colours come from
// CSS classes (the theme's, so dark mode and print follow), never inline styles.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "util/date.h"

namespace casfolio {

class UiText;
struct CohortProgress;

// Hours per strand: a claimed and a confirmed bar for each of the three.
std::string hours_chart(const std::string& id, const std::array<double, 3>& claimed,
                        const std::array<double, 3>& confirmed, const UiText& ui);

struct OutcomeCell {
  std::string id;     // "1"
  std::string name;   // shown on hover and read by screen readers
  int count = 0;      // reflections evidencing it
};
// Outcome coverage: one cell per outcome, filled when evidenced.
std::string outcomes_chart(const std::string& id, const std::vector<OutcomeCell>& cells, const UiText& ui);

struct TimelineRow {
  std::string label;
  Date start, end;     // end unset: ongoing (drawn up to as-of)
  int strand = -1;     // index of the first strand, for the colour; -1 none
  bool project = false;
};
struct TimelineMark {
  Date date;
  bool interview = false;  // else a reflection
};
// Experiences as bars over the programme window, reflections and interviews
// as marks, the as-of day as a line.
std::string timeline_chart(const std::string& id, const std::vector<TimelineRow>& rows,
                           const std::vector<TimelineMark>& marks, Date from, Date to, Date as_of,
                           const UiText& ui, bool with_interviews = true);

// Experiences per strand as one small stacked bar (the cohort table).
std::string strand_bar(const std::array<int, 3>& counts, const UiText& ui);

// A share of a whole as one small bar (the cohort's outcome coverage):
// `label` is what a screen reader hears.
std::string share_bar(int part, int whole, const std::string& label);

// Progress over time (the cohort home): reflections per month as bars and
// outcome coverage (evidenced student-outcome pairs of all) as a line; and
// the same figures as a table for screen readers. "" for no months or no
// students.
std::string progress_chart(const std::string& id, const CohortProgress& progress, const UiText& ui);
std::string progress_table(const CohortProgress& progress, const UiText& ui);

// Escapes text for HTML and SVG (& < > " ').
std::string escape_html(std::string_view text);
// A catalog text (a finding's message or hint) as HTML: escaped, and each
// `code` between a pair of backticks in <code> rather than showing the
// backticks (the terminal shows them as written). An odd backtick stays.
std::string catalog_text_html(std::string_view text);

}  // namespace casfolio
