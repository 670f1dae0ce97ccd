#include "cli/commands.h"
#include "write/scaffold.h"

namespace casfolio {

namespace {

struct NewOptions {
  std::string what;      // portfolio | experience | reflection
  std::string argument;  // NAME, TITLE or EXPERIENCE
  std::string in = ".";  // where: the cohort's students folder, or a portfolio
  std::string language;
  std::string date;
  bool project = false;
};

int run_new(const NewOptions& o, Streams io) {
  Date today = Date::today();
  if (!o.date.empty()) {
    auto d = Date::parse(o.date);
    if (!d) {
      io.err << "casfolio new: --date wants a real date as YYYY-MM-DD, got '" << o.date << "'\n";
      return 2;
    }
    today = *d;
  }
  ScaffoldResult r;
  if (o.what == "portfolio") {
    if (o.argument.empty()) {
      io.err << "casfolio new portfolio: give the student's name, e.g. casfolio new portfolio \"Aruzhan Bekova\"\n";
      return 2;
    }
    Language lang = Language::en;
    if (!o.language.empty()) {
      auto l = parse_language(o.language);
      if (!l) {
        io.err << "casfolio new: --language is kk, ru or en, got '" << o.language << "'\n";
        return 2;
      }
      lang = *l;
    } else {
      lang = portfolio_language(o.in + "/_");  // the cohort's language, if any
    }
    std::string parent = o.in;
    std::error_code ec;
    if (std::filesystem::exists(parent + "/cohort.yaml", ec) && std::filesystem::is_directory(parent + "/students", ec))
      parent += "/students";
    r = new_portfolio(parent, o.argument, lang, today);
  } else {
    std::string root = find_portfolio_root(o.in);
    if (root.empty()) {
      io.err << "casfolio new " << o.what << ": no portfolio.yaml in '" << o.in
             << "' or its parents; run it inside a portfolio or pass --in DIR\n";
      return 2;
    }
    if (o.what == "experience") {
      if (o.argument.empty()) {
        io.err << "casfolio new experience: give a title, e.g. casfolio new experience \"Guitar lessons\"\n";
        return 2;
      }
      r = new_experience(root, o.argument, o.project, today);
    } else {
      r = new_reflection(root, o.argument, today);
    }
  }
  if (!r.ok) {
    io.err << "casfolio new: " << r.path << ": " << r.error << '\n';
    return 1;
  }
  io.out << "created " << r.path << '\n';
  return 0;
}

}  // namespace

void define_new(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<NewOptions>();
  app.add_option("what", o->what, "portfolio, experience or reflection")
      ->required()
      ->check(CLI::IsMember({"portfolio", "experience", "reflection"}));
  app.add_option("name", o->argument, "the student's name, the experience's title, or the experience of a reflection");
  app.add_option("--in", o->in, "a cohort folder (for a portfolio) or a portfolio folder")->capture_default_str();
  app.add_option("--language", o->language, "kk, ru or en (a new portfolio; default: the cohort's)");
  app.add_option("--date", o->date, "the date to write instead of today (YYYY-MM-DD)");
  app.add_flag("--project", o->project, "a CAS project: adds collaborators and the five stages");
  app.callback([o, io, &exit_code] { exit_code = run_new(*o, io); });
}

}  // namespace casfolio
