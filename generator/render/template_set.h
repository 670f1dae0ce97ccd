// The Mustache templates and the theme's assets: compiled in (templates/,
// themes/<name>/), each file overridable by a theme folder on disk. Templates
// are logic-less and see only the view data the page code builds, never the
// model. Unescaped output ({{{x}}}) is reserved for keys ending in `_html`,
// which only code produces (rendered Markdown, charts); a test holds the
// templates to that.
#pragma once
#include <kainjow/mustache.hpp>

#include <map>
#include <string>
#include <vector>

namespace casfolio {

using View = kainjow::mustache::data;
using ViewList = kainjow::mustache::list;

class TemplateSet {
 public:
  // `theme`: the built-in theme's name; `theme_dir`: a folder whose files
  // replace the built-in ones ("style.css", "templates/page.html"), or "".
  TemplateSet(const std::string& theme, const std::string& theme_dir);

  // Renders template `name` ("student" -> templates/student.html) with the
  // layers of data, the last one searched first. Errors (a broken override)
  // come back in `error` (Mustache's message) and the result is empty.
  std::string render(const std::string& name, const std::vector<const View*>& layers, std::string& error);

  // The theme's files to publish under assets/ (path below the theme -> bytes), sorted.
  const std::map<std::string, std::string>& assets() const { return assets_; }

  // Where template `name` came from: its file in the theme folder, or
  // "templates/<name>.html" (built in).
  std::string origin(const std::string& name) const;

  // Every template and partial by name (for tests).
  const std::map<std::string, std::string>& sources() const { return sources_; }

 private:
  std::map<std::string, std::string> sources_;  // "student", "partials/head" -> text
  std::map<std::string, std::string> expanded_;  // pages' sources with their partials written in
  std::map<std::string, kainjow::mustache::mustache> compiled_;
  View partials_;
  std::map<std::string, std::string> assets_;
  std::map<std::string, std::string> origins_;  // overridden templates -> their file on disk
};

}  // namespace casfolio
