// casfolio build: load, analyse, render, write. The stages do the work; this
// is the script that runs them and says what happened.
#include <filesystem>

#include "cli/commands.h"
#include "diagnostics/printer.h"
#include "indicators/analysis.h"
#include "render/site.h"
#include "write/manifest.h"
#include "write/site_writer.h"

namespace casfolio {

namespace {

struct BuildOptions {
  CommonOptions common;
  std::string out = "site";
  bool is_public = false;
  std::string theme;  // --theme DIR
};

// A theme folder on disk: --theme, else the cohort's `theme:` as a folder
// (relative to the cohort) or as themes/<name> in it; "" = the built-in one.
std::string theme_folder(const BuildOptions& o, const Cohort& cohort) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!o.theme.empty()) return o.theme;
  const std::string& name = cohort.config.theme;
  if (name.empty() || name == "default") return {};
  for (fs::path p : {fs::path(o.common.dir) / name, fs::path(o.common.dir) / "themes" / name})
    if (fs::is_directory(p, ec)) return p.string();
  return {};
}

int run_build(const BuildOptions& o, Streams io) {
  namespace fs = std::filesystem;
  auto as_of = resolve_as_of(o.common, io.err);
  if (!as_of) return 2;
  std::error_code ec;
  if (!fs::is_directory(o.common.dir, ec)) {
    io.err << "casfolio build: '" << o.common.dir << "' is not a folder\n";
    return 2;
  }
  if (!o.theme.empty() && !fs::is_directory(o.theme, ec)) {
    io.err << "casfolio build: the theme folder '" << o.theme << "' does not exist\n";
    return 2;
  }
  SiteWriteOptions wo;
  wo.out_dir = o.out;
  wo.source_dirs = {o.common.dir};
  if (std::string why = check_out_dir(wo); !why.empty()) {
    io.err << "casfolio build: " << why << '\n';
    return 2;
  }

  Cohort cohort = load_directory(o.common.dir, load_options(o.common));
  CohortAnalysis analysis = analyse(cohort, *as_of);

  std::vector<Finding> render_findings;
  SiteOptions so;
  so.is_public = o.is_public;
  so.source_root = o.common.dir;
  so.theme_dir = theme_folder(o, cohort);
  so.findings = &render_findings;
  std::vector<OutputFile> files = render_site(cohort, analysis, so);

  PrintOptions po;
  po.language = cohort.config.language;
  po.color = use_color(io.err);
  std::string root = o.common.dir;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  po.path_prefix = root + "/";
  bool broken = false;
  PrintOptions template_po = po;
  template_po.path_prefix.clear();
  for (const Finding& f : render_findings) {
    print_finding(io.err, f, f.code == "template-error" ? template_po : po);
    broken |= f.severity == Severity::error;
  }
  if (broken) {
    io.err << "casfolio build: the site was not written; the previous one (if any) is unchanged\n";
    return 1;
  }

  SiteWriteResult written = write_site(files, wo);
  if (!written.ok) {
    io.err << "casfolio build: " << written.error << "\ncasfolio build: the previous site (if any) is unchanged\n";
    return 1;
  }

  size_t with_errors = 0;
  for (const StudentAnalysis& s : analysis.students)
    for (const Finding& f : s.findings)
      if (f.severity == Severity::error) {
        ++with_errors;
        break;
      }
  io.out << "built " << o.out << (o.is_public ? " (public)" : "") << ": " << written.files << " files, "
         << format_size(written.bytes) << ", " << analysis.students.size() << " portfolio(s) in";
  for (Language l : cohort.config.languages) io.out << ' ' << code(l);
  io.out << ", as of " << as_of->iso() << '\n';
  if (with_errors > 0)
    io.out << with_errors << " portfolio(s) have errors; 'casfolio check " << o.common.dir << "' lists them\n";
  return 0;
}

}  // namespace

void define_build(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<BuildOptions>();
  add_common_options(app, o->common);
  app.add_option("--out", o->out, "Folder the site is written to (replaced as a whole; never inside DIR)")
      ->capture_default_str();
  app.add_flag("--public", o->is_public, "A site to share: no private keys or experiences, findings or social GPA");
  app.add_option("--theme", o->theme, "A theme folder whose files replace the built-in theme's");
  app.callback([o, io, &exit_code] { exit_code = run_build(*o, io); });
}

}  // namespace casfolio
