// cohort.yaml `repositories:` (load/repository_list.h): both forms, and
// every bad entry reported at its file and line with a stable code.
#include <catch2/catch.hpp>

#include "load/file_source.h"
#include "load/loader.h"
#include "load/repository_list.h"

using namespace casfolio;

namespace {

// code@file:line of every cohort finding, in order.
std::vector<std::string> findings_of(const Cohort& c) {
  std::vector<std::string> out;
  for (const Finding& f : c.config_findings)
    out.push_back(f.code + "@" + f.where.file + ":" + std::to_string(f.where.line));
  return out;
}

std::vector<std::string> ids_of(const CohortConfig& config) {
  std::vector<std::string> out;
  for (const Repository& r : config.repositories) out.push_back(r.id + " " + r.url + " " + r.branch);
  return out;
}

}  // namespace

TEST_CASE("repositories FILE: bad ids, urls, repeated ids and urls are reported at their lines and left out") {
  MemoryFileSource src;
  src.add("cohort.yaml", "school: S\nrepositories: repos.txt\n");
  src.add("repos.txt",
          "# id url [branch]\n"
          "ana ../r/ana.git\n"
          "Bek ../r/bek.git\n"               // 3: uppercase
          "cem http://host/cem.git\n"        // 4: unencrypted
          "ana ../r/ana2.git\n"              // 5: id again
          "dan ../r/ana.git/\n"              // 6: ana's url again
          "eva git@host:eva.git dev\n"
          "fay\n"                            // 8: no url
          "gul ext::sh -c evil\n"            // 9: four words
          "hal ssh://host/hal.git main  # a comment\n"
          "ivy -oProxyCommand=x\n"           // 11: an option, not a url
          "jan file:///srv/jan.git\n"
          "kim ../r/kim.git -b\n");          // 13: a branch that is an option
  Cohort c = load(src, LoadOptions{});
  // In file order; the valid ones are not collected: an in-memory cohort has no checkouts.
  CHECK(findings_of(c) == std::vector<std::string>{
                              "repository-not-collected@repos.txt:2",
                              "repository-bad-id@repos.txt:3",
                              "repository-bad-url@repos.txt:4",
                              "repository-duplicate-id@repos.txt:5",
                              "repository-duplicate-url@repos.txt:6",
                              "repository-not-collected@repos.txt:7",
                              "repository-line-malformed@repos.txt:8",
                              "repository-line-malformed@repos.txt:9",
                              "repository-not-collected@repos.txt:10",
                              "repository-bad-url@repos.txt:11",
                              "repository-not-collected@repos.txt:12",
                              "repository-bad-url@repos.txt:13",
                          });
  CHECK(ids_of(c.config) == std::vector<std::string>{"ana ../r/ana.git ", "eva git@host:eva.git dev",
                                                      "hal ssh://host/hal.git main", "jan file:///srv/jan.git "});
}

TEST_CASE("repositories list in cohort.yaml: unknown and missing keys, bad values, at their lines") {
  MemoryFileSource src;
  src.add("cohort.yaml",
          "school: S\n"
          "repositories:\n"
          "  - {id: ana, url: 'https://git.example/ana.git', branch: main}\n"
          "  - {id: bek, url: ../bek.git, brnch: dev}\n"   // 4: misspelled key
          "  - {url: ../cem.git}\n"                        // 5: no id
          "  - {id: 'dan x', url: ../dan.git}\n"           // 6: a space in the id
          "  - {id: eva, url: 'git://host/eva.git'}\n");   // 7: git:// is refused
  Cohort c = load(src, LoadOptions{});
  CHECK(findings_of(c) == std::vector<std::string>{
                              "repository-not-collected@cohort.yaml:3",
                              "repository-not-collected@cohort.yaml:4",  // at column 1, before the key
                              "misspelled-key@cohort.yaml:4",
                              "missing-key@cohort.yaml:5",
                              "repository-bad-id@cohort.yaml:6",
                              "repository-bad-url@cohort.yaml:7",
                          });
  CHECK(ids_of(c.config) == std::vector<std::string>{"ana https://git.example/ana.git main", "bek ../bek.git "});
}

TEST_CASE("a repositories FILE that is not there is reported at the key") {
  MemoryFileSource src;
  src.add("cohort.yaml", "school: S\n\nrepositories: missing.txt\n");
  Cohort c = load(src, LoadOptions{});
  CHECK(findings_of(c) == std::vector<std::string>{"no-portfolios@cohort.yaml:0",
                                                   "repositories-file-not-found@cohort.yaml:3"});
}

TEST_CASE("the urls collect accepts") {
  for (const char* ok : {"../r/a.git", "/srv/a.git", "file:///srv/a.git", "https://h/a.git", "ssh://git@h/a.git",
                         "git@h:cas/a.git", "./dir:with/colon"})
    CHECK(repository_url_allowed(ok));
  for (const char* bad : {"", "http://h/a.git", "git://h/a.git", "ext::sh -c x", "-u", "h:a.git", "@h:a", "a b",
                          "fd::3", "https://"})
    CHECK_FALSE(repository_url_allowed(bad));
}
