#include <cctype>
#include <filesystem>

#include "cli/commands.h"
#include "diagnostics/printer.h"
#include "write/scaffold.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

struct NewOptions {
  std::string what;      // portfolio | experience | reflection | self-assessment
  std::string argument;  // NAME, TITLE or EXPERIENCE
  std::string in = ".";  // where: the cohort's students folder, or a portfolio
  std::string language;
  std::string date;
  bool project = false;
};

// A path as the user would type it: relative to the current folder when below it.
std::string shown_path(const std::string& path) {
  std::error_code ec;
  fs::path rel = fs::path(path).lexically_relative(fs::current_path(ec));
  return rel.empty() || rel.native().starts_with("..") ? path : rel.generic_string();
}

// `text` as one shell word: as it is when that is safe, else in single quotes.
std::string shell_word(const std::string& text) {
  bool safe = !text.empty();
  for (unsigned char c : text)
    if (!(std::isalnum(c) || c >= 0x80 || std::string_view("._/-+=:,@").find(char(c)) != std::string_view::npos))
      safe = false;
  if (safe) return text;
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void print_code(std::ostream& err, std::string_view code, Args args, Language lang) {
  Finding f = make_finding(code, Location{"casfolio new"}, std::move(args));
  PrintOptions po;
  po.language = lang;
  po.color = use_color(err);
  print_finding(err, f, po);
}

std::string text_of(std::string_view code, Args args, Language lang) {
  Finding f;
  f.code = std::string(code);
  f.args = std::move(args);
  return render_message(f, lang).message;
}

// The portfolio an experience or reflection goes into: the one `o.in` is in,
// else the only one below it. "" after saying why there is none (or which to choose).
std::string target_portfolio(const NewOptions& o, Streams io) {
  std::string root = find_portfolio_root(o.in);
  if (!root.empty()) return root;
  PortfoliosBelow below = portfolios_below(o.in);
  if (below.folders.size() == 1) return find_portfolio_root(below.folders[0]);
  if (below.folders.empty()) {
    print_code(io.err, "new-not-in-portfolio", {{"dir", o.in}}, below.language);
    return {};
  }
  print_code(io.err, "new-choose-portfolio", {{"dir", o.in}, {"count", std::to_string(below.folders.size())}},
             below.language);
  std::string command = "casfolio new " + o.what + (o.argument.empty() ? "" : " " + shell_word(o.argument)) +
                        (o.project ? " --project" : "");
  // Names from the disk and titles from students' files, made safe for a terminal like every finding.
  for (const auto& folder : below.folders)
    io.err << "  " << escape_for_terminal(command + " --in " + shell_word(folder)) << '\n';
  return {};
}

// Why no reflection was made for `o.argument`, and the experiences there are.
void print_no_such_experience(const NewOptions& o, const std::string& root, Streams io) {
  Language lang = portfolio_language(root);
  print_code(io.err, "new-no-such-experience", {{"experience", o.argument}, {"portfolio", shown_path(root)}}, lang);
  auto experiences = experiences_of(root);
  if (experiences.empty()) io.err << "  " << text_of("_new-no-experiences-yet", {}, lang) << '\n';
  for (const auto& e : experiences)
    io.err << "  " << escape_for_terminal(e.folder + (e.title.empty() ? "" : " — " + e.title)) << '\n';
}

// The schemas the new file's `# yaml-language-server: $schema=` line names
// (docs/editor.md): written into the portfolio's .schemas folder (ignored by
// the loader, as every name starting with '.') when it has none yet.
void ensure_schemas(const std::string& portfolio, Streams io) {
  std::error_code ec;
  fs::path dir = fs::path(portfolio) / ".schemas";
  if (fs::exists(dir, ec)) return;
  if (std::string error = write_schema_files(dir.string(), portfolio_language(portfolio)); !error.empty())
    io.err << "casfolio new: " << error << '\n';
}

// The language of the messages before a portfolio is chosen: --language when
// it is one, else the portfolio's that --in is in, else its cohort's.
Language language_here(const NewOptions& o) {
  if (auto l = parse_language(o.language)) return *l;
  std::string root = find_portfolio_root(o.in);
  if (!root.empty()) return portfolio_language(root);
  if (o.what != "portfolio") return portfolios_below(o.in).language;
  return portfolio_language(o.in + "/_");  // the cohort's language, if any
}

// Why `r` made nothing, in `lang`.
void print_failure(const ScaffoldResult& r, Language lang, Streams io) {
  std::string code = r.code.empty() ? "new-cannot-write" : r.code;
  print_code(io.err, code, {{"path", shown_path(r.path)}, {"reason", r.reason}}, lang);
}

int run_new(const NewOptions& o, Streams io) {
  Date today = Date::today();
  if (!o.date.empty()) {
    auto d = Date::parse(o.date);
    if (!d) {
      print_code(io.err, "new-bad-date", {{"date", o.date}}, language_here(o));
      return 2;
    }
    today = *d;
  }
  if (!o.language.empty() && !parse_language(o.language)) {
    print_code(io.err, "new-bad-language", {{"language", o.language}}, language_here(o));
    return 2;
  }
  if (o.argument.empty() && o.what != "reflection" && o.what != "self-assessment") {
    print_code(io.err, o.what == "portfolio" ? "new-name-missing" : "new-title-missing", {}, language_here(o));
    return 2;
  }
  ScaffoldResult r;
  Language lang = Language::en;
  std::string portfolio;  // the portfolio the new file is in
  if (o.what == "portfolio") {
    lang = language_here(o);
    std::string parent = o.in;
    std::error_code ec;
    if (std::filesystem::exists(parent + "/cohort.yaml", ec) && std::filesystem::is_directory(parent + "/students", ec))
      parent += "/students";
    r = new_portfolio(parent, o.argument, lang, today);
    portfolio = fs::path(r.path).parent_path().string();
  } else {
    std::string root = target_portfolio(o, io);
    if (root.empty()) return 2;
    portfolio = root;
    lang = portfolio_language(root);
    if (o.what == "experience") {
      r = new_experience(root, o.argument, o.project, today);
    } else if (o.what == "self-assessment") {
      r = new_self_assessment(root, o.argument, today);
    } else {
      r = new_reflection(root, o.argument, today);
      if (r.code == "new-no-such-experience") {
        print_no_such_experience(o, root, io);
        return 2;
      }
    }
  }
  if (!r.ok) {
    print_failure(r, lang, io);
    return 1;
  }
  io.out << text_of("_new-created", {{"path", shown_path(r.path)}}, lang) << '\n';
  ensure_schemas(portfolio, io);
  return 0;
}

}  // namespace

void define_new(CLI::App& app, Streams io, int& exit_code) {
  auto o = std::make_shared<NewOptions>();
  app.add_option("what", o->what, "portfolio, experience, reflection or self-assessment")
      ->required()
      ->check(CLI::IsMember({"portfolio", "experience", "reflection", "self-assessment"}));
  app.add_option("name", o->argument,
                 "the student's name, the experience's title, the experience of a reflection, or the period of a "
                 "self-assessment (default: the one today is in)");
  app.add_option("--in", o->in, "a cohort folder (for a portfolio) or a portfolio folder")->capture_default_str();
  app.add_option("--language", o->language, "kk, ru or en (a new portfolio; default: the cohort's)");
  app.add_option("--date", o->date, "the date to write instead of today (YYYY-MM-DD)");
  app.add_flag("--project", o->project, "a CAS project: adds collaborators and the five stages");
  app.callback([o, io, &exit_code] { exit_code = run_new(*o, io); });
}

}  // namespace casfolio
