// What every rule family of check_portfolio shares: the portfolio, the rules,
// the as-of date, the list findings go into, and helpers that build findings
// the same way everywhere. Internal to the check stage.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/cohort.h"

namespace casfolio::check {

struct Context {
  const Portfolio& p;
  const CohortConfig& c;
  Date as_of;
  std::vector<Finding>& out;

  const Requirements& rules() const { return c.requirements; }
  void add(std::string_view code, Location where, Args args);
};

// Where portfolio-wide requirements point: portfolio.yaml as a whole (line 0).
Location portfolio_location();
// `file` at `key`'s line and column, the key underlined; the item's first
// line when the key is absent.
Location key_location(const std::string& file, const KeyLines& keys, std::string_view key);

// How a finding names an experience: its title, else its folder name.
std::string display_name(const Experience& e);

// The catalog text `_check-<what>` (e.g. "strand-service") in each UI
// language, appended as `<arg>_kk`, `<arg>_ru`, `<arg>_en`: the sentence in
// each language picks its own word.
void add_localized(Args& args, std::string_view arg, std::string_view what);
// The same for a list of catalog words joined with ", ".
void add_localized_list(Args& args, std::string_view arg, const std::vector<std::string>& whats);
// Plain text per language (e.g. an outcome's name from the framework).
void add_localized(Args& args, std::string_view arg, const LocalizedText& text);

// A reflection counts as of `as_of` unless it is dated later (an undated one
// was already reported by the loader and still counts).
inline bool counts_by(const Reflection& r, Date as_of) { return !r.date.valid() || r.date <= as_of; }

// The rule families, each adding its findings to ctx.out.
void check_experiences(Context& ctx);
void check_projects(Context& ctx);
void check_coverage(Context& ctx);
void check_time(Context& ctx);
void check_profile(Context& ctx);

// Adds to each requirement finding in `findings` that a file of p.unread may
// explain the `unread` argument (those files, ", "-separated), which the
// catalog turns into "this may be because … could not be read".
void note_unread_causes(const Portfolio& p, std::vector<Finding>& findings);

}  // namespace casfolio::check
