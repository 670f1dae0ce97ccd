// Students' repositories for the collect tests: bare repositories made with
// the git CLI (tests only; casfolio itself uses libgit2), commits with fixed
// dates, and a cohort folder listing them. CASFOLIO_CACHE_DIR points into
// the test's own folder, so nothing is shared between tests.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/cli_run.h"
#include "support/test_support.h"

namespace casfolio::test {

inline int sh(const std::string& command) { return std::system(("{ " + command + "; } >/dev/null 2>&1").c_str()); }

// git with no user configuration, fixed identity and dates.
inline std::string git_env(const std::string& date) {
  return "GIT_CONFIG_NOSYSTEM=1 HOME=/nonexistent GIT_AUTHOR_NAME=s GIT_AUTHOR_EMAIL=s@x GIT_COMMITTER_NAME=s "
         "GIT_COMMITTER_EMAIL=s@x GIT_AUTHOR_DATE=" + date + " GIT_COMMITTER_DATE=" + date + " ";
}

struct StudentRepo {
  fs::path bare, work;

  // Writes `files` into the work tree, commits them on `date` and pushes to the bare repository.
  void commit(const std::map<std::string, std::string>& files, const std::string& date, bool force = false) const {
    for (const auto& [path, text] : files) write_file(work / path, text);
    std::string w = shell_quoted(work.string());
    REQUIRE(sh(git_env(date) + "git -C " + w + " add -A && " + git_env(date) + "git -C " + w +
               " commit -q --allow-empty -m c && " + git_env(date) + "git -C " + w + " push -q " +
               (force ? "-f " : "") + "origin HEAD:main") == 0);
  }
  // Replaces the branch by a new root commit with `files` (a force-push).
  void rewrite(const std::map<std::string, std::string>& files, const std::string& date) const {
    std::string w = shell_quoted(work.string());
    REQUIRE(sh("git -C " + w + " checkout -q --orphan fresh && git -C " + w + " rm -q -rf . ") == 0);
    commit(files, date, true);
  }
};

inline StudentRepo make_repo(const fs::path& root, const std::string& name) {
  StudentRepo r{root / "remotes" / (name + ".git"), root / "work" / name};
  fs::create_directories(r.bare.parent_path());
  fs::create_directories(r.work.parent_path());
  REQUIRE(sh("git init -q --bare -b main " + shell_quoted(r.bare.string())) == 0);
  REQUIRE(sh("GIT_CONFIG_NOSYSTEM=1 HOME=/nonexistent git init -q -b main " + shell_quoted(r.work.string()) +
             " && git -C " + shell_quoted(r.work.string()) + " remote add origin " + shell_quoted(r.bare.string())) == 0);
  return r;
}

inline std::string portfolio_yaml(const std::string& name) {
  return "name: " + name + "\nlanguage: en\n";
}

inline std::string reflection(const std::string& date, const std::string& text) {
  return "---\ndate: " + date + "\n---\n" + text + "\n";
}

// A cohort folder with a staff folder; `repositories` is cohort.yaml's value (a list or a file name).
inline fs::path make_cohort(const fs::path& root, const std::string& repositories) {
  fs::path cohort = root / "cohort";
  write_file(cohort / "cohort.yaml", "school: Test School\nlanguage: en\nstaff: ../staff\nrepositories:" + repositories + "\n");
  fs::create_directories(root / "staff");
  return cohort;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  for (size_t start = 0; start < text.size();) {
    size_t nl = text.find('\n', start);
    out.push_back(text.substr(start, nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

// The one cohort's checkouts folder in the test's cache.
inline fs::path checkouts_dir(const fs::path& root) {
  for (const auto& e : fs::recursive_directory_iterator(root / "cache"))
    if (e.path().filename() == "checkouts") return e.path();
  return {};
}

// Points the cache into `root` for the test's lifetime.
struct CacheIn {
  explicit CacheIn(const fs::path& root) { ::setenv("CASFOLIO_CACHE_DIR", (root / "cache").c_str(), 1); }
  ~CacheIn() { ::unsetenv("CASFOLIO_CACHE_DIR"); }
};

}  // namespace casfolio::test
