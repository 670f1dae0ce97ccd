// Names one student can give a file that used to stop everyone's build or
// bundle (issue 17, items 6 and 7): `check` names each, `build` and
// `bundle` leave that file out and write everyone's pages and zips, and a
// bundle never holds a name its own `verify` (or an extractor) refuses.
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "load/document.h"
#include "load/loader.h"
#include "load/name_rules.h"
#include "support.h"
#include "write/bundle.h"
#include "write/entry_name.h"
#include "write/site_writer.h"
#include "write/verify.h"

using namespace casfolio;
using namespace casfolio::hardening;

namespace {

const char* kExperience = "---\ntitle: Band\nstrands: [creativity]\nstart: 2026-09-01\noutcomes: [1]\n---\nA band.\n";

// `casfolio ARGS` in `cwd`; as root, as the user nobody, so that a file
// without read permission really cannot be read.
RunResult run_unprivileged(const std::string& args, const fs::path& cwd) {
  return run_casfolio(args, cwd,
                      ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp " : "");
}

// The lines of `text` that contain `what`.
std::vector<std::string> lines_with(const std::string& text, const std::string& what) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (line.find(what) != std::string::npos) out.push_back(line);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

std::vector<std::string> zip_names(const std::string& path) {
  int error = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &error);
  REQUIRE(za);
  std::vector<std::string> names;
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) names.push_back(zip_get_name(za, zip_uint64_t(i), 0));
  zip_discard(za);
  return names;
}

bool any_contains(const std::vector<std::string>& names, const std::string& part) {
  for (const std::string& n : names)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("entry names: one rule for bundle and verify") {
  using P = EntryNameProblem;
  const std::vector<std::pair<std::string, P>> cases = {
      {"ana-cas-portfolio/site/index.html", P::none},
      {"ana-cas-portfolio/source/Қазақ сурет.jpg", P::none},
      {"ana-cas-portfolio/site/", P::none},
      {"", P::empty},
      {"/etc/passwd", P::absolute},
      {"C:evil.bat", P::absolute},
      {"a/x\\..\\..\\..\\evil.bat", P::backslash},
      {"a/tab\tname.pdf", P::control_character},
      {"a/esc\x1b[31m.pdf", P::control_character},
      {"a/del\x7f.pdf", P::control_character},
      {"a/c1\xc2\x9b.pdf", P::control_character},
      {"a/notes: draft.pdf", P::reserved_character},
      {"a/what?.pdf", P::reserved_character},
      {"a/\"q\".pdf", P::reserved_character},
      {"a/bad\xff.pdf", P::invalid_utf8},
      {"a/../b", P::dot_segment},
      {"a//b", P::empty_segment},
      {"a/CON", P::reserved_device},
      {"a/con.txt", P::reserved_device},
      {"a/Lpt9.tar.gz", P::reserved_device},
      {"a/aux /b", P::trailing_dot_or_space},
      {"a/com10.txt", P::none},
      {"a/console.txt", P::none},
      {"a/notes.", P::trailing_dot_or_space},
      {"a/notes /b", P::trailing_dot_or_space},
      {"a/" + std::string(256, 'x'), P::too_long},
      {"a/" + std::string(255, 'x'), P::none},
      {std::string(1025, 'x'), P::too_long},
  };
  for (const auto& [name, problem] : cases) {
    INFO(name);
    CHECK(entry_name_problem(name) == problem);
    CHECK(is_safe_entry_name(name) == (problem == P::none));  // verify's test is the same one
  }
}

TEST_CASE("bundle leaves out files whose names an extractor would misread, and the bundle verifies") {
  TempDir tmp;
  fs::path c = tmp.path() / "cohort";
  write_file(c / "cohort.yaml", "school: S\n");
  write_file(c / "students/ana/portfolio.yaml", "name: Ana\n");
  write_file(c / "students/ana/experiences/band/index.md", kExperience);
  write_file(c / "students/bob/portfolio.yaml", "name: Bob\n");
  write_file(c / "students/bob/experiences/band/index.md", kExperience);
  write_file(c / "students/bob/experiences/band/x\\..\\..\\..\\evil.bat", "@echo off\n");
  write_file(c / "students/bob/experiences/band/con.txt", "x\n");
  write_file(c / "students/bob/experiences/band/set list: final.pdf", "%PDF-1.4\n");
  write_file(c / "students/bob/experiences/band/ok.pdf", "%PDF-1.4\n");

  RunResult r = run_casfolio("bundle cohort --out dist --as-of 2027-06-15", tmp.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  std::string dir = "cohort/students/bob/experiences/band/";
  CHECK(lines_with(r.out, "[bundle-unsafe-name]") ==
        std::vector<std::string>{
            dir + "con.txt: warning: " + dir +
                "con.txt is left out of the bundle: 'source/experiences/band/con.txt' is not a name every "
                "computer can unpack safely [bundle-unsafe-name]",
            dir + "set list: final.pdf: warning: " + dir +
                "set list: final.pdf is left out of the bundle: 'source/experiences/band/set list: final.pdf' is "
                "not a name every computer can unpack safely [bundle-unsafe-name]",
            dir + "x\\..\\..\\..\\evil.bat: warning: " + dir +
                "x\\..\\..\\..\\evil.bat is left out of the bundle: "
                "'source/experiences/band/x\\..\\..\\..\\evil.bat' is not a name every computer can unpack safely "
                "[bundle-unsafe-name]",
        });
  CHECK(r.out.ends_with("3 bundle(s) written to dist as of 2027-06-15\n"));

  std::vector<std::string> names = zip_names((tmp.path() / "dist/bob-cas-portfolio.zip").string());
  CHECK(any_contains(names, "source/experiences/band/ok.pdf"));
  CHECK_FALSE(any_contains(names, "evil.bat"));
  CHECK_FALSE(any_contains(names, "con.txt"));
  CHECK_FALSE(any_contains(names, "final.pdf"));
  for (const std::string& n : names) {
    INFO(n);
    CHECK(is_portable_entry_name(n));
  }
  for (const char* zip : {"dist/ana-cas-portfolio.zip", "dist/bob-cas-portfolio.zip", "dist/cohort-cas-portfolios.zip"}) {
    INFO(zip);
    VerifyResult v = verify_bundle((tmp.path() / zip).string());
    CHECK(v.ok());
  }
}

TEST_CASE("write_bundle refuses an unsafe name in memory too, and writes the rest") {
  TempDir tmp;
  BundleSpec spec;
  spec.folder = "ana-cas-portfolio";
  spec.facts = {{"schema", 1}, {"kind", "student"}, {"language", "en"}};
  spec.files.push_back({"site/index.html", "<!DOCTYPE html><title>Ana</title>\n", ""});
  spec.files.push_back({"site/tab\tname.html", "x", ""});
  Diagnostics sink;
  auto w = write_bundle(spec, (tmp.path() / "dist").string(), BundleOptions{}, sink);
  REQUIRE(w);
  CHECK(w->files == 1);
  REQUIRE(sink.findings().size() == 1);
  CHECK(sink.findings()[0].code == "bundle-unsafe-name");
  CHECK(sink.findings()[0].args == Args{{"file", "site/tab\tname.html"}, {"entry", "site/tab\tname.html"}});
  CHECK(zip_names(w->path) == std::vector<std::string>{"ana-cas-portfolio/", "ana-cas-portfolio/manifest.json",
                                                       "ana-cas-portfolio/site/", "ana-cas-portfolio/site/index.html"});
  CHECK(verify_bundle(w->path).ok());
}

TEST_CASE("one student's names check names, and build and bundle write everyone else") {
  TempDir tmp;
  fs::path c = tmp.path() / "cohort";
  write_file(c / "cohort.yaml", "school: S\n");
  write_file(c / "students/ana/portfolio.yaml", "name: Ana\n");
  write_file(c / "students/ana/experiences/band/index.md", kExperience);
  fs::path bob = c / "students/bob";
  write_file(bob / "portfolio.yaml", "name: Bob\nid: " + std::string(300, 'b') + "\n");
  write_file(bob / "experiences/band/index.md",
             "---\ntitle: Band\nstrands: [creativity]\nstart: 2026-09-01\noutcomes: [1]\n"
             "evidence: [\"tab\\tname.pdf\"]\n---\nA band. [Locked](locked.pdf)\n");
  write_file(bob / "experiences/band/tab\tname.pdf", "%PDF-1.4\n");
  write_file(bob / "experiences/band/line\nbreak.pdf", "%PDF-1.4\n");
  write_file(bob / "experiences/band/return\r.pdf", "%PDF-1.4\n");
  write_file(bob / "experiences/band/esc\x1b[31mred.pdf", "%PDF-1.4\n");
  write_file(bob / "experiences/band/del\x7f.pdf", "%PDF-1.4\n");
  write_file(bob / "experiences/band/locked.pdf", "%PDF-1.4\n");
  ::chmod((bob / "experiences/band/locked.pdf").c_str(), 0);
  std::string long_name = std::string(252, 'r') + ".md";  // 255 bytes; as .html, 257
  write_file(bob / "reflections" / long_name, "---\ndate: 2026-09-20\n---\nText.\n");
  fs::create_directories(tmp.path() / "out");
  ::chmod((tmp.path() / "out").c_str(), 0777);

  RunResult check = run_unprivileged("check cohort --as-of 2026-10-05", tmp.path());
  INFO(check.out << check.err);
  CHECK(check.exit_code == 1);
  std::string b = "cohort/students/bob/";
  std::string band = b + "experiences/band/";
  CHECK(lines_with(check.out, "[id-too-long]") ==
        std::vector<std::string>{b + "portfolio.yaml:2:5: error: `" + std::string(300, 'b') +
                                 "` is longer than 64 characters, too long for an id (it becomes a folder and part of "
                                 "web addresses) [id-too-long]"});
  CHECK(lines_with(check.out, "[file-name-too-long]") ==
        std::vector<std::string>{b + "reflections/" + long_name + ": error: `reflections/" + long_name +
                                 "` has a name longer than 251 bytes; it is left out of the site [file-name-too-long]"});
  const char* control = "` has a control character (a tab, a line break, ESC, DEL...) in its name; it is left out of "
                        "the site [file-name-control-character]";
  CHECK(lines_with(check.out, "[file-name-control-character]") ==
        std::vector<std::string>{
            band + "del\\x7f.pdf: error: `experiences/band/del\\x7f.pdf" + control,
            band + "esc\\x1b[31mred.pdf: error: `experiences/band/esc\\x1b[31mred.pdf" + control,
            band + "index.md:6:12: error: `experiences/band/tab\\x09name.pdf" + control,
            band + "line\\x0abreak.pdf: error: `experiences/band/line\\x0abreak.pdf" + control,
            band + "return\\x0d.pdf: error: `experiences/band/return\\x0d.pdf" + control,
        });
  CHECK(lines_with(check.out, "[evidence-unreadable]") ==
        std::vector<std::string>{band + "index.md:8:18: error: `experiences/band/locked.pdf` cannot be read; it is "
                                 "left out of the site [evidence-unreadable]"});
  CHECK(check.out.find("\x1b") == std::string::npos);  // nothing reaches the terminal raw

  RunResult build = run_unprivileged("build cohort --out out/site --no-cache --as-of 2026-10-05", tmp.path());
  INFO(build.out << build.err);
  CHECK(build.exit_code == 0);
  CHECK(fs::exists(tmp.path() / "out/site/en/students/ana/index.html"));
  CHECK(fs::exists(tmp.path() / "out/site/en/students/bob/index.html"));  // the folder's name, not the 300 b's

  RunResult bundle = run_casfolio("bundle cohort --out dist --as-of 2027-06-15", tmp.path());
  INFO(bundle.out << bundle.err);
  CHECK(bundle.exit_code == 0);
  for (const char* zip : {"dist/ana-cas-portfolio.zip", "dist/bob-cas-portfolio.zip", "dist/cohort-cas-portfolios.zip"}) {
    INFO(zip);
    CHECK(verify_bundle((tmp.path() / zip).string()).ok());
  }
}

TEST_CASE("ids: at most 64 characters, and a too-long folder name becomes a short id") {
  CHECK(is_valid_id(std::string(64, 'a')));
  CHECK_FALSE(is_valid_id(std::string(65, 'a')));
  CHECK(id_from(std::string(70, 'a')) == std::string(64, 'a'));
  CHECK(id_from("Ана " + std::string(70, 'b')) == "ana-" + std::string(60, 'b'));
  Diagnostics d;
  report_bad_id(d, {}, std::string(65, 'a'));
  report_bad_id(d, {}, "Ana");
  REQUIRE(d.findings().size() == 2);
  CHECK(d.findings()[0].code == "id-too-long");
  CHECK(d.findings()[1].code == "bad-id");
}

TEST_CASE("the site writer leaves out a file it cannot write and writes the others") {
  TempDir tmp;
  SiteWriteOptions o;
  o.out_dir = (tmp.path() / "site").string();
  std::string too_long = "students/bob/files/" + std::string(256, 'x') + ".pdf";
  std::string gone = (tmp.path() / "gone.pdf").string();
  for (WriteMode mode : {WriteMode::replace, WriteMode::in_place}) {
    INFO(int(mode));
    o.mode = mode;
    SiteWriteResult r = write_site({{"students/ana/index.html", "ana", ""},
                                    {"students/bob/files/gone.pdf", "", gone},
                                    {too_long, "x", ""},
                                    {"students/bob/index.html", "bob", ""}},
                                   o);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.files == 2);
    REQUIRE(r.skipped.size() == 2);
    CHECK(r.skipped[0].path == "students/bob/files/gone.pdf");
    CHECK(r.skipped[0].reason == "cannot read '" + gone + "': No such file or directory");
    CHECK(r.skipped[1].path == too_long);
    CHECK(r.skipped[1].reason.ends_with(": File name too long"));
    CHECK(read_file(tmp.path() / "site/students/ana/index.html") == "ana");
    CHECK(read_file(tmp.path() / "site/students/bob/index.html") == "bob");
    CHECK_FALSE(fs::exists(tmp.path() / "site/students/bob/files/gone.pdf"));
  }
}
