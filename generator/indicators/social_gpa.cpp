// The social GPA (SPEC section 6, NOTES part 2): the scheme is data from
// cohort.yaml, and every result keeps the items it was made of.
#include <algorithm>
#include <cmath>

#include "check/counted.h"
#include "indicators/indicators.h"

namespace casfolio {

namespace {

constexpr std::string_view kVolunteerHours = "volunteer_hours";
constexpr std::string_view kVolunteerTotal = "volunteer_hours_total";

// Whether a dated item falls in [from, to]; an unset `from` has no lower
// bound, and an undated item counts only then (the whole record to date).
bool in_window(Date d, Date from, Date to) {
  if (!d.valid()) return !from.valid();
  return d <= to && (!from.valid() || d >= from);
}

double points_for(const SocialGpaScheme& scheme, std::string_view kind) {
  for (const auto& [k, points] : scheme.points)
    if (k == kind) return points;
  return 0;  // a kind the school's scheme does not score
}

bool has_evidence(const Portfolio& p, const Achievement& a, const SocialGpaScheme& scheme) {
  if (!a.evidence_link.empty() && scheme.links_count_as_evidence) return true;  // checked by the loader, never fetched
  return !a.evidence.empty() && std::binary_search(p.files.begin(), p.files.end(), a.evidence);
}

}  // namespace

double volunteer_points(double hours, const VolunteerHoursRule& rule) {
  if (rule.per <= 0 || !(hours > 0)) return 0;
  double blocks = hours / rule.per;
  // The nudge keeps 30 / 10 at 3 when the hours came from a split like 10 + 10 + 10.
  switch (rule.rounding) {
    case Rounding::floor: blocks = std::floor(blocks + 1e-9); break;
    case Rounding::nearest: blocks = std::floor(blocks + 0.5 + 1e-9); break;
    case Rounding::none: break;
  }
  double points = blocks * rule.points;
  if (rule.max > 0) points = std::min(points, rule.max);  // max 0 = no cap
  return points;
}

SocialGpaResult compute_social_gpa(const Portfolio& p, const SocialGpaScheme& scheme, Date as_of) {
  CohortConfig without_staff_folder;
  return compute_social_gpa(p, scheme, without_staff_folder, as_of);
}

SocialGpaResult compute_social_gpa(const Portfolio& p, const CohortConfig& c, Date as_of) {
  return compute_social_gpa(p, c.social_gpa ? *c.social_gpa : SocialGpaScheme{}, c, as_of);
}

SocialGpaResult compute_social_gpa(const Portfolio& loaded, const SocialGpaScheme& scheme, const CohortConfig& c,
                                   Date as_of) {
  return compute_social_gpa_between(loaded, scheme, c, Date(), as_of);
}

SocialGpaResult compute_social_gpa_between(const Portfolio& loaded, const SocialGpaScheme& scheme,
                                           const CohortConfig& c, Date from, Date to) {
  const Date as_of = to;
  CountedPortfolio counted(loaded);  // an unfilled template gives no hours and no achievement
  const Portfolio& p = counted.portfolio();
  SocialGpaResult r;
  r.model = scheme.model;

  // Volunteer hours: the service share of each service experience, confirmed
  // (check/staff_rules.h: with a staff folder only by the folder), or (only
  // without require_evidence) claimed.
  double hours = 0;
  bool any_hours = false;
  for (const Experience& e : p.experiences) {
    if (e.paid || !e.strands.has(Strand::service) || (e.start.valid() && e.start > as_of)) continue;
    GpaItem item;
    item.kind = std::string(kVolunteerHours);
    item.experience = e.id;
    item.title = e.title;
    ConfirmedFacts confirmed = confirmed_facts(e, p, c, as_of);
    if (confirmed.counted && (confirmed.hours || confirmed.hours_per_strand)) {
      item.quantity = confirmed_strand_hours(e, confirmed)[size_t(Strand::service)];
      item.file = confirmed.file;
      item.line = confirmed.hours_line;
      item.date = confirmed.date;
      item.confirmed = true;
      item.by_staff = confirmed.by_staff;
    } else if (!scheme.require_evidence && e.hours_given) {
      item.quantity = e.claimed_hours[size_t(Strand::service)];
      item.file = e.file;
      item.line = e.keys.at("hours").first;
      item.date = e.start;
      item.confirmed = false;
    } else {
      continue;
    }
    // Hours count in the period they were confirmed in (an undated review: the experience's start).
    if (!in_window(item.date.valid() ? item.date : e.start, from, to)) continue;
    hours += item.quantity;
    any_hours = true;
    r.items.push_back(std::move(item));
  }
  if (any_hours) {
    GpaItem total;
    total.kind = std::string(kVolunteerTotal);
    total.quantity = hours;
    total.points = volunteer_points(hours, scheme.volunteer_hours);
    r.items.push_back(std::move(total));
  }

  // Achievements, each with its kind's points; a prize is its own item,
  // added on top of the competition it was won in.
  for (const Experience& e : p.experiences) {
    if (e.paid) continue;
    for (const Achievement& a : e.achievements) {
      if (!in_window(a.date, from, to)) continue;
      GpaItem item;
      item.kind = a.kind;
      item.experience = e.id;
      item.title = a.title;
      item.file = e.file;
      item.line = a.line;
      item.date = a.date;
      item.level = a.level;
      item.quantity = 1;
      item.counted = !scheme.require_evidence || has_evidence(p, a, scheme);
      item.points = item.counted ? points_for(scheme, a.kind) : 0;
      r.items.push_back(std::move(item));
    }
  }

  for (const GpaItem& item : r.items) r.points += item.points;
  r.points = round2(r.points);
  r.scaled = gpa_scaled(scheme, r.points);
  r.level = gpa_level(scheme, r.points);
  return r;
}

double gpa_scaled(const SocialGpaScheme& scheme, double points) {
  double scaled = scheme.full_points > 0 ? points / scheme.full_points * scheme.scale_max : 0;
  return round2(std::clamp(scaled, 0.0, std::max(scheme.scale_max, 0.0)));
}

std::string gpa_level(const SocialGpaScheme& scheme, double points) {
  // Compared with a small tolerance so that 7.999999 from fractional hours is not "initial" by accident.
  if (points + 1e-9 >= scheme.level_high) return "high";
  if (points + 1e-9 >= scheme.level_satisfactory) return "satisfactory";
  return "initial";
}

std::vector<Finding> social_gpa_findings(const SocialGpaResult& result) {
  std::vector<Finding> out;
  for (const GpaItem& item : result.items) {
    if (item.counted) continue;
    out.push_back(make_finding("gpa-no-evidence", Location{item.file, item.line},
                               {{"kind", item.kind},
                                {"title", item.title.empty() ? item.kind : item.title},
                                {"experience", item.experience}}));
  }
  return out;
}

}  // namespace casfolio
