// `casfolio new`: creates portfolio files from the archetypes in
// templates/archetypes/<lang>/, like Hugo's archetypes. It only ever creates
// new files; an existing file is never overwritten.
#pragma once
#include <string>

#include "util/date.h"
#include "util/language.h"

namespace casfolio {

struct ScaffoldResult {
  bool ok = false;
  std::string path;   // the file created (or that would have been)
  std::string error;  // why not, when !ok
};

// <parent>/<slug of name>/portfolio.yaml plus experiences/ and reflections/.
ScaffoldResult new_portfolio(const std::string& parent, const std::string& name, Language lang, Date today);
// <portfolio>/experiences/<slug of title>/index.md.
ScaffoldResult new_experience(const std::string& portfolio, const std::string& title, bool project, Date today);
// <portfolio>/experiences/<experience>/<date>-reflection.md, or
// <portfolio>/reflections/<date>.md when `experience` is empty. A second one on
// the same day gets "-2", "-3"...
ScaffoldResult new_reflection(const std::string& portfolio, const std::string& experience, Date today);

// The portfolio folder containing `dir` (itself or a parent with portfolio.yaml), or "".
std::string find_portfolio_root(const std::string& dir);
// The language a portfolio is written in: its portfolio.yaml, else its
// cohort.yaml, else English.
Language portfolio_language(const std::string& portfolio);

}  // namespace casfolio
