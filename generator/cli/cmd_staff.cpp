// casfolio approve | confirm | comment: one staff record each, written into
// the cohort's staff folder and never into a student's (docs/staff.md). What
// a record says is write/staff_records; here the arguments are checked, the
// portfolio and the staff folder found, and every refusal is a finding.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/disk_path.h"
#include "cli/commands.h"
#include "util/normalised_text.h"
#include "util/text.h"
#include "write/bundle.h"
#include "write/scaffold.h"
#include "write/staff_records.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

// No experience holds more: the bound when its dates do not give a lower one.
constexpr double kMaxHours = 10000;

struct StaffCliOptions {
  std::string command;  // approve | confirm | comment
  std::string path;
  std::string by, role, date, as_of, staff, cohort, comment;
  // confirm
  std::string hours, outcomes, source = "form";
  bool completed = false, not_completed = false;
  // comment
  bool staff_only = false;
  std::string text;
  bool drafts = false;
};

// A refusal: the finding printed to stderr, and the exit code.
struct Refusal {
  Finding finding;
  int exit_code = 2;
};

Refusal refuse(std::string_view code, std::string file, Args args, int exit_code = 2) {
  return {make_finding(code, Location{std::move(file)}, std::move(args)), exit_code};
}

// The portfolio PATH is in, with its cohort loaded and its staff folder.
struct StaffTarget {
  Cohort cohort;
  size_t index = 0;        // of the portfolio in cohort.portfolios (an index survives moving the target)
  const Portfolio& portfolio() const { return cohort.portfolios[index].portfolio; }
  fs::path portfolio_dir;  // absolute
  std::string inside;      // PATH relative to the portfolio root, '/'-separated; "" = the root
  fs::path staff_dir;      // absolute
  Date date;
};

fs::path absolute_normal(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path.empty() ? "." : path, ec), ec);
  if (p.has_relative_path() && p.filename().empty()) p = p.parent_path();
  return p;
}

// The cohort.yaml above a portfolio, by the loader's rule (load_directory):
// the nearest one, stopping at the repository's top (a folder with .git).
fs::path find_cohort_file(const fs::path& portfolio_dir) {
  std::error_code ec;
  for (fs::path p = portfolio_dir.parent_path(); !p.empty(); p = p.parent_path()) {
    if (fs::is_regular_file(p / "cohort.yaml", ec)) return p / "cohort.yaml";
    if (fs::exists(p / ".git", ec) || p == p.parent_path()) break;
  }
  return {};
}

std::optional<Date> parse_date_option(const std::string& option, const std::string& value, Refusal& why) {
  auto d = Date::parse(value);
  if (!d) why = refuse("staff-command-bad-date", "casfolio", {{"option", option}, {"value", value}});
  return d;
}

std::optional<StaffTarget> find_target(const StaffCliOptions& o, Refusal& why) {
  StaffTarget t;
  std::string command = "casfolio " + o.command;
  if (!o.date.empty()) {
    auto d = parse_date_option("--date", o.date, why);
    if (!d) return std::nullopt;
    t.date = *d;
  } else if (!o.as_of.empty()) {
    auto d = parse_date_option("--as-of", o.as_of, why);
    if (!d) return std::nullopt;
    t.date = *d;
  } else {
    t.date = Date::today();
  }
  if (trim(o.by).empty()) {
    why = refuse("staff-command-no-by", command, {});
    return std::nullopt;
  }
  std::error_code ec;
  fs::path target = absolute_normal(o.path);
  if (!fs::exists(target, ec)) {
    why = refuse("staff-command-no-such-path", o.path, {{"path", o.path}});
    return std::nullopt;
  }
  std::string root = find_portfolio_root(fs::is_directory(target, ec) ? target.string() : target.parent_path().string());
  if (root.empty()) {
    why = refuse("staff-command-outside-portfolio", o.path, {{"path", o.path}});
    return std::nullopt;
  }
  t.portfolio_dir = absolute_normal(root);
  t.inside = target.lexically_relative(t.portfolio_dir).generic_string();
  if (t.inside == ".") t.inside.clear();

  fs::path cohort_file = o.cohort.empty() ? find_cohort_file(t.portfolio_dir) : absolute_normal(o.cohort);
  // The whole cohort, so the student's id is the one every page and record uses.
  LoadOptions lo;
  lo.drafts = o.drafts;  // as check sees the portfolio: a record on a draft needs --drafts there too
  bool whole_cohort = o.cohort.empty() && !cohort_file.empty();
  fs::path load_root = whole_cohort ? cohort_file.parent_path() : t.portfolio_dir;
  if (!o.cohort.empty()) lo.cohort_file = cohort_file.string();
  if (!o.staff.empty()) lo.staff_dir = absolute_normal(o.staff).string();
  t.cohort = load_directory(load_root.string(), lo);
  bool found = false;
  for (size_t i = 0; i < t.cohort.portfolios.size() && !found; ++i)
    if (absolute_normal((load_root / t.cohort.portfolios[i].portfolio.root).string()) == t.portfolio_dir) {
      t.index = i;
      found = true;
    }
  if (!found || !t.portfolio().usable) {
    why = refuse("staff-command-outside-portfolio", o.path, {{"path", o.path}});
    return std::nullopt;
  }

  // The loader's choice: --staff, else cohort.yaml's `staff:` (relative to
  // the loaded root, or absolute).
  if (t.cohort.config.has_staff_folder()) {
    t.staff_dir = absolute_normal((load_root / t.cohort.config.staff_folder).string());
  } else {
    std::string label = cohort_file.empty() ? "cohort.yaml" : cohort_file.lexically_relative(fs::current_path(ec)).string();
    why = refuse("staff-command-no-staff-folder", command, {{"cohort", label}});
    return std::nullopt;
  }
  for (const LoadedPortfolio& lp : t.cohort.portfolios) {
    fs::path dir = absolute_normal((load_root / lp.portfolio.root).string());
    if (path_is_within(t.staff_dir.string(), dir.string())) {
      why = refuse("staff-command-staff-inside-portfolio", command,
                   {{"staff", t.staff_dir.string()}, {"portfolio", dir.string()}});
      return std::nullopt;
    }
  }
  return t;
}

// "experiences/<id>" or anything below it -> the experience; else nullptr.
const Experience* experience_at(const Portfolio& p, const std::string& inside, bool folder_or_index_only) {
  if (!inside.starts_with("experiences/")) return nullptr;
  std::string rest = inside.substr(std::string_view("experiences/").size());
  size_t slash = rest.find('/');
  std::string id = rest.substr(0, slash);
  std::string below = slash == std::string::npos ? "" : rest.substr(slash + 1);
  if (folder_or_index_only && !below.empty() && below != "index.md") return nullptr;
  return p.find_experience(id);
}

std::string read_whole(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What an approval keeps of a file: its normalised text and that text's hash.
ApprovalInput::File approved_file(std::string path, const std::string& content) {
  ApprovalInput::File f;
  f.path = std::move(path);
  f.text = normalised_text(content);
  f.sha256 = normalised_text_sha256(content);
  return f;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string item;
  for (char c : s + ",") {
    if (c == ',') {
      if (auto t = trim(item); !t.empty()) out.emplace_back(t);
      item.clear();
    } else {
      item += c;
    }
  }
  return out;
}

std::optional<StaffRecordFile> approve_record(const StaffCliOptions& o, const StaffTarget& t, Refusal& why) {
  const Portfolio& p = t.portfolio();
  ApprovalInput in;
  in.student = p.id;
  in.by = std::string(trim(o.by));
  in.date = t.date;
  in.comment = o.comment;
  if (t.inside == "plan.md") {
    in.subject = "plan";
    in.what = ApprovalKind::plan;
    in.files.push_back(approved_file("plan.md", read_whole(t.portfolio_dir / "plan.md")));
  } else if (const Experience* e = experience_at(p, t.inside, true)) {
    in.subject = e->id;
    in.what = e->project ? ApprovalKind::project : ApprovalKind::experience;
    in.files.push_back(approved_file(e->file, read_whole(t.portfolio_dir / e->file)));
  } else {
    why = refuse("staff-command-not-approvable", o.path, {{"path", o.path}});
    return std::nullopt;
  }
  return approval_record(in);
}

std::optional<StaffRecordFile> confirm_record(const StaffCliOptions& o, const StaffTarget& t, Refusal& why) {
  const Portfolio& p = t.portfolio();
  const Experience* e = experience_at(p, t.inside, false);
  if (!e) {
    why = refuse("staff-command-not-an-experience", o.path, {{"path", o.path}, {"student", p.id}});
    return std::nullopt;
  }
  ConfirmationInput in;
  in.student = p.id;
  in.experience = e->id;
  in.by = std::string(trim(o.by));
  in.role = std::string(trim(o.role));
  in.date = t.date;
  in.comment = o.comment;

  std::string_view hours = trim(o.hours);
  auto parsed = std::from_chars(hours.data(), hours.data() + hours.size(), in.hours);
  bool is_number = !hours.empty() && parsed.ec == std::errc() && parsed.ptr == hours.data() + hours.size();
  if (!is_number || !std::isfinite(in.hours) || in.hours <= 0 || in.hours > kMaxHours) {
    why = refuse("staff-command-bad-hours", "casfolio confirm", {{"value", o.hours}, {"max", hours_text(kMaxHours)}});
    return std::nullopt;
  }
  // The loader's bound: 24 hours a day from the start to the end, or to the
  // confirmation's date while the experience is ongoing.
  if (e->start.valid()) {
    Date last = e->end.valid() ? e->end : in.date;
    int days = std::max(1, int(last - e->start) + 1);
    if (in.hours > 24.0 * days) {
      why = refuse("staff-command-too-many-hours", "casfolio confirm",
                   {{"hours", hours_text(in.hours)}, {"days", std::to_string(days)}, {"start", e->start.iso()},
                    {"end", last.iso()}, {"max", std::to_string(24 * days)}});
      return std::nullopt;
    }
  }
  for (const std::string& item : split_list(o.outcomes)) {
    auto ref = parse_outcome_ref(item, t.cohort.config.framework);
    if (!ref) {
      why = refuse("staff-command-bad-outcome", "casfolio confirm",
                   {{"value", item}, {"framework", t.cohort.config.framework.name.get(t.cohort.config.language)}});
      return std::nullopt;
    }
    in.outcomes.push_back(ref->indicator.empty() ? ref->outcome : ref->indicator);
  }
  if (o.completed == o.not_completed) {
    why = refuse("staff-command-completed-unsaid", "casfolio confirm", {});
    return std::nullopt;
  }
  in.completed = o.completed;
  if (o.source != "form" && o.source != "email" && o.source != "paper" && o.source != "in-person") {
    why = refuse("staff-command-bad-source", "casfolio confirm", {{"value", o.source}});
    return std::nullopt;
  }
  in.source = o.source;
  return confirmation_record(in);
}

// What feedback on PATH is `on:`, or "" when it cannot be about it.
std::string feedback_subject(const Portfolio& p, const std::string& inside) {
  if (inside.empty()) return "portfolio";
  if (const Experience* e = experience_at(p, inside, true)) return e->dir;
  for (const Reflection& r : p.reflections)
    if (r.file == inside) return r.file;
  for (const Interview& i : p.interviews)
    if (i.file == inside) return i.file;
  return {};
}

std::string shown_path(const std::string& file) {
  std::error_code ec;
  fs::path rel = fs::path(file).lexically_relative(fs::current_path(ec));
  return rel.empty() ? file : rel.generic_string();
}

int run_staff(const StaffCliOptions& o, Streams io) {
  Refusal why;
  Language lang = Language::en;
  auto print_refusal = [&] {
    PrintOptions po;
    po.language = lang;
    po.color = use_color(io.err);
    print_finding(io.err, why.finding, po);
    return why.exit_code;
  };
  auto target = find_target(o, why);
  if (!target) return print_refusal();
  lang = target->cohort.config.language;

  std::optional<StaffRecordFile> record;
  FeedbackInput feedback;
  if (o.command == "approve") {
    record = approve_record(o, *target, why);
  } else if (o.command == "confirm") {
    record = confirm_record(o, *target, why);
  } else {
    feedback.student = target->portfolio().id;
    feedback.by = std::string(trim(o.by));
    feedback.role = std::string(trim(o.role));
    feedback.date = target->date;
    feedback.staff_only = o.staff_only;
    feedback.text = o.text;
    feedback.on = feedback_subject(target->portfolio(), target->inside);
    if (feedback.on.empty()) {
      why = refuse("staff-command-not-commentable", o.path, {{"path", o.path}});
    } else if (trim(o.text).empty()) {
      why = refuse("staff-command-no-text", "casfolio comment", {});
    } else {
      record = feedback_record(feedback, 1);
    }
  }
  if (!record) return print_refusal();

  RecordWrite w = write_new_record(target->staff_dir.string(), *record);
  // Feedback takes the day's next free number; other records have one name.
  for (int n = 2; o.command == "comment" && w.status == RecordWrite::exists && n < 1000; ++n) {
    record = feedback_record(feedback, n);
    w = write_new_record(target->staff_dir.string(), *record);
  }
  if (w.status == RecordWrite::exists) {
    why = refuse("staff-command-record-exists", shown_path(w.file), {{"file", shown_path(w.file)}}, 1);
    return print_refusal();
  }
  if (w.status == RecordWrite::failed) {
    why = refuse("staff-command-write-failed", shown_path(w.file), {{"file", shown_path(w.file)}, {"reason", w.reason}}, 1);
    return print_refusal();
  }
  Finding wrote;
  wrote.code = "_staff-command-wrote";
  wrote.args = {{"file", shown_path(w.file)}};
  io.out << render_message(wrote, lang).message << "\n" << record->text;
  return 0;
}

void define_common(CLI::App& app, StaffCliOptions& o) {
  app.add_option("--by", o.by, "Who approves, confirms or comments (required)");
  app.add_option("--date", o.date, "The record's date (YYYY-MM-DD; default: --as-of, SOURCE_DATE_EPOCH or today)");
  app.add_option("--as-of", o.as_of, "The as-of date (YYYY-MM-DD), the default for --date");
  app.add_option("--staff", o.staff, "The staff folder (default: cohort.yaml's staff:)");
  app.add_option("--cohort", o.cohort, "cohort.yaml to use (default: the nearest above the portfolio)");
  app.add_flag("--drafts", o.drafts, "Include experiences marked draft: true (check them with --drafts too)");
}

}  // namespace

void define_approve(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<StaffCliOptions>();
  o->command = "approve";
  app.add_option("path", o->path, "plan.md, or an experience's folder or index.md, inside a portfolio")->required();
  define_common(app, *o);
  app.add_option("--comment", o->comment, "A comment kept with the approval");
  app.callback([o, io, &exit_code] { exit_code = run_staff(*o, io); });
}

void define_confirm(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<StaffCliOptions>();
  o->command = "confirm";
  app.add_option("path", o->path, "An experience's folder (or a file in it) inside a portfolio")->required();
  define_common(app, *o);
  app.add_option("--role", o->role, "The supervisor's role, e.g. \"Volleyball coach\"");
  app.add_option("--hours", o->hours, "Hours the supervisor confirms")->required();
  app.add_option("--outcomes", o->outcomes, "Learning outcomes confirmed, e.g. 1,3");
  app.add_flag("--completed", o->completed, "The student completed the experience");
  app.add_flag("--not-completed", o->not_completed, "The student did not complete it");
  app.add_option("--source", o->source, "How the confirmation came: form, email, paper or in-person")
      ->capture_default_str();
  app.add_option("--comment", o->comment, "The supervisor's comment");
  app.callback([o, io, &exit_code] { exit_code = run_staff(*o, io); });
}

void define_comment(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<StaffCliOptions>();
  o->command = "comment";
  app.add_option("path", o->path, "The portfolio folder, an experience folder, a reflection or an interview file")
      ->required();
  app.add_option("text", o->text, "The comment (Markdown)");
  define_common(app, *o);
  app.add_option("--role", o->role, "Your role: adviser, coordinator, supervisor, commission...");
  app.add_flag("--staff-only", o->staff_only, "Never shown in anything the student gets");
  app.callback([o, io, &exit_code] { exit_code = run_staff(*o, io); });
}

}  // namespace casfolio
