#include "load/loader.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "load/cohort_file.h"
#include "load/document.h"
#include "load/portfolio_reader.h"
#include "load/repository_list.h"
#include "load/staff_reader.h"
#include "util/cache_dir.h"
#include "util/parallel.h"
#include "util/path.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

constexpr int kMaxCohortDepth = 32;
constexpr int kMaxCohortFolders = 100'000;

bool is_file(const FileSource& src, const std::string& path) {
  auto e = src.stat(path);
  return e && e->kind == EntryKind::file && !e->escapes_root;
}

// There is something by this name (a FIFO, a link leading out, a folder):
// what was meant to be a cohort.yaml or a portfolio.yaml is reported as
// unreadable, never silently taken for absent.
bool is_present(const FileSource& src, const std::string& path) { return src.stat(path).has_value(); }

// A cohort.yaml that is not at the loaded root: from a parent folder or --cohort.
struct ExternalCohort {
  std::string text;
  std::string file;  // its name in findings, relative to the loaded root ("../cohort.yaml")
  // The folder it lives in (for `framework: PATH`), and that folder relative to the loaded root.
  std::unique_ptr<FileSource> dir;
  std::string dir_label;
};

FrameworkReader framework_reader(const FileSource* dir, std::string label, const Limits& limits) {
  return [dir, label, &limits](const std::string& path, Diagnostics& diagnostics) {
    FrameworkText out;
    auto resolved = resolve_inside("", path);
    if (!dir || !resolved || !is_file(*dir, *resolved)) return out;
    out.exists = true;
    out.file = label.empty() ? *resolved : join_path(label, *resolved);
    Diagnostics local;
    out.text = read_text_file(*dir, *resolved, limits, local);
    for (Finding& f : local.findings()) {
      f.where.file = out.file;
      diagnostics.add(std::move(f));
    }
    return out;
  };
}

// Where discovery stopped short, for the findings that say so.
struct Discovery {
  int budget = kMaxCohortFolders;  // folders it may still look into
  bool too_many = false;
  std::string too_deep;            // the first folder it did not look into for depth
  std::vector<std::string> linked_folders;  // links to folders, which are not followed
};

// Paths in the order of a walk: by folder, each folder's names sorted.
bool walk_order(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return (x == '/' ? '\0' : x) < (y == '/' ? '\0' : y);
  });
}

// The portfolios below the cohort's root: the folders with something named
// portfolio.yaml. A folder that cannot be read may be one, and is taken for
// one, so that a student is reported, not lost (read_portfolio says why).
void discover(const FileSource& src, Discovery& d, std::vector<std::string>& out) {
  WalkLimits limits;
  limits.max_depth = kMaxCohortDepth;
  limits.names = WalkNames::skip_ignored;
  WalkReport report = walk_source(src, limits, [&](const WalkEntry& e) {
    if (e.is_link() && e.target.kind == WalkKind::directory) d.linked_folders.push_back(e.path);
    if (!e.is_folder() || e.outside) return WalkStep::skip;
    if (--d.budget < 0) {
      d.too_many = true;
      return WalkStep::stop;
    }
    if (is_present(src, e.path + "/portfolio.yaml")) {
      out.push_back(e.path);  // a portfolio: not looked into for more
      return WalkStep::skip;
    }
    return WalkStep::descend;
  });
  d.too_many = d.too_many || report.too_many;
  d.too_deep = report.too_deep;
  for (const std::string& dir : report.unreadable)
    if (!dir.empty()) out.push_back(dir);
  std::sort(out.begin(), out.end(), walk_order);
}

// Ids must be unique across a cohort: the second of two equal ids is an
// error and gets a suffix so that both can still be built.
void make_ids_unique(std::vector<LoadedPortfolio>& portfolios) {
  std::map<std::string, std::string> seen;  // id -> root of its first portfolio
  for (LoadedPortfolio& lp : portfolios) seen.emplace(lp.portfolio.id, lp.portfolio.root);
  std::map<std::string, std::string> first;
  for (LoadedPortfolio& lp : portfolios) {
    Portfolio& p = lp.portfolio;
    auto [it, inserted] = first.emplace(p.id, p.root);
    if (inserted) continue;
    Location where;
    if (p.profile.keys.keys.count("id")) {
      auto [line, column] = p.profile.keys.at("id");
      where = Location{"portfolio.yaml", line, column, 0};
    }
    lp.findings.push_back(make_finding("duplicate-id", where, {{"id", p.id}, {"other", it->second}}));
    sort_findings(lp.findings);
    std::string id;
    for (int n = 2;; ++n) {
      id = p.id + "-" + std::to_string(n);
      if (!seen.count(id)) break;
    }
    seen.emplace(id, p.root);
    first.emplace(id, p.root);
    p.id = id;
  }
}

// `checkouts`: where collect put the repositories' trees, relative to the root ("" = none).
Cohort load_impl(const FileSource& source, const LoadOptions& options, const ExternalCohort* external,
                 const std::string& root_name, const std::string& checkouts = "") {
  Cohort cohort;
  Diagnostics config_diagnostics;
  bool has_cohort = is_present(source, "cohort.yaml");
  bool has_portfolio = is_present(source, "portfolio.yaml");

  if (has_cohort) {
    if (auto text = read_text_file(source, "cohort.yaml", options.limits, config_diagnostics))
      cohort.config = parse_cohort_config(*text, "cohort.yaml", options.limits,
                                          framework_reader(&source, "", options.limits), config_diagnostics);
    cohort.config.file = "cohort.yaml";
  } else if (has_portfolio && external) {
    cohort.config = parse_cohort_config(external->text, external->file, options.limits,
                                        framework_reader(external->dir.get(), external->dir_label, options.limits),
                                        config_diagnostics);
    cohort.config.file = external->file;
  }
  cohort.config.staff_folder =
      locate_staff_folder(cohort.config, source, external && !has_cohort ? external->dir_label : "", options);

  std::vector<std::string> roots;
  if (has_portfolio) {
    roots.push_back("");
  } else if (has_cohort) {
    Discovery discovery;
    discover(source, discovery, roots);
    for (const std::string& link : discovery.linked_folders)
      config_diagnostics.report("symlink-to-folder", Location{link}, {{"path", link}});
    if (discovery.too_many)
      config_diagnostics.report("cohort-too-many-folders", Location{}, {{"limit", std::to_string(kMaxCohortFolders)}});
    if (!discovery.too_deep.empty())
      config_diagnostics.report("cohort-folder-too-deep", Location{discovery.too_deep},
                                {{"limit", std::to_string(kMaxCohortDepth)}});
    for (std::string& root : repository_roots(cohort.config, source, options.limits, checkouts, config_diagnostics))
      roots.push_back(std::move(root));
    if (roots.empty() && cohort.config.repositories.empty())
      config_diagnostics.report("no-portfolios", Location{"cohort.yaml"});
  } else {
    config_diagnostics.report("not-a-portfolio", Location{});
  }
  // Nothing in the staff folder is a portfolio (load_staff_folder reports one there).
  if (!cohort.config.staff_folder.empty())
    std::erase_if(roots, [&](const std::string& r) { return !r.empty() && path_inside(r, cohort.config.staff_folder); });

  // Portfolios are independent: read on all cores, kept in discovery order.
  cohort.portfolios.resize(roots.size());
  parallel_for(roots.size(), options.jobs, [&](size_t i) {
    const std::string& root = roots[i];
    std::unique_ptr<FileSource> files = source.subtree(root);
    std::string folder = root.empty() ? root_name : std::string(file_name(root));
    cohort.portfolios[i] = read_portfolio(*files, root.empty() ? "." : root, folder, cohort.config, options);
  });
  make_ids_unique(cohort.portfolios);
  std::stable_sort(cohort.portfolios.begin(), cohort.portfolios.end(),
                   [](const LoadedPortfolio& a, const LoadedPortfolio& b) { return a.portfolio.id < b.portfolio.id; });
  load_staff_folder(cohort, source, options, config_diagnostics);
  cohort.config_findings = std::move(config_diagnostics.findings());
  sort_findings(cohort.config_findings);
  return cohort;
}

// The text of a cohort file on disk, through the same limits as any other file.
std::optional<ExternalCohort> read_external(const fs::path& file, const std::string& label, const Limits& limits,
                                            Diagnostics& diagnostics) {
  ExternalCohort out;
  std::string parent = file.parent_path().string();
  out.dir = std::make_unique<DiskFileSource>(parent.empty() ? "." : parent);
  out.file = label;
  out.dir_label = std::string(parent_dir(label));
  Diagnostics local;
  // The user named this file (or it is above the folder they named): a link
  // is followed, so the text is read where the link leads.
  std::error_code ec;
  fs::path real = fs::canonical(file, ec);
  if (ec) real = file;
  std::string real_parent = real.parent_path().string();
  DiskFileSource at(real_parent.empty() ? "." : real_parent);
  auto text = read_text_file(at, real.filename().string(), limits, local);
  for (Finding& f : local.findings()) {
    f.where.file = label;
    diagnostics.add(std::move(f));
  }
  if (!text) return std::nullopt;
  out.text = std::move(*text);
  return out;
}

std::string relative_label(const fs::path& target, const fs::path& from) {
  std::error_code ec;
  fs::path rel = fs::relative(target, from, ec);
  return ec || rel.empty() ? target.generic_string() : rel.generic_string();
}

// The checkouts folder relative to `dir` (a portfolio root is relative to
// the loaded folder, and every reader joins the two).
std::string checkouts_of(const std::string& dir, const LoadOptions& options) {
  std::string checkouts = options.checkouts_dir.value_or("");
  if (!options.checkouts_dir) {
    std::string cache = default_cache_root();
    if (cache.empty()) return "";
    checkouts = (fs::path(collect_cache_dir(cache, dir)) / "checkouts").string();
  }
  std::error_code ec;
  fs::path base = fs::weakly_canonical(fs::absolute(dir.empty() ? "." : dir, ec), ec);
  fs::path target = fs::weakly_canonical(fs::absolute(checkouts, ec), ec);
  fs::path rel = target.lexically_relative(base);
  return rel.empty() ? target.generic_string() : rel.generic_string();
}

}  // namespace

Cohort load(const FileSource& source, const LoadOptions& options, std::optional<std::string> parent_cohort_yaml) {
  if (parent_cohort_yaml) {
    ExternalCohort external;
    external.text = std::move(*parent_cohort_yaml);
    external.file = "cohort.yaml";
    return load_impl(source, options, &external, "portfolio");
  }
  if (options.cohort_file && !is_present(source, "cohort.yaml")) {
    Diagnostics d;
    fs::path file(*options.cohort_file);
    auto external = read_external(file, file.generic_string(), options.limits, d);
    Cohort c = load_impl(source, options, external ? &*external : nullptr, "portfolio");
    for (Finding& f : d.findings()) c.config_findings.push_back(std::move(f));
    sort_findings(c.config_findings);
    return c;
  }
  return load_impl(source, options, nullptr, "portfolio", options.checkouts_dir.value_or(""));
}

LoadedPortfolio reload_portfolio(const std::string& dir, const std::string& root, const CohortConfig& config,
                                 const LoadOptions& options) {
  DiskFileSource source(dir);
  std::unique_ptr<FileSource> files = source.subtree(root);
  LoadedPortfolio lp = read_portfolio(*files, root, std::string(file_name(root)), config, options);
  reload_staff_records(lp, dir, config, options);
  return lp;
}

Cohort load_directory(const std::string& dir, const LoadOptions& options) {
  DiskFileSource source(dir);
  std::error_code ec;
  fs::path here = fs::weakly_canonical(dir.empty() ? "." : dir, ec);
  if (ec) here = fs::absolute(dir.empty() ? "." : dir, ec);
  if (here.has_relative_path() && here.filename().empty()) here = here.parent_path();
  std::string root_name = here.filename().string();

  Diagnostics external_findings;
  std::optional<ExternalCohort> external;
  if (is_present(source, "portfolio.yaml") && !is_present(source, "cohort.yaml")) {
    if (options.cohort_file) {
      fs::path file(*options.cohort_file);
      external = read_external(file, relative_label(fs::absolute(file, ec), here), options.limits, external_findings);
    } else {
      // The nearest cohort.yaml above, stopping at the repository's top (a folder with .git).
      for (fs::path p = here.parent_path(); !p.empty(); p = p.parent_path()) {
        if (fs::exists(fs::symlink_status(p / "cohort.yaml", ec))) {  // read_external reports one it cannot read
          external = read_external(p / "cohort.yaml", relative_label(p / "cohort.yaml", here), options.limits,
                                   external_findings);
          break;
        }
        if (fs::exists(p / ".git", ec) || p == p.parent_path()) break;
      }
    }
  }
  Cohort cohort = load_impl(source, options, external ? &*external : nullptr, root_name, checkouts_of(dir, options));
  for (Finding& f : external_findings.findings()) cohort.config_findings.push_back(std::move(f));
  sort_findings(cohort.config_findings);
  cohort.root = dir;
  return cohort;
}

}  // namespace casfolio
