// The status rule's keys in cohort.yaml (docs/format.md, requirements):
// concern_days and project.start_by, read with their defaults, and a bad
// value reported at its line.
#include <catch2/catch.hpp>

#include "load/file_source.h"
#include "load/loader.h"
#include "load_test_support.h"

using namespace casfolio;
using casfolio::testing::format_findings;

namespace {

Cohort load_cohort(const std::string& requirements) {
  MemoryFileSource m;
  m.add("cohort.yaml", "school: S\nrequirements:\n" + requirements);
  m.add("a/portfolio.yaml", "name: A\n");
  return load(m, {});
}

}  // namespace

TEST_CASE("concern_days and project.start_by: defaults") {
  Cohort c = load_cohort("  min_months: 18\n");
  CHECK(format_findings(c) == "");
  CHECK(c.config.requirements.concern_days == 45);
  CHECK_FALSE(c.config.requirements.project.start_by.valid());
}

TEST_CASE("concern_days and project.start_by: read") {
  Cohort c = load_cohort("  concern_days: 30\n  project: { min: 1, start_by: 2027-03-01 }\n");
  CHECK(format_findings(c) == "");
  CHECK(c.config.requirements.concern_days == 30);
  CHECK(c.config.requirements.project.start_by == *Date::parse("2027-03-01"));
}

TEST_CASE("concern_days and project.start_by: bad values are reported at their line") {
  Cohort c = load_cohort("  concern_days: -1\n  project:\n    start_by: March\n");
  CHECK(format_findings(c) ==
        "cohort.yaml:3:17: error: negative-number\n"
        "cohort.yaml:5:15: error: bad-date\n");
  CHECK(c.config.requirements.concern_days == 45);
  CHECK_FALSE(c.config.requirements.project.start_by.valid());
}
