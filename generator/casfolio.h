// casfolio as a library: the one header a program that embeds casfolio
// includes. Each stage keeps its own small header; this one names the calls
// a program needs, in pipeline order:
//
//   Cohort cohort = load_directory("content", LoadOptions{});      // load
//   CohortAnalysis analysis = analyse(cohort, as_of);              // check + indicators
//   SiteBuild build(options); SiteBuildResult r = build.run();     // render + write a site
//   BundleReport b = bundle_cohort(cohort, analysis, run);         // signed, checksummed zips
//   VerifyResult v = verify_bundle("dist/ana-cas-portfolio.zip");  // prove a zip whole
//
// Findings come back as `Finding`s (diagnostics/diagnostics.h), whose
// messages render_message() gives in kk, ru or en. Link with the
// casfolio_pipeline target (CMake), which brings the stages it needs.
#pragma once

#include "diagnostics/diagnostics.h"
#include "indicators/analysis.h"
#include "load/loader.h"
#include "pipeline/bundle_build.h"
#include "pipeline/site_build.h"
#include "write/verify.h"
