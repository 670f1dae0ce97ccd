#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "write/site_writer.h"

using namespace casfolio;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "casfolio-writer-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a site is written whole, with its marker, copies streamed from disk") {
  TempDir tmp;
  std::ofstream(tmp.path / "video.mp4", std::ios::binary) << std::string(200000, 'v');
  SiteWriteOptions o;
  o.out_dir = (tmp.path / "out/site").string();
  SiteWriteResult r = write_site({{"index.html", "<p>hi</p>", ""},
                                  {"en/a/b.html", "deep", ""},
                                  {"media/x/files/video.mp4", "", (tmp.path / "video.mp4").string()}},
                                 o);
  REQUIRE(r.ok);
  CHECK(r.files == 3);
  CHECK(r.bytes == 9 + 4 + 200000);
  CHECK(listing(tmp.path / "out/site") ==
        std::vector<std::string>{".casfolio-site", "en/a/b.html", "index.html", "media/x/files/video.mp4"});
  CHECK(read(tmp.path / "out/site/media/x/files/video.mp4") == std::string(200000, 'v'));
  CHECK((fs::status(tmp.path / "out/site").permissions() & fs::perms::others_read) != fs::perms::none);
  // Nothing else is left beside it.
  CHECK(listing(tmp.path / "out") == std::vector<std::string>{"site/.casfolio-site", "site/en/a/b.html",
                                                               "site/index.html", "site/media/x/files/video.mp4"});
}

TEST_CASE("a new build replaces the previous site as a whole") {
  TempDir tmp;
  SiteWriteOptions o;
  o.out_dir = (tmp.path / "site").string();
  REQUIRE(write_site({{"old.html", "old", ""}, {"index.html", "v1", ""}}, o).ok);
  REQUIRE(write_site({{"index.html", "v2", ""}}, o).ok);
  CHECK(listing(tmp.path / "site") == std::vector<std::string>{".casfolio-site", "index.html"});
  CHECK(read(tmp.path / "site/index.html") == "v2");
  CHECK(listing(tmp.path) == std::vector<std::string>{"site/.casfolio-site", "site/index.html"});
}

TEST_CASE("a build that fails midway leaves the previous site untouched") {
  TempDir tmp;
  SiteWriteOptions o;
  o.out_dir = (tmp.path / "site").string();
  REQUIRE(write_site({{"index.html", "v1", ""}, {"en/page.html", "page v1", ""}}, o).ok);
  // The fourth file needs a folder where the third is a file: the failure
  // comes after two files of the new site were already written. (A file
  // whose own source cannot be read is only left out: tests/hardening/names_test.cpp.)
  SiteWriteResult r = write_site({{"index.html", "v2", ""},
                                  {"en/page.html", "page v2", ""},
                                  {"media", "a file", ""},
                                  {"media/gone.pdf", "never", ""},
                                  {"z.html", "never", ""}},
                                 o);
  CHECK_FALSE(r.ok);
  CHECK(r.error.starts_with("cannot create the folder for 'media/gone.pdf': "));
  CHECK(read(tmp.path / "site/index.html") == "v1");
  CHECK(read(tmp.path / "site/en/page.html") == "page v1");
  CHECK(listing(tmp.path) == std::vector<std::string>{"site/.casfolio-site", "site/en/page.html", "site/index.html"});
}

TEST_CASE("paths that would leave the site folder are refused before anything is written") {
  CHECK(is_safe_site_path("en/index.html"));
  CHECK(is_safe_site_path("media/a/files/Қазақ сурет.jpg"));
  for (const char* bad : {"", "/etc/passwd", "../x.html", "a/../../x", "a//b", "./a", "a/.", "a\\b", "a/\x01"}) {
    INFO(bad);
    CHECK_FALSE(is_safe_site_path(bad));
  }
  TempDir tmp;
  SiteWriteOptions o;
  o.out_dir = (tmp.path / "site").string();
  SiteWriteResult r = write_site({{"index.html", "x", ""}, {"../escape.html", "x", ""}}, o);
  CHECK_FALSE(r.ok);
  CHECK(r.error == "refusing to write '../escape.html': it would leave the site folder");
  CHECK_FALSE(fs::exists(tmp.path / "escape.html"));
  CHECK_FALSE(fs::exists(tmp.path / "site"));
  r = write_site({{"a.html", "x", ""}, {"a.html", "y", ""}}, o);
  CHECK(r.error == "two files of the site have the same path 'a.html'");
}

TEST_CASE("the output folder may not be, hold or sit inside the sources") {
  TempDir tmp;
  fs::create_directories(tmp.path / "content/students");
  std::string content = (tmp.path / "content").string();
  auto why = [&](const std::string& out) {
    SiteWriteOptions o;
    o.out_dir = out;
    o.source_dirs = {content};
    return check_out_dir(o);
  };
  CHECK(why(content) == "refusing to write the site to '" + content + "': it is inside the sources ('" + content +
                            "'); choose an --out folder outside them");
  CHECK(why(content + "/site").starts_with("refusing to write the site to '" + content + "/site': it is inside"));
  CHECK(why(content + "/students/../site").find("it is inside the sources") != std::string::npos);
  CHECK(why(tmp.path.string()) == "refusing to write the site to '" + tmp.path.string() +
                                      "': replacing it would delete the sources ('" + content + "')");
  CHECK(why((tmp.path / "site").string()) == "");
  CHECK(why("/") == "refusing to write a site over the file system root");
  // Someone's folder that casfolio did not make is not replaced.
  fs::create_directories(tmp.path / "documents");
  std::ofstream(tmp.path / "documents/thesis.txt") << "years of work";
  CHECK(why((tmp.path / "documents").string()) ==
        "refusing to replace '" + (tmp.path / "documents").string() +
            "': it is not a site casfolio built (no .casfolio-site in it); remove it or choose another --out");
  SiteWriteOptions o;
  o.out_dir = (tmp.path / "documents").string();
  CHECK_FALSE(write_site({{"index.html", "x", ""}}, o).ok);
  CHECK(read(tmp.path / "documents/thesis.txt") == "years of work");
  // A symbolic link is not followed and replaced.
  fs::create_directory_symlink(tmp.path / "content", tmp.path / "link");
  SiteWriteOptions l;
  l.out_dir = (tmp.path / "link").string();
  CHECK(check_out_dir(l) == "refusing to replace '" + l.out_dir + "': it is a symbolic link");
}
