// `casfolio new`: creates portfolio files from the archetypes in
// templates/archetypes/<lang>/, like Hugo's archetypes. It only ever creates
// new files; an existing file is never overwritten.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"
#include "util/language.h"

namespace casfolio {

struct ScaffoldResult {
  bool ok = false;
  std::string path;   // the file created (or that would have been)
  std::string error;  // why not, when !ok
  // The catalog code of `error` (i18n/messages/new.yaml): new-file-exists,
  // new-cannot-create, new-cannot-write, new-too-many-reflections, new-no-such-experience.
  std::string code;
  std::string reason;  // new-cannot-create: the system's words (strerror)
};

// <parent>/<slug of name>/portfolio.yaml plus experiences/ and reflections/.
ScaffoldResult new_portfolio(const std::string& parent, const std::string& name, Language lang, Date today);
// <portfolio>/experiences/<slug of title>/index.md.
ScaffoldResult new_experience(const std::string& portfolio, const std::string& title, bool project, Date today);
// <portfolio>/experiences/<experience>/<date>-reflection.md, or
// <portfolio>/reflections/<date>.md when `experience` is empty. `experience`
// is named as find_experience takes it; when it matches none, the result has
// code "new-no-such-experience". A second one on the same day gets "-2", "-3"...
ScaffoldResult new_reflection(const std::string& portfolio, const std::string& experience, Date today);
// self-assessment/<period>.yaml, the social GPA questionnaire (docs/social-gpa.md):
// `period` as given, or "" for the default period `today` is in (June to
// December: YYYY-12, January to May: YYYY-05). Never replaces a file.
ScaffoldResult new_self_assessment(const std::string& portfolio, const std::string& period, Date today);

// An experience of a portfolio: its folder under experiences/ and its title.
struct ExperienceChoice {
  std::string folder;
  std::string title;  // "" when its index.md has none (or cannot be read)
};
// The experiences of a portfolio, by folder name (bytewise).
std::vector<ExperienceChoice> experiences_of(const std::string& portfolio);
// The folder of the experience `name` means: its folder name, else its title
// (exactly, ignoring case, or as slugify gives it: "Шахматный клуб" is
// "shakhmatnyi-klub"). "" when none does.
std::string find_experience(const std::vector<ExperienceChoice>& experiences, std::string_view name);

// What a folder outside every portfolio holds: the portfolios of the cohort
// it is (cohort.yaml in it) or holds (cohort.yaml in a subfolder), else those
// at most three folders down. Paths are `dir` joined with the folder, as a
// user would type them after --in; the language is the cohort's (English
// when there is no single cohort).
struct PortfoliosBelow {
  std::vector<std::string> folders;
  Language language = Language::en;
};
PortfoliosBelow portfolios_below(const std::string& dir);

// The portfolio folder containing `dir` (itself or a parent with portfolio.yaml), or "".
std::string find_portfolio_root(const std::string& dir);
// The language a portfolio is written in: its portfolio.yaml, else its
// cohort.yaml, else English.
Language portfolio_language(const std::string& portfolio);

}  // namespace casfolio
