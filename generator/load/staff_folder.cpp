// Where the staff folder is, whether it may be used, and how its records
// meet the portfolios they are about (load/staff_reader.h).
#include <algorithm>
#include <filesystem>

#include "load/document.h"
#include "load/ledger_reader.h"
#include "load/staff_reader.h"
#include "util/normalised_text.h"
#include "util/path.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

bool climbs_out(std::string_view path) { return path == ".." || path.starts_with("../") || path.starts_with("/"); }

std::string normalised_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s.empty() ? "." : s;
}

// The days an experience's dates span as of a confirmation: start to end
// (or to the confirmation's date while it is ongoing), at least one.
int span_days(const Experience& e, Date confirmed) {
  if (!e.start.valid()) return 0;  // no start (already an error): not judged
  Date last = e.end.valid() ? e.end : confirmed;
  if (!last.valid()) return 0;
  return std::max(1, int(last - e.start) + 1);
}

// "28", "12.5": hours as a message shows them.
std::string amount_text(double x) {
  std::string s = std::to_string(x);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

double total_hours(const StaffConfirmation& x) {
  if (x.hours) return *x.hours;
  double sum = 0;
  if (x.hours_per_strand)
    for (double h : *x.hours_per_strand) sum += h;
  return sum;
}

bool has_file(const Portfolio& p, const std::string& path) {
  return std::binary_search(p.files.begin(), p.files.end(), path);  // Portfolio::files is sorted
}

// What feedback may be about: the portfolio, an experience, or one of its files.
bool known_target(const Portfolio& p, const std::string& on) {
  if (on == "portfolio") return true;
  if (on.starts_with("experiences/") && on.find('/', 12) == std::string::npos)
    return p.find_experience(std::string_view(on).substr(12)) != nullptr;
  return has_file(p, on);
}

void fill_current_text(ApprovedFile& f, const FileSource& files, const Limits& limits) {
  Diagnostics ignored;  // the portfolio's own load already reported its files
  auto entry = files.stat(f.path);
  if (!entry || entry->kind != EntryKind::file || entry->escapes_root) return;
  if (auto text = read_text_file(files, f.path, limits, ignored)) {
    f.current_text = normalised_text(*text);
    f.current_sha256 = normalised_text_sha256(*text);
  }
}

// The staff folder as a FileSource, or nullptr when it cannot be reached.
std::unique_ptr<FileSource> open_staff_folder(const FileSource& source, const std::string& label) {
  if (!climbs_out(label) && !fs::path(label).is_absolute()) {
    auto e = source.stat(label == "." ? "" : label);
    if (label != "." && (!e || e->kind != EntryKind::directory || e->escapes_root || e->symlink)) return nullptr;
    return source.subtree(label == "." ? "" : label);
  }
  const auto* disk = dynamic_cast<const DiskFileSource*>(&source);
  fs::path where = fs::path(label).is_absolute() || !disk ? fs::path(label) : fs::path(disk->root()) / label;
  std::error_code ec;
  if (!disk && !fs::path(label).is_absolute()) return nullptr;  // an in-memory tree has no outside
  if (!fs::is_directory(where, ec)) return nullptr;
  return std::make_unique<DiskFileSource>(where.string());
}

// A portfolio folder on disk that holds the staff folder, through links too.
// `folder`: the portfolio's Portfolio::folder() ("" = the build root).
bool inside_on_disk(const FileSource& source, const std::string& label, std::string_view folder_in_build) {
  const auto* disk = dynamic_cast<const DiskFileSource*>(&source);
  if (!disk) return false;
  std::error_code ec;
  fs::path base(disk->root());
  fs::path staff = fs::weakly_canonical(fs::path(label).is_absolute() ? fs::path(label) : base / label, ec);
  if (ec) return false;
  fs::path folder = fs::weakly_canonical(folder_in_build.empty() ? base : base / folder_in_build, ec);
  if (ec) return false;
  return path_inside(normalised_path(staff.lexically_relative(folder)), ".");
}

// The ledger's part about each portfolio, when the ledger is whole
// (fail closed: a damaged one counts for no one).
void attach_history(const LoadedLedger& ledger, std::vector<LoadedPortfolio*> portfolios) {
  if (!ledger.trusted) return;
  for (LoadedPortfolio* lp : portfolios)
    if (const StudentHistory* h = ledger.ledger.student(lp->portfolio.id)) lp->portfolio.staff.history = *h;
}

LedgerState ledger_state(const LoadedLedger& ledger) {
  if (!ledger.present) return LedgerState::absent;
  return ledger.trusted ? LedgerState::trusted : LedgerState::not_trusted;
}

void move_findings(Diagnostics& from, const std::string& label, Diagnostics& to) {
  for (Finding& f : from.findings()) {
    f.where.file = f.where.file.empty() ? label : join_path(label == "." ? "" : label, f.where.file);
    f.staff_only = true;
    to.add(std::move(f));
  }
}

}  // namespace

bool path_inside(std::string_view path, std::string_view folder) {
  if (folder == "." || folder.empty()) return !climbs_out(path);
  return path == folder || (path.size() > folder.size() && path.starts_with(folder) && path[folder.size()] == '/');
}

void attach_staff_records(StaffRecords records, Portfolio& p, const FileSource& files, const Limits& limits,
                          Diagnostics& d) {
  StaffRecords& out = p.staff;
  for (StaffConfirmation& x : records.confirmations) {
    const Experience* e = p.find_experience(x.experience);
    if (!e) {
      d.report("staff-unknown-experience", Location{x.keys.file}, {{"experience", x.experience}, {"student", p.id}});
      continue;
    }
    int days = span_days(*e, x.date);
    double hours = total_hours(x);
    if (days > 0 && hours > 24.0 * days) {
      auto [line, column] = x.keys.at("hours");
      d.report("staff-hours-over-span", Location{x.keys.file, line, column, column > 0 ? 5 : 0},
               {{"hours", amount_text(hours)}, {"days", std::to_string(days)},
                {"max", std::to_string(24 * days)}, {"experience", x.experience}});
      continue;
    }
    out.confirmations.push_back(std::move(x));
  }

  auto check_files = [&](StaffApproval& a) {
    for (ApprovedFile& f : a.files) {
      fill_current_text(f, files, limits);
      if (f.current_sha256.empty())
        d.report("staff-approval-unknown-file", Location{a.keys.file, f.line, 0, 0}, {{"path", f.path}});
    }
  };
  if (records.plan_approval) {
    check_files(*records.plan_approval);
    out.plan_approval = std::move(records.plan_approval);
  }
  for (StaffApproval& a : records.experience_approvals) {
    if (!p.find_experience(a.subject)) {
      d.report("staff-unknown-experience", Location{a.keys.file}, {{"experience", a.subject}, {"student", p.id}});
      continue;
    }
    check_files(a);
    out.experience_approvals.push_back(std::move(a));
  }
  for (StaffFeedback& f : records.feedback) {
    if (!known_target(p, f.on)) {
      auto [line, column] = f.keys.at("on");
      d.report("staff-unknown-target", Location{f.keys.file, line, column, 0}, {{"path", f.on}});
      continue;
    }
    out.feedback.push_back(std::move(f));
  }
  out.status_override = std::move(records.status_override);
  out.interviews = std::move(records.interviews);
  out.social_gpa = std::move(records.social_gpa);
  std::sort(out.confirmations.begin(), out.confirmations.end(),
            [](const auto& a, const auto& b) { return a.experience < b.experience; });
  std::sort(out.experience_approvals.begin(), out.experience_approvals.end(),
            [](const auto& a, const auto& b) { return a.subject < b.subject; });
}

std::string locate_staff_folder(const CohortConfig& config, const FileSource& source, const std::string& config_dir,
                                const LoadOptions& options) {
  if (options.staff_dir) {
    fs::path given(*options.staff_dir);
    const auto* disk = dynamic_cast<const DiskFileSource*>(&source);
    if (!disk || given.is_absolute()) return normalised_path(given);
    std::error_code ec;
    fs::path rel = fs::absolute(given, ec).lexically_normal().lexically_relative(
        fs::absolute(disk->root(), ec).lexically_normal());
    return rel.empty() ? normalised_path(fs::absolute(given, ec)) : normalised_path(rel);
  }
  if (config.staff_folder.empty()) return "";
  fs::path written(config.staff_folder);
  if (written.is_absolute()) return normalised_path(written);
  return normalised_path(fs::path(config_dir) / written);
}

void load_staff_folder(Cohort& cohort, const FileSource& source, const LoadOptions& options, Diagnostics& diagnostics) {
  CohortConfig& config = cohort.config;
  const std::string& label = config.staff_folder;
  if (label.empty()) return;
  Location named_at;  // cohort.yaml's `staff:`, or the command line
  if (!options.staff_dir && config.keys.keys.count("staff")) {
    auto [line, column] = config.keys.at("staff");
    named_at = Location{config.file, line, column, 5};
  }
  auto ignore = [&](std::string_view code, Args args) {
    diagnostics.report(code, named_at, std::move(args));
    diagnostics.findings().back().staff_only = true;
    config.staff_folder_ignored = true;
  };
  for (const LoadedPortfolio& lp : cohort.portfolios) {
    const std::string& root = lp.portfolio.root;
    if (path_inside(label, root) || inside_on_disk(source, label, lp.portfolio.folder())) {
      ignore("staff-folder-inside-portfolio", {{"path", label}, {"portfolio", root}});
      return;
    }
  }
  std::unique_ptr<FileSource> files = open_staff_folder(source, label);
  if (!files) {
    ignore("staff-folder-not-found", {{"path", label}});
    return;
  }
  // A single portfolio loaded on its own reads only its student's records:
  // the others are about the rest of the cohort, not unknown students.
  const bool single = cohort.portfolios.size() == 1 && cohort.portfolios[0].portfolio.is_build_root();
  const std::string* only = single ? &cohort.portfolios[0].portfolio.id : nullptr;
  Diagnostics local;
  StaffFolder folder = read_staff_folder(*files, config, options.limits, local, only);
  if (!folder.portfolios.empty() || folder.too_large) {
    config.staff_folder_ignored = true;
    move_findings(local, label, diagnostics);
    return;
  }
  for (const GpaCommission& c : folder.commissions)
    for (const CommissionDecision& x : c.decisions)
      if (!single && std::none_of(cohort.portfolios.begin(), cohort.portfolios.end(),
                       [&](const LoadedPortfolio& lp) { return lp.portfolio.id == x.student; }))
        local.report("staff-unknown-student", Location{c.file, x.line, 0, 0}, {{"student", x.student}});
  config.commissions = std::move(folder.commissions);
  for (auto& [id, records] : folder.students) {
    auto it = std::find_if(cohort.portfolios.begin(), cohort.portfolios.end(),
                           [&id = id](const LoadedPortfolio& lp) { return lp.portfolio.id == id; });
    if (it == cohort.portfolios.end()) {
      local.report("staff-unknown-student", Location{id}, {{"student", id}});
      continue;
    }
    std::unique_ptr<FileSource> portfolio_files = source.subtree(std::string(it->portfolio.folder()));
    attach_staff_records(std::move(records), it->portfolio, *portfolio_files, options.limits, local);
  }
  LoadedLedger ledger = read_ledger(*files, LedgerLimits{}, local);
  config.ledger = ledger_state(ledger);
  std::vector<LoadedPortfolio*> all;
  for (LoadedPortfolio& lp : cohort.portfolios) all.push_back(&lp);
  attach_history(ledger, all);
  move_findings(local, label, diagnostics);
}

void reload_staff_records(LoadedPortfolio& lp, const std::string& dir, const CohortConfig& config,
                          const LoadOptions& options) {
  if (!config.has_staff_folder() || config.staff_folder_ignored) return;
  DiskFileSource source(dir);
  std::unique_ptr<FileSource> files = open_staff_folder(source, config.staff_folder);
  if (!files) return;
  Diagnostics ignored;  // reported by the full load; serve reloads the cohort when the staff folder changes
  StaffFolder folder = read_staff_folder(*files, config, options.limits, ignored, &lp.portfolio.id);
  if (!folder.portfolios.empty() || folder.too_large) return;
  attach_history(read_ledger(*files, LedgerLimits{}, ignored), {&lp});
  auto it = folder.students.find(lp.portfolio.id);
  if (it == folder.students.end()) return;
  std::unique_ptr<FileSource> portfolio_files = source.subtree(std::string(lp.portfolio.folder()));
  attach_staff_records(std::move(it->second), lp.portfolio, *portfolio_files, options.limits, ignored);
}

}  // namespace casfolio
