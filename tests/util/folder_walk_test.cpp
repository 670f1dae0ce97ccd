// util/folder_walk: the one walker. What it visits, in which order, what it
// says about links, and that no tree (links in circles, links out, deep
// folders, unreadable folders) makes it loop, leave the tree or throw.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "hardening/unprivileged.h"
#include "support/test_support.h"
#include "util/folder_walk.h"

using namespace casfolio;
using casfolio::test::TempDir;
using casfolio::test::write_file;
namespace fs = std::filesystem;

namespace {

std::string kind_name(WalkKind k) {
  switch (k) {
    case WalkKind::file: return "file";
    case WalkKind::directory: return "dir";
    case WalkKind::link: return "link";
    case WalkKind::other: return "other";
  }
  return "?";
}

// Each visited entry as "path kind", a link as "path link->target [outside]".
std::vector<std::string> lines_of(const fs::path& root, WalkLimits limits = {}, WalkReport* report = nullptr) {
  std::vector<std::string> out;
  WalkReport r = walk_folder(root.string(), limits, [&](const WalkEntry& e) {
    std::string line = e.path + " " + kind_name(e.self.kind);
    if (e.is_link()) line += "->" + kind_name(e.target.kind) + (e.outside ? " outside" : "");
    out.push_back(line);
    return WalkStep::descend;
  });
  if (report) *report = r;
  return out;
}

size_t open_descriptors() {
  size_t n = 0;
  for (auto it = fs::directory_iterator("/proc/self/fd"); it != fs::directory_iterator(); ++it) ++n;
  return n;
}

}  // namespace

TEST_CASE("folder walk: depth first, names sorted, links reported and never descended") {
  TempDir tmp;
  fs::path r = tmp.path() / "root";
  write_file(r / "b.txt", "b");
  write_file(r / "a/x.txt", "x");
  write_file(r / "_private/y.txt", "y");
  write_file(r / ".hidden", "h");
  write_file(tmp.path() / "outside.txt", "o");
  fs::create_symlink("b.txt", r / "a-file-link");
  fs::create_directory_symlink(".", r / "loop");
  fs::create_directory_symlink("../a", r / "a/up");
  fs::create_symlink(tmp.path() / "outside.txt", r / "out-file");
  fs::create_directory_symlink("/etc", r / "etc");
  fs::create_symlink("nowhere", r / "dangling");
  REQUIRE(::mkfifo((r / "fifo").c_str(), 0644) == 0);

  WalkReport report;
  CHECK(lines_of(r, {}, &report) == std::vector<std::string>{
                                        ".hidden file",
                                        "_private dir",
                                        "_private/y.txt file",
                                        "a dir",
                                        "a/up link->dir",
                                        "a/x.txt file",
                                        "a-file-link link->file",
                                        "b.txt file",
                                        "dangling link->other outside",
                                        "etc link->dir outside",
                                        "fifo other",
                                        "loop link->dir",
                                        "out-file link->file outside",
                                    });
  CHECK(report.entries == 13);
  CHECK_FALSE(report.too_many);
  CHECK(report.too_deep.empty());
  CHECK(report.unreadable.empty());

  WalkLimits loader_names;
  loader_names.names = WalkNames::skip_ignored;
  CHECK(lines_of(r, loader_names).size() == 10);  // no .hidden, no _private (nor what it holds)
  WalkLimits hidden;
  hidden.names = WalkNames::skip_hidden;
  CHECK(lines_of(r, hidden).size() == 12);
}

TEST_CASE("folder walk: the loader's ignored names, in one place") {
  CHECK(is_ignored_name(""));
  CHECK(is_ignored_name(".git"));
  CHECK(is_ignored_name("_drafts"));
  CHECK_FALSE(is_ignored_name("a_b"));
  CHECK_FALSE(is_ignored_name("index.md"));
  CHECK(has_ignored_part(".git/config"));
  CHECK(has_ignored_part("experiences/_drafts/index.md"));
  CHECK(has_ignored_part("experiences/x/.index.md.swp"));
  CHECK_FALSE(has_ignored_part("experiences/a_b/index.md"));
  CHECK_FALSE(has_ignored_part("experiences//x/index.md"));  // an empty part is no name
  CHECK_FALSE(has_ignored_part(""));
}

TEST_CASE("folder walk: links in circles (loop -> ., loop2 -> ../other, a -> b -> a) cost one entry each") {
  TempDir tmp;
  fs::path exp = tmp.path() / "experiences";
  write_file(exp / "one/index.md", "x");
  write_file(exp / "other/index.md", "y");
  fs::create_directory_symlink(".", exp / "one/loop");
  fs::create_directory_symlink("../other", exp / "one/loop2");
  fs::create_symlink("b", exp / "one/a");
  fs::create_symlink("a", exp / "one/b");
  WalkReport report;
  CHECK(lines_of(exp, {}, &report) == std::vector<std::string>{
                                          "one dir",
                                          "one/a link->other outside",  // ELOOP: leads nowhere
                                          "one/b link->other outside",
                                          "one/index.md file",
                                          "one/loop link->dir",
                                          "one/loop2 link->dir",
                                          "other dir",
                                          "other/index.md file",
                                      });
  CHECK(report.entries == 8);
}

TEST_CASE("folder walk: a folder 40 deep is listed to max_depth and the first deeper one is named") {
  TempDir tmp;
  fs::path p = tmp.path() / "root";
  std::string rel;
  for (int i = 1; i <= 40; ++i) rel += (i > 1 ? "/d" : "d") + std::to_string(i);
  fs::create_directories(p / rel);
  WalkReport report;
  std::vector<std::string> lines = lines_of(p, {}, &report);
  CHECK(lines.size() == 33);  // d1 .. d33; d33 is seen but not listed
  CHECK(report.too_deep == rel.substr(0, rel.find("/d34")));
  CHECK(report.entries == 33);
}

TEST_CASE("folder walk: the number of entries is bounded") {
  TempDir tmp;
  for (int i = 0; i < 10; ++i) write_file(tmp.path() / ("f" + std::to_string(i)), "");
  WalkLimits limits;
  limits.max_entries = 5;
  WalkReport report;
  CHECK(lines_of(tmp.path(), limits, &report).size() == 5);
  CHECK(report.too_many);
  CHECK(report.entries == 5);
  limits.max_entries = 10;  // exactly at the limit: all of them, and not "too many"
  CHECK(lines_of(tmp.path(), limits, &report).size() == 10);
  CHECK_FALSE(report.too_many);
}

TEST_CASE("folder walk: a visitor can skip a folder or stop the walk") {
  TempDir tmp;
  write_file(tmp.path() / "a/1", "");
  write_file(tmp.path() / "b/2", "");
  write_file(tmp.path() / "c/3", "");
  std::vector<std::string> seen;
  WalkReport report = walk_folder(tmp.str(), {}, [&](const WalkEntry& e) {
    seen.push_back(e.path);
    if (e.path == "a") return WalkStep::skip;
    if (e.path == "b/2") return WalkStep::stop;
    return WalkStep::descend;
  });
  CHECK(seen == std::vector<std::string>{"a", "b", "b/2"});
  CHECK(report.entries == 3);
}

TEST_CASE("folder walk: a folder it may not read is a result, not an exception") {
  // Through a lister (any tree): the folder is named, the walk goes on.
  auto list = [](const std::string& dir, size_t, std::vector<WalkEntry>& out) {
    if (dir == "locked") return false;
    if (dir.empty()) {
      for (const char* name : {"locked", "open"}) {
        WalkEntry e;
        e.name = name;
        e.self.kind = e.target.kind = WalkKind::directory;
        out.push_back(e);
      }
    }
    return true;
  };
  WalkReport report = walk_tree(list, {}, [](const WalkEntry&) { return WalkStep::descend; });
  CHECK(report.unreadable == std::vector<std::string>{"locked"});
  CHECK(report.entries == 2);

  // On disk, without root's privileges (root reads any folder).
  SKIP_UNLESS_UNPRIVILEGED_POSSIBLE();
  TempDir tmp;
  write_file(tmp.path() / "locked/secret", "s");
  write_file(tmp.path() / "open/file", "f");
  casfolio::test::open_to_others(tmp.path());
  fs::permissions(tmp.path() / "locked", fs::perms::none);
  auto result = casfolio::test::unprivileged([&] {
    WalkReport r;
    std::vector<std::string> lines = lines_of(tmp.path(), {}, &r);
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    for (const std::string& u : r.unreadable) out += "unreadable " + u + "\n";
    return out;
  });
  fs::permissions(tmp.path() / "locked", fs::perms::owner_all);
  REQUIRE(result);
  CHECK(*result == "locked dir\nopen dir\nopen/file file\nunreadable locked\n");
  // The root itself.
  CHECK(walk_folder((tmp.path() / "missing").string(), {}, [](const WalkEntry&) {
          return WalkStep::descend;
        }).unreadable == std::vector<std::string>{""});
}

TEST_CASE("folder walk: no descriptor is kept, however often it walks links in circles") {
  TempDir tmp;
  write_file(tmp.path() / "a/b/c/file", "x");
  fs::create_directory_symlink(".", tmp.path() / "a/loop");
  fs::create_directory_symlink("..", tmp.path() / "a/b/up");
  size_t before = open_descriptors();
  size_t max_open = 0;
  for (int i = 0; i < 200; ++i)
    walk_folder(tmp.str(), {}, [&](const WalkEntry&) {
      max_open = std::max(max_open, open_descriptors());
      return WalkStep::descend;
    });
  CHECK(open_descriptors() == before);
  CHECK(max_open <= before + 2);  // one folder open at a time (and /proc/self/fd's own)
}

TEST_CASE("read_regular_file: a file's bytes; a FIFO or a folder is refused without blocking") {
  TempDir tmp;
  write_file(tmp.path() / "file", "bytes");
  REQUIRE(::mkfifo((tmp.path() / "fifo").c_str(), 0644) == 0);
  fs::create_symlink("file", tmp.path() / "link");
  CHECK(read_regular_file((tmp.path() / "file").string()) == std::optional<std::string>("bytes"));
  CHECK(read_regular_file((tmp.path() / "link").string()) == std::optional<std::string>("bytes"));
  CHECK(read_regular_file((tmp.path() / "file").string(), 3) == std::optional<std::string>("byte"));
  CHECK_FALSE(read_regular_file((tmp.path() / "fifo").string()));
  CHECK_FALSE(read_regular_file(tmp.str()));
  CHECK_FALSE(read_regular_file((tmp.path() / "missing").string()));
}
