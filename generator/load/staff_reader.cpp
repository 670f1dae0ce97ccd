#include "load/staff_reader.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "load/document.h"
#include "load/experience_file.h"
#include "load/staff_files.h"
#include "load/staff_gpa_records.h"
#include "load/yaml_fields.h"
#include "util/folder_walk.h"
#include "util/normalised_text.h"
#include "util/path.h"
#include "util/text.h"

namespace casfolio {

namespace {

// Bounds of the walk over the staff folder (looked through whole, for a
// portfolio.yaml anywhere in it).
constexpr int kMaxStaffDepth = 16;
constexpr int kMaxStaffEntries = 100'000;


void text_key(const YamlNode& m, std::string_view key, const FieldContext& c, std::string& into) {
  if (const YamlNode* v = optional_key(m, key))
    if (auto s = read_text(*v, key, c)) into = *s;
}

void required_text(const YamlNode& m, std::string_view key, Location item, const FieldContext& c, std::string& into) {
  if (const YamlNode* v = require_key(m, key, item, c))
    if (auto s = read_text(*v, key, c)) into = *s;
}

void required_date(const YamlNode& m, Location item, const FieldContext& c, Date& into) {
  if (const YamlNode* v = require_key(m, "date", item, c))
    if (auto d = read_date(*v, "date", c)) into = *d;
}

bool is_lower_hex_sha256(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char ch) {
           return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
         });
}

class StudentReader {
 public:
  StudentReader(const FileSource& files, std::string dir, const CohortConfig& cohort, const Limits& limits,
                Diagnostics& diagnostics)
      : files_(files), dir_(std::move(dir)), cohort_(cohort), limits_(limits), d_(diagnostics) {}

  StaffRecords read() {
    StaffRecords r;
    for (const DirEntry& e : files_.list(dir_)) {
      if (is_ignored_name(e.name) || e.symlink || e.escapes_root) continue;
      std::string path = join_path(dir_, e.name);
      bool folder = e.kind == EntryKind::directory;
      if (folder && e.name == "confirmations") read_confirmations(path, r);
      else if (folder && e.name == "approvals") read_approvals(path, r);
      else if (folder && e.name == "feedback") read_markdown_folder(path, [&](const std::string& f) { read_feedback(f, r); });
      else if (folder && e.name == "interviews") read_markdown_folder(path, [&](const std::string& f) { read_interview(f, r); });
      else if (folder && e.name == "scans") continue;  // evidence, any files
      else if (folder && e.name == "social-gpa") r.social_gpa = read_gpa_staff_records(files_, path, scheme(), limits_, d_);
      else if (!folder && (e.name == "status.yaml" || e.name == "status.yml")) read_status(path, r);
      else d_.report("staff-unknown-entry", Location{path}, {{"name", e.name}});
    }
    auto by_date = [](const auto& a, const auto& b) {
      return a.date != b.date ? a.date < b.date : a.keys.file < b.keys.file;
    };
    std::stable_sort(r.feedback.begin(), r.feedback.end(), by_date);
    std::stable_sort(r.interviews.begin(), r.interviews.end(), by_date);
    return r;
  }

 private:
  std::optional<YamlNode> yaml_map(const std::string& file) { return read_yaml_record(files_, file, limits_, d_); }

  // Files of a records folder; a second record for one subject (guitar.yaml
  // beside guitar.yml) is an error, and then neither counts: nobody can say
  // which of the two staff meant.
  std::vector<std::pair<std::string, std::string>> yaml_records(const std::string& dir, std::string_view what) {
    std::vector<std::pair<std::string, std::string>> out;  // (subject, file)
    std::map<std::string, size_t> seen;
    std::vector<bool> twice;
    for (const std::string& path : staff_yaml_files(files_, dir, d_)) {
      std::string subject(file_stem(path));
      auto [it, inserted] = seen.emplace(subject, out.size());
      if (!inserted) {
        d_.report(what == "confirmation" ? "staff-duplicate-confirmation" : "staff-duplicate-approval", Location{path},
                  {{"experience", subject}, {"other", out[it->second].second}});
        twice[it->second] = true;
        continue;
      }
      out.emplace_back(subject, path);
      twice.push_back(false);
    }
    std::vector<std::pair<std::string, std::string>> kept;
    for (size_t i = 0; i < out.size(); ++i)
      if (!twice[i]) kept.push_back(std::move(out[i]));
    return kept;
  }

  void read_markdown_folder(const std::string& dir, const std::function<void(const std::string&)>& read) {
    for (const DirEntry& e : files_.list(dir)) {
      if (is_ignored_name(e.name) || e.symlink || e.escapes_root) continue;
      std::string path = join_path(dir, e.name);
      if (e.kind == EntryKind::file && extension(e.name) == ".md") read(path);
      else d_.report("staff-unknown-entry", Location{path}, {{"name", e.name}});
    }
  }

  void read_confirmations(const std::string& dir, StaffRecords& r) {
    for (auto& [subject, file] : yaml_records(dir, "confirmation")) {
      ErrorCount errors{d_};
      auto m = yaml_map(file);
      if (!m) continue;
      FieldContext c{file, d_};
      check_keys(*m, staff_confirmation_keys(), c);
      StaffConfirmation x;
      x.experience = subject;
      x.keys = key_lines(*m, file, 1);
      Location item{file, x.keys.line, 0, 0};
      required_text(*m, "by", item, c, x.by);
      text_key(*m, "role", c, x.role);
      required_date(*m, item, c, x.date);
      if (const YamlNode* v = require_key(*m, "source", item, c))
        choose<std::string>(*v, "source",
                            {{"form", "form"}, {"email", "email"}, {"paper", "paper"}, {"in-person", "in-person"}}, c,
                            x.source);
      if (const YamlNode* v = optional_key(*m, "scan")) read_scan(*v, c, x);
      if (const YamlNode* v = optional_key(*m, "hours")) read_hours(*v, c, x);
      if (const YamlNode* v = optional_key(*m, "outcomes"))
        x.outcomes = read_outcomes(*v, "outcomes", cohort_.framework, file, d_);
      if (const YamlNode* v = require_key(*m, "completed", item, c))
        if (auto b = read_bool(*v, "completed", c)) x.completed = *b;
      text_key(*m, "comment", c, x.comment);
      if (errors.clean()) r.confirmations.push_back(std::move(x));
    }
  }

  void read_scan(const YamlNode& v, const FieldContext& c, StaffConfirmation& x) {
    auto s = read_text(v, "scan", c);
    if (!s) return;
    auto resolved = resolve_inside(dir_, *s);
    std::optional<DirEntry> e;
    if (resolved && path_inside(*resolved, dir_)) e = files_.stat(*resolved);
    if (!e || e->kind != EntryKind::file || e->escapes_root || e->symlink) {
      d_.report("staff-scan-not-found", v.where(c.file), {{"path", *s}});
      return;
    }
    x.scan = resolved->substr(dir_.size() + 1);
  }

  void read_hours(const YamlNode& v, const FieldContext& c, StaffConfirmation& x) {
    if (!v.is_map()) {
      x.hours = read_amount(v, "hours", c);
      return;
    }
    StrandHours hours{};
    for (const auto& [key, value] : v.entries) {
      auto strand = read_strand(key, key.scalar, c.file, c.diagnostics);
      auto amount = read_amount(value, "hours", c);
      if (strand && amount) hours[size_t(*strand)] += *amount;
    }
    x.hours_per_strand = hours;
  }

  void read_approvals(const std::string& dir, StaffRecords& r) {
    for (auto& [subject, file] : yaml_records(dir, "approval")) {
      ErrorCount errors{d_};
      auto m = yaml_map(file);
      if (!m) continue;
      FieldContext c{file, d_};
      check_keys(*m, staff_approval_keys(), c);
      StaffApproval a;
      a.subject = subject;
      a.keys = key_lines(*m, file, 1);
      Location item{file, a.keys.line, 0, 0};
      bool plan = subject == "plan";
      if (const YamlNode* v = require_key(*m, "what", item, c)) {
        if (plan) choose<ApprovalKind>(*v, "what", {{"plan", ApprovalKind::plan}}, c, a.what);
        else
          choose<ApprovalKind>(*v, "what", {{"experience", ApprovalKind::experience}, {"project", ApprovalKind::project}},
                               c, a.what);
      }
      required_text(*m, "by", item, c, a.by);
      required_date(*m, item, c, a.date);
      if (const YamlNode* v = require_key(*m, "files", item, c))
        for (const YamlNode* f : read_list(*v, "files", c)) read_approved_file(*f, c, a);
      text_key(*m, "comment", c, a.comment);
      if (!errors.clean()) continue;
      if (plan) r.plan_approval = std::move(a);
      else r.experience_approvals.push_back(std::move(a));
    }
  }

  void read_approved_file(const YamlNode& f, const FieldContext& c, StaffApproval& a) {
    if (!f.is_map()) {
      d_.report("not-a-map", f.where(c.file), {{"key", "files"}});
      return;
    }
    check_keys(f, approved_file_keys(), c);
    Location item{c.file, f.line, f.column, 0};
    ApprovedFile out;
    out.line = f.line;
    if (const YamlNode* v = require_key(f, "path", item, c))
      if (auto s = read_text(*v, "path", c)) {
        auto resolved = resolve_inside("", *s);
        if (!resolved) d_.report("staff-approval-unknown-file", v->where(c.file), {{"path", *s}});
        else out.path = *resolved;
        out.line = v->line;
      }
    if (const YamlNode* v = require_key(f, "sha256", item, c))
      if (auto s = read_text(*v, "sha256", c)) {
        if (!is_lower_hex_sha256(*s)) d_.report("staff-bad-hash", v->where(c.file), {{"value", *s}});
        else out.sha256 = *s;
      }
    if (const YamlNode* v = optional_key(f, "text"))
      if (auto s = read_text(*v, "text", c)) {
        // Kept only when it is what was approved: a diff against other text would mislead.
        if (!out.sha256.empty() && normalised_text_sha256(*s) != out.sha256)
          d_.report("staff-approval-text-mismatch", v->where(c.file), {{"path", out.path}});
        else
          out.approved_text = normalised_text(*s);
      }
    if (!out.path.empty() && !out.sha256.empty()) a.files.push_back(std::move(out));
  }

  void read_feedback(const std::string& file, StaffRecords& r) {
    ErrorCount errors{d_};
    auto text = read_text_file(files_, file, limits_, d_);
    if (!text) return;
    auto doc = parse_markdown_document(*text, file, FrontMatter::required, limits_, d_);
    if (!doc) return;
    const YamlNode& m = doc->front;
    FieldContext c{file, d_};
    check_keys(m, staff_feedback_keys(), c);
    StaffFeedback f;
    f.keys = key_lines(m, file, doc->front_first_line);
    Location item{file, f.keys.line, 0, 0};
    required_text(m, "by", item, c, f.by);
    text_key(m, "role", c, f.role);
    required_date(m, item, c, f.date);
    if (const YamlNode* v = optional_key(m, "on"))
      if (auto s = read_text(*v, "on", c)) {
        std::string on(trim(*s));
        if (on.empty() || on == "portfolio") {
          f.on = "portfolio";
        } else if (auto resolved = resolve_inside("", on)) {
          f.on = *resolved;
        } else {
          d_.report("staff-unknown-target", v->where(file), {{"path", on}});
        }
      }
    if (const YamlNode* v = optional_key(m, "staff_only"))
      if (auto b = read_bool(*v, "staff_only", c)) f.staff_only = *b;
    f.text = doc->body;
    if (errors.clean()) r.feedback.push_back(std::move(f));
  }

  void read_interview(const std::string& file, StaffRecords& r) {
    ErrorCount errors{d_};
    auto text = read_text_file(files_, file, limits_, d_);
    if (!text) return;
    auto doc = parse_markdown_document(*text, file, FrontMatter::required, limits_, d_);
    if (!doc) return;
    const YamlNode& m = doc->front;
    FieldContext c{file, d_};
    check_keys(m, staff_interview_keys(), c);
    StaffInterview iv;
    iv.file = file;
    iv.keys = key_lines(m, file, doc->front_first_line);
    Location item{file, iv.keys.line, 0, 0};
    required_date(m, item, c, iv.date);
    required_text(m, "kind", item, c, iv.kind);
    required_text(m, "by", item, c, iv.by);
    if (const YamlNode* v = optional_key(m, "staff_only"))
      if (auto b = read_bool(*v, "staff_only", c)) iv.staff_only = *b;
    iv.notes = doc->body;
    if (errors.clean()) r.interviews.push_back(std::move(iv));
  }

  void read_status(const std::string& file, StaffRecords& r) {
    if (r.status_override) {  // status.yaml beside status.yml
      d_.report("staff-duplicate-status", Location{file}, {{"other", r.status_override->keys.file}});
      r.status_override.reset();
      duplicate_status_ = true;
      return;
    }
    if (duplicate_status_) return;
    ErrorCount errors{d_};
    auto m = yaml_map(file);
    if (!m) return;
    FieldContext c{file, d_};
    check_keys(*m, staff_status_keys(), c);
    StatusOverride s;
    s.keys = key_lines(*m, file, 1);
    Location item{file, s.keys.line, 0, 0};
    if (const YamlNode* v = require_key(*m, "status", item, c))
      choose<std::string>(*v, "status",
                          {{"on-track", "on-track"}, {"of-concern", "of-concern"}, {"complete", "complete"}}, c,
                          s.status);
    required_text(*m, "reason", item, c, s.reason);
    required_text(*m, "by", item, c, s.by);
    required_date(*m, item, c, s.date);
    if (errors.clean()) r.status_override = std::move(s);
  }

  const SocialGpaScheme& scheme() const {
    static const SocialGpaScheme defaults;
    return cohort_.social_gpa ? *cohort_.social_gpa : defaults;
  }

  const FileSource& files_;
  std::string dir_;  // the student's folder, relative to the staff folder
  const CohortConfig& cohort_;
  const Limits& limits_;
  Diagnostics& d_;
  bool duplicate_status_ = false;
};

// Looks through the whole staff folder, bounded and never through a link,
// for a portfolio.yaml: a portfolio inside the staff folder would let its
// owner write staff records.
void find_portfolios(const FileSource& files, StaffFolder& out, Diagnostics& d) {
  WalkLimits limits;
  limits.max_depth = kMaxStaffDepth;
  limits.max_entries = kMaxStaffEntries;
  WalkReport report = walk_source(files, limits, [&](const WalkEntry& e) {
    if (e.name == "portfolio.yaml" && !e.is_folder()) {
      std::string dir(parent_dir(e.path));
      out.portfolios.push_back(dir.empty() ? "." : dir);
      d.report("portfolio-inside-staff-folder", Location{e.path});
      return WalkStep::skip;
    }
    return e.is_folder() ? WalkStep::descend : WalkStep::skip;
  });
  if (report.too_many || !report.too_deep.empty()) {
    out.too_large = true;
    d.report("staff-folder-too-large", Location{},
             {{"limit", std::to_string(kMaxStaffEntries)}, {"depth", std::to_string(kMaxStaffDepth)}});
  }
}

// A student decided on in two records of one period: nobody can say which
// decision the commission meant, so neither counts.
void drop_double_decisions(std::vector<GpaCommission>& records, Diagnostics& d) {
  std::sort(records.begin(), records.end(), [](const GpaCommission& a, const GpaCommission& b) {
    return std::tie(a.period, a.class_name, a.file) < std::tie(b.period, b.class_name, b.file);
  });
  std::map<std::pair<std::string, std::string>, std::string> first;  // (period, student) -> file
  std::set<std::pair<std::string, std::string>> twice;
  for (const GpaCommission& c : records)
    for (const CommissionDecision& x : c.decisions) {
      auto [it, fresh] = first.emplace(std::pair{c.period, x.student}, c.file);
      if (fresh) continue;
      d.report("commission-student-twice", Location{c.file, x.line, 0, 0},
               {{"student", x.student}, {"period", c.period}, {"other", it->second}});
      twice.insert(it->first);
    }
  for (GpaCommission& c : records)
    std::erase_if(c.decisions, [&](const CommissionDecision& x) { return twice.count({c.period, x.student}) > 0; });
}

}  // namespace

StaffFolder read_staff_folder(const FileSource& files, const CohortConfig& cohort, const Limits& limits,
                              Diagnostics& diagnostics, const std::string* only_student) {
  StaffFolder out;
  find_portfolios(files, out, diagnostics);
  if (!out.portfolios.empty() || out.too_large) return out;  // fail closed: nothing in it counts
  for (const DirEntry& e : files.list("")) {
    if (is_ignored_name(e.name) || e.symlink || e.escapes_root) continue;
    if (e.kind == EntryKind::file && is_commission_file(e.name)) {
      if (auto c = read_commission(files, e.name, limits, diagnostics)) out.commissions.push_back(std::move(*c));
      continue;
    }
    if (e.kind != EntryKind::directory) continue;
    if (only_student && e.name != *only_student) continue;
    out.students[e.name] = StudentReader(files, e.name, cohort, limits, diagnostics).read();
  }
  drop_double_decisions(out.commissions, diagnostics);
  return out;
}

}  // namespace casfolio
