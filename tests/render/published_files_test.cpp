// What the site publishes of a student's files (docs/hardening.md,
// "Published student files"): never active content, never an original
// image, never an image bomb decoded.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <map>
#include <set>

#include "fixture.h"
#include "render/image_resize.h"
#include "render/media.h"
#include "render/published_type.h"
#include "render/site.h"

using namespace casfolio;
using namespace casfolio::test;
namespace fs = std::filesystem;

namespace {

uint32_t crc32(std::string_view bytes) {
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

std::string be32(uint32_t v) {
  return {char(v >> 24), char((v >> 16) & 255), char((v >> 8) & 255), char(v & 255)};
}

std::string png_chunk(std::string_view type, std::string_view data) {
  std::string body = std::string(type) + std::string(data);
  return be32(uint32_t(data.size())) + body + be32(crc32(body));
}

std::string small_png() {
  if (VIPS_INIT("casfolio-test") != 0) return {};
  vips::VImage img = vips::VImage::black(8, 6).bandjoin({90.0, 160.0}).cast(VIPS_FORMAT_UCHAR);
  img = img.copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  VipsBlob* blob = img.pngsave_buffer(vips::VImage::option()->set("strip", true));
  size_t len = 0;
  const char* data = static_cast<const char*>(vips_blob_get(blob, &len));
  std::string png(data, len);
  vips_area_unref(VIPS_AREA(blob));
  return png;
}

// A real PNG whose header claims width x height: the pixels after it are
// those of an 8 x 6 image, so only a decoder that trusted the header would
// work long (and then fail).
std::string png_claiming(uint32_t width, uint32_t height) {
  std::string png = small_png();
  std::string ihdr = png.substr(12, 17);  // "IHDR" and its 13 bytes
  ihdr.replace(4, 4, be32(width));
  ihdr.replace(8, 4, be32(height));
  return png.substr(0, 12) + ihdr + be32(crc32(ihdr)) + png.substr(33);
}

// The EXIF (with GPS) of jpeg_with_gps, as a PNG eXIf chunk after IHDR.
std::string png_with_gps() {
  std::string jpeg = jpeg_with_gps(16, 12);
  size_t length = (uint8_t(jpeg[4]) << 8) | uint8_t(jpeg[5]);
  std::string tiff = jpeg.substr(2 + 2 + 2 + 6, length - 2 - 6);  // after FF E1, the length and "Exif\0\0"
  std::string png = small_png();
  return png.substr(0, 33) + png_chunk("eXIf", tiff) + png.substr(33);
}

// 1.6 KB of SVG that draws 10^9 rectangles through nested <use>.
std::string svg_use_bomb() {
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"4000\" "
      "height=\"4000\"><defs><rect id=\"l0\" width=\"10\" height=\"10\"/>";
  for (int level = 1; level <= 9; ++level) {
    svg += "<g id=\"l" + std::to_string(level) + "\">";
    for (int i = 0; i < 10; ++i) svg += "<use xlink:href=\"#l" + std::to_string(level - 1) + "\"/>";
    svg += "</g>";
  }
  return svg + "</defs><use xlink:href=\"#l9\"/></svg>\n";
}

const std::string kDir = "experiences/art/";

struct Evidence {
  std::string name, bytes;
};

std::vector<Evidence> hostile_evidence() {
  return {
      {"evil.svg",
       "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"EVIL-1()\"><script>EVIL-2()</script></svg>\n"},
      {"evil.html", "<!doctype html><html><body onload=\"EVIL-3()\"><script>fetch('/EVIL-4')</script></body></html>\n"},
      {"evil.xhtml",
       "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>EVIL-5()</script></html>\n"},
      {"x.js", "window.onload = () => EVIL-6();\n"},
      {"fake.pdf", "  <script>EVIL-7()</script>\n"},      // a passive name, markup bytes
      {"x.php.pdf", "%PDF-1.4 <?php EVIL-8(); ?>\n"},     // Apache may run any *.php.* as PHP
      {"a.pdf", "%PDF-1.4 a certificate\n"},
      {"a.txt", "Notes from the gallery opening.\n"},
      {"gps.jfif", jpeg_with_gps(64, 48)},
      {"gps.jpe", jpeg_with_gps(64, 48)},
      {"gps.dat", jpeg_with_gps(64, 48)},
      {"png.pdf", png_with_gps()},
      {"photo.jxl", std::string("\xFF\x0A", 2) + std::string(64, '\x11')},  // a JPEG XL codestream's signature
      {"huge.png", png_claiming(40000, 40000)},
      {"bomb.jpg", svg_use_bomb()},
  };
}

struct Site {
  std::unique_ptr<Fixture> fixture = std::make_unique<Fixture>();
  std::vector<OutputFile> files;
  std::vector<Finding> findings;

  std::string bytes(const OutputFile& f) const { return f.source_path.empty() ? f.data : read_file(f.source_path); }
  const OutputFile* file(const std::string& path) const {
    for (const OutputFile& f : files)
      if (f.path == path) return &f;
    return nullptr;
  }
};

std::unique_ptr<Site> build_hostile_site() {
  auto site = std::make_unique<Site>();
  Fixture& f = *site->fixture;
  std::string pattern = (fs::temp_directory_path() / "casfolio-published-XXXXXX").string();
  f.dir = ::mkdtemp(pattern.data());

  Portfolio p;
  p.id = "eve";
  p.root = "students/eve";
  p.profile.name = "Eve Example";
  p.profile.language = Language::en;
  p.profile.language_given = true;
  Experience e;
  e.id = "art";
  e.dir = "experiences/art";
  e.file = kDir + "index.md";
  e.title = "Art club";
  e.strands.add(Strand::creativity);
  e.start = day("2026-09-10");
  e.outcomes = {{"1", ""}};
  e.description = md("My [page](evil.html) and ![drawing](evil.svg) and [notes](a.txt).");
  for (const Evidence& ev : hostile_evidence()) {
    write_file(fs::path(f.dir) / p.root / (kDir + ev.name), ev.bytes);
    e.evidence.push_back(kDir + ev.name);
    p.files.push_back(kDir + ev.name);
  }
  p.files.push_back(e.file);
  std::sort(p.files.begin(), p.files.end());
  p.experiences = {e};

  CohortConfig& c = f.cohort.config;
  c.school = "Test Lyceum";
  c.cohort = "2026-2028";
  c.language = Language::en;
  c.languages = {Language::en};
  c.start = day("2026-09-09");
  c.end = day("2028-04-15");
  f.cohort.root = f.dir;
  f.cohort.portfolios = {LoadedPortfolio{p, {}}};
  f.analysis = analyse(f.cohort, day("2027-06-15"));

  SiteOptions o;
  o.source_root = f.dir;
  o.findings = &site->findings;
  site->files = render_site(f.cohort, f.analysis, o);
  return site;
}

}  // namespace

TEST_CASE("evidence is published by what its bytes are: passive types as is, images re-encoded, the rest not at all") {
  unsigned long long decoded_before = images_decoded();
  auto site = build_hostile_site();
  // Two decodes (thumbnail, web size) for each of the four images published;
  // the refused ones cost none: neither the 40,000 x 40,000 PNG nor the SVG
  // bomb named .jpg reached a decoder.
  CHECK(images_decoded() - decoded_before == 8);

  std::set<std::string> media;
  for (const OutputFile& f : site->files)
    if (f.path.starts_with("media/")) media.insert(f.path);
  const std::string m = "media/eve/";
  CHECK(media == std::set<std::string>{
                     m + "files/" + kDir + "a.pdf",         m + "files/" + kDir + "a.txt",
                     m + "thumb/" + kDir + "gps.dat.jpg",   m + "thumb/" + kDir + "gps.jfif.jpg",
                     m + "thumb/" + kDir + "gps.jpe.jpg",   m + "thumb/" + kDir + "png.pdf.png",
                     m + "web/" + kDir + "gps.dat.jpg",     m + "web/" + kDir + "gps.jfif.jpg",
                     m + "web/" + kDir + "gps.jpe.jpg",     m + "web/" + kDir + "png.pdf.png",
                 });

  // Nothing of the active sources anywhere in the site, pages included.
  for (const OutputFile& f : site->files) {
    std::string bytes = site->bytes(f);
    INFO(f.path);
    CHECK(bytes.find("EVIL-") == std::string::npos);
    if (f.path.starts_with("media/")) {
      CHECK(bytes.find("<script") == std::string::npos);
      CHECK(bytes.find("onload") == std::string::npos);
      CHECK(bytes.find("<svg") == std::string::npos);
    }
  }

  // Re-encoded: no EXIF block, no GPS, whatever the name said.
  for (const char* name : {"gps.jfif.jpg", "gps.jpe.jpg", "gps.dat.jpg", "png.pdf.png"}) {
    for (const char* size : {"web/", "thumb/"}) {
      const OutputFile* out = site->file(m + size + kDir + name);
      REQUIRE(out);
      INFO(out->path);
      CHECK(out->source_path.empty());
      CHECK(out->data.find("Exif") == std::string::npos);
      CHECK(out->data.find("eXIf") == std::string::npos);
      CHECK(out->data.find("GPS-SECRET") == std::string::npos);
      vips::VImage img = vips::VImage::new_from_buffer(out->data.data(), out->data.size(), "");
      CHECK(vips_image_get_typeof(img.get_image(), "exif-data") == 0);
    }
  }
  CHECK(site->file(m + "web/" + kDir + "png.pdf.png")->data.starts_with("\x89PNG"));
  CHECK(site->file(m + "web/" + kDir + "gps.dat.jpg")->data.starts_with("\xFF\xD8"));

  // Every refused file is named in a finding that says what happened.
  std::map<std::string, std::string> messages;
  for (const Finding& f : site->findings) {
    CHECK(f.severity == Severity::warning);
    messages[f.where.file] = f.code + ": " + render_message(f, Language::en).message;
  }
  auto active = [](const std::string& file) {
    return "evidence-active-content: '" + file +
           "' is not published on the site: a web browser could open it as a page or run it as a program, and "
           "only files of types known to be safe are published (it stays in the portfolio's sources)";
  };
  const std::string at = "students/eve/" + kDir;
  CHECK(messages == std::map<std::string, std::string>{
                        {at + "evil.svg", active("evil.svg")},
                        {at + "evil.html", active("evil.html")},
                        {at + "evil.xhtml", active("evil.xhtml")},
                        {at + "x.js", active("x.js")},
                        {at + "fake.pdf", active("fake.pdf")},
                        {at + "x.php.pdf", active("x.php.pdf")},
                        {at + "photo.jxl",
                         "image-format-refused: the image 'photo.jxl' is in JPEG XL format, which casfolio does not "
                         "publish, so the site shows only its name"},
                        {at + "bomb.jpg",
                         "image-format-refused: the image 'bomb.jpg' is in SVG format, which casfolio does not "
                         "publish, so the site shows only its name"},
                        {at + "huge.png",
                         "image-too-large: the image 'huge.png' is 40000 × 40000 pixels, more than the 100 million "
                         "pixels casfolio reads, so the site shows only its name"},
                    });
  CHECK(site->findings.size() == messages.size());

  // The page shows each refused file by name with a note, and links none.
  const std::string* page = nullptr;
  for (const OutputFile& f : site->files)
    if (f.path == "en/students/eve/experiences/art/index.html") page = &f.data;
  REQUIRE(page);
  CHECK(page->find("<span class=\"file-name\">evil.html</span><span class=\"file-note\">not published on the "
                   "site</span>") != std::string::npos);
  CHECK(page->find("<span class=\"file-name\">huge.png</span><span class=\"file-note\">this image could not be "
                   "shown</span>") != std::string::npos);
  CHECK(page->find("<p>My page and drawing and <a href=\"../../../../../media/eve/files/experiences/art/a.txt\">"
                   "notes</a>.</p>") != std::string::npos);
  for (const char* name : {"evil.html\"", "evil.svg\"", "evil.xhtml\"", "x.js\"", "fake.pdf\"", "bomb.jpg\""})
    CHECK(page->find(name) == std::string::npos);
}

TEST_CASE("the new findings read in Kazakh and Russian too") {
  Finding f;
  f.code = "evidence-active-content";
  f.args = {{"file", "evil.html"}};
  CHECK(render_message(f, Language::ru).message ==
        "файл «evil.html» не опубликован на сайте: браузер мог бы открыть его как веб-страницу или запустить как "
        "программу, а публикуются только файлы заведомо безопасных типов (он остаётся в исходных файлах портфолио)");
  CHECK(render_message(f, Language::kk).message ==
        "«evil.html» файлы сайтта жарияланбады: браузер оны веб-бет ретінде ашуы немесе бағдарлама ретінде іске "
        "қосуы мүмкін, ал сайтта тек қауіпсіз екені белгілі түрдегі файлдар ғана жарияланады (ол портфолионың "
        "бастапқы файлдарында қалады)");
  f.code = "image-too-large";
  f.args = {{"file", "huge.png"}, {"width", "40000"}, {"height", "40000"}, {"limit", "100"}};
  CHECK(render_message(f, Language::ru).message ==
        "изображение «huge.png» размером 40000 × 40000 пикселей больше предела в 100 млн пикселей, поэтому на "
        "сайте показано только его имя");
  CHECK(render_message(f, Language::kk).message ==
        "«huge.png» суретінің өлшемі 40000 × 40000 пиксель, бұл 100 млн пиксель шегінен асады, сондықтан сайтта тек "
        "оның атауы көрсетілді");
  f.code = "image-format-refused";
  f.args = {{"file", "bomb.jpg"}, {"format", "SVG"}};
  CHECK(render_message(f, Language::ru).message ==
        "изображение «bomb.jpg» в формате SVG, который casfolio не публикует, поэтому на сайте показано только его "
        "имя");
  CHECK(render_message(f, Language::kk).message ==
        "«bomb.jpg» суреті SVG форматында, ал casfolio бұл форматты жарияламайды, сондықтан сайтта тек оның атауы "
        "көрсетілді");
  for (const char* code : {"evidence-active-content", "image-too-large", "image-format-refused"})
    for (Language l : {Language::en, Language::ru, Language::kk}) {
      f.code = code;
      CHECK_FALSE(render_message(f, l).hint.empty());
    }
}

TEST_CASE("libvips runs only the loaders casfolio allows, whatever the bytes") {
  CHECK(image_loader(small_png()) == "pngload_buffer");
  CHECK(image_loader(jpeg_with_gps(16, 12)) == "jpegload_buffer");
  CHECK(image_loader(svg_use_bomb()).empty());
  CHECK(image_loader("%PDF-1.4\n1 0 obj\n").empty());
  CHECK(image_loader("1 2 3\n4 5 6\n").empty());  // matrix and CSV text
  unsigned long long before = images_decoded();
  ResizedImage bomb = resize_image(svg_use_bomb(), false);
  CHECK_FALSE(bomb.ok);
  CHECK(bomb.refusal == ImageRefusal::format);
  ResizedImage huge = resize_image(png_claiming(40000, 40000), true);
  CHECK_FALSE(huge.ok);
  CHECK(huge.refusal == ImageRefusal::too_large);
  CHECK(huge.source_width == 40000);
  CHECK(huge.source_height == 40000);
  ResizedImage over = resize_image(png_claiming(10000, 10001), true);  // 100,010,000 pixels
  CHECK(over.refusal == ImageRefusal::too_large);
  CHECK(kMaxImagePixels == 100'000'000);
  CHECK(images_decoded() == before);
}

TEST_CASE("published_type decides by name and bytes, failing closed") {
  struct Case {
    std::string path, head;
    Publishing publishing;
    std::string format;
    MediaKind kind;
  };
  const std::string jpeg = "\xFF\xD8\xFF\xE0";
  const std::string heic = std::string("\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24);
  const std::string mp4 = std::string("\0\0\0\x18" "ftypisom\0\0\0\0isomiso2", 24);
  const std::vector<Case> cases = {
      {"IMG_0001.JPG", jpeg, Publishing::reencode, "JPEG", MediaKind::image},
      {"scan.jfif", jpeg, Publishing::reencode, "JPEG", MediaKind::image},
      {"photo.heic", heic, Publishing::reencode, "HEIF", MediaKind::image},
      {"clip.mp4", mp4, Publishing::as_is, "", MediaKind::video},
      {"clip.MOV", mp4, Publishing::as_is, "", MediaKind::video},
      {"report.final.pdf", "%PDF-1.7", Publishing::as_is, "", MediaKind::pdf},
      {"song.mp3", "ID3", Publishing::as_is, "", MediaKind::audio},
      {"data.csv", "a,b\n1,2\n", Publishing::as_is, "", MediaKind::file},
      {"love.txt", "<3 you\n", Publishing::as_is, "", MediaKind::file},
      {"empty.txt", "", Publishing::as_is, "", MediaKind::file},
      {"data.csv", "\xEF\xBB\xBF\n <HTML>", Publishing::refuse_active, "HTML", MediaKind::file},
      {"page.txt", "<?xml version='1.0'?><svg/>", Publishing::refuse_active, "SVG", MediaKind::file},
      {"notes.txt", "</p>", Publishing::refuse_active, "HTML", MediaKind::file},
      {"x.shtml", "hello", Publishing::refuse_active, "", MediaKind::file},
      {"project.sb3", "PK\3\4", Publishing::refuse_active, "", MediaKind::file},
      {"README", "plain", Publishing::refuse_active, "", MediaKind::file},
      {"x.PHP.jpg", jpeg, Publishing::refuse_active, "", MediaKind::file},
      {"x.html.gz", "\x1F\x8B", Publishing::refuse_active, "", MediaKind::file},
      {"picture.svg", "<svg/>", Publishing::refuse_active, "SVG", MediaKind::file},
      {"picture.jpg", "not a picture", Publishing::refuse_image, "", MediaKind::image},
      {"picture.png", "<svg/>", Publishing::refuse_image, "SVG", MediaKind::image},
      {"drawing.bmp", std::string("BM\0\0\0\0\0\0\0\0\0\0\0\0\x28\0\0\0", 18), Publishing::refuse_image, "BMP",
       MediaKind::image},
      {"raw.cr3", std::string("\0\0\0\x18" "ftypcrx \0\0\0\0crx isom", 24), Publishing::refuse_image,
       "camera RAW (CR3)", MediaKind::image},
      {"photo.jxl", std::string("\0\0\0\x0CJXL \r\n\x87\n", 12), Publishing::refuse_image, "JPEG XL",
       MediaKind::image},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    PublishedType t = published_type(c.path, c.head);
    CHECK(t.publishing == c.publishing);
    CHECK(std::string(t.format) == c.format);
    CHECK(t.kind == c.kind);
  }
  CHECK(published_type("a.png", "\x89PNG\r\n\x1A\n").keeps_transparency);
  CHECK_FALSE(published_type("a.png", jpeg).keeps_transparency);  // re-encoded as what it is: a JPEG
}

TEST_CASE("a file that cannot be read is not published, and a FIFO in a file's place does not hang the build") {
  std::string pattern = (fs::temp_directory_path() / "casfolio-fifo-XXXXXX").string();
  fs::path dir = ::mkdtemp(pattern.data());
  REQUIRE(::mkfifo((dir / "clip.mp4").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((dir / "photo.jpg").c_str(), 0600) == 0);
  std::vector<Finding> findings;
  MediaRegistry media({"clip.mp4", "photo.jpg", "gone.pdf"}, dir.string(), "media/x", "students/x", &findings);
  for (const char* name : {"clip.mp4", "photo.jpg", "gone.pdf"}) {
    const MediaItem* item = media.publish(name);
    REQUIRE(item);
    CHECK(item->failed);
    CHECK(item->href.empty());
  }
  std::vector<OutputFile> out;
  media.emit(out);
  CHECK(out.empty());
  // The loader reports what it could not read (evidence-unreadable); an
  // image says why the page shows only its name.
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "image-unreadable");
  CHECK(findings[0].where.file == "students/x/photo.jpg");
  CHECK(render_message(findings[0], Language::en).message ==
        "the image 'photo.jpg' could not be read, so the site shows only its name (cannot read the file)");
  std::error_code ec;
  fs::remove_all(dir, ec);
}

TEST_CASE("every format casfolio decodes is recognised by its bytes and re-encoded") {
  if (VIPS_INIT("casfolio-test") != 0) FAIL("libvips did not start");
  vips::VImage img = vips::VImage::black(64, 48).bandjoin({100.0, 50.0}).cast(VIPS_FORMAT_UCHAR);
  img = img.copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  const std::vector<std::pair<const char*, std::string_view>> formats = {
      {".jpg", "JPEG"}, {".png", "PNG"}, {".gif", "GIF"}, {".webp", "WebP"},
      {".tif", "TIFF"}, {".heic", "HEIF"}, {".avif", "AVIF"}};
  for (const auto& [suffix, format] : formats) {
    INFO(suffix);
    void* data = nullptr;
    size_t length = 0;
    img.write_to_buffer(suffix, &data, &length);
    std::string bytes(static_cast<const char*>(data), length);
    g_free(data);
    PublishedType t = published_type("upload.bin", bytes);  // the name says nothing
    CHECK(t.publishing == Publishing::reencode);
    CHECK(t.format == format);
    CHECK(!image_loader(bytes).empty());
    ResizedImage r = resize_image(bytes, t.keeps_transparency);
    CHECK(r.ok);
    CHECK(r.web.width == 64);
    CHECK(r.thumbnail.height == 48);
  }
}
