#include "pipeline/bundle_build.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "indicators/report.h"
#include "render/charts.h"
#include "render/media.h"
#include "render/redact.h"
#include "util/path.h"
#include "write/manifest.h"

namespace fs = std::filesystem;

namespace casfolio {

namespace {

using json = nlohmann::ordered_json;

// Seconds since `start`, added to `total`; restarts `start`.
void lap(std::chrono::steady_clock::time_point& start, double& total) {
  auto now = std::chrono::steady_clock::now();
  total += std::chrono::duration<double>(now - start).count();
  start = now;
}

json generator_json() { return {{"name", "casfolio"}, {"version", CASFOLIO_VERSION}}; }

// A page that sends the browser on to `target` (relative), for a site whose
// home is not at its top.
std::string redirect_page(const std::string& target, const std::string& title) {
  std::string t = escape_html(target);
  return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"refresh\" content=\"0; url=" +
         t + "\">\n<title>" + escape_html(title) + "</title>\n</head>\n<body>\n<p><a href=\"" + t + "\">" +
         escape_html(title) + "</a></p>\n</body>\n</html>\n";
}

// Makes sure site/index.html exists: the renderer's own, else a redirect to
// the first home page found among `homes`.
void ensure_index(std::vector<OutputFile>& site, const std::vector<std::string>& homes, const std::string& title) {
  auto has = [&](std::string_view p) {
    return std::any_of(site.begin(), site.end(), [&](const OutputFile& f) { return f.path == p; });
  };
  if (has("index.html")) return;
  for (const std::string& home : homes) {
    if (has(home)) {
      site.push_back({"index.html", redirect_page(home, title), ""});
      return;
    }
  }
}

// What the renderer could not do (an unreadable image, a broken template),
// with files made paths on disk like the bundle's own findings.
void add_rendering_findings(Diagnostics& sink, std::vector<Finding> found, const std::string& source_root) {
  for (Finding& f : found) {
    f.where.file = join_path(source_root, f.where.file);
    sink.add(std::move(f));
  }
}

void add_site(BundleSpec& spec, std::vector<OutputFile> site) {
  for (OutputFile& f : site) spec.files.push_back({"site/" + f.path, std::move(f.data), std::move(f.source_path)});
}

}  // namespace

BundleSpec student_bundle(const Cohort& cohort, const StudentAnalysis& student, std::vector<OutputFile> site,
                          const std::string& source_root, bool is_public, Date as_of) {
  const Portfolio& p = student.loaded->portfolio;
  // A public bundle names the student only as a public page would.
  const std::string shown_name = is_public ? redact_for_public(p).portfolio.profile.name : p.profile.name;
  BundleSpec spec;
  spec.folder = student_bundle_folder(p.id, is_public);
  json& f = spec.facts;
  f["schema"] = kManifestSchema;
  f["kind"] = "student";
  f["generator"] = generator_json();
  f["as_of"] = as_of.iso();
  f["public"] = is_public;
  f["language"] = std::string(code(p.profile.language));
  f["student"] = {{"id", p.id}, {"name", shown_name}};
  if (!cohort.config.school.empty() || !cohort.config.cohort.empty())
    f["cohort"] = {
        {"school", cohort.config.school}, {"programme", cohort.config.programme}, {"cohort", cohort.config.cohort}};
  // The student's object of `casfolio report`'s JSON in the student view
  // (no finding about another student, no staff-only record). A --public
  // bundle has none: its figures would count private experiences, and the
  // social GPA is never public.
  if (!is_public) f["indicators"] = student_json(student, cohort.config, Audience::student);

  ensure_index(site, {"students/" + p.id + "/index.html", p.id + "/index.html"}, shown_name);
  add_site(spec, std::move(site));
  if (!is_public) {
    std::string root = p.folder_on_disk(source_root);
    for (const std::string& file : p.files) spec.files.push_back({"source/" + file, "", join_path(root, file)});
  }
  return spec;
}

BundleSpec cohort_bundle(const Cohort& cohort, std::vector<OutputFile> site,
                         const std::vector<BundledStudent>& students, bool is_public, Date as_of) {
  BundleSpec spec;
  spec.folder = cohort_bundle_folder(is_public);
  json& f = spec.facts;
  f["schema"] = kManifestSchema;
  f["kind"] = "cohort";
  f["generator"] = generator_json();
  f["as_of"] = as_of.iso();
  f["public"] = is_public;
  f["language"] = std::string(code(cohort.config.language));
  f["cohort"] = {
      {"school", cohort.config.school}, {"programme", cohort.config.programme}, {"cohort", cohort.config.cohort}};
  json list = json::array();
  for (const BundledStudent& s : students) {
    std::string name = std::string(fs::path(s.zip_path).filename());
    json j{{"id", s.id}, {"name", s.name}, {"bundle", "students/" + name}};
    if (!is_public && !s.status.empty()) j["status"] = s.status;
    list.push_back(std::move(j));
    spec.files.push_back({"students/" + name, "", s.zip_path});
  }
  f["students"] = std::move(list);
  ensure_index(site, {}, cohort.config.school);
  add_site(spec, std::move(site));
  return spec;
}

bool BundleReport::failed() const {
  if (cohort_attempted && !cohort) return true;
  return std::any_of(students.begin(), students.end(),
                     [](const StudentBundleResult& s) { return !s.written && !s.withheld; });
}

BundleReport bundle_cohort(const Cohort& cohort, const CohortAnalysis& analysis, const BundleRun& run,
                           const std::function<void(size_t, size_t, std::string_view)>& progress) {
  BundleReport report;
  bool is_cohort = !cohort.portfolios.empty() &&
                   std::none_of(cohort.portfolios.begin(), cohort.portfolios.end(), [](const LoadedPortfolio& lp) {
                     return lp.portfolio.is_build_root();
                   });
  std::vector<BundledStudent> bundled;
  size_t count = analysis.students.size(), total = count + (is_cohort ? 1 : 0);
  for (size_t i = 0; i < count; ++i) {
    const StudentAnalysis& s = analysis.students[i];
    const Portfolio& p = s.loaded->portfolio;
    if (progress) progress(i + 1, total, p.id);
    StudentBundleResult r;
    r.id = p.id;
    r.language = p.profile.language;
    Diagnostics sink;
    std::string dir = p.folder_on_disk(run.source_root);
    if (!p.usable || p.id.empty()) {
      sink.report("bundle-portfolio-unusable", {join_path(dir, "portfolio.yaml")}, {{"id", p.id}});
    } else if (run.is_public && !p.publishable()) {
      // Privacy fails closed: a `private:` casfolio does not understand keeps
      // the whole student out of public output, bundles included.
      sink.report("bundle-portfolio-not-public", {join_path(dir, "portfolio.yaml")}, {{"id", p.id}});
      r.withheld = true;
    } else {
      SiteOptions so;
      so.audience = run.is_public ? Audience::anyone : Audience::student;  // what the student keeps
      so.only_student = p.id;
      so.source_root = run.source_root;
      so.theme_dir = run.theme_dir;
      std::vector<Finding> rendering;
      so.findings = &rendering;
      auto clock = std::chrono::steady_clock::now();
      std::vector<OutputFile> site = render_site(cohort, analysis, so);
      lap(clock, report.render_seconds);
      BundleSpec spec = student_bundle(cohort, s, std::move(site), run.source_root, run.is_public, analysis.as_of);
      add_rendering_findings(sink, std::move(rendering), run.source_root);
      r.written = write_bundle(std::move(spec), run.out_dir, run.bundle, sink);
      lap(clock, report.write_seconds);
      if (r.written)
        bundled.push_back(
            {p.id, run.is_public ? redact_for_public(p).portfolio.profile.name : p.profile.name, r.written->path,
             run.is_public ? "" : std::string(name(s.indicators.status))});
    }
    r.findings = std::move(sink.findings());
    report.students.push_back(std::move(r));
  }
  if (is_cohort) {
    report.cohort_attempted = true;
    if (progress) progress(total, total, cohort_bundle_folder(run.is_public));
    SiteOptions so;
    so.audience = run.is_public ? Audience::anyone : Audience::staff;  // the school's copy
    so.source_root = run.source_root;
    so.theme_dir = run.theme_dir;
    std::vector<Finding> rendering;
    so.findings = &rendering;
    auto clock = std::chrono::steady_clock::now();
    std::vector<OutputFile> site = render_site(cohort, analysis, so);
    lap(clock, report.render_seconds);
    BundleSpec spec = cohort_bundle(cohort, std::move(site), bundled, run.is_public, analysis.as_of);
    Diagnostics sink;
    // The students' pages were rendered (and reported on) once already.
    std::erase_if(rendering, [](const Finding& f) { return is_publishing_finding(f.code); });
    add_rendering_findings(sink, std::move(rendering), run.source_root);
    BundleOptions o = run.bundle;
    o.max_file_bytes = UINT64_MAX;  // the limit is for evidence, not for the students' own zips
    report.cohort = write_bundle(std::move(spec), run.out_dir, o, sink);
    lap(clock, report.write_seconds);
    report.cohort_findings = std::move(sink.findings());
  }
  return report;
}

}  // namespace casfolio
