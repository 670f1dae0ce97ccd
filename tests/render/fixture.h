// A small cohort built in code for the renderer's tests: two students, one
// writing in English (with private values and hostile Markdown), one in
// Kazakh (with an image libvips cannot read). Evidence files live in a
// temporary folder that the fixture removes.
#pragma once
#include <vips/vips8>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "indicators/analysis.h"
#include "model/cohort.h"

namespace casfolio::test {

// Values that a --public build must never contain.
inline const std::vector<std::string> kPrivateValues = {
    "CAND-777-SECRET",          // candidate number
    "ana.secret@example.test",  // e-mail
    "sup.secret@example.test",  // supervisor e-mail
    "+7 700 000 11 22",         // supervisor phone
    "PRIVATE-GROWTH-ITEM",      // a profile key listed in private:
    "SECRET-DIARY-TITLE",       // a private experience
    "SECRET-DIARY-BODY",        // its description
    "SECRET-REFLECTION-BODY",   // its reflection
    "SECRET-PDF-BYTES",         // its evidence
    "INTERVIEW-NOTES-SECRET",   // interviews are staff records
    "GPS-SECRET-51.1694N",      // EXIF in the photo
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void write_file(const std::filesystem::path& p, const std::string& data) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << data;
}

// A JPEG of `w` x `h` with an EXIF block holding GPS data and a marker text.
inline std::string jpeg_with_gps(int w, int h) {
  if (VIPS_INIT("casfolio-test") != 0) return {};
  vips::VImage img = vips::VImage::xyz(w, h)[0].linear({0.5}, {20}).bandjoin({120.0, 200.0}).cast(VIPS_FORMAT_UCHAR);
  img = img.copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  VipsBlob* blob = img.jpegsave_buffer(vips::VImage::option()->set("strip", true)->set("Q", 80));
  size_t len = 0;
  const char* data = static_cast<const char*>(vips_blob_get(blob, &len));
  std::string jpeg(data, len);
  vips_area_unref(VIPS_AREA(blob));

  // EXIF (little endian TIFF): IFD0 = {ImageDescription, GPS IFD pointer},
  // GPS IFD = {GPSLatitudeRef "N", GPSLatitude 51/1 10/1 9/1}.
  std::string desc = "GPS-SECRET-51.1694N";
  desc.push_back('\0');
  std::string t;
  auto u16 = [&](uint16_t v) { t.push_back(char(v & 255)); t.push_back(char(v >> 8)); };
  auto u32 = [&](uint32_t v) { for (int i = 0; i < 4; ++i) t.push_back(char((v >> (8 * i)) & 255)); };
  const uint32_t ifd0 = 8, ifd0_size = 2 + 2 * 12 + 4, desc_at = ifd0 + ifd0_size;
  const uint32_t gps_at = desc_at + uint32_t(desc.size()), gps_size = 2 + 2 * 12 + 4, lat_at = gps_at + gps_size;
  t += "II";
  u16(42);
  u32(ifd0);
  u16(2);
  u16(0x010E); u16(2); u32(uint32_t(desc.size())); u32(desc_at);  // ImageDescription
  u16(0x8825); u16(4); u32(1); u32(gps_at);                       // GPSInfo
  u32(0);
  t += desc;
  u16(2);
  u16(1); u16(2); u32(2); t += "N"; t.push_back('\0'); t.push_back('\0'); t.push_back('\0');  // GPSLatitudeRef
  u16(2); u16(5); u32(3); u32(lat_at);                                                        // GPSLatitude
  u32(0);
  for (uint32_t v : {51u, 1u, 10u, 1u, 9u, 1u}) u32(v);
  std::string app1 = "Exif";
  app1.append(2, '\0');
  app1 += t;
  std::string segment = "\xFF\xE1";
  uint16_t seglen = uint16_t(app1.size() + 2);
  segment.push_back(char(seglen >> 8));
  segment.push_back(char(seglen & 255));
  segment += app1;
  return jpeg.substr(0, 2) + segment + jpeg.substr(2);
}

inline Date day(const char* iso) { return *Date::parse(iso); }

inline MarkdownBody md(std::string text) { return MarkdownBody{std::move(text), 1}; }

struct Fixture {
  std::string dir;  // the cohort folder on disk (evidence lives here)
  Cohort cohort;
  CohortAnalysis analysis;

  Fixture(const Fixture&) = delete;
  Fixture() = default;
  ~Fixture() {
    std::error_code ec;
    if (!dir.empty()) std::filesystem::remove_all(dir, ec);
  }
};

inline Reflection reflection(std::string file, int experience, std::string title, const char* date, std::string body,
                             std::vector<OutcomeRef> outcomes = {}, std::vector<std::string> evidence = {}) {
  Reflection r;
  r.file = std::move(file);
  r.experience = experience;
  r.title = std::move(title);
  r.date = day(date);
  r.body = md(std::move(body));
  r.outcomes = std::move(outcomes);
  r.evidence = std::move(evidence);
  return r;
}

inline Portfolio make_ana() {
  Portfolio p;
  p.id = "ana";
  p.root = "students/ana";
  Profile& pr = p.profile;
  pr.name = "Ana Example";
  pr.language = Language::en;
  pr.language_given = true;
  pr.class_name = "11A";
  pr.grade = "11";
  pr.candidate = "CAND-777-SECRET";
  pr.email = "ana.secret@example.test";
  pr.advisor = "Ms Adviser";
  pr.interests = {"Music & <em>guitars</em>"};
  pr.strengths = {"Patience"};
  pr.growth = {"PRIVATE-GROWTH-ITEM"};
  pr.goals = {"Play a song on stage"};
  pr.private_keys = {"growth"};

  Experience guitar;
  guitar.id = "guitar";
  guitar.dir = "experiences/guitar";
  guitar.file = "experiences/guitar/index.md";
  guitar.title = "Guitar <img src=x onerror=alert(1)>";
  guitar.strands.add(Strand::creativity);
  guitar.start = day("2026-09-10");
  guitar.end = day("2027-03-01");
  guitar.outcomes = {{"1", ""}, {"2", ""}};
  guitar.hours_given = true;
  guitar.claimed_hours = {20, 0, 0};
  guitar.supervisor = {"Sam Teacher", "Music teacher", "sup.secret@example.test", "+7 700 000 11 22"};
  guitar.description = md(
      "Learning chords.\n\n<script>alert('md')</script>\n\n"
      "[click me](javascript:alert(1)) and [data link](data:text/html;base64,PHNjcmlwdD4=) and "
      "[vb](vbscript:msgbox) and [escape](../../../../etc/passwd)\n\n"
      "![Chord chart on the wall](chart.jpg)\n\n<img src=x onerror=alert(2)>\n\n"
      "[Certificate](cert.pdf) · [home page](https://example.org/guitar) · ![remote](https://example.org/x.png)\n\n"
      "# A heading\n\n| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n- [x] done\n- [ ] todo\n");
  guitar.evidence = {"experiences/guitar/chart.jpg", "experiences/guitar/cert.pdf"};

  Experience diary;
  diary.id = "diary";
  diary.dir = "experiences/diary";
  diary.file = "experiences/diary/index.md";
  diary.title = "SECRET-DIARY-TITLE";
  diary.strands.add(Strand::creativity);
  diary.start = day("2026-10-01");
  diary.outcomes = {{"1", ""}};
  diary.is_private = true;
  diary.description = md("SECRET-DIARY-BODY\n\n[notes](secret.pdf)\n");
  diary.evidence = {"experiences/diary/secret.pdf"};

  Experience cleanup;
  cleanup.id = "cleanup";
  cleanup.dir = "experiences/cleanup";
  cleanup.file = "experiences/cleanup/index.md";
  cleanup.title = "River clean-up";
  cleanup.strands.add(Strand::service);
  cleanup.strands.add(Strand::activity);
  cleanup.start = day("2027-02-01");
  cleanup.end = day("2027-04-20");
  cleanup.project = true;
  cleanup.outcomes = {{"3", ""}, {"5", ""}, {"6", ""}};
  cleanup.collaborators = {"Dana (11A)", "City volunteers"};
  const char* stage_text[5] = {"We counted bottles.", "We split the roles.", "43 volunteers came.",
                               "We talked after each stage.", "We presented at assembly."};
  for (int i = 0; i < 5; ++i) cleanup.stages[size_t(i)] = stage_text[i];
  cleanup.hours_given = true;
  cleanup.claimed_hours = {0, 6, 6};
  Review review;
  review.file = "experiences/cleanup/review.md";
  review.by = "Mr Volunteer";
  review.date = day("2027-04-22");
  review.hours = 10;
  review.outcomes = {{"5", ""}, {"6", ""}};
  review.completed = true;
  review.comment = md("Ana organised **everything**.");
  cleanup.review = review;

  p.experiences = {guitar, diary, cleanup};  // by start date
  p.reflections = {
      reflection("experiences/guitar/2026-09-20-first-chords.md", 0, "First chords", "2026-09-20",
                 "I learned **three** chords. See [the chart](chart.jpg) and [my plan](../../plan.md).",
                 {{"1", ""}, {"2", ""}}, {"experiences/guitar/chart.jpg"}),
      reflection("experiences/diary/2026-10-05-secret.md", 1, "", "2026-10-05", "SECRET-REFLECTION-BODY",
                 {{"1", ""}}, {"experiences/diary/secret.pdf"}),
      reflection("reflections/2026-12-01.md", -1, "Half a year", "2026-12-01",
                 "Looking back. My [profile](../portfolio.yaml) is not evidence.", {{"4", ""}}),
      reflection("experiences/cleanup/2027-04-21-cleanup-day.md", 2, "Clean-up day", "2027-04-21",
                 "We filled 86 bags.", {{"5", ""}, {"6", ""}, {"7", ""}}),
  };
  p.experiences[0].reflections = {0};
  p.experiences[1].reflections = {1};
  p.experiences[2].reflections = {3};
  p.plan = md("My **plan**: guitar, volleyball, tutoring.");
  p.plan_file = "plan.md";

  Interview iv;
  iv.file = "interviews/2026-10-28-first.md";
  iv.date = day("2026-10-28");
  iv.kind = "first";
  iv.title = "First interview";
  iv.body = md("INTERVIEW-NOTES-SECRET");
  p.interviews = {iv};
  p.files = {"experiences/cleanup/2027-04-21-cleanup-day.md",
             "experiences/cleanup/index.md",
             "experiences/cleanup/review.md",
             "experiences/diary/2026-10-05-secret.md",
             "experiences/diary/index.md",
             "experiences/diary/secret.pdf",
             "experiences/guitar/2026-09-20-first-chords.md",
             "experiences/guitar/cert.pdf",
             "experiences/guitar/chart.jpg",
             "experiences/guitar/index.md",
             "interviews/2026-10-28-first.md",
             "plan.md",
             "portfolio.yaml",
             "reflections/2026-12-01.md"};
  return p;
}

inline Portfolio make_bolat() {
  Portfolio p;
  p.id = "bolat";
  p.root = "students/bolat";
  p.profile.name = "Болат Сейітов";
  p.profile.language = Language::kk;
  p.profile.language_given = true;
  p.profile.class_name = "11B";
  p.profile.advisor = "Гүлнар Омарова";
  p.profile.interests = {"Волейбол"};
  Experience v;
  v.id = "volleyball";
  v.dir = "experiences/volleyball";
  v.file = "experiences/volleyball/index.md";
  v.title = "Волейбол";
  v.strands.add(Strand::activity);
  v.start = day("2026-09-15");
  v.outcomes = {{"4", ""}};
  v.description = md("Аптасына екі рет жаттығамыз.\n\n![Жарыс](broken.jpg)");
  v.evidence = {"experiences/volleyball/broken.jpg"};
  v.reflections = {0};
  p.experiences = {v};
  p.reflections = {reflection("experiences/volleyball/2026-10-01-first.md", 0, "Алғашқы жаттығу", "2026-10-01",
                              "Бірінші жаттығу *қиын* болды.", {{"4", ""}})};
  p.files = {"experiences/volleyball/2026-10-01-first.md", "experiences/volleyball/broken.jpg",
             "experiences/volleyball/index.md", "portfolio.yaml"};
  return p;
}

// The cohort, its evidence written below a fresh temporary folder, analysed as of 2027-06-15.
inline std::unique_ptr<Fixture> make_fixture(const char* as_of = "2027-06-15") {
  auto f = std::make_unique<Fixture>();
  std::string pattern = (std::filesystem::temp_directory_path() / "casfolio-render-XXXXXX").string();
  f->dir = ::mkdtemp(pattern.data());
  namespace fs = std::filesystem;
  fs::path root = f->dir;
  write_file(root / "students/ana/experiences/guitar/chart.jpg", jpeg_with_gps(900, 600));
  write_file(root / "students/ana/experiences/guitar/cert.pdf", "%PDF-1.4 certificate\n");
  write_file(root / "students/ana/experiences/diary/secret.pdf", "%PDF-1.4 SECRET-PDF-BYTES\n");
  write_file(root / "students/ana/portfolio.yaml", "candidate: CAND-777-SECRET\n");
  write_file(root / "students/bolat/experiences/volleyball/broken.jpg", "this is not a JPEG at all");

  CohortConfig& c = f->cohort.config;
  c.school = "Test <Lyceum> & Co";
  c.programme = "IB Diploma Programme";
  c.cohort = "2026-2028";
  c.language = Language::en;
  c.languages = {Language::en, Language::ru};
  c.start = day("2026-09-09");
  c.end = day("2028-04-15");
  c.calendar = {Deadline{day("2026-09-30"), {}, "reflection", {}, "", 1},
                Deadline{day("2026-10-30"), {}, "interview", {"", "", "CAS interview 1"}, "first", 2},
                Deadline{day("2027-10-10"), {}, "event", {"", "", "CAS gallery"}, "", 3}};
  c.social_gpa = SocialGpaScheme{};
  f->cohort.root = f->dir;
  f->cohort.portfolios = {LoadedPortfolio{make_ana(), {}}, LoadedPortfolio{make_bolat(), {}}};
  f->analysis = analyse(f->cohort, day(as_of));
  return f;
}

}  // namespace casfolio::test
