#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "fixture.h"
#include "render/site.h"
#include "util/digest.h"
#include "render/url.h"
#include "util/text.h"
#include "write/site_writer.h"

using namespace casfolio;
using namespace casfolio::test;
namespace fs = std::filesystem;

namespace {

struct Built {
  std::vector<OutputFile> files;
  std::vector<Finding> findings;
  std::map<std::string, const OutputFile*> by_path;

  bool has(const std::string& p) const { return by_path.count(p) > 0; }
  const std::string& page(const std::string& p) const {
    static const std::string none;
    auto it = by_path.find(p);
    return it == by_path.end() ? none : it->second->data;
  }
};

Built build(const Fixture& f, bool is_public, std::optional<std::string> only = std::nullopt) {
  Built b;
  SiteOptions o;
  o.audience = is_public ? Audience::anyone : only ? Audience::student : Audience::staff;  // `only`: a bundle's pages
  o.only_student = only;
  o.source_root = f.dir;
  o.findings = &b.findings;
  b.files = render_site(f.cohort, f.analysis, o);
  for (const OutputFile& file : b.files) b.by_path[file.path] = &file;
  return b;
}

// The bytes a file of the site will have: its data, or the file it copies.
std::string bytes_of(const OutputFile& f) { return f.source_path.empty() ? f.data : read_file(f.source_path); }

std::string unescape_attr(std::string s) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}}) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at)) s.replace(at, from.size(), to);
  }
  return s;
}

// Every relative href and src of every page, resolved against the folder
// on disk; returns the ones that do not lead to a file of the site.
std::vector<std::string> broken_links(const fs::path& site) {
  std::vector<std::string> broken;
  std::regex attr(R"re(\s(href|src)="([^"]*)")re");
  fs::path root = fs::canonical(site);
  for (const auto& entry : fs::recursive_directory_iterator(site)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".html") continue;
    std::string html = read_file(entry.path());
    for (std::sregex_iterator it(html.begin(), html.end(), attr), end; it != end; ++it) {
      std::string kind = (*it)[1], url = unescape_attr((*it)[2]);
      std::string where = fs::relative(entry.path(), site).string() + ": " + kind + "=\"" + url + "\"";
      if (url.empty()) {
        broken.push_back(where + " (empty)");
        continue;
      }
      if (url[0] == '#') continue;
      bool external = url.starts_with("http:") || url.starts_with("https:") || url.starts_with("mailto:");
      if (external) {
        if (kind == "src") broken.push_back(where + " (an outside request)");
        continue;
      }
      if (url.find(':') != std::string::npos && url.find(':') < url.find('/')) {
        broken.push_back(where + " (a scheme)");
        continue;
      }
      std::string path = percent_decoded(url.substr(0, url.find_first_of("?#")));
      fs::path target = (entry.path().parent_path() / path).lexically_normal();
      std::error_code ec;
      fs::path canon = fs::weakly_canonical(target, ec);
      auto rel = canon.lexically_relative(root);
      if (rel.empty() || rel.begin()->string() == "..") broken.push_back(where + " (leaves the site)");
      else if (!fs::is_regular_file(target)) broken.push_back(where + " (no such file)");
    }
  }
  return broken;
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "casfolio-site-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("the site has a home per language, every student's pages and search") {
  auto f = make_fixture();
  Built b = build(*f, false);
  for (const char* p :
       {"index.html", "en/index.html", "ru/index.html", "en/search.html", "en/search-index.js", "ru/search-index.js",
        "assets/style.css", "assets/site.js", "assets/search.js", "assets/favicon.svg",
        "en/students/ana/index.html", "en/students/ana/outcomes.html", "en/students/ana/timeline.html",
        "en/students/ana/interviews.html", "en/students/ana/social-gpa.html",
        "en/students/ana/experiences/guitar/index.html",
        "en/students/ana/experiences/guitar/2026-09-20-first-chords.html",
        "en/students/ana/experiences/diary/index.html",
        "en/students/ana/experiences/cleanup/index.html",
        "en/students/ana/reflections/2026-12-01.html",
        "ru/students/ana/experiences/guitar/index.html",
        // Bolat writes in Kazakh, which the cohort does not list: his pages are built in it too.
        "kk/students/bolat/index.html", "en/students/bolat/index.html", "ru/students/bolat/index.html",
        "kk/search.html", "media/ana/files/experiences/guitar/cert.pdf", "media/ana/web/experiences/guitar/chart.jpg",
        "media/ana/thumb/experiences/guitar/chart.jpg"}) {
    INFO(p);
    CHECK(b.has(p));
  }
  CHECK_FALSE(b.has("kk/students/ana/index.html"));  // ana's own language is en, listed by the cohort
  CHECK_FALSE(b.has("kk/index.html"));               // the cohort home is built in the cohort's languages only
  // Only evidence a page shows or links is published, and never sources.
  CHECK_FALSE(b.has("media/ana/files/portfolio.yaml"));
  for (const OutputFile& file : b.files) {
    INFO(file.path);
    CHECK(is_safe_site_path(file.path));
    CHECK_FALSE(file.path.ends_with(".md"));
  }
  // The root page is the default language's cohort home, with links that work from the root.
  CHECK(b.page("index.html").find("href=\"en/students/ana/index.html\"") != std::string::npos);
  CHECK(b.page("index.html").find("<html lang=\"en\">") != std::string::npos);
}

TEST_CASE("every page is a complete, safe, accessible document") {
  auto f = make_fixture();
  Built b = build(*f, false);
  int pages = 0;
  for (const OutputFile& file : b.files) {
    if (!file.path.ends_with(".html")) continue;
    ++pages;
    const std::string& h = file.data;
    INFO(file.path);
    CHECK(h.starts_with("<!DOCTYPE html>\n<html lang=\""));
    CHECK(h.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' data:; "
                 "media-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'\">") !=
          std::string::npos);
    CHECK(h.find("<main id=\"main\"") != std::string::npos);
    CHECK(h.find("<a class=\"skip-link\" href=\"#main\">") != std::string::npos);
    size_t h1 = 0;
    for (size_t at = h.find("<h1"); at != std::string::npos; at = h.find("<h1", at + 1)) ++h1;
    CHECK(h1 == 1);
    CHECK(h.find("style=\"") == std::string::npos);  // CSP style-src 'self': no inline styles
    CHECK(h.find("<script>") == std::string::npos);   // nor inline scripts
    std::regex missing_key(R"(\[[a-z]+_[a-z_]+\])");
    CHECK_FALSE(std::regex_search(h, missing_key));  // a UI key missing from a table
    CHECK(h.ends_with("</html>\n"));
  }
  CHECK(pages > 40);
  // Images have alt text: the Markdown caption, else the file name.
  const std::string& exp = b.page("en/students/ana/experiences/guitar/index.html");
  CHECK(exp.find("alt=\"Chord chart on the wall\"") != std::string::npos);
  const std::string& refl = b.page("en/students/ana/experiences/guitar/2026-09-20-first-chords.html");
  CHECK(refl.find("<img src=\"../../../../../media/ana/thumb/experiences/guitar/chart.jpg\" alt=\"Chord chart on the wall\"") !=
        std::string::npos);
  // The student's own text is marked with its language on a page in another.
  CHECK(b.page("ru/students/ana/index.html").find("<h1 lang=\"en\">Ana Example</h1>") != std::string::npos);
}

TEST_CASE("hostile content in Markdown and YAML is neutralised") {
  auto f = make_fixture();
  Built b = build(*f, false);
  std::regex live_handler(R"re(<[a-zA-Z][^>]*\son[a-z]+\s*=)re");
  for (const OutputFile& file : b.files) {
    if (!file.path.ends_with(".html")) continue;
    INFO(file.path);
    CHECK(file.data.find("<script>") == std::string::npos);
    CHECK(file.data.find("javascript:") == std::string::npos);
    CHECK(file.data.find("vbscript:") == std::string::npos);
    CHECK(file.data.find("data:text") == std::string::npos);
    CHECK_FALSE(std::regex_search(file.data, live_handler));
    CHECK(file.data.find("<img src=x") == std::string::npos);
    CHECK(file.data.find("<em>guitars</em>") == std::string::npos);
    CHECK(file.data.find("etc/passwd") == std::string::npos);
    CHECK(file.data.find("<Lyceum>") == std::string::npos);
  }
  // The search index is data for search.js, which builds results with DOM
  // calls only (textContent), never by parsing HTML.
  CHECK(b.page("assets/search.js").find("innerHTML") == std::string::npos);
  CHECK(b.page("assets/search.js").find("textContent") != std::string::npos);
  const std::string& exp = b.page("en/students/ana/experiences/guitar/index.html");
  CHECK(exp.find("<h1 lang=\"en\">Guitar &lt;img src=x onerror=alert(1)&gt;</h1>") != std::string::npos);
  CHECK(exp.find("<title>Guitar &lt;img src=x onerror=alert(1)&gt; · Test &lt;Lyceum&gt; &amp; Co</title>") !=
        std::string::npos);
  CHECK(exp.find("<p>click me and data link and vb and escape</p>") != std::string::npos);
  CHECK(exp.find("<a href=\"https://example.org/guitar\">home page</a>") != std::string::npos);
  CHECK(exp.find("<a href=\"https://example.org/x.png\">remote</a>") != std::string::npos);
  CHECK(exp.find("<h2>A heading</h2>") != std::string::npos);
  CHECK(b.page("en/students/ana/index.html").find("<li>Music &amp; &lt;em&gt;guitars&lt;/em&gt;</li>") !=
        std::string::npos);
  // A link to portfolio.yaml is not evidence: the words stay, the link goes.
  CHECK(b.page("en/students/ana/reflections/2026-12-01.html").find("<p>Looking back. My profile is not evidence.</p>") !=
        std::string::npos);
}

TEST_CASE("a link to another Markdown page of the portfolio leads to its page") {
  auto f = make_fixture();
  Built b = build(*f, false);
  const std::string& refl = b.page("en/students/ana/experiences/guitar/2026-09-20-first-chords.html");
  CHECK(refl.find("<a href=\"../../../../../en/students/ana/index.html#plan\">my plan</a>") != std::string::npos);
  CHECK(refl.find("<a href=\"../../../../../media/ana/web/experiences/guitar/chart.jpg\">the chart</a>") !=
        std::string::npos);
}

TEST_CASE("a --public build contains none of the private values, in any byte") {
  auto f = make_fixture();
  Built staff = build(*f, false);
  Built pub = build(*f, true);
  // The staff build has them (so this test can fail).
  std::string all_staff;
  for (const OutputFile& file : staff.files) all_staff += bytes_of(file);
  for (const std::string& v : kPrivateValues) {
    if (v.starts_with("GPS")) continue;  // stripped from every build
    INFO(v);
    CHECK(all_staff.find(v) != std::string::npos);
  }
  for (const OutputFile& file : pub.files) {
    std::string data = bytes_of(file);
    for (const std::string& v : kPrivateValues) {
      INFO(file.path << " holds " << v);
      CHECK(data.find(v) == std::string::npos);
    }
  }
  // No staff pages, findings or social GPA; the public note instead of the staff banner.
  for (const OutputFile& file : pub.files) {
    INFO(file.path);
    CHECK_FALSE(file.path.ends_with("social-gpa.html"));
    CHECK_FALSE(file.path.ends_with("interviews.html"));
    CHECK_FALSE(file.path.starts_with("media/ana/files/experiences/diary/"));
    CHECK(file.data.find("class=\"staff-banner\"") == std::string::npos);
    CHECK(file.data.find("class=\"findings") == std::string::npos);
    CHECK(file.data.find("noindex") == std::string::npos);
  }
  CHECK_FALSE(pub.has("en/students/ana/experiences/diary/index.html"));
  CHECK_FALSE(pub.has("en/students/ana/experiences/diary/2026-10-05-secret.html"));
  CHECK(pub.has("en/students/ana/experiences/guitar/index.html"));
  CHECK(pub.page("en/index.html").find("<table") == std::string::npos);  // the public home is a plain list
  // The supervisor's name and role stay public; the contact details do not.
  CHECK(pub.page("en/students/ana/experiences/guitar/index.html").find("Sam Teacher") != std::string::npos);
}

TEST_CASE("the same input renders to the same bytes") {
  auto f = make_fixture();
  Built a = build(*f, false);
  Built b = build(*f, false);
  REQUIRE(a.files.size() == b.files.size());
  for (size_t i = 0; i < a.files.size(); ++i) {
    INFO(a.files[i].path);
    CHECK(a.files[i].path == b.files[i].path);
    CHECK(a.files[i].data == b.files[i].data);
    CHECK(a.files[i].source_path == b.files[i].source_path);
  }
  // Sorted by path, no duplicates.
  for (size_t i = 1; i < a.files.size(); ++i) CHECK(a.files[i - 1].path < a.files[i].path);
}

TEST_CASE("every relative link and image of the built site resolves") {
  auto f = make_fixture();
  for (bool is_public : {false, true}) {
    Built b = build(*f, is_public);
    TempDir tmp;
    SiteWriteOptions wo;
    wo.out_dir = (tmp.path / "site").string();
    wo.source_dirs = {f->dir};
    SiteWriteResult r = write_site(b.files, wo);
    REQUIRE(r.ok);
    INFO((is_public ? "public" : "staff"));
    CHECK(broken_links(tmp.path / "site") == std::vector<std::string>{});
    // The search index's links too.
    std::regex url(R"re("u":"([^"]+)")re");
    for (const char* lang : {"en", "ru", "kk"}) {
      std::string js = read_file(tmp.path / "site" / lang / "search-index.js");
      REQUIRE(js.starts_with("// Generated by casfolio"));
      int n = 0;
      for (std::sregex_iterator it(js.begin(), js.end(), url), end; it != end; ++it, ++n) {
        INFO((*it)[1]);
        CHECK(fs::is_regular_file(tmp.path / "site" / percent_decoded(std::string((*it)[1]))));
      }
      CHECK(n >= 2);
    }
  }
}

TEST_CASE("published images are resized copies without metadata; originals are not copied") {
  auto f = make_fixture();
  Built b = build(*f, false);
  std::string original = read_file(fs::path(f->dir) / "students/ana/experiences/guitar/chart.jpg");
  REQUIRE(original.find("GPS-SECRET") != std::string::npos);
  REQUIRE(original.find("Exif") != std::string::npos);
  const OutputFile* web = b.by_path["media/ana/web/experiences/guitar/chart.jpg"];
  const OutputFile* thumb = b.by_path["media/ana/thumb/experiences/guitar/chart.jpg"];
  REQUIRE(web);
  REQUIRE(thumb);
  for (const OutputFile* out : {web, thumb}) {
    CHECK(out->source_path.empty());
    CHECK(out->data.starts_with("\xFF\xD8"));
    CHECK(out->data.find("Exif") == std::string::npos);
    CHECK(out->data.find("GPS-SECRET") == std::string::npos);
    CHECK(out->data != original);
  }
  vips::VImage w = vips::VImage::new_from_buffer(web->data.data(), web->data.size(), "");
  vips::VImage t = vips::VImage::new_from_buffer(thumb->data.data(), thumb->data.size(), "");
  CHECK(w.width() == 900);  // never enlarged
  CHECK(w.height() == 600);
  CHECK(t.width() == 480);
  CHECK(t.height() == 320);
  CHECK(vips_image_get_typeof(w.get_image(), "exif-data") == 0);
  for (const OutputFile& file : b.files) CHECK(file.source_path.find("chart.jpg") == std::string::npos);
}

TEST_CASE("an image libvips cannot read is reported and shown by name, without a link") {
  auto f = make_fixture();
  Built b = build(*f, false);
  REQUIRE(b.findings.size() == 1);
  const Finding& finding = b.findings[0];
  CHECK(finding.code == "image-unreadable");
  CHECK(finding.severity == Severity::warning);
  CHECK(finding.where.file == "students/bolat/experiences/volleyball/broken.jpg");
  CHECK(render_message(finding, Language::en).message.starts_with(
      "the image 'broken.jpg' could not be read, so the site shows only its name ("));
  const std::string& page = b.page("kk/students/bolat/experiences/volleyball/index.html");
  CHECK(page.find("<p>Аптасына екі рет жаттығамыз.</p>\n<p>Жарыс</p>") != std::string::npos);
  CHECK(page.find("<span class=\"file-name\">broken.jpg</span><span class=\"file-note\">бұл суретті көрсету мүмкін болмады</span>") !=
        std::string::npos);
  for (const OutputFile& file : b.files) CHECK(file.path.find("broken.jpg") == std::string::npos);
}

TEST_CASE("pages are in the page's language, dates and months included") {
  auto f = make_fixture();
  Built b = build(*f, false);
  const std::string& kk = b.page("kk/students/bolat/experiences/volleyball/2026-10-01-first.html");
  CHECK(kk.find("<html lang=\"kk\">") != std::string::npos);
  CHECK(kk.find("<span class=\"date\">2026 жылғы 1 қазан</span>") != std::string::npos);
  const std::string& ru = b.page("ru/students/bolat/experiences/volleyball/2026-10-01-first.html");
  CHECK(ru.find("<span class=\"date\">1 октября 2026 г.</span>") != std::string::npos);
  CHECK(ru.find("<h1 lang=\"kk\">Алғашқы жаттығу</h1>") != std::string::npos);
  // The language switcher leads to the same page in each language.
  CHECK(ru.find("<li><a href=\"../../../../../kk/students/bolat/experiences/volleyball/2026-10-01-first.html\" "
                "hreflang=\"kk\" lang=\"kk\">Қазақша</a></li>") != std::string::npos);
  CHECK(ru.find("hreflang=\"ru\" lang=\"ru\" aria-current=\"true\">Русский</a>") != std::string::npos);
}

TEST_CASE("one student's site (bundles) holds that student's pages only") {
  auto f = make_fixture();
  Built b = build(*f, false, std::string("bolat"));
  for (const OutputFile& file : b.files) {
    INFO(file.path);
    CHECK(file.path.find("/ana") == std::string::npos);
    CHECK(file.data.find("Ana Example") == std::string::npos);
  }
  CHECK_FALSE(b.has("en/index.html"));
  // The root opens the student's home in the student's own language.
  CHECK(b.page("index.html").find("<html lang=\"kk\">") != std::string::npos);
  CHECK(b.page("index.html").find("<h1 lang=\"kk\">Болат Сейітов</h1>") != std::string::npos);
  CHECK(b.has("kk/students/bolat/index.html"));
  TempDir tmp;
  SiteWriteOptions wo;
  wo.out_dir = (tmp.path / "site").string();
  REQUIRE(write_site(b.files, wo).ok);
  CHECK(broken_links(tmp.path / "site") == std::vector<std::string>{});
}

TEST_CASE("the cohort home lists students by id and never by social GPA") {
  auto f = make_fixture();
  Built b = build(*f, false);
  const std::string& home = b.page("en/index.html");
  size_t ana = home.find("<tr data-student=\"ana\" data-name=\"Ana Example ana\" data-class=\"11A\" data-adviser=\"Ms Adviser\""),
         bolat = home.find("<tr data-student=\"bolat\"");
  REQUIRE(ana != std::string::npos);
  REQUIRE(bolat != std::string::npos);
  CHECK(ana < bolat);
  CHECK(home.find("Social GPA") == std::string::npos);
}

TEST_CASE("each adviser has a page of their students, named after the adviser, and staff get the table as CSV") {
  auto f = make_fixture();
  Built b = build(*f, false);
  // ASCII letters of the name and a digest of the whole name; a Cyrillic
  // name has the digest alone.
  const std::string ms = "en/advisers/ms-adviser-" + content_digest("Ms Adviser").substr(0, 8) + ".html";
  const std::string gulnar = "en/advisers/" + content_digest("Гүлнар Омарова").substr(0, 8) + ".html";
  REQUIRE(b.has(ms));
  REQUIRE(b.has(gulnar));
  CHECK(b.page(ms).find("<h1>Adviser Ms Adviser: students</h1>") != std::string::npos);
  CHECK(b.page(ms).find("data-student=\"ana\"") != std::string::npos);
  CHECK(b.page(ms).find("data-student=\"bolat\"") == std::string::npos);
  CHECK(b.page("en/index.html").find("<a href=\"../" + ms + "\">Ms Adviser</a> <span class=\"muted\">1</span>") !=
        std::string::npos);
  const std::string class_a = "en/classes/11a-" + content_digest("11A").substr(0, 8) + ".html";
  REQUIRE(b.has(class_a));
  CHECK(b.page(class_a).find("<h1>Class 11A: students</h1>") != std::string::npos);
  REQUIRE(b.has("students.csv"));
  CHECK(b.page("students.csv").starts_with("id,name,advisor,status,"));
  CHECK(b.page("en/index.html").find("<a class=\"download\" href=\"../students.csv\" download=\"students.csv\">") !=
        std::string::npos);

  Built pub = build(*f, true);
  CHECK(!pub.has("students.csv"));
  CHECK(!pub.has(ms));
}

TEST_CASE("a small page matches its golden copy byte for byte") {
  auto f = make_fixture();
  Built b = build(*f, false);
  const std::string page = "en/students/bolat/experiences/volleyball/2026-10-01-first.html";
  REQUIRE(b.has(page));
  fs::path golden = fs::path(CASFOLIO_SOURCE_DIR) / "tests/render/golden/reflection.html";
  if (std::getenv("CASFOLIO_UPDATE_GOLDEN")) write_file(golden, b.page(page));
  CHECK(b.page(page) == read_file(golden));
}

TEST_CASE("a cohort without portfolios still gets a working home and search") {
  auto f = make_fixture();
  f->cohort.portfolios.clear();
  f->analysis = analyse(f->cohort, day("2027-06-15"));
  Built b = build(*f, false);
  CHECK(b.page("en/index.html").find("No portfolios were found in this cohort yet.") != std::string::npos);
  CHECK(b.has("en/search.html"));
  CHECK(b.page("en/search-index.js") == "// Generated by casfolio: the search index of this language.\nwindow.CASFOLIO_SEARCH = [];\n");
  TempDir tmp;
  SiteWriteOptions wo;
  wo.out_dir = (tmp.path / "site").string();
  REQUIRE(write_site(b.files, wo).ok);
  CHECK(broken_links(tmp.path / "site") == std::vector<std::string>{});
}
