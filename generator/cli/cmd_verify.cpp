#include "cli/commands.h"
#include "diagnostics/printer.h"
#include "write/verify.h"

namespace casfolio {

namespace {

struct VerifyCliOptions {
  std::vector<std::string> files;
  std::string lang;
};

int run_verify(const VerifyCliOptions& o, Streams io) {
  std::optional<Language> forced;
  if (!o.lang.empty()) {
    forced = parse_language(o.lang);
    if (!forced) {
      io.err << "casfolio verify: --lang is kk, ru or en, got '" << o.lang << "'\n";
      return 2;
    }
  }
  bool color = use_color(io.out);
  bool all_ok = true;
  for (const std::string& file : o.files) {
    VerifyResult r = verify_bundle(file);
    PrintOptions po;
    po.language = forced.value_or(r.language);
    po.color = color;
    po.path_prefix = file;
    for (const Finding& f : r.problems) print_finding(io.out, f, po);
    if (r.ok()) {
      io.out << file << ": OK, " << r.files_checked << " file(s) match the manifest\n";
    } else {
      all_ok = false;
      io.out << file << ": " << r.problems.size() << " problem(s)\n";
    }
  }
  return all_ok ? 0 : 1;
}

}  // namespace

void define_verify(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<VerifyCliOptions>();
  app.add_option("files", o->files, "Bundles (.zip) to check")->required();
  app.add_option("--lang", o->lang, "Language of the messages: kk, ru or en (default: the bundle's own)");
  app.callback([o, io, &exit_code] { exit_code = run_verify(*o, io); });
}

}  // namespace casfolio
