// cohort.yaml `repositories:` (docs/collect.md): students' Git repositories,
// as a list in cohort.yaml or as a FILE with one `id url [branch]` a line.
// Every entry is validated here, so that `collect` and the loader only ever
// see usable ones: a bad or repeated id or url is reported at its line and
// left out.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "load/loader.h"
#include "load/yaml_tree.h"
#include "model/cohort.h"

namespace casfolio {

// The value of `repositories:` in cohort.yaml: a list of {id, url, branch}
// maps into config.repositories, or a FILE name into config.repositories_file.
void read_repositories_key(const YamlNode& value, const std::string& file, Diagnostics& diagnostics,
                           CohortConfig& config);

// The text of a repositories FILE ('#' starts a comment; blank lines are skipped).
std::vector<Repository> parse_repository_list(std::string_view text, const std::string& file,
                                              Diagnostics& diagnostics);

// Leaves out (and reports) entries with a bad id or url, a second entry with
// an id or url already listed. The order of the rest is kept.
void validate_repositories(std::vector<Repository>& repositories, Diagnostics& diagnostics);

// Reads the repositories FILE when there is one (into config.repositories)
// and validates the list: config keeps the valid entries.
void read_repository_list(CohortConfig& config, const FileSource& source, const Limits& limits,
                          Diagnostics& diagnostics);

// The portfolio roots of cohort.yaml's repositories, each `checkouts`/<id>
// (relative to `source`'s root, which is the cohort folder): reads the
// repositories FILE when there is one, validates the list (config keeps the
// valid entries), and reports a repository not collected yet.
std::vector<std::string> repository_roots(CohortConfig& config, const FileSource& source, const Limits& limits,
                                          const std::string& checkouts, Diagnostics& diagnostics);

// True for a url collect accepts: a local path, file://, https://, ssh:// or git@host:path.
bool repository_url_allowed(std::string_view url);

}  // namespace casfolio
