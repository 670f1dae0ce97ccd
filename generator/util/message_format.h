// The one place "{name}" placeholders of catalog messages (i18n/messages)
// and UI strings (i18n/ui) are filled in, with the plural forms of the
// reader's language (docs/format.md §7, docs/decisions.md "Plural forms").
//
//   "{id}: {errors, plural, one {# error} other {# errors}}"
//
// A `{name}` with no argument of that name stays as it is, so a gap shows.
// A plural takes the branch of the count's CLDR category (zero, one, two,
// few, many, other) as ICU's plural rules for the language say, or an exact
// `=N` branch first; `#` in the branch is the count as given. A count that
// is not a number, or a category with no branch, takes `other`.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/language.h"

namespace casfolio {

using MessageArgs = std::vector<std::pair<std::string, std::string>>;

std::string format_message(std::string_view text, const MessageArgs& args, Language lang);

// `text` with each placeholder, a plural with its branches too, shown as "…"
// (a rule's description in SARIF, where no finding fills them in).
std::string without_placeholders(std::string_view text);

// The CLDR plural category of `count` ("1", "21", "2.5", "2,5") in `lang`:
// "one", "few", "many", "other", ... ("other" for anything not a number).
std::string plural_category(std::string_view count, Language lang);

}  // namespace casfolio
