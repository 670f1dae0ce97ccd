// Placeholder until the loader lands.
#include "load/loader.h"
namespace casfolio {
Cohort load(const FileSource&, const LoadOptions&, std::optional<std::string>) { return {}; }
Cohort load_directory(const std::string& dir, const LoadOptions&) { Cohort c; c.root = dir; return c; }
}
