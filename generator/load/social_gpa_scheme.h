// cohort.yaml's `social_gpa:` beyond the points (docs/social-gpa.md): the
// components and their scale, the domains of the achievement kinds, the
// periods, the approving act and the rules' version.
#pragma once
#include "load/yaml_fields.h"
#include "model/social_gpa.h"

namespace casfolio {

// Reads those keys of the `social_gpa:` map `m` into `s`; every problem is a
// finding at its line, and a bad list (a duplicate id, an unknown domain,
// overlapping periods) leaves the default in place.
void read_social_gpa_rules(const YamlNode& m, const FieldContext& c, SocialGpaScheme& s);

}  // namespace casfolio
