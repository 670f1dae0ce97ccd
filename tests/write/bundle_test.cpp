#include "util/disk_path.h"
#include "pipeline/bundle_build.h"

#include <zip.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <set>

#include "bundle_test_support.h"
#include "diagnostics/diagnostics.h"
#include "indicators/report.h"
#include "write/checksum.h"
#include "write/manifest.h"
#include "write/verify.h"
#include "write/zip_writer.h"

using namespace casfolio;
using namespace casfolio::testing;

namespace {

const Date kAsOf = *Date::parse("2027-06-15");

// Bytes that start like a JPEG, with enough variety to be worth compressing if we tried.
std::string fake_jpeg(size_t n) {
  std::string s = "\xFF\xD8\xFF\xE0";
  uint32_t x = 12345;
  while (s.size() < n) {
    x = x * 1103515245 + 12345;
    s += char(x >> 16);
  }
  return s;
}

// A small portfolio on disk and a bundle spec over it: two pages in memory,
// one streamed site image, and the sources.
BundleSpec sample_spec(const TempDir& d) {
  d.file("content/students/ana/portfolio.yaml", "name: Ana Test\n");
  d.file("content/students/ana/experiences/guitar/index.md", "---\ntitle: Guitar\n---\nChords.\n");
  d.file("content/students/ana/experiences/guitar/chart.jpg", fake_jpeg(5000));
  d.file("content/students/ana/experiences/guitar/notes.pdf", "%PDF-1.4 fake\n");
  BundleSpec s;
  s.folder = "ana-cas-portfolio";
  s.facts = {{"schema", 1}, {"kind", "student"}, {"as_of", "2027-06-15"}};
  s.files.push_back({"site/index.html", "<!DOCTYPE html><title>Ana</title>\n", ""});
  s.files.push_back({"site/style.css", "body { margin: 0 }\n", ""});
  s.files.push_back({"site/experiences/guitar/chart.jpg", "", d / "content/students/ana/experiences/guitar/chart.jpg"});
  for (const char* f : {"portfolio.yaml", "experiences/guitar/index.md", "experiences/guitar/chart.jpg",
                        "experiences/guitar/notes.pdf"})
    s.files.push_back({std::string("source/") + f, "", d / (std::string("content/students/ana/") + f)});
  return s;
}

BundleOptions options() {
  BundleOptions o;
  o.timestamp = int64_t(kAsOf.days()) * 86400;
  return o;
}

std::string render_all(const std::vector<Finding>& fs) {
  std::string out;
  for (const Finding& f : fs) out += f.code + ": " + render_message(f, Language::en).message + "\n";
  return out;
}

// Sets TZ for the lifetime of the object.
struct TimeZone {
  explicit TimeZone(const char* tz) {
    if (const char* old = std::getenv("TZ")) saved = old, had = true;
    setenv("TZ", tz, 1);
    tzset();
  }
  ~TimeZone() {
    if (had)
      setenv("TZ", saved.c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }
  std::string saved;
  bool had = false;
};

}  // namespace

TEST_CASE("sha256 of known vectors, in memory and streamed from a file") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  TempDir d;
  // Just over three 1 MiB read chunks, so chunk boundaries are crossed.
  std::string big(3 * (1 << 20) + 17, 'a');
  std::string path = d.file("big.txt", big);
  std::string error;
  auto digest = sha256_file(path, error);
  REQUIRE(digest);
  CHECK(digest->size == big.size());
  CHECK(digest->sha256 == sha256_hex(big));
  CHECK_FALSE(sha256_file(d / "missing.txt", error));
  CHECK(error == "No such file or directory");
}

TEST_CASE("every bundle and verify code has a message and a hint in kk, ru and en") {
  const char* codes[] = {
      "bundle-file-too-large",    "bundle-cannot-read",     "bundle-write-failed",  "bundle-portfolio-unusable",
      "bundle-out-inside-source", "bundle-bad-size",        "bundle-no-portfolios", "verify-cannot-open",
      "verify-not-a-zip",         "verify-damaged",         "verify-unsafe-path",   "verify-symlink",
      "verify-duplicate-entry",   "verify-outside-folder",  "verify-no-manifest",   "verify-bad-manifest",
      "verify-no-index",          "verify-missing-file",    "verify-unlisted-file", "verify-size-mismatch",
      "verify-checksum-mismatch", "verify-unreadable-entry"};
  for (const char* code : codes) {
    INFO(code);
    CHECK(is_known_code(code));
    CHECK(severity_of(code) == Severity::error);
    Finding f;
    f.code = code;
    std::set<std::string> messages;
    for (Language l : kAllLanguages) {
      MessageText t = render_message(f, l);
      CHECK(t.message != code);
      CHECK_FALSE(t.hint.empty());
      messages.insert(t.message);
    }
    CHECK(messages.size() == 3);  // really translated
  }
}

TEST_CASE("sizes parse and print in 1024s") {
  CHECK(parse_size("500M") == 500ull << 20);
  CHECK(parse_size("500mb") == 500ull << 20);
  CHECK(parse_size("2G") == 2ull << 30);
  CHECK(parse_size("1.5GB") == 3ull << 29);
  CHECK(parse_size("800K") == 800ull << 10);
  CHECK(parse_size("1048576") == 1048576u);
  CHECK(parse_size("12B") == 12u);
  CHECK_FALSE(parse_size(""));
  CHECK_FALSE(parse_size("big"));
  CHECK_FALSE(parse_size("5 X"));
  CHECK_FALSE(parse_size("-5M"));
  CHECK(format_size(1) == "1 byte");
  CHECK(format_size(100) == "100 bytes");
  CHECK(format_size(12 * 1024) == "12 KB");
  CHECK(format_size(500ull << 20) == "500 MB");
  CHECK(format_size(2ull << 30) == "2 GB");
  CHECK(format_size(3ull << 29) == "1.5 GB");
}

TEST_CASE("zip times are MS-DOS fields of the UTC time, clamped to what a zip holds") {
  DosTime t = dos_time(int64_t(kAsOf.days()) * 86400);
  CHECK(t.date == (15 | 6 << 5 | 47 << 9));
  CHECK(t.time == 0);
  DosTime u = dos_time(int64_t(kAsOf.days()) * 86400 + 13 * 3600 + 45 * 60 + 31);
  CHECK(u.time == (15 | 45 << 5 | 13 << 11));  // seconds are halved
  DosTime early = dos_time(0);
  CHECK(early.date == (1 | 1 << 5));  // 1980-01-01
  CHECK(early.time == 0);
}

TEST_CASE("the bundle timestamp is SOURCE_DATE_EPOCH when set, else the as-of day at midnight UTC") {
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(bundle_timestamp(kAsOf) == int64_t(kAsOf.days()) * 86400);
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  CHECK(bundle_timestamp(kAsOf) == 1700000000);
  setenv("SOURCE_DATE_EPOCH", "soon", 1);
  CHECK(bundle_timestamp(kAsOf) == int64_t(kAsOf.days()) * 86400);
  unsetenv("SOURCE_DATE_EPOCH");
}

TEST_CASE("media is stored, text is deflated") {
  for (const char* name : {"a.jpg", "a.JPEG", "a.png", "a.gif", "a.webp", "a.pdf", "a.mp4", "a.mov", "a.webm", "a.mp3",
                           "a.m4a", "a.ogg", "a.zip", "a.docx", "a.pptx"})
    CHECK(method_for(name) == ZipMethod::store);
  for (const char* name : {"a.html", "a.md", "a.yaml", "a.css", "a.js", "a.json", "a.svg", "a.txt", "README"})
    CHECK(method_for(name) == ZipMethod::deflate);
}

TEST_CASE("a bundle holds one folder: sorted entries, folder entries, site, source and manifest") {
  TempDir d;
  auto written = [&] {
    Diagnostics sink;
    auto w = write_bundle(sample_spec(d), d / "dist", options(), sink);
    REQUIRE(sink.findings().empty());
    return w;
  }();
  REQUIRE(written);
  CHECK(written->path == d / "dist/ana-cas-portfolio.zip");
  CHECK(written->files == 7);
  std::string bytes = read_bytes(written->path);
  CHECK(written->bytes == bytes.size());
  std::vector<std::string> names;
  for (const RawEntry& e : raw_entries(bytes)) names.push_back(e.name);
  CHECK(names == std::vector<std::string>{
                     "ana-cas-portfolio/",
                     "ana-cas-portfolio/manifest.json",
                     "ana-cas-portfolio/site/",
                     "ana-cas-portfolio/site/experiences/",
                     "ana-cas-portfolio/site/experiences/guitar/",
                     "ana-cas-portfolio/site/experiences/guitar/chart.jpg",
                     "ana-cas-portfolio/site/index.html",
                     "ana-cas-portfolio/site/style.css",
                     "ana-cas-portfolio/source/",
                     "ana-cas-portfolio/source/experiences/",
                     "ana-cas-portfolio/source/experiences/guitar/",
                     "ana-cas-portfolio/source/experiences/guitar/chart.jpg",
                     "ana-cas-portfolio/source/experiences/guitar/index.md",
                     "ana-cas-portfolio/source/experiences/guitar/notes.pdf",
                     "ana-cas-portfolio/source/portfolio.yaml",
                 });
}

TEST_CASE("the manifest lists every file but itself with size and SHA-256, sorted by path") {
  TempDir d;
  BundleSpec spec;
  spec.folder = "x-cas-portfolio";
  spec.facts = {{"schema", 1}, {"kind", "student"}};
  spec.files.push_back({"site/index.html", "abc", ""});
  spec.files.push_back({"source/empty.md", "", d.file("empty.md", "")});
  spec.files.push_back({"site/a.css", "", ""});
  Diagnostics sink;
  auto w = write_bundle(spec, d / "out", options(), sink);
  REQUIRE(w);
  zip_t* za = zip_open(w->path.c_str(), ZIP_RDONLY, nullptr);
  REQUIRE(za);
  zip_file_t* f = zip_fopen(za, "x-cas-portfolio/manifest.json", 0);
  REQUIRE(f);
  std::string text(4096, '\0');
  text.resize(size_t(zip_fread(f, text.data(), text.size())));
  zip_fclose(f);
  zip_discard(za);
  CHECK(text ==
        "{\n"
        "  \"schema\": 1,\n"
        "  \"kind\": \"student\",\n"
        "  \"files\": [\n"
        "    {\n"
        "      \"path\": \"site/a.css\",\n"
        "      \"size\": 0,\n"
        "      \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"\n"
        "    },\n"
        "    {\n"
        "      \"path\": \"site/index.html\",\n"
        "      \"size\": 3,\n"
        "      \"sha256\": \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"\n"
        "    },\n"
        "    {\n"
        "      \"path\": \"source/empty.md\",\n"
        "      \"size\": 0,\n"
        "      \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"\n"
        "    }\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("two bundle runs give the same bytes, whatever the time zone and the files' own times") {
  TempDir d;
  std::string first, second, third;
  {
    TimeZone tz("AAA-5");  // UTC+5, like Astana
    Diagnostics sink;
    auto w = write_bundle(sample_spec(d), d / "one", options(), sink);
    REQUIRE(w);
    first = read_bytes(w->path);
  }
  // The sources are touched (new mtimes), the zone changes, and the bundle is made again.
  for (auto& entry : fs::recursive_directory_iterator(d / "content"))
    fs::last_write_time(entry.path(), fs::file_time_type::clock::now() - std::chrono::hours(100));
  {
    TimeZone tz("BBB+7");
    Diagnostics sink;
    auto w = write_bundle(sample_spec(d), d / "two", options(), sink);
    REQUIRE(w);
    second = read_bytes(w->path);
    // And over the first one, in place.
    auto again = write_bundle(sample_spec(d), d / "one", options(), sink);
    REQUIRE(again);
    third = read_bytes(again->path);
  }
  REQUIRE(first.size() > 1000);
  CHECK(first == second);
  CHECK(first == third);
}

TEST_CASE("every entry has the as-of time, fixed modes, the right method and no extra fields") {
  TempDir d;
  TimeZone tz("AAA-5");
  BundleSpec spec = sample_spec(d);
  // The files' own modes do not matter.
  fs::permissions(d / "content/students/ana/portfolio.yaml", fs::perms(0755));
  fs::permissions(d / "content/students/ana/experiences/guitar/notes.pdf", fs::perms(0600));
  Diagnostics sink;
  auto w = write_bundle(spec, d / "dist", options(), sink);
  REQUIRE(w);
  auto entries = raw_entries(read_bytes(w->path));
  REQUIRE(entries.size() == 15);
  for (const RawEntry& e : entries) {
    INFO(e.name);
    bool folder = e.name.back() == '/';
    CHECK(e.date == (15 | 6 << 5 | 47 << 9));
    CHECK(e.time == 0);
    CHECK(e.local_date == e.date);
    CHECK(e.local_time == e.time);
    CHECK(e.extra_length == 0);
    CHECK(e.local_extra_length == 0);
    CHECK(e.made_by >> 8 == 3);  // UNIX, so the modes below are read
    CHECK(e.external >> 16 == (folder ? 040755u : 0100644u));
    bool media = e.name.ends_with(".jpg") || e.name.ends_with(".pdf");
    CHECK(e.method == (folder || media ? 0 : 8));
    CHECK((e.flags & 0x0800) == 0);  // plain ASCII names need no UTF-8 mark
    CHECK((e.flags & 0x0008) == 0);  // no data descriptor
  }
}

TEST_CASE("names in Kazakh or Russian are kept and marked UTF-8") {
  TempDir d;
  std::vector<ZipEntry> entries{{"x/фото-қала.jpg", "1", "", 0}, {"x/a.txt", "2", "", 0}};
  REQUIRE_FALSE(write_zip(d / "a.zip", entries, ZipOptions{}));
  auto raw = raw_entries(read_bytes(d / "a.zip"));
  REQUIRE(raw.size() == 3);
  CHECK(raw[2].name == "x/фото-қала.jpg");
  CHECK((raw[2].flags & 0x0800) == 0x0800);
  CHECK(raw[2].extra_length == 0);
}

TEST_CASE("SOURCE_DATE_EPOCH sets the entries' time to the second (even seconds)") {
  TempDir d;
  setenv("SOURCE_DATE_EPOCH", "1781531131", 1);  // 2026-06-15T13:45:31Z
  BundleOptions o = options();
  o.timestamp = bundle_timestamp(kAsOf);
  unsetenv("SOURCE_DATE_EPOCH");
  Diagnostics sink;
  auto w = write_bundle(sample_spec(d), d / "dist", o, sink);
  REQUIRE(w);
  for (const RawEntry& e : raw_entries(read_bytes(w->path))) {
    CHECK(e.date == (15 | 6 << 5 | 46 << 9));
    CHECK(e.time == (15 | 45 << 5 | 13 << 11));
  }
}

TEST_CASE("a file over the size limit fails the bundle with a message naming it") {
  TempDir d;
  BundleSpec spec = sample_spec(d);
  BundleOptions o = options();
  o.max_file_bytes = 4096;  // the 5000-byte chart.jpg is over
  Diagnostics sink;
  CHECK_FALSE(write_bundle(spec, d / "dist", o, sink));
  std::string chart = d / "content/students/ana/experiences/guitar/chart.jpg";
  CHECK(render_all(sink.findings()) == "bundle-file-too-large: " + chart +
                                           " is 4.9 KB, more than the 4 KB a bundle takes for one file\n"
                                           "bundle-file-too-large: " +
                                           chart + " is 4.9 KB, more than the 4 KB a bundle takes for one file\n");
  CHECK(sink.findings()[0].where.file == chart);
  CHECK_FALSE(fs::exists(d / "dist/ana-cas-portfolio.zip"));
}

TEST_CASE("an unreadable source file fails the bundle and names the file") {
  TempDir d;
  BundleSpec spec = sample_spec(d);
  spec.files.push_back({"source/gone.md", "", d / "content/students/ana/gone.md"});
  Diagnostics sink;
  CHECK_FALSE(write_bundle(spec, d / "dist", options(), sink));
  CHECK(render_all(sink.findings()) ==
        "bundle-cannot-read: cannot read " + (d / "content/students/ana/gone.md") + ": No such file or directory\n");
}

TEST_CASE("a failed write leaves the earlier zip whole and no temporary file behind") {
  TempDir d;
  Diagnostics sink;
  auto w = write_bundle(sample_spec(d), d / "dist", options(), sink);
  REQUIRE(w);
  std::string before = read_bytes(w->path);
  // A streamed file that is shorter than the size it was hashed at (it changed
  // while the bundle was being written): libzip cannot copy it.
  std::vector<ZipEntry> entries;
  entries.push_back({"x/a.txt", "hello", "", 0});
  entries.push_back({"x/b.mp4", "", d.file("short.mp4", "tiny"), 1000});
  auto failure = write_zip(w->path, entries, ZipOptions{});
  REQUIRE(failure);
  CHECK(read_bytes(w->path) == before);
  std::vector<std::string> left;
  for (auto& e : fs::directory_iterator(d / "dist")) left.push_back(e.path().filename().string());
  CHECK(left == std::vector<std::string>{"ana-cas-portfolio.zip"});
}

TEST_CASE("two entries with one name are refused") {
  TempDir d;
  std::vector<ZipEntry> entries{{"x/a.txt", "1", "", 0}, {"x/a.txt", "2", "", 0}};
  auto failure = write_zip(d / "a.zip", entries, ZipOptions{});
  REQUIRE(failure);
  CHECK(failure->entry == "x/a.txt");
  CHECK(failure->message == "two files with the same name");
}

TEST_CASE("the output folder may not be the sources or inside them") {
  TempDir d;
  fs::create_directories(d.path() / "content/students");
  CHECK(path_is_within(d / "content", d / "content"));
  CHECK(path_is_within(d / "content/dist", d / "content"));
  CHECK(path_is_within(d / "content/students/../dist", d / "content"));
  CHECK(path_is_within(d / "content/", d / "content"));
  CHECK_FALSE(path_is_within(d / "dist", d / "content"));
  CHECK_FALSE(path_is_within(d / "content-dist", d / "content"));
  CHECK_FALSE(path_is_within(d / "content/../dist", d / "content"));
  CHECK_FALSE(path_is_within(d.path().string(), d / "content"));
  fs::create_directory_symlink(d.path() / "content/students", d.path() / "link");
  CHECK(path_is_within(d / "link/dist", d / "content"));
  // Whole components only, and a trailing separator names the same folder.
  CHECK(is_within("/a/b", "/a/b/"));
  CHECK(is_within("/a/b/c", "/a/b"));
  CHECK_FALSE(is_within("/a/bc", "/a/b"));
  CHECK_FALSE(is_within("/a", "/a/b"));
}

namespace {

// A cohort of one usable portfolio below students/ana of `d`/content.
struct SampleCohort {
  Cohort cohort;
  CohortAnalysis analysis;
  explicit SampleCohort(const TempDir& d) {
    sample_spec(d);  // writes the files
    cohort.root = d / "content";
    cohort.config.school = "Test Lyceum";
    cohort.config.programme = "IB Diploma Programme";
    cohort.config.cohort = "2026-2028";
    cohort.config.language = Language::ru;
    LoadedPortfolio lp;
    lp.portfolio.id = "ana";
    lp.portfolio.root = "students/ana";
    lp.portfolio.profile.name = "Ana Test";
    lp.portfolio.profile.language = Language::kk;
    lp.portfolio.files = {"experiences/guitar/chart.jpg", "experiences/guitar/index.md", "experiences/guitar/notes.pdf",
                          "portfolio.yaml"};
    cohort.portfolios.push_back(std::move(lp));
    analysis.as_of = kAsOf;
    analysis.students.resize(1);
    analysis.students[0].loaded = &cohort.portfolios[0];
    StudentIndicators& s = analysis.students[0].indicators;
    s.id = "ana";
    s.status = Status::of_concern;
    s.experiences_per_strand = {1, 0, 0};
    s.claimed_hours = {12.5, 0, 0};
    s.reflections = 3;
    s.outcomes["1"].count = 2;
    s.outcomes["2"].count = 0;
    s.projects.push_back({"guitar", 40});
    s.span_months = 9;
    s.longest_gap.days = 20;
    s.deadlines_met = 2;
    s.deadlines_missed = 1;
    s.deadlines_upcoming = 4;
  }
};

}  // namespace

TEST_CASE("a student's bundle: its site, its sources from the portfolio folder, and manifest facts") {
  TempDir d;
  SampleCohort c(d);
  std::vector<OutputFile> site{{"index.html", "<p>home</p>", ""},
                               {"img/chart.jpg", "", d / "content/students/ana/experiences/guitar/chart.jpg"}};
  BundleSpec spec = student_bundle(c.cohort, c.analysis.students[0], site, d / "content", false, kAsOf);
  CHECK(spec.folder == "ana-cas-portfolio");
  std::vector<std::string> paths, sources;
  for (const BundleFile& f : spec.files) paths.push_back(f.path), sources.push_back(f.source_path);
  CHECK(paths == std::vector<std::string>{"site/index.html", "site/img/chart.jpg",
                                          "source/experiences/guitar/chart.jpg", "source/experiences/guitar/index.md",
                                          "source/experiences/guitar/notes.pdf", "source/portfolio.yaml"});
  CHECK(sources[5] == d / "content/students/ana/portfolio.yaml");
  nlohmann::ordered_json facts = spec.facts;
  REQUIRE(facts.contains("indicators"));
  CHECK(facts["indicators"] == student_json(c.analysis.students[0], c.cohort.config));
  facts.erase("indicators");
  CHECK(facts.dump() ==
        "{\"schema\":1,\"kind\":\"student\",\"generator\":{\"name\":\"casfolio\",\"version\":\"" CASFOLIO_VERSION
        "\"},\"as_of\":\"2027-06-15\",\"public\":false,\"language\":\"kk\","
        "\"student\":{\"id\":\"ana\",\"name\":\"Ana Test\"},"
        "\"cohort\":{\"school\":\"Test Lyceum\",\"programme\":\"IB Diploma Programme\",\"cohort\":\"2026-2028\"}}");
}

TEST_CASE("a student's manifest shows a near-duplicate only as a staff question, with nothing of the other side") {
  TempDir d;
  SampleCohort c(d);
  Finding open_finding, staff;
  open_finding.code = "no-reflection";
  open_finding.where.file = "experiences/guitar/index.md";
  staff.code = "similar-reflection";
  staff.staff_only = true;
  staff.where.file = "experiences/guitar/index.md";
  staff.where.line = 7;
  staff.args = {{"percent", "91"}, {"other_student", "boris"}, {"other_name", "Boris Lee"},
                {"other_file", "reflections/x.md"}, {"other_path", "students/boris/reflections/x.md"}};
  c.analysis.students[0].findings = {open_finding, staff};
  BundleSpec spec = student_bundle(c.cohort, c.analysis.students[0], {}, d / "content", false, kAsOf);
  const auto& findings = spec.facts["indicators"]["findings"];
  REQUIRE(findings.size() == 2);
  CHECK(findings[0]["code"] == "no-reflection");
  CHECK(findings[1]["code"] == "staff-question");
  CHECK(findings[1]["file"] == "experiences/guitar/index.md");
  CHECK(findings[1]["line"] == 0);
  CHECK_FALSE(findings[1].contains("staff_only"));
  std::string manifest = spec.facts.dump();
  for (const char* other : {"boris", "Boris", "reflections/x.md", "91"}) CHECK(manifest.find(other) == std::string::npos);
}

TEST_CASE("a --public bundle has no sources and no indicators") {
  TempDir d;
  SampleCohort c(d);
  BundleSpec spec =
      student_bundle(c.cohort, c.analysis.students[0], {{"index.html", "<p>home</p>", ""}}, d / "content", true, kAsOf);
  CHECK(spec.folder == "ana-cas-portfolio-public");
  REQUIRE(spec.files.size() == 1);
  CHECK(spec.files[0].path == "site/index.html");
  CHECK(spec.facts["public"] == true);
  CHECK_FALSE(spec.facts.contains("indicators"));
}

TEST_CASE("a site whose student home is not at its top gets an index.html that leads there") {
  TempDir d;
  SampleCohort c(d);
  BundleSpec spec = student_bundle(c.cohort, c.analysis.students[0], {{"students/ana/index.html", "<p>home</p>", ""}},
                                   d / "content", true, kAsOf);
  REQUIRE(spec.files.size() == 2);
  CHECK(spec.files[1].path == "site/index.html");
  CHECK(spec.files[1].data ==
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"refresh\" content=\"0; url=students/ana/index.html\">\n<title>Ana Test</title>\n"
        "</head>\n<body>\n<p><a href=\"students/ana/index.html\">Ana Test</a></p>\n</body>\n</html>\n");
}

TEST_CASE("bundling a cohort writes each student's zip and a cohort zip holding them, all verifiable") {
  TempDir d;
  SampleCohort c(d);
  BundleRun run;
  run.source_root = d / "content";
  run.out_dir = d / "dist";
  run.bundle = options();
  std::vector<std::string> progress;
  BundleReport report = bundle_cohort(c.cohort, c.analysis, run, [&](size_t n, size_t total, std::string_view id) {
    progress.push_back(std::to_string(n) + "/" + std::to_string(total) + " " + std::string(id));
  });
  CHECK(progress == std::vector<std::string>{"1/2 ana", "2/2 cohort-cas-portfolios"});
  REQUIRE(report.students.size() == 1);
  REQUIRE(report.students[0].written);
  CHECK(report.students[0].written->path == d / "dist/ana-cas-portfolio.zip");
  CHECK(report.students[0].language == Language::kk);
  REQUIRE(report.cohort);
  CHECK(report.cohort->path == d / "dist/cohort-cas-portfolios.zip");
  CHECK_FALSE(report.failed());

  // The renderer decides what site/ holds; whatever it is, every checksum must hold.
  bool rendered = !render_site(c.cohort, c.analysis, SiteOptions{}).empty();
  for (const std::string& zip : {d / "dist/ana-cas-portfolio.zip", d / "dist/cohort-cas-portfolios.zip"}) {
    INFO(zip);
    VerifyResult v = verify_bundle(zip);
    std::vector<std::string> codes;
    for (const Finding& f : v.problems) codes.push_back(f.where.file + f.code);
    if (rendered) {
      CHECK(codes.empty());
    } else if (zip.ends_with("ana-cas-portfolio.zip")) {
      CHECK(codes == std::vector<std::string>{"verify-no-index"});
      CHECK(v.files_checked == 4);  // the sources
    } else {
      CHECK(codes == std::vector<std::string>{"verify-no-index", "!students/ana-cas-portfolio.zipverify-no-index"});
      CHECK(v.files_checked == 1);
    }
  }
  // Same input, same bytes: a second run changes nothing.
  std::string student = read_bytes(d / "dist/ana-cas-portfolio.zip"),
              cohort = read_bytes(d / "dist/cohort-cas-portfolios.zip");
  bundle_cohort(c.cohort, c.analysis, run);
  CHECK(read_bytes(d / "dist/ana-cas-portfolio.zip") == student);
  CHECK(read_bytes(d / "dist/cohort-cas-portfolios.zip") == cohort);
}

TEST_CASE("a portfolio whose portfolio.yaml could not be read is reported and the others still bundled") {
  TempDir d;
  SampleCohort c(d);
  LoadedPortfolio broken;
  broken.portfolio.id = "bob";
  broken.portfolio.root = "students/bob";
  broken.portfolio.usable = false;
  c.cohort.portfolios.push_back(broken);
  c.analysis.students.resize(2);
  c.analysis.students[0].loaded = &c.cohort.portfolios[0];
  c.analysis.students[1].loaded = &c.cohort.portfolios[1];
  BundleRun run;
  run.source_root = d / "content";
  run.out_dir = d / "dist";
  run.bundle = options();
  BundleReport report = bundle_cohort(c.cohort, c.analysis, run);
  REQUIRE(report.students.size() == 2);
  CHECK(report.students[0].written);
  CHECK_FALSE(report.students[1].written);
  CHECK(render_all(report.students[1].findings) ==
        "bundle-portfolio-unusable: the portfolio bob was not bundled: its portfolio.yaml could not be read\n");
  CHECK(report.students[1].findings[0].where.file == d / "content/students/bob/portfolio.yaml");
  REQUIRE(report.cohort);
  CHECK(report.failed());
}
