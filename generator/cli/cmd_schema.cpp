// `casfolio schema [KIND] [--lang L] [--out DIR]`: the JSON Schemas of the
// files casfolio reads (load/schema.h), for editors (docs/editor.md).
#include <filesystem>

#include "cli/commands.h"
#include "load/schema.h"
#include "util/output_file.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

struct SchemaOptions {
  std::string kind;  // "" = every kind (with --out) or the list of kinds
  std::string lang = "en";
  std::string out;  // --out DIR
};

void print_kinds(std::ostream& out) {
  size_t width = 0;
  for (const FileKind& k : file_kinds()) width = std::max(width, k.name.size());
  for (const FileKind& k : file_kinds())
    out << k.name << std::string(width + 2 - k.name.size(), ' ') << k.files << '\n';
}

int run_schema(const SchemaOptions& o, Streams io) {
  auto lang = parse_language(o.lang);
  if (!lang) {
    io.err << "casfolio schema: --lang is kk, ru or en, got '" << o.lang << "'\n";
    return 2;
  }
  std::vector<const FileKind*> kinds;
  if (!o.kind.empty()) {
    const FileKind* k = find_file_kind(o.kind);
    if (!k) {
      std::vector<std::string_view> names;
      for (const FileKind& x : file_kinds()) names.push_back(x.name);
      std::string_view suggestion = closest_match(o.kind, names);
      io.err << "casfolio schema: there is no kind '" << escape_for_terminal(o.kind) << "'"
             << (suggestion.empty() ? "" : "; did you mean '" + std::string(suggestion) + "'?") << ". The kinds:\n";
      print_kinds(io.err);
      return 2;
    }
    kinds.push_back(k);
  } else if (!o.out.empty()) {
    for (const FileKind& k : file_kinds()) kinds.push_back(&k);
  } else {
    print_kinds(io.out);
    return 0;
  }
  if (o.out.empty()) {
    io.out << json_schema(*kinds.front(), *lang);
    return 0;
  }
  if (std::string error = write_schema_files(o.out, *lang, kinds); !error.empty()) {
    io.err << "casfolio schema: " << error << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

std::string write_schema_files(const std::string& dir, Language lang, const std::vector<const FileKind*>& kinds) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec)) return "cannot make the folder " + dir;
  std::vector<const FileKind*> all = kinds;
  if (all.empty())
    for (const FileKind& k : file_kinds()) all.push_back(&k);
  // Each file is replaced in one rename, so an editor never reads half a schema.
  std::string error;
  for (const FileKind* k : all)
    if (!replace_file((fs::path(dir) / schema_file_name(*k)).string(), json_schema(*k, lang), error)) return error;
  return {};
}

void define_schema(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<SchemaOptions>();
  app.add_option("kind", o->kind, "portfolio, experience, reflection, interview, review, cohort, framework, staff-…; "
                                  "none: list the kinds (or, with --out, write them all)");
  app.add_option("--lang", o->lang, "Language of the descriptions: kk, ru or en")->capture_default_str();
  app.add_option("--out", o->out, "Write <kind>.schema.json files into this folder instead of printing");
  app.callback([o, io, &exit_code] { exit_code = run_schema(*o, io); });
}

}  // namespace casfolio
