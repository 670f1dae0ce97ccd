#include "indicators/social_gpa_record.h"

#include <algorithm>

#include "util/text.h"

namespace casfolio {

namespace {

const SocialGpaScheme& scheme_of(const CohortConfig& c) {
  static const SocialGpaScheme defaults;
  return c.social_gpa ? *c.social_gpa : defaults;
}

int rank(std::string_view answer) {
  for (size_t i = 0; i < std::size(kObservationAnswers); ++i)
    if (kObservationAnswers[i] == answer) return int(i);
  return int(std::size(kObservationAnswers)) - 1;
}

// The commission record of `period` that decided on the student: one for
// their class, else one for every class.
const GpaCommission* deciding_commission(const CohortConfig& c, const std::string& period, const Portfolio& p) {
  const GpaCommission* any_class = nullptr;
  for (const GpaCommission& x : c.commissions) {
    if (x.period != period || !x.decision(p.id)) continue;
    if (!x.class_name.empty() && trim(x.class_name) == trim(p.profile.class_name)) return &x;
    if (x.class_name.empty() && !any_class) any_class = &x;
  }
  return any_class;
}

VolunteerChecklist checklist_of(const SocialGpaResult& r) {
  VolunteerChecklist out;
  bool all_staff = true, any = false;
  for (const GpaItem& item : r.items) {
    if (item.kind != "volunteer_hours") continue;
    any = true;
    out.hours += item.quantity;
    all_staff = all_staff && item.by_staff;
  }
  out.hours = round2(out.hours);
  out.enough_hours = out.hours + 1e-9 >= kChecklistHours;
  out.documented = any && all_staff;
  out.voluntary = any;     // paid experiences never give hours
  out.in_portfolio = any;  // hours only come from experiences in the portfolio
  return out;
}

std::vector<CombinedObservation> combine(const std::vector<GpaObservation>& sheets) {
  std::vector<CombinedObservation> out;
  if (sheets.empty()) return out;
  for (const FormStatement& s : observation_statements()) {
    std::vector<std::string> answers;
    for (const GpaObservation& o : sheets)
      for (const FormAnswer& a : o.answers)
        if (a.statement == s.id) answers.push_back(a.answer);
    if (answers.empty()) continue;
    out.push_back({s.id, combined_answer(answers), int(answers.size())});
  }
  return out;
}

}  // namespace

std::string combined_answer(std::vector<std::string> answers) {
  if (answers.empty()) return "";
  std::sort(answers.begin(), answers.end(), [](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
  return answers[answers.size() / 2];  // even: the upper middle, the less frequent one
}

std::vector<GpaPeriod> gpa_periods(const SocialGpaScheme& scheme, const CohortConfig& c, Date as_of) {
  std::vector<GpaPeriod> all = scheme.periods;
  if (all.empty()) {
    Date first = c.start.valid() ? c.start : Date::from_ymd(as_of.month() >= 6 ? as_of.year() : as_of.year() - 1, 6, 1);
    Date last = c.end.valid() ? std::min(c.end, as_of) : as_of;
    all = default_periods(first, last);
  }
  std::erase_if(all, [&](const GpaPeriod& p) { return p.from > as_of; });
  return all;
}

SocialGpaRecord compute_social_gpa_record(const Portfolio& p, const CohortConfig& c, Date as_of) {
  const SocialGpaScheme& scheme = scheme_of(c);
  SocialGpaRecord record;
  for (const GpaPeriod& period : gpa_periods(scheme, c, as_of)) {
    GpaPeriodResult r;
    r.period = period;
    r.open = as_of < period.to;
    r.computed = compute_social_gpa_between(p, scheme, c, period.from, std::min(period.to, as_of));
    r.rules_version = scheme.rules_version();
    if (const GpaCommission* x = r.open ? nullptr : deciding_commission(c, period.id, p)) {
      const CommissionDecision& d = *x->decision(p.id);
      r.confirmed = true;
      r.adjustment = d.confirmed ? 0 : d.adjustment;
      r.adjustment_reason = d.reason;
      r.commission = GpaCommission{x->file, x->period, x->class_name, x->date, x->members, {}};
    }
    r.points = round2(std::max(0.0, r.computed.points + r.adjustment));
    r.scaled = gpa_scaled(scheme, r.points);
    r.level = gpa_level(scheme, r.points);
    if (const GpaPeriodRecords* staff = p.staff.social_gpa_period(period.id)) {
      r.assessment = staff->assessment;
      r.parents = staff->parents;
      r.observations = combine(staff->observations);
      r.observers = int(staff->observations.size());
    }
    for (const GpaSelfAssessment& s : p.self_assessments)
      if (s.period == period.id) r.self = s;
    r.checklist = checklist_of(r.computed);
    record.periods.push_back(std::move(r));
  }
  for (const GpaPeriodResult& r : record.periods) {
    if (record.years.empty() || record.years.back().school_year != r.period.school_year)
      record.years.push_back({r.period.school_year, 0, 0, 0, "", true});
    GpaYearResult& y = record.years.back();
    ++y.periods;
    y.points += r.points;
    y.scaled += r.scaled;
    y.confirmed = y.confirmed && r.confirmed;
  }
  for (GpaYearResult& y : record.years) {
    y.points = round2(y.points);
    y.scaled = round2(y.scaled / y.periods);
    y.level = gpa_level(scheme, y.points / y.periods);
  }
  return record;
}

}  // namespace casfolio
