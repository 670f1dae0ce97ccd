// `casfolio build` end to end on the sample cohort in content/.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/cli.h"

using namespace casfolio;
namespace fs = std::filesystem;

namespace {

int run(std::vector<std::string> args, std::string& out, std::string& err) {
  std::vector<char*> argv;
  args.insert(args.begin(), "casfolio");
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream o, e;
  int code = run_cli(int(argv.size()), argv.data(), o, e);
  out = o.str();
  err = e.str();
  return code;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "casfolio-build-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

const std::string kContent = std::string(CASFOLIO_SOURCE_DIR) + "/content";

}  // namespace

TEST_CASE("casfolio build writes the sample cohort's site, the same bytes every time") {
  TempDir tmp;
  std::string out, err;
  std::string site = (tmp.path / "site").string();
  REQUIRE(run({"build", kContent, "--out", site, "--as-of", "2027-06-15"}, out, err) == 0);
  CHECK(err == "");
  CHECK(out.starts_with("built " + site + ": "));
  for (const char* p : {"index.html", "kk/index.html", "ru/index.html", "en/index.html",
                        "kk/students/aruzhan-bekova/index.html", "en/students/amina-sultan/index.html",
                        "ru/students/dmitry-volkov/index.html", "kk/search-index.js", ".casfolio-site"}) {
    INFO(p);
    CHECK(fs::is_regular_file(tmp.path / "site" / p));
  }
  std::map<std::string, std::string> first;
  for (const auto& e : fs::recursive_directory_iterator(site))
    if (e.is_regular_file()) first[fs::relative(e.path(), site).string()] = read(e.path());
  REQUIRE(run({"build", kContent, "--out", site, "--as-of", "2027-06-15"}, out, err) == 0);
  std::map<std::string, std::string> second;
  for (const auto& e : fs::recursive_directory_iterator(site))
    if (e.is_regular_file()) second[fs::relative(e.path(), site).string()] = read(e.path());
  CHECK(first == second);
}

TEST_CASE("casfolio build --public leaves out the sample cohort's private values") {
  TempDir tmp;
  std::string out, err;
  std::string site = (tmp.path / "site").string();
  REQUIRE(run({"build", kContent, "--out", site, "--as-of", "2027-06-15", "--public"}, out, err) == 0);
  // Collect the private values from the sample itself: candidate numbers,
  // e-mails, phones, and the growth items Aruzhan keeps private.
  std::vector<std::string> secrets = {"kzn731", "kzn745", "kzp204", "a.bekova@abil-lyceum.example",
                                      "a.sultan@abil-lyceum.example", "d.volkov@abil-lyceum.example",
                                      "b.sarsenov@taza-esil.example", "+7 707 555 60 44",
                                      "Көпшілік алдында сөйлегенде қатты толқимын"};
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    if (!e.is_regular_file()) continue;
    ++files;
    std::string data = read(e.path());
    for (const std::string& s : secrets) {
      INFO(e.path().string() << " holds " << s);
      CHECK(data.find(s) == std::string::npos);
    }
    CHECK(e.path().filename() != "social-gpa.html");
  }
  CHECK(files > 50);
}

TEST_CASE("casfolio build refuses an --out inside the sources and bad arguments") {
  std::string out, err;
  CHECK(run({"build", kContent, "--out", kContent + "/site", "--as-of", "2027-06-15"}, out, err) == 2);
  CHECK(err.find("it is inside the sources") != std::string::npos);
  CHECK_FALSE(fs::exists(kContent + "/site"));
  CHECK(run({"build", kContent, "--out", kContent, "--as-of", "2027-06-15"}, out, err) == 2);
  CHECK(run({"build", "/no/such/folder", "--out", "/tmp/x"}, out, err) == 2);
  CHECK(err == "casfolio build: '/no/such/folder' is not a folder\n");
  CHECK(run({"build", kContent, "--as-of", "2027-02-30"}, out, err) == 2);
}

TEST_CASE("a broken theme template stops the build and keeps the previous site") {
  TempDir tmp;
  std::string out, err;
  std::string site = (tmp.path / "site").string();
  REQUIRE(run({"build", kContent, "--out", site, "--as-of", "2027-06-15"}, out, err) == 0);
  std::string before = read(tmp.path / "site/en/index.html");
  fs::create_directories(tmp.path / "theme/templates");
  std::ofstream(tmp.path / "theme/templates/student.html") << "{{#oops}} never closed";
  CHECK(run({"build", kContent, "--out", site, "--as-of", "2027-06-15", "--theme", (tmp.path / "theme").string()}, out,
            err) == 1);
  // In the cohort's language (kk), at the template's file.
  CHECK(err.starts_with((tmp.path / "theme/templates/student.html").string() +
                        ": қате: «student» бет үлгісінде қате бар: Unclosed section \"oops\" at 0 [template-error]\n"));
  CHECK(err.find("casfolio build: the site was not written; the previous one (if any) is unchanged\n") !=
        std::string::npos);
  CHECK(read(tmp.path / "site/en/index.html") == before);
  CHECK(fs::is_regular_file(tmp.path / "site/kk/students/aruzhan-bekova/index.html"));
}

TEST_CASE("casfolio build --out site/ works the first time, as the README shows (a trailing '/')") {
  TempDir tmp;
  std::string out, err;
  std::string site = (tmp.path / "site").string();
  REQUIRE(run({"build", kContent, "--out", site + "/", "--as-of", "2027-06-15"}, out, err) == 0);
  CHECK(err == "");
  CHECK(fs::is_regular_file(tmp.path / "site/index.html"));
  CHECK(fs::is_regular_file(tmp.path / "site/.casfolio-site"));
  // Nothing was left beside it or inside it: the temporary folder was beside the site, then renamed.
  std::vector<std::string> beside, inside_hidden;
  for (const auto& e : fs::directory_iterator(tmp.path)) beside.push_back(e.path().filename().string());
  CHECK(beside == std::vector<std::string>{"site"});
  for (const auto& e : fs::directory_iterator(tmp.path / "site"))
    if (e.path().filename().string().starts_with(".") && e.path().filename() != ".casfolio-site")
      inside_hidden.push_back(e.path().filename().string());
  CHECK(inside_hidden.empty());
  // The second build, again with the '/', replaces it.
  REQUIRE(run({"build", kContent, "--out", site + "//", "--as-of", "2027-06-15"}, out, err) == 0);
  CHECK(err == "");
  CHECK(fs::is_regular_file(tmp.path / "site/index.html"));
}

TEST_CASE("casfolio build --view student: each student's own pages, no cohort pages, no staff banner") {
  TempDir tmp;
  std::string out, err;
  std::string site = (tmp.path / "site").string();
  REQUIRE(run({"build", kContent, "--out", site, "--as-of", "2027-06-15", "--view", "student"}, out, err) == 0);
  CHECK(out.starts_with("built " + site + " (student view): "));
  CHECK_FALSE(fs::exists(tmp.path / "site/en/index.html"));  // the cohort home lists every student
  const std::string home = read(tmp.path / "site/en/students/amina-sultan/index.html");
  CHECK(home.find("class=\"findings-section\"") != std::string::npos);  // her own findings
  CHECK(home.find("Your own copy, with your private details") != std::string::npos);
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    if (e.path().extension() != ".html") continue;
    INFO(e.path().string());
    CHECK(read(e.path()).find("class=\"staff-banner\"") == std::string::npos);
  }
}

TEST_CASE("casfolio build --view public is --public; --view takes staff, student or public only") {
  TempDir tmp;
  std::string out, err;
  std::string a = (tmp.path / "a").string(), b = (tmp.path / "b").string();
  REQUIRE(run({"build", kContent, "--out", a, "--as-of", "2027-06-15", "--view", "public"}, out, err) == 0);
  CHECK(out.starts_with("built " + a + " (public): "));
  REQUIRE(run({"build", kContent, "--out", b, "--as-of", "2027-06-15", "--public"}, out, err) == 0);
  for (const auto& e : fs::recursive_directory_iterator(a)) {
    if (!e.is_regular_file() || e.path().filename() == ".casfolio-site") continue;
    INFO(e.path().string());
    CHECK(read(e.path()) == read(fs::path(b) / fs::relative(e.path(), a)));
  }
  CHECK(run({"build", kContent, "--out", a, "--view", "teachers"}, out, err) == 2);
  CHECK(err.find("--view: teachers not in {staff,student,public}") != std::string::npos);
  CHECK(run({"build", kContent, "--out", a, "--view", "staff", "--public"}, out, err) == 2);
  CHECK(err.find("excludes") != std::string::npos);
}
