// The subcommands, one file each (cmd_*.cpp), listed in one table (cli.cpp).
#pragma once
#include <CLI/CLI.hpp>

#include <optional>
#include <ostream>
#include <string>

#include "pipeline/site_build.h"
#include "diagnostics/printer.h"
#include "load/loader.h"
#include "util/date.h"

namespace casfolio {

struct Streams {
  std::ostream& out;
  std::ostream& err;
};

// Options most commands share.
struct CommonOptions {
  std::string dir = "content";
  std::string as_of;   // YYYY-MM-DD; empty = SOURCE_DATE_EPOCH or today
  std::string cohort;  // --cohort FILE
  std::string staff;   // --staff DIR: the staff folder, instead of cohort.yaml's `staff:`
  bool drafts = false;
  unsigned jobs = 0;   // --jobs: threads (0 = one per core)
};
void add_common_options(CLI::App& app, CommonOptions& o);
// The as-of date: --as-of, else SOURCE_DATE_EPOCH, else today. nullopt (after
// printing why) when --as-of is not a real date.
std::optional<Date> resolve_as_of(const CommonOptions& o, std::ostream& err);
LoadOptions load_options(const CommonOptions& o);
// What build and serve share on top of CommonOptions.
struct SiteCliOptions {
  std::string view;        // --view staff|student|public ("" = staff)
  bool is_public = false;  // --public, the same as --view public
  std::string theme;       // --theme FOLDER (or an installed theme's name)
  bool no_cache = false;   // --no-cache
};
void add_site_options(CLI::App& app, SiteCliOptions& o, const std::string& no_cache_help);
// Whom the pages are for: --view, or --public (model/audience.h).
Audience site_audience(const SiteCliOptions& site);
// The folder --theme means: the folder it names, else a theme of that name
// installed with casfolio (docs/site.md); as given when neither exists.
std::string theme_folder(const SiteCliOptions& site);
// DIR and --theme must be folders; false after saying which is not
// ("casfolio COMMAND: ...").
bool site_folders_exist(const std::string& command, const CommonOptions& common, const SiteCliOptions& site,
                        std::ostream& err);
// The build of DIR into `out_dir` as the options ask (the cache on unless --no-cache).
SiteBuildOptions site_build_options(const CommonOptions& common, const SiteCliOptions& site, Date as_of,
                                    std::string out_dir);

// How findings are printed, paths as the user named DIR ("content/" and
// "content" alike): the cohort's (in its language, lines quoted from its
// files) and one portfolio's (in the student's language, from its files).
PrintOptions cohort_print_options(const std::string& dir, const Cohort& cohort, bool color);
PrintOptions portfolio_print_options(const std::string& dir, const Portfolio& portfolio, bool color);
// What rendering reported (images, templates: a template's path is the
// theme's, not under DIR); true when any is an error.
bool print_render_findings(std::ostream& out, const std::string& dir, const Cohort& cohort,
                           const std::vector<Finding>& findings, bool color);

// Colour only on a terminal, and never when NO_COLOR is set.
bool use_color(std::ostream& stream);

// Each defines its options on `app` and sets `exit_code` when it runs.
void define_check(CLI::App& app, Streams io, int& exit_code);
void define_report(CLI::App& app, Streams io, int& exit_code);
void define_build(CLI::App& app, Streams io, int& exit_code);
void define_bundle(CLI::App& app, Streams io, int& exit_code);
void define_verify(CLI::App& app, Streams io, int& exit_code);
void define_collect(CLI::App& app, Streams io, int& exit_code);
void define_key(CLI::App& app, Streams io, int& exit_code);
void define_serve(CLI::App& app, Streams io, int& exit_code);
void define_new(CLI::App& app, Streams io, int& exit_code);
void define_schema(CLI::App& app, Streams io, int& exit_code);

// Writes the JSON Schemas of `kinds` (every kind when empty) into `dir` as
// <kind>.schema.json, descriptions in `lang`, each file replaced in one
// rename (cmd_schema.cpp). "" when done, else why not.
struct FileKind;
std::string write_schema_files(const std::string& dir, Language lang, const std::vector<const FileKind*>& kinds = {});
// The staff commands (cmd_staff.cpp): one record each in the staff folder.
void define_approve(CLI::App& app, Streams io, int& exit_code);
void define_confirm(CLI::App& app, Streams io, int& exit_code);
void define_comment(CLI::App& app, Streams io, int& exit_code);

}  // namespace casfolio
