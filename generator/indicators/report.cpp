#include "indicators/report.h"

#include <algorithm>
#include <cmath>

#include "check/shown_findings.h"
#include "indicators/social_gpa_record.h"
#include "util/text.h"

namespace casfolio {

namespace {

using Json = nlohmann::ordered_json;

Json date_json(Date d) { return d.valid() ? Json(d.iso()) : Json(nullptr); }
Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json strands_json(const std::array<int, 3>& v) {
  Json j = Json::object();
  for (Strand s : kAllStrands) j[std::string(name(s))] = v[size_t(s)];
  return j;
}

Json hours_json(const StrandHours& v) {
  Json j = Json::object();
  for (Strand s : kAllStrands) j[std::string(name(s))] = number_json(v[size_t(s)]);
  return j;
}

Json per_status_json(const std::map<Status, int>& counts) {
  Json j = Json::object();
  for (Status s : kAllStatuses) {
    auto it = counts.find(s);
    j[std::string(name(s))] = it == counts.end() ? 0 : it->second;
  }
  return j;
}

std::string kind_of(const Deadline& d) { return to_lower_ascii(trim(d.kind)); }

Json gpa_item_json(const GpaItem& item, const SocialGpaScheme& scheme) {
  Json j;
  j["kind"] = item.kind;
  j["domain"] = text_or_null(scheme.domain_of(item.kind == "volunteer_hours_total" ? "volunteer_hours" : item.kind));
  j["experience"] = text_or_null(item.experience);
  j["title"] = text_or_null(item.title);
  j["file"] = text_or_null(item.file);
  j["line"] = item.line;
  j["date"] = date_json(item.date);
  j["level"] = text_or_null(item.level);
  j["quantity"] = number_json(item.quantity);
  j["points"] = number_json(item.points);
  j["counted"] = item.counted;
  if (item.kind == "volunteer_hours") j["hours_from"] = !item.confirmed ? "claimed" : item.by_staff ? "staff" : "review";
  return j;
}

Json social_gpa_json(const SocialGpaResult& r, const SocialGpaScheme& scheme) {
  Json j;
  j["model"] = name(r.model);
  j["points"] = number_json(r.points);
  j["scaled"] = r.shows_scaled() ? number_json(r.scaled) : Json(nullptr);
  j["level"] = r.shows_level() ? Json(r.level) : Json(nullptr);
  j["items"] = Json::array();
  for (const GpaItem& item : r.items) j["items"].push_back(gpa_item_json(item, scheme));
  j["rules"] = social_gpa_rules_json(scheme);
  return j;
}

// Each period's result (indicators/social_gpa_record.h): the commission's
// decision, the components; the observation sheets and parents' answers
// stay on staff pages.
Json social_gpa_periods_json(const SocialGpaRecord& record, const SocialGpaScheme& scheme) {
  Json out = Json::array();
  for (const GpaPeriodResult& r : record.periods) {
    Json j;
    j["period"] = r.period.id;
    j["school_year"] = r.period.school_year;
    j["from"] = date_json(r.period.from);
    j["to"] = date_json(r.period.to);
    j["open"] = r.open;
    j["computed_points"] = number_json(r.computed.points);
    j["adjustment"] = number_json(r.adjustment);
    j["reason"] = text_or_null(r.adjustment_reason);
    j["points"] = number_json(r.points);
    j["scaled"] = number_json(r.scaled);
    j["level"] = r.level;
    j["confirmed"] = r.confirmed;
    j["rules_version"] = text_or_null(r.rules_version);
    Json components = Json::object();
    if (r.assessment)
      for (const auto& [id, value] : r.assessment->components) components[id] = value;
    j["components"] = std::move(components);
    j["items"] = Json::array();
    for (const GpaItem& item : r.computed.items) j["items"].push_back(gpa_item_json(item, scheme));
    out.push_back(std::move(j));
  }
  return out;
}

// The calendar name in the report's language (`lang`), else the cohort's.
Json deadline_json(const DeadlineResult& d, Language lang, Language cohort) {
  Json j;
  j["date"] = date_json(d.deadline->date);
  j["from"] = date_json(d.deadline->from);
  std::string kind = kind_of(*d.deadline);
  j["kind"] = kind;
  j["name"] = text_or_null(d.deadline->name.get(lang, cohort));
  j["interview"] = kind == "interview" ? text_or_null(d.deadline->interview) : Json(nullptr);
  j["state"] = name(d.state);
  j["met_by"] = text_or_null(d.met_by);
  return j;
}

Json outcomes_json(const std::vector<OutcomeRef>& refs) {
  Json j = Json::array();
  for (const OutcomeRef& r : refs) j.push_back(r.indicator.empty() ? r.outcome : r.indicator);
  return j;
}

Json confirmation_json(const StaffConfirmation& x) {
  Json j;
  j["experience"] = x.experience;
  j["by"] = x.by;
  j["role"] = text_or_null(x.role);
  j["date"] = date_json(x.date);
  j["source"] = x.source;
  j["scan"] = text_or_null(x.scan);
  j["hours"] = x.hours ? number_json(*x.hours) : x.hours_per_strand ? hours_json(*x.hours_per_strand) : Json(nullptr);
  j["outcomes"] = outcomes_json(x.outcomes);
  j["completed"] = x.completed;
  j["comment"] = text_or_null(x.comment);
  j["file"] = x.keys.file;
  return j;
}

Json approval_json(const StaffApproval& a) {
  Json j;
  j["subject"] = a.subject;
  j["what"] = name(a.what);
  j["by"] = a.by;
  j["date"] = date_json(a.date);
  j["up_to_date"] = a.up_to_date();
  j["files"] = Json::array();
  for (const ApprovedFile& f : a.files)
    j["files"].push_back({{"path", f.path},
                          {"sha256", f.sha256},
                          {"current_sha256", text_or_null(f.current_sha256)},
                          {"up_to_date", f.up_to_date()}});
  j["comment"] = text_or_null(a.comment);
  j["file"] = a.keys.file;
  return j;
}

Json status_override_json(const StatusOverride& o) {
  return {{"status", o.status}, {"reason", o.reason}, {"by", o.by}, {"date", date_json(o.date)}, {"file", o.keys.file}};
}

// The staff folder's records about one student; null without a staff folder.
Json staff_json(const Portfolio& p, const CohortConfig& config, Audience audience) {
  if (!config.has_staff_folder()) return nullptr;
  const StaffRecords& r = p.staff;
  bool staff = audience == Audience::staff;
  Json j;
  j["confirmations"] = Json::array();
  for (const StaffConfirmation& x : r.confirmations) j["confirmations"].push_back(confirmation_json(x));
  j["approvals"] = Json::array();
  if (r.plan_approval) j["approvals"].push_back(approval_json(*r.plan_approval));
  for (const StaffApproval& a : r.experience_approvals) j["approvals"].push_back(approval_json(a));
  j["feedback"] = Json::array();
  for (const StaffFeedback& f : r.feedback) {
    if (f.staff_only && !staff) continue;
    j["feedback"].push_back({{"by", f.by},
                             {"role", text_or_null(f.role)},
                             {"date", date_json(f.date)},
                             {"on", f.on},
                             {"staff_only", f.staff_only},
                             {"text", f.text.text},
                             {"file", f.keys.file}});
  }
  j["interviews"] = Json::array();
  for (const StaffInterview& i : r.interviews) {
    if (i.staff_only && !staff) continue;
    j["interviews"].push_back({{"date", date_json(i.date)},
                               {"kind", i.kind},
                               {"by", i.by},
                               {"staff_only", i.staff_only},
                               {"file", i.file}});
  }
  return j;
}

}  // namespace

Json finding_json(const Finding& f, Language lang) {
  MessageText t = render_message(f, lang);
  Json j;
  j["severity"] = name(f.severity);
  j["code"] = f.code;
  j["file"] = f.where.file;
  j["line"] = f.where.line;
  j["column"] = f.where.column;
  j["message"] = t.message;
  j["hint"] = t.hint;
  if (f.staff_only) j["staff_only"] = true;
  return j;
}

Json number_json(double x) {
  double r = round2(x);
  if (std::fabs(r) < 1e15 && r == static_cast<double>(static_cast<long long>(r))) return Json(static_cast<long long>(r));
  return Json(r);
}

Json social_gpa_rules_json(const SocialGpaScheme& scheme) {
  Json j;
  j["model"] = name(scheme.model);
  Json points;
  points["volunteer_hours"] = {{"per", number_json(scheme.volunteer_hours.per)},
                               {"points", number_json(scheme.volunteer_hours.points)},
                               {"max", number_json(scheme.volunteer_hours.max)},
                               {"rounding", name(scheme.volunteer_hours.rounding)}};
  for (const auto& [kind, value] : scheme.points) points[kind] = number_json(value);
  j["points"] = std::move(points);
  j["require_evidence"] = scheme.require_evidence;
  j["links_count_as_evidence"] = scheme.links_count_as_evidence;
  j["scale"] = {{"max", number_json(scheme.scale_max)}, {"full_points", number_json(scheme.full_points)}};
  j["levels"] = {{"high", number_json(scheme.level_high)}, {"satisfactory", number_json(scheme.level_satisfactory)}};
  return j;
}

namespace {

// The status rule's unmet requirements (status.cpp): what makes the status
// what it is, as codes and values for programs and as text for people.
Json status_reasons_json(const StudentIndicators& ind, const Requirements& r, const std::vector<Finding>& findings,
                         Language lang) {
  Json out = Json::array();
  for (const UnmetRequirement& u : unmet_requirements(ind, r, findings)) {
    Finding f;
    f.code = u.text;
    f.args = u.args;
    Json args = Json::object();
    for (const auto& [k, v] : u.args) args[k] = v;
    out.push_back({{"code", u.text}, {"concern", u.concern}, {"args", std::move(args)},
                   {"text", render_message(f, lang).message}});
  }
  return out;
}

}  // namespace

Json student_json(const StudentAnalysis& s, const CohortConfig& config, Audience audience) {
  static const LoadedPortfolio kNone;
  const Portfolio& p = s.loaded ? s.loaded->portfolio : kNone.portfolio;
  const StudentIndicators& ind = s.indicators;
  Json j;
  j["id"] = p.id;
  j["name"] = p.profile.name;
  j["path"] = p.root;
  j["advisor"] = text_or_null(p.profile.advisor);
  j["status"] = name(ind.status);
  j["status_reasons"] = status_reasons_json(ind, config.requirements, s.findings, p.profile.language);
  j["status_override"] = ind.status_override ? status_override_json(*ind.status_override) : Json(nullptr);
  j["reflections"] = ind.reflections;

  Json outcomes = Json::object();
  for (const Outcome& o : config.framework.outcomes) {
    auto it = ind.outcomes.find(o.id);
    Json e;
    e["count"] = it == ind.outcomes.end() ? 0 : it->second.count;
    e["reflections"] = it == ind.outcomes.end() ? Json::array() : Json(it->second.reflections);
    outcomes[o.id] = std::move(e);
  }
  j["outcomes"] = std::move(outcomes);
  j["outcomes_evidenced"] = ind.outcomes_evidenced();

  j["experiences_per_strand"] = strands_json(ind.experiences_per_strand);
  j["hours"] = {{"claimed", hours_json(ind.claimed_hours)}, {"confirmed", hours_json(ind.confirmed_hours)}};
  j["hours_self_reported"] = ind.hours_self_reported;
  j["not_completed"] = ind.not_completed;
  j["unconfirmed_reviews"] = ind.unconfirmed_reviews;

  j["projects"] = Json::array();
  for (const ProjectFacts& f : ind.projects)
    j["projects"].push_back({{"id", f.id}, {"days", f.days}, {"finished", f.finished}});

  j["span_months"] = ind.span_months;
  j["longest_gap"] = {{"days", ind.longest_gap.days},
                      {"from", date_json(ind.longest_gap.from)},
                      {"to", date_json(ind.longest_gap.to)},
                      {"ongoing", ind.longest_gap.ongoing}};

  j["deadlines"] = Json::array();
  for (const DeadlineResult& d : ind.deadlines)
    if (d.deadline) j["deadlines"].push_back(deadline_json(d, p.profile.language, config.language));
  j["deadline_counts"] = {{"met", ind.deadlines_met}, {"missed", ind.deadlines_missed}, {"upcoming", ind.deadlines_upcoming}};

  j["interviews"] = Json::array();
  for (const Interview* i : ind.interviews)
    j["interviews"].push_back({{"date", date_json(i->date)}, {"kind", i->kind}, {"file", i->file}});

  j["social_gpa"] = ind.social_gpa && config.social_gpa ? social_gpa_json(*ind.social_gpa, *config.social_gpa) : Json(nullptr);
  if (ind.social_gpa && config.social_gpa)
    j["social_gpa"]["periods"] =
        social_gpa_periods_json(compute_social_gpa_record(p, config, ind.as_of), *config.social_gpa);
  j["staff"] = staff_json(p, config, audience);

  j["findings"] = Json::array();
  for (const Finding& f : findings_for(audience, s.findings))
    j["findings"].push_back(finding_json(f, p.profile.language));
  return j;
}

Json report_json(const Cohort& cohort, const CohortAnalysis& analysis) {
  const CohortConfig& config = cohort.config;
  Json j;
  j["schema"] = kReportSchema;
  j["as_of"] = date_json(analysis.as_of);
  j["hours_self_reported"] = !config.has_staff_folder();
  j["staff_folder"] = text_or_null(config.staff_folder);
  j["staff_folder_ignored"] = config.staff_folder_ignored;

  Json framework;
  framework["id"] = config.framework.id;
  framework["outcomes"] = Json::array();
  for (const Outcome& o : config.framework.outcomes) framework["outcomes"].push_back(o.id);
  j["framework"] = std::move(framework);

  j["students"] = Json::array();
  for (const StudentAnalysis& s : analysis.students) j["students"].push_back(student_json(s, config, Audience::staff));

  const CohortIndicators& c = analysis.cohort;
  Json cj;
  cj["students"] = analysis.students.size();
  cj["per_status"] = per_status_json(c.per_status);
  Json matrix = Json::object();
  for (const StudentAnalysis& s : analysis.students) {
    Json row = Json::object();
    auto it = c.outcome_matrix.find(s.indicators.id);
    for (const Outcome& o : config.framework.outcomes) {
      int n = 0;
      if (it != c.outcome_matrix.end())
        if (auto o_it = it->second.find(o.id); o_it != it->second.end()) n = o_it->second;
      row[o.id] = n;
    }
    matrix[s.indicators.id] = std::move(row);
  }
  cj["outcome_matrix"] = std::move(matrix);
  cj["strand_balance"] = {{"experiences", strands_json(c.experiences_per_strand)},
                          {"hours", {{"claimed", hours_json(c.claimed_hours)}, {"confirmed", hours_json(c.confirmed_hours)}}}};
  cj["overdue"] = Json::array();
  for (const OverdueItem& o : c.overdue)
    cj["overdue"].push_back({{"student", o.student}, {"what", o.what}, {"date", date_json(o.date)}, {"detail", o.detail}});
  cj["advisers"] = Json::array();
  for (const AdvisorGroup& g : c.advisors)
    cj["advisers"].push_back({{"name", text_or_null(g.name)}, {"students", g.students}, {"per_status", per_status_json(g.per_status)}});
  j["cohort"] = std::move(cj);

  j["cohort_findings"] = Json::array();
  for (const Finding& f : cohort.config_findings) j["cohort_findings"].push_back(finding_json(f, config.language));
  return j;
}

std::string csv_field(std::string_view s) {
  std::string v(s);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string report_csv(const Cohort& cohort, const CohortAnalysis& analysis) {
  const CohortConfig& config = cohort.config;
  std::vector<std::string> header = {"id", "name", "advisor", "status", "reflections"};
  for (Strand s : kAllStrands) header.push_back("experiences_" + std::string(name(s)));
  for (Strand s : kAllStrands) header.push_back("claimed_hours_" + std::string(name(s)));
  for (Strand s : kAllStrands) header.push_back("confirmed_hours_" + std::string(name(s)));
  header.push_back("outcomes_evidenced");
  header.push_back("outcomes_total");
  for (const Outcome& o : config.framework.outcomes) header.push_back("outcome_" + o.id);
  for (const char* h : {"projects", "projects_finished", "project_days_max", "span_months", "longest_gap_days",
                        "days_since_last_entry",
                        "deadlines_met", "deadlines_missed", "deadlines_upcoming", "interviews", "gpa_points",
                        "gpa_scaled", "gpa_level", "errors", "warnings", "notes", "staff_only"})
    header.push_back(h);

  std::string out;
  auto row = [&](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      out += csv_field(fields[i]);
    }
    out += "\r\n";
  };
  row(header);

  for (const StudentAnalysis& s : analysis.students) {
    static const LoadedPortfolio kNone;
    const Portfolio& p = s.loaded ? s.loaded->portfolio : kNone.portfolio;
    const StudentIndicators& ind = s.indicators;
    std::vector<std::string> f = {p.id, p.profile.name, p.profile.advisor, std::string(name(ind.status)),
                                  std::to_string(ind.reflections)};
    for (Strand st : kAllStrands) f.push_back(std::to_string(ind.experiences_per_strand[size_t(st)]));
    for (Strand st : kAllStrands) f.push_back(format_number(ind.claimed_hours[size_t(st)]));
    for (Strand st : kAllStrands) f.push_back(format_number(ind.confirmed_hours[size_t(st)]));
    f.push_back(std::to_string(ind.outcomes_evidenced()));
    f.push_back(std::to_string(config.framework.outcomes.size()));
    for (const Outcome& o : config.framework.outcomes) {
      auto it = ind.outcomes.find(o.id);
      f.push_back(std::to_string(it == ind.outcomes.end() ? 0 : it->second.count));
    }
    int finished = 0, longest = 0;
    for (const ProjectFacts& pf : ind.projects) {
      finished += pf.finished;
      longest = std::max(longest, pf.days);
    }
    f.push_back(std::to_string(ind.projects.size()));
    f.push_back(std::to_string(finished));
    f.push_back(std::to_string(longest));
    f.push_back(std::to_string(ind.span_months));
    f.push_back(std::to_string(ind.longest_gap.days));
    int days = ind.days_since_last_entry();
    f.push_back(days < 0 ? "" : std::to_string(days));
    f.push_back(std::to_string(ind.deadlines_met));
    f.push_back(std::to_string(ind.deadlines_missed));
    f.push_back(std::to_string(ind.deadlines_upcoming));
    f.push_back(std::to_string(ind.interviews.size()));
    if (ind.social_gpa) {
      f.push_back(format_number(ind.social_gpa->points));
      f.push_back(ind.social_gpa->shows_scaled() ? format_number(ind.social_gpa->scaled) : "");
      f.push_back(ind.social_gpa->shows_level() ? ind.social_gpa->level : "");
    } else {
      f.insert(f.end(), {"", "", ""});
    }
    // Staff-only findings (academic honesty) are counted apart, as the status rule keeps them apart.
    size_t e = 0, w = 0, n = 0, staff = 0;
    for (const Finding& x : s.findings) {
      if (x.staff_only) {
        ++staff;
        continue;
      }
      e += x.severity == Severity::error;
      w += x.severity == Severity::warning;
      n += x.severity == Severity::info;
    }
    f.push_back(std::to_string(e));
    f.push_back(std::to_string(w));
    f.push_back(std::to_string(n));
    f.push_back(std::to_string(staff));
    row(f);
  }
  return out;
}

}  // namespace casfolio
