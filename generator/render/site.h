// Rendering: model + analysis -> the files of the site, in memory. Nothing
// here touches the disk except reading evidence through `source_path`; the
// write stage owns every byte written.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "indicators/analysis.h"

namespace casfolio {

struct OutputFile {
  std::string path;  // relative to the site root, '/' separated
  std::string data;  // the bytes, unless source_path is set
  // When set, the file is a verbatim copy of this file on disk (evidence that
  // is not re-encoded, e.g. a PDF or a video), streamed by the writer.
  std::string source_path;
};

struct SiteOptions {
  bool is_public = false;                  // --public: no private data, no staff pages
  std::optional<std::string> only_student;  // one student's pages only (bundles)
  std::string source_root;                 // the folder the cohort was loaded from, on disk
  std::string theme_dir;                   // a theme folder overriding the embedded one, or ""
  // Where the renderer reports what it could not do (an image libvips cannot
  // read: warning image-unreadable; a broken template override: error
  // template-error). Files are relative to source_root, except a template's,
  // which is its path in the theme folder or "templates/<name>.html" (built
  // in). nullptr = nowhere.
  std::vector<Finding>* findings = nullptr;
};

std::vector<OutputFile> render_site(const Cohort& cohort, const CohortAnalysis& analysis, const SiteOptions& options);

}  // namespace casfolio
