// util/embedded: where an installed casfolio's data comes from (share/casfolio
// beside bin/), that it is read only for the binary's own version, and that
// it replaces the built-in data file by file (docs/decisions.md). The whole
// package, unpacked and run, is tests/package/package_test.sh.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/test_support.h"
#include "util/embedded.h"

using namespace casfolio;
using casfolio::test::TempDir;
using casfolio::test::write_file;

namespace {

std::vector<std::string> lines(const std::vector<embedded::File>& files) {
  std::vector<std::string> out;
  for (const embedded::File& f : files) out.push_back(std::string(f.path) + "=" + std::string(f.data));
  return out;
}

}  // namespace

TEST_CASE("the data folder is share/casfolio beside the executable's folder") {
  CHECK(embedded::data_dir_beside("/usr/bin/casfolio") == "/usr/share/casfolio");
  CHECK(embedded::data_dir_beside("/tmp/root/usr/bin/casfolio") == "/tmp/root/usr/share/casfolio");
}

TEST_CASE("a test program's own data is the built-in data") {
  // No share/casfolio beside the build folder: nothing installed is read.
  CHECK(embedded::installed_dir().empty());
  CHECK(embedded::files().size() == embedded::built_in_files().size());
}

TEST_CASE("installed data is read for the binary's version only") {
  TempDir dir;
  write_file(dir.path() / "themes/default/assets/style.css", "installed css");
  write_file(dir.path() / "templates/extra.html", "extra");
  write_file(dir.path() / "themes/default/assets/.hidden", "no");
  write_file(dir.path() / "themes/default/assets/style.css~", "no");
  write_file(dir.path() / "docs/other.txt", "not data");

  CHECK_FALSE(embedded::read_installed(dir.str(), "1.2.3"));  // no VERSION file

  write_file(dir.path() / "VERSION", "1.2.2\n");
  CHECK_FALSE(embedded::read_installed(dir.str(), "1.2.3"));

  write_file(dir.path() / "VERSION", "1.2.3\n");
  auto data = embedded::read_installed(dir.str(), "1.2.3");
  REQUIRE(data);
  CHECK(data->paths == std::vector<std::string>{"templates/extra.html", "themes/default/assets/style.css"});
  CHECK(data->bytes == std::vector<std::string>{"extra", "installed css"});
}

TEST_CASE("installed files replace built-in ones of the same path, the rest stay built in") {
  const embedded::File built_in[] = {{"i18n/ui/en.yaml", "built-in ui"},
                                     {"themes/default/assets/style.css", "built-in css"}};
  embedded::InstalledData installed;
  installed.paths = {"themes/dark/assets/style.css", "themes/default/assets/style.css"};
  installed.bytes = {"dark css", "installed css"};
  CHECK(lines(embedded::overlay(built_in, installed)) ==
        std::vector<std::string>{"i18n/ui/en.yaml=built-in ui", "themes/dark/assets/style.css=dark css",
                                 "themes/default/assets/style.css=installed css"});
  CHECK(lines(embedded::overlay(built_in, embedded::InstalledData{})) ==
        std::vector<std::string>{"i18n/ui/en.yaml=built-in ui", "themes/default/assets/style.css=built-in css"});
}
