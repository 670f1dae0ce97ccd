#include "check/rules.h"

#include "check/context.h"
#include "check/staff_rules.h"
#include "check/template_rules.h"
#include "util/text.h"

namespace casfolio {

namespace check {

void Context::add(std::string_view code, Location where, Args args) {
  out.push_back(make_finding(code, std::move(where), std::move(args)));
}

// Line 0: the portfolio as a whole, so no source line is quoted.
Location portfolio_location() { return Location{"portfolio.yaml", 0, 0, 0}; }

Location key_location(const std::string& file, const KeyLines& keys, std::string_view key) {
  auto [line, column] = keys.at(key);
  Location l{file, line, column, 0};
  if (column > 0) l.length = int(utf8_length(key));
  if (l.line <= 0) l.line = 1;
  return l;
}

std::string display_name(const Experience& e) { return e.title.empty() ? e.id : e.title; }

namespace {

std::string catalog_word(std::string_view what, Language lang) {
  Finding f;
  f.code = "_check-" + std::string(what);
  return render_message(f, lang).message;
}

}  // namespace

void add_localized(Args& args, std::string_view arg, std::string_view what) {
  for (Language l : kAllLanguages) args.emplace_back(std::string(arg) + "_" + std::string(code(l)), catalog_word(what, l));
}

void add_localized_list(Args& args, std::string_view arg, const std::vector<std::string>& whats) {
  for (Language l : kAllLanguages) {
    std::string joined;
    for (const std::string& w : whats) {
      if (!joined.empty()) joined += ", ";
      joined += catalog_word(w, l);
    }
    args.emplace_back(std::string(arg) + "_" + std::string(code(l)), std::move(joined));
  }
}

void add_localized(Args& args, std::string_view arg, const LocalizedText& text) {
  for (Language l : kAllLanguages) args.emplace_back(std::string(arg) + "_" + std::string(code(l)), text.get(l));
}

}  // namespace check

std::vector<Finding> check_portfolio(const Portfolio& p, const CohortConfig& c, Date as_of) {
  std::vector<Finding> out;
  CountedPortfolio counted(p, &out);  // an unfilled template counts for nothing
  check::Context ctx{counted.portfolio(), c, as_of, out};
  if (c.requirements.cas) {  // `cas: false`: a social GPA class, no CAS requirement
    check::check_experiences(ctx);
    check::check_projects(ctx);
    check::check_coverage(ctx);
    check::check_time(ctx);
  }
  check::check_profile(ctx);
  check::note_unread_causes(p, out);  // no cascades: a finding an unread file may explain says so
  std::vector<Finding> staff = check_staff_records(p, c, as_of);
  out.insert(out.end(), staff.begin(), staff.end());
  sort_findings(out);
  return out;
}

}  // namespace casfolio
