// A program that embeds casfolio includes casfolio.h and nothing else of it:
// load, analyse, build a site, bundle and verify the golden cohort.
#include "casfolio.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace casfolio;

TEST_CASE("casfolio.h alone loads, analyses, builds, bundles and verifies a cohort", "[api]") {
  test::TempDir d("casfolio-api-");
  const std::string cohort_dir = std::string(CASFOLIO_SOURCE_DIR) + "/tests/fixtures/golden-cohort";
  const Date as_of = *Date::parse("2027-06-15");

  Cohort cohort = load_directory(cohort_dir, LoadOptions{});
  REQUIRE(cohort.portfolios.size() >= 2);
  CohortAnalysis analysis = analyse(cohort, as_of);
  REQUIRE(analysis.students.size() == cohort.portfolios.size());

  SiteBuildOptions options;
  options.dir = cohort_dir;
  options.as_of = as_of;
  options.out_dir = (d.path() / "site").string();
  options.jobs = 1;
  SiteBuildResult built = SiteBuild(options).run();
  INFO(built.error);
  REQUIRE(built.ok);
  CHECK(fs::exists(d.path() / "site/index.html"));
  CHECK(built.students == cohort.portfolios.size());

  BundleRun run;
  run.source_root = cohort_dir;
  run.out_dir = (d.path() / "dist").string();
  run.bundle.timestamp = bundle_timestamp(as_of);
  BundleReport bundles = bundle_cohort(cohort, analysis, run);
  REQUIRE_FALSE(bundles.failed());
  REQUIRE(bundles.cohort);
  VerifyResult verified = verify_bundle(bundles.cohort->path);
  CHECK(verified.ok());
  CHECK(verified.kind == "cohort");
  CHECK(verified.files_checked > 0);
}
