// Rendering: model + analysis -> the files of the site, in memory. Nothing
// here touches the disk except reading evidence through `source_path`; the
// write stage owns every byte written.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "indicators/analysis.h"
#include "model/audience.h"
#include "util/rendered_file.h"

namespace casfolio {

struct SiteMemo;
class ImageCache;

struct SiteOptions {
  // Who the pages are for (model/audience.h): staff see everything; a
  // student's view has only their own findings and no staff-only record;
  // anyone's (--public) no private data, no findings, no staff pages.
  Audience audience = Audience::staff;
  std::optional<std::string> only_student;  // one student's pages only (bundles)
  bool is_public() const { return audience == Audience::anyone; }
  std::string source_root;                 // the folder the cohort was loaded from, on disk
  std::string theme_dir;                   // a theme folder overriding the embedded one, or ""
  // Where the renderer reports what it could not do (an image libvips cannot
  // read: warning image-unreadable; a broken template override: error
  // template-error). Files are relative to source_root, except a template's,
  // which is its path in the theme folder or "templates/<name>.html" (built
  // in). nullptr = nowhere.
  std::vector<Finding>* findings = nullptr;

  unsigned jobs = 1;  // threads rendering students' pages (0 = one per core); the output never depends on it

  // Incremental builds (render/site_memo.h). A student whose key matches
  // `previous` is not rendered again: its files come out `unchanged` and its
  // search entries and findings from the memo. Each student's key digests
  // `inputs_key` (the caller's digest of the cohort's configuration and of
  // the generator), the student's entry in `fingerprints` (portfolio root ->
  // digest of its files on disk; a student without one is always rendered),
  // its findings, the templates and these options. `memo`, when set,
  // receives this build's entries (both or neither).
  SiteMemo* previous = nullptr;  // the entries reused are moved out of it into `memo`
  SiteMemo* memo = nullptr;
  std::string inputs_key;
  const std::map<std::string, std::string>* fingerprints = nullptr;
  // Resized images by content (render/image_resize.h), or nullptr.
  ImageCache* images = nullptr;
};

// The site, sorted by path.
std::vector<OutputFile> render_site(const Cohort& cohort, const CohortAnalysis& analysis, const SiteOptions& options);

// The same files, streamed into `sink` as each student's pages are done (so
// that a big cohort is never in memory at once).
void render_site(const Cohort& cohort, const CohortAnalysis& analysis, const SiteOptions& options, SiteSink& sink);

}  // namespace casfolio
