// Parallel and incremental builds give the very bytes of a serial, clean
// build; an incremental one renders only the portfolio that changed and
// rewrites only the files whose bytes changed.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "pipeline/fingerprint.h"
#include "pipeline/site_build.h"
#include "pipeline/site_cache.h"
#include "indicators/analysis.h"
#include "render/site.h"
#include "support/test_support.h"
#include "util/digest.h"

using namespace casfolio;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = fs::path(CASFOLIO_SOURCE_DIR);

using test::TempDir;
std::string read(const fs::path& p) { return test::read_file(p); }
void append(const fs::path& p, const std::string& text) { test::append_file(p, text); }

// Every file below `dir` with its bytes.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = read(e.path());
  return out;
}

uint64_t inode(const fs::path& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
}

const Date kAsOf = *Date::parse("2027-06-15");

SiteBuildOptions options(const fs::path& src, const fs::path& out, const fs::path& cache, unsigned jobs = 2) {
  SiteBuildOptions o;
  o.dir = src.string();
  o.as_of = kAsOf;
  o.out_dir = out.string();
  o.cache_dir = cache.string();
  o.jobs = jobs;
  return o;
}

// The sample cohort's reflection that the tests edit.
const char* kReflection = "students/aruzhan-bekova/experiences/guitar/2026-09-20-first-chords.md";

}  // namespace

TEST_CASE("a parallel render gives the same files, in the same order, as a serial one") {
  for (const fs::path& dir : {kSource / "content", kSource / "tests/fixtures/golden-cohort"}) {
    INFO(dir);
    for (bool is_public : {false, true}) {
      LoadOptions lo;
      Cohort serial_cohort = load_directory(dir.string(), lo);
      lo.jobs = 4;
      Cohort parallel_cohort = load_directory(dir.string(), lo);
      CohortAnalysis serial_analysis = analyse(serial_cohort, kAsOf, 1);
      CohortAnalysis parallel_analysis = analyse(parallel_cohort, kAsOf, 4);
      SiteOptions so;
      so.audience = is_public ? Audience::anyone : Audience::staff;
      so.source_root = dir.string();
      std::vector<Finding> serial_findings, parallel_findings;
      so.findings = &serial_findings;
      so.jobs = 1;
      std::vector<OutputFile> serial = render_site(serial_cohort, serial_analysis, so);
      so.findings = &parallel_findings;
      so.jobs = 4;
      std::vector<OutputFile> parallel = render_site(parallel_cohort, parallel_analysis, so);
      REQUIRE(serial.size() == parallel.size());
      REQUIRE(serial.size() > 20);
      for (size_t i = 0; i < serial.size(); ++i) {
        INFO(serial[i].path);
        CHECK(parallel[i].path == serial[i].path);
        CHECK(parallel[i].data == serial[i].data);
        CHECK(parallel[i].source_path == serial[i].source_path);
      }
      CHECK(parallel_findings.size() == serial_findings.size());
      for (size_t i = 0; i < serial_analysis.students.size(); ++i)
        CHECK(parallel_analysis.students[i].findings.size() == serial_analysis.students[i].findings.size());
    }
  }
}

TEST_CASE("after one reflection changes, an incremental build renders one portfolio and equals a clean build") {
  TempDir tmp;
  fs::copy(kSource / "content", tmp.path() / "src", fs::copy_options::recursive);
  fs::path out = tmp.path() / "site", cache = tmp.path() / "cache";

  SiteBuildResult first = SiteBuild(options(tmp.path() / "src", out, cache)).run();
  REQUIRE(first.ok);
  CHECK(first.students == 4);
  CHECK(first.rendered == 4);
  CHECK(first.written.written == first.written.files);
  CHECK(fs::exists(site_cache_path(cache.string(), out.string())));
  CHECK_FALSE(fs::is_empty(cache / "images"));  // the sample has photos

  // Nothing changed: nothing is rendered or written again, and the site is the same.
  auto before = tree(out);
  uint64_t untouched = inode(out / "en/students/amina-sultan/index.html");
  SiteBuildResult again = SiteBuild(options(tmp.path() / "src", out, cache)).run();
  REQUIRE(again.ok);
  CHECK(again.rendered == 0);
  CHECK(again.written.written == 0);
  CHECK(again.written.files == first.written.files);
  CHECK(tree(out) == before);
  CHECK(inode(out / "en/students/amina-sultan/index.html") == untouched);  // kept, not rewritten

  append(tmp.path() / "src" / kReflection, "\nA sentence added later: the incremental build must show it.\n");
  SiteBuildResult incremental = SiteBuild(options(tmp.path() / "src", out, cache)).run();
  REQUIRE(incremental.ok);
  CHECK(incremental.rendered == 1);
  CHECK(incremental.written.written > 0);
  CHECK(incremental.written.written < 20);  // that reflection's pages, its experience's, the search index
  CHECK(read(out / "kk/students/aruzhan-bekova/experiences/guitar/2026-09-20-first-chords.html")
            .find("A sentence added later") != std::string::npos);
  CHECK(inode(out / "en/students/amina-sultan/index.html") == untouched);

  fs::path clean = tmp.path() / "clean";
  SiteBuildOptions o = options(tmp.path() / "src", clean, "");
  o.jobs = 1;
  SiteBuildResult full = SiteBuild(o).run();
  REQUIRE(full.ok);
  CHECK(tree(out) == tree(clean));
}

TEST_CASE("a file of the site changed by hand is written again, not trusted") {
  TempDir tmp;
  fs::copy(kSource / "content", tmp.path() / "src", fs::copy_options::recursive);
  fs::path out = tmp.path() / "site", cache = tmp.path() / "cache";
  REQUIRE(SiteBuild(options(tmp.path() / "src", out, cache)).run().ok);
  auto built = tree(out);
  fs::path page = out / "ru/students/dmitry-volkov/index.html";
  fs::remove(page);
  std::ofstream(page, std::ios::binary) << "edited by hand";
  fs::remove(out / "en/index.html");
  SiteBuildResult r = SiteBuild(options(tmp.path() / "src", out, cache)).run();
  REQUIRE(r.ok);
  CHECK(r.rendered == 1);  // dmitry's files are not all as the cache remembers them
  CHECK(tree(out) == built);
}

TEST_CASE("serve's build in place follows each change, and equals a clean build") {
  TempDir tmp;
  fs::copy(kSource / "content", tmp.path() / "src", fs::copy_options::recursive);
  fs::path out = tmp.path() / "site";
  SiteBuildOptions o = options(tmp.path() / "src", out, tmp.path() / "cache");
  o.mode = WriteMode::in_place;
  o.keep_site_cache = false;
  o.keep_state = true;
  SiteBuild serve(o);
  REQUIRE(serve.run().ok);
  CHECK_FALSE(fs::exists(site_cache_path((tmp.path() / "cache").string(), out.string())));

  auto clean_tree = [&] {
    fs::path clean = tmp.path() / "clean";
    fs::remove_all(clean);
    REQUIRE(SiteBuild(options(tmp.path() / "src", clean, "")).run().ok);
    return tree(clean);
  };

  // An edit: only that portfolio is read again.
  append(tmp.path() / "src" / kReflection, "\nServed at once.\n");
  std::vector<std::string> changed = {kReflection};
  SiteBuildResult r = serve.run(&changed);
  REQUIRE(r.ok);
  CHECK_FALSE(r.full_load);
  CHECK(r.reloaded == 1);
  CHECK(r.rendered == 1);
  CHECK(r.written.removed == 0);
  CHECK(tree(out) == clean_tree());

  // A reflection deleted: its pages go.
  fs::remove(tmp.path() / "src" / kReflection);
  r = serve.run(&changed);
  REQUIRE(r.ok);
  CHECK(r.written.removed >= 2);  // its page in each language
  CHECK_FALSE(fs::exists(out / "kk/students/aruzhan-bekova/experiences/guitar/2026-09-20-first-chords.html"));
  CHECK(tree(out) == clean_tree());

  // cohort.yaml is outside every portfolio: everything is read again.
  append(tmp.path() / "src/cohort.yaml", "\n# a comment\n");
  changed = {"cohort.yaml"};
  r = serve.run(&changed);
  REQUIRE(r.ok);
  CHECK(r.full_load);
  CHECK(r.reloaded == 4);
  CHECK(tree(out) == clean_tree());

  // Files the loader ignores change nothing.
  std::ofstream(tmp.path() / "src/students/amina-sultan/.notes.md.swp") << "swap";
  changed = {"students/amina-sultan/.notes.md.swp"};
  r = serve.run(&changed);
  REQUIRE(r.ok);
  CHECK(r.reloaded == 0);
  CHECK(r.rendered == 0);
  CHECK(r.written.written == 0);
}

TEST_CASE("the cache file round-trips, and a damaged one is ignored") {
  SiteCache c;
  c.manifest.marker_inode = 42;
  c.manifest.marker_mtime_ns = 1'700'000'000'123'456'789;
  c.manifest.files["en/index.html"] = WrittenFile{"0123456789abcdef0123456789abcdef", 1234, 99, -5};
  StudentMemo& m = c.memo.students["aruzhan-bekova"];
  m.key = "key";
  m.files = {MemoFile{"kk/students/aruzhan-bekova/index.html", "digest", 10, ""},
             MemoFile{"media/aruzhan-bekova/files/essay.pdf", "", 0, "/src/essay.pdf"}};
  m.search[0] = {SearchEntry{"kk/a.html", "{\"t\":\"Ә\"}"}};
  Finding f;
  f.severity = Severity::warning;
  f.code = "image-unreadable";
  f.where = Location{"experiences/x/photo.jpg", 3, 4, 5};
  f.args = {{"file", "photo.jpg"}, {"error", "not an image"}};
  m.findings = {f};

  std::string bytes = encode_site_cache(c);
  auto back = decode_site_cache(bytes);
  REQUIRE(back);
  CHECK(encode_site_cache(*back) == bytes);
  CHECK(back->manifest.files.at("en/index.html").mtime_ns == -5);
  CHECK(back->memo.students.at("aruzhan-bekova").findings.at(0).args == f.args);
  CHECK(back->memo.students.at("aruzhan-bekova").search[0] == m.search[0]);

  // Cut anywhere, or with a byte changed in a length: ignored, never a crash.
  for (size_t n = 0; n < bytes.size(); ++n) CHECK_FALSE(decode_site_cache(std::string_view(bytes).substr(0, n)));
  std::string longer = bytes + "x";
  CHECK_FALSE(decode_site_cache(longer));
  std::string wild = bytes;
  wild[wild.find('\n') + 20] = '\xff';
  CHECK_FALSE(decode_site_cache(wild));
  // Another build of casfolio wrote it: ignored.
  std::string other = bytes;
  other[other.find("build-id:") + 9] ^= 1;
  CHECK_FALSE(decode_site_cache(other));
}

TEST_CASE("a folder's fingerprint changes with its files, not with ones the loader ignores") {
  TempDir tmp;
  fs::copy(kSource / "content/students/amina-sultan", tmp.path() / "p", fs::copy_options::recursive);
  std::string dir = (tmp.path() / "p").string();
  std::string first = folder_fingerprint(dir);
  CHECK(first.size() == 32);
  CHECK(folder_fingerprint(dir) == first);
  std::ofstream(tmp.path() / "p/.swap") << "x";
  std::ofstream(tmp.path() / "p/_draft.md") << "x";
  CHECK(folder_fingerprint(dir) == first);
  append(tmp.path() / "p/portfolio.yaml", "\n");
  CHECK(folder_fingerprint(dir) != first);
  CHECK(folder_fingerprint((tmp.path() / "missing").string()) == "");
}

TEST_CASE("content digests are SHA-256's first 128 bits; fields are framed") {
  CHECK(content_digest("") == "e3b0c44298fc1c149afbf4c8996fb924");
  CHECK(content_digest("abc") == "ba7816bf8f01cfea414140de5dae2223");
  CHECK(DigestBuilder().add("ab").add("c").finish() != DigestBuilder().add("a").add("bc").finish());
  CHECK(DigestBuilder().add("x").finish() == DigestBuilder().add("x").finish());
}

TEST_CASE("resized images are kept by content and found again") {
  TempDir tmp;
  DiskImageCache images((tmp.path() / "images").string());
  ResizedImage r;
  r.ok = true;
  r.extension = ".png";
  r.thumbnail = {std::string("thumb\0bytes", 11), 4, 3};
  r.web = {"web bytes\n", 8, 6};
  std::string key = image_key("source bytes", ".png");
  CHECK(key != image_key("source bytes", ".jpg"));
  CHECK_FALSE(images.find(key));
  images.store(key, r);
  auto back = images.find(key);
  REQUIRE(back);
  CHECK(back->ok);
  CHECK(back->extension == ".png");
  CHECK(back->thumbnail.data == r.thumbnail.data);
  CHECK(back->web.data == r.web.data);
  CHECK(back->web.width == 8);
  CHECK(back->thumbnail.height == 3);
  ResizedImage failed;
  failed.error = "unreadable";
  images.store("bad", failed);  // failures are not kept
  CHECK_FALSE(images.find("bad"));
}

TEST_CASE("an edited social GPA record or commission decision re-renders the student's page", "[social-gpa]") {
  TempDir tmp;
  fs::copy(kSource / "examples/social-gpa-class", tmp.path() / "src", fs::copy_options::recursive);
  fs::path out = tmp.path() / "site", cache = tmp.path() / "cache";
  auto opts = [&] {
    SiteBuildOptions o = options(tmp.path() / "src", out, cache);
    o.as_of = *Date::parse("2027-06-10");
    return o;
  };
  REQUIRE(SiteBuild(opts()).run().ok);
  const fs::path page = out / "ru/students/aliya-akhmetova/social-gpa.html";

  // The class teacher's profile, in the staff folder (outside the portfolio's fingerprint).
  fs::path assessment = tmp.path() / "src/staff/aliya-akhmetova/social-gpa/2026-12/assessment.yaml";
  std::string text = read(assessment);
  test::write_file(assessment, text.replace(text.find("Уақытын"), std::string("Уақытын").size(), "Кестесін"));
  SiteBuildResult edited = SiteBuild(opts()).run();
  REQUIRE(edited.ok);
  CHECK(edited.rendered == 1);
  CHECK(read(page).find("Кестесін жоспарлауды") != std::string::npos);

  // The commission, at the staff folder's top: every student of the class may change.
  fs::path commission = tmp.path() / "src/staff/commission-2027-05.yaml";
  append(commission, "  aliya-akhmetova: confirm\n");
  SiteBuildResult decided = SiteBuild(opts()).run();
  REQUIRE(decided.ok);
  CHECK(decided.rendered == 3);
  CHECK(read(page).find("Черновик: комиссия ещё не подтвердила") == std::string::npos);
}
