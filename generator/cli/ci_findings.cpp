#include "cli/ci_findings.h"

#include <filesystem>

#include "diagnostics/github_format.h"
#include "diagnostics/sarif_format.h"
#include "render/url.h"

namespace casfolio {

namespace {

namespace fs = std::filesystem;

// A finding's file relative to the checked folder: `file` is relative to
// the portfolio's root (or, for cohort.yaml, to the checked folder). A
// finding about the whole portfolio (no file) points at its portfolio.yaml,
// so that it still has a line in a code-scanning list.
fs::path relative_to_checked(std::string_view root, const Finding& f, std::string_view whole_file) {
  std::string_view file = f.where.file.empty() ? whole_file : std::string_view(f.where.file);
  if (file.empty()) return {};
  fs::path p = fs::path(file);
  if (p.is_absolute()) return p.lexically_normal();
  return (fs::path(root.empty() ? "." : root) / p).lexically_normal();
}

std::string absolute_file_uri(const fs::path& p) { return "file://" + encode_path(p.generic_string()); }

std::string sarif_uri(const fs::path& rel) {
  if (rel.empty()) return {};
  if (rel.is_absolute()) return absolute_file_uri(rel);
  return encode_path(rel.generic_string());
}

std::string github_path(const std::string& dir, const fs::path& rel) {
  if (rel.empty()) return {};
  fs::path p = rel.is_absolute() ? rel : (fs::path(dir) / rel).lexically_normal();
  if (p.is_absolute()) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    if (!ec) p = p.lexically_relative(cwd);
  }
  std::string s = p.generic_string();
  return s.empty() ? "." : s;
}

struct Collected {
  fs::path rel;  // relative to the checked folder
  const Finding* finding;
  Language language;
};

std::vector<Collected> collect(const CiFindingsOptions& o, const Cohort& cohort, const CohortAnalysis& analysis) {
  std::vector<Collected> all;
  Language cohort_language = o.language.value_or(cohort.config.language);
  for (const Finding& f : cohort.config_findings)
    if (!f.staff_only) all.push_back({relative_to_checked("", f, cohort.config.file), &f, cohort_language});
  for (const StudentAnalysis& s : analysis.students) {
    const Portfolio& p = s.loaded->portfolio;
    std::string root(p.folder());
    Language language = o.language.value_or(p.profile.language);
    for (const Finding& f : s.findings)
      if (!f.staff_only) all.push_back({relative_to_checked(root, f, "portfolio.yaml"), &f, language});
  }
  return all;
}

}  // namespace

bool is_ci_format(const std::string& format) { return format == "sarif" || format == "github"; }

void print_ci_findings(std::ostream& out, const CiFindingsOptions& o, const Cohort& cohort,
                       const CohortAnalysis& analysis) {
  std::vector<Collected> all = collect(o, cohort, analysis);
  if (o.format == "github") {
    for (const Collected& c : all) out << github_annotation({c.finding, github_path(o.dir, c.rel), c.language});
    return;
  }
  std::vector<ShownFinding> shown;
  for (const Collected& c : all) shown.push_back({c.finding, sarif_uri(c.rel), c.language});
  SarifRun run;
  run.tool_version = CASFOLIO_VERSION;
  // project(... HOMEPAGE_URL) in CMakeLists.txt, the .deb's Homepage too; none set: left out.
  run.information_uri = CASFOLIO_HOMEPAGE_URL;
  std::error_code ec;
  fs::path root = fs::absolute(o.dir, ec).lexically_normal();
  if (!ec) {
    std::string uri = absolute_file_uri(root);
    run.source_root_uri = uri.ends_with('/') ? uri : uri + "/";
  }
  run.rule_language = o.language.value_or(cohort.config.language);
  run.run_language = o.language;
  out << sarif_log(shown, run);
}

}  // namespace casfolio
