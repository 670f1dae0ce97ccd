// Learning-outcome frameworks: the seven IB CAS outcomes built in, or a
// school's or course's own file (outcomes "N" with indicators "N.M").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/language.h"

namespace casfolio {

// Text in each UI language; `get` falls back to English, then any.
struct LocalizedText {
  std::string kk, ru, en;
  // `l`'s text, else English, else any given.
  const std::string& get(Language l) const;
  // `l`'s text, else `fallback`'s (the cohort's language), else any given.
  const std::string& get(Language l, Language fallback) const;
  bool empty() const { return kk.empty() && ru.empty() && en.empty(); }
};

struct Indicator {
  std::string id;  // "1.2"
  LocalizedText name;
};

struct Outcome {
  std::string id;  // "1"
  LocalizedText name;
  LocalizedText description;
  std::vector<Indicator> indicators;
};

struct Framework {
  std::string id;  // "ib-cas" or the file's own id
  LocalizedText name;
  std::vector<Outcome> outcomes;

  const Outcome* find(std::string_view outcome_id) const;
};

// The seven IB CAS learning outcomes (names from the CAS handbook).
const Framework& ib_cas_framework();

// A reference to an outcome as written by a student: "1", "LO1", "1.2".
struct OutcomeRef {
  std::string outcome;    // the outcome it evidences: "1"
  std::string indicator;  // "1.2" when an indicator was named, else ""
  friend bool operator==(const OutcomeRef&, const OutcomeRef&) = default;
};

// Parses "1", "LO1", "lo 1", "1.2" against `framework`; nullopt when the id
// is not one of its outcomes or indicators.
std::optional<OutcomeRef> parse_outcome_ref(std::string_view text, const Framework& framework);

}  // namespace casfolio
