#include "cli/cli.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "load/file_source.h"
#include "util/embedded.h"
#include "util/path.h"
#include "util/text.h"

namespace casfolio {

namespace {

struct CommandRow {
  const char* name;
  const char* summary;
  void (*define)(CLI::App&, Streams, int&);
};

constexpr CommandRow kCommands[] = {
    {"check", "Check portfolios against the CAS requirements, like a compiler", define_check},
    {"report", "Print the indicators as JSON or CSV", define_report},
    {"build", "Build the browsable site", define_build},
    {"bundle", "Zip each portfolio into a checksummed submission bundle", define_bundle},
    {"verify", "Check a bundle's structure, checksums and signature, or a ledger's chain", define_verify},
    {"collect", "Fetch the students' Git repositories and record first sightings in the ledger", define_collect},
    {"key", "Make a key pair to sign bundles with (key new NAME)", define_key},
    {"serve", "Build, serve on 127.0.0.1 and rebuild on every change", define_serve},
    {"new", "Create a portfolio, an experience or a reflection from a template", define_new},
    {"schema", "Print the JSON Schemas of casfolio's files, for editors (or --out DIR)", define_schema},
    {"approve", "Staff: record an approval of a CAS plan or a proposal in the staff folder", define_approve},
    {"confirm", "Staff: record a supervisor's confirmation of an experience in the staff folder", define_confirm},
    {"comment", "Staff: record feedback on a portfolio, experience, reflection or interview", define_comment},
};

}  // namespace

void add_common_options(CLI::App& app, CommonOptions& o) {
  app.add_option("dir", o.dir, "A cohort folder (with cohort.yaml) or one portfolio (with portfolio.yaml)")
      ->capture_default_str();
  app.add_option("--as-of", o.as_of, "Judge deadlines as of this day (YYYY-MM-DD)");
  app.add_option("--cohort", o.cohort, "cohort.yaml to use for a single portfolio");
  app.add_option("--staff", o.staff, "The staff folder (confirmations, approvals, feedback), instead of cohort.yaml's staff:");
  app.add_flag("--drafts", o.drafts, "Include experiences marked draft: true");
  app.add_option("-j,--jobs", o.jobs, "Threads to work with (0 = one per core); the output never depends on it")
      ->capture_default_str();
}

std::optional<Date> resolve_as_of(const CommonOptions& o, std::ostream& err) {
  if (o.as_of.empty()) return Date::today();
  auto d = Date::parse(o.as_of);
  if (!d) err << "casfolio: --as-of wants a real date as YYYY-MM-DD, got '" << o.as_of << "'\n";
  return d;
}

LoadOptions load_options(const CommonOptions& o) {
  LoadOptions l;
  l.drafts = o.drafts;
  l.jobs = o.jobs;
  if (!o.cohort.empty()) l.cohort_file = o.cohort;
  if (!o.staff.empty()) l.staff_dir = o.staff;
  return l;
}

void add_site_options(CLI::App& app, SiteCliOptions& o, const std::string& no_cache_help) {
  CLI::Option* view = app.add_option("--view", o.view,
                                     "Whom the pages are for: staff (everything), student (each student's own "
                                     "pages as the student may see them), public (the same as --public)")
                          ->check(CLI::IsMember({"staff", "student", "public"}));
  app.add_flag("--public", o.is_public, "A site to share: no private keys or experiences, findings or social GPA")
      ->excludes(view);
  app.add_option("--theme", o.theme, "A theme folder whose files replace the built-in theme's, or an installed theme's name");
  app.add_flag("--no-cache", o.no_cache, no_cache_help);
}

Audience site_audience(const SiteCliOptions& site) {
  if (site.is_public) return Audience::anyone;
  return parse_audience(site.view).value_or(Audience::staff);
}

std::string theme_folder(const SiteCliOptions& site) {
  // --theme FOLDER; failing that, a name of a theme installed with casfolio
  // (themes/NAME in its data folder, e.g. /usr/share/casfolio/themes/NAME).
  std::error_code ec;
  if (site.theme.empty() || std::filesystem::is_directory(site.theme, ec)) return site.theme;
  const std::string& data = embedded::installed_dir();
  bool plain_name = site.theme.find('/') == std::string::npos && site.theme != "." && site.theme != "..";
  if (!data.empty() && plain_name) {
    std::filesystem::path installed = std::filesystem::path(data) / "themes" / site.theme;
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
  return site.theme;
}

bool site_folders_exist(const std::string& command, const CommonOptions& common, const SiteCliOptions& site,
                        std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::is_directory(common.dir, ec)) {
    err << "casfolio " << command << ": '" << common.dir << "' is not a folder\n";
    return false;
  }
  if (!site.theme.empty() && !std::filesystem::is_directory(theme_folder(site), ec)) {
    err << "casfolio " << command << ": the theme folder '" << site.theme << "' does not exist\n";
    return false;
  }
  return true;
}

SiteBuildOptions site_build_options(const CommonOptions& common, const SiteCliOptions& site, Date as_of,
                                    std::string out_dir) {
  SiteBuildOptions bo;
  bo.dir = common.dir;
  bo.load = load_options(common);
  bo.as_of = as_of;
  bo.audience = site_audience(site);
  bo.theme = theme_folder(site);
  bo.out_dir = std::move(out_dir);
  bo.jobs = common.jobs;
  if (!site.no_cache) bo.cache_dir = default_cache_dir();
  return bo;
}

namespace {

std::string without_trailing_slashes(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

}  // namespace

PrintOptions cohort_print_options(const std::string& dir, const Cohort& cohort, bool color) {
  std::string root = without_trailing_slashes(dir);
  PrintOptions po;
  po.language = cohort.config.language;
  po.color = color;
  po.path_prefix = root + "/";
  auto files = std::make_shared<DiskFileSource>(root);
  po.read_source = [files](const std::string& f) { return files->read(f); };
  return po;
}

PrintOptions portfolio_print_options(const std::string& dir, const Portfolio& portfolio, bool color) {
  std::string root = without_trailing_slashes(dir);
  std::string prefix = portfolio.folder_on_disk(root) + "/";
  PrintOptions po;
  po.language = portfolio.profile.language;
  po.color = color;
  po.path_prefix = prefix;
  auto files = std::make_shared<DiskFileSource>(prefix);
  po.read_source = [files](const std::string& f) { return files->read(f); };
  return po;
}

bool print_render_findings(std::ostream& out, const std::string& dir, const Cohort& cohort,
                           const std::vector<Finding>& findings, bool color) {
  PrintOptions po;
  po.language = cohort.config.language;
  po.color = color;
  po.path_prefix = without_trailing_slashes(dir) + "/";
  PrintOptions template_po = po;
  template_po.path_prefix.clear();
  bool errors = false;
  for (const Finding& f : findings) {
    print_finding(out, f, f.code == "template-error" ? template_po : po);
    errors |= f.severity == Severity::error;
  }
  return errors;
}

bool use_color(std::ostream& stream) {
  if (std::getenv("NO_COLOR")) return false;
  if (&stream == &std::cout) return isatty(STDOUT_FILENO);
  if (&stream == &std::cerr) return isatty(STDERR_FILENO);
  return false;
}

int run_cli(int argc, char** argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"casfolio: CAS portfolios from Markdown and YAML to a checked, browsable site", "casfolio"};
  app.set_version_flag("--version", std::string("casfolio ") + CASFOLIO_VERSION);
  app.require_subcommand(1);
  int exit_code = 0;
  Streams io{out, err};
  for (const CommandRow& row : kCommands) row.define(*app.add_subcommand(row.name, row.summary), io, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp& e) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    // Where the templates, themes and messages come from (docs/decisions.md).
    const std::string& data = embedded::installed_dir();
    out << app.version() << "\ndata: " << (data.empty() ? std::string("built in") : data) << '\n';
    return 0;
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    // An unknown subcommand: suggest the nearest, like git and ninja do.
    if (argc > 1 && argv[1][0] != '-') {
      std::vector<std::string_view> names;
      for (const CommandRow& row : kCommands) names.push_back(row.name);
      bool known = false;
      for (auto n : names) known |= n == argv[1];
      if (!known) {
        err << "casfolio: unknown command '" << argv[1] << "'";
        if (auto best = closest_match(argv[1], names); !best.empty()) err << "; did you mean '" << best << "'?";
        err << "\nRun 'casfolio --help' for the list of commands.\n";
        return 2;
      }
    }
    err << "casfolio: " << message << "\nRun 'casfolio --help' for usage.\n";
    return 2;
  }
  return exit_code;
}

}  // namespace casfolio
