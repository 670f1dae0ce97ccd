// What an incremental build compares: a digest per portfolio of its files
// as the file system describes them, and a digest of everything else the
// pages depend on (the cohort's configuration, the generator itself).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "load/loader.h"
#include "model/cohort.h"

namespace casfolio {

// The digest of one folder's files: each one's path, size, modification
// and change times and inode (like make and ninja, but with the change time,
// which no tool can set back, and the inode, which a replaced file does not
// keep). Names starting with '.' or '_' are skipped, as the loader skips
// them, so an editor's swap file changes nothing. Links are not followed
// (a link to a file adds what it leads to), and the walk is bounded as the
// loader's is (util/folder_walk.h). "" when the folder cannot be read.
// `entries`, when given, receives the number of entries looked at.
std::string folder_fingerprint(const std::string& disk_dir, size_t* entries = nullptr);

// folder_fingerprint of every portfolio of `cohort` (by its root, "." for a
// single portfolio), `dir` being the folder it was loaded from; on `jobs` threads.
std::map<std::string, std::string> portfolio_fingerprints(const std::string& dir, const Cohort& cohort, unsigned jobs);

// The digest of what every page depends on beyond one portfolio: this
// build of casfolio (its ELF build id, else its executable's bytes), the
// cohort's configuration, field by field, and the load options.
std::string inputs_key(const CohortConfig& config, const LoadOptions& options);

// The running executable's identity: its GNU build id, else a digest of its file.
const std::string& generator_identity();

}  // namespace casfolio
