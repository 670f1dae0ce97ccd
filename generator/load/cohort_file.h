// cohort.yaml (SPEC section 4): school, programme window, requirements,
// calendar, social GPA scheme, framework and theme.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostics/diagnostics.h"
#include "load/loader.h"
#include "model/cohort.h"

namespace casfolio {

// A framework file named by `framework: PATH`, read by the caller.
struct FrameworkText {
  bool exists = false;              // false: no such file inside the cohort folder
  std::optional<std::string> text;  // nullopt when it exists but could not be read (already reported)
  std::string file;                 // its name in findings
};
// Reads `path` as written in cohort.yaml (relative to the cohort folder).
using FrameworkReader = std::function<FrameworkText(const std::string& path, Diagnostics& diagnostics)>;

// Every key typed into a CohortConfig; unset keys keep the SPEC defaults.
// `file` names the file in findings ("cohort.yaml", "../cohort.yaml").
// Unreadable YAML gives the defaults (and the findings).
CohortConfig parse_cohort_config(std::string_view text, const std::string& file, const Limits& limits,
                                 const FrameworkReader& read_framework, Diagnostics& diagnostics);

}  // namespace casfolio
