#include "cli/report_database.h"

#include "indicators/social_gpa_record.h"

namespace casfolio {

ReportDatabase report_database(const Cohort& cohort, const CohortAnalysis& analysis) {
  const CohortConfig& c = cohort.config;
  static const SocialGpaScheme defaults;
  const SocialGpaScheme& scheme = c.social_gpa ? *c.social_gpa : defaults;
  ReportDatabase db;
  db.as_of = analysis.as_of.iso();
  db.school = c.school;
  for (const StudentAnalysis& s : analysis.students) {
    if (!s.loaded) continue;
    const Portfolio& p = s.loaded->portfolio;
    const StudentIndicators& ind = s.indicators;
    DbStudent row;
    row.id = p.id;
    row.name = p.profile.name;
    row.class_name = p.profile.class_name;
    row.grade = p.profile.grade;
    row.status = std::string(name(ind.status));
    for (const Finding& f : s.findings) {
      row.errors += f.severity == Severity::error;
      row.warnings += f.severity == Severity::warning;
      db.findings.push_back({p.id, std::string(name(f.severity)), f.code, f.where.file,
                             render_message(f, c.language).message, f.where.line, f.staff_only});
    }
    row.outcomes_evidenced = ind.outcomes_evidenced();
    row.reflections = ind.reflections;
    for (double h : ind.confirmed_hours) row.confirmed_hours += h;
    db.students.push_back(std::move(row));
    if (!c.social_gpa) continue;
    for (const GpaPeriodResult& r : compute_social_gpa_record(p, c, analysis.as_of).periods) {
      db.periods.push_back({p.id, r.period.id, r.period.school_year, r.period.from.iso(), r.period.to.iso(),
                            r.computed.points, r.adjustment, r.points, r.scaled, r.level, r.adjustment_reason,
                            r.rules_version, r.confirmed, r.open});
      for (const GpaItem& i : r.computed.items) {
        std::string kind = i.kind == "volunteer_hours_total" ? "volunteer_hours" : i.kind;
        db.items.push_back({p.id, r.period.id, i.kind, scheme.domain_of(kind), i.title, i.experience, i.date.iso(),
                            i.quantity, i.points, i.counted});
      }
      if (r.assessment)
        for (const auto& [component, value] : r.assessment->components)
          db.components.push_back({p.id, r.period.id, component, value});
    }
  }
  return db;
}

}  // namespace casfolio
