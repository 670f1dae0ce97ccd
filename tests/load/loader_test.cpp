// The loader on a valid cohort: every key typed into the model, discovery,
// sorting, drafts, a single portfolio finding its cohort, in-memory sources.
#include <catch2/catch.hpp>

#include <filesystem>

#include "load/file_source.h"
#include "load/loader.h"
#include "load_test_support.h"

using namespace casfolio;
using casfolio::testing::format_findings;

namespace {

const std::string kValid = std::string(CASFOLIO_SOURCE_DIR) + "/tests/fixtures/valid-minimal";

Date d(const char* s) { return *Date::parse(s); }

std::vector<std::string> outcome_ids(const std::vector<OutcomeRef>& refs) {
  std::vector<std::string> out;
  for (const OutcomeRef& r : refs) out.push_back(r.indicator.empty() ? r.outcome : r.indicator);
  return out;
}

}  // namespace

TEST_CASE("valid-minimal: cohort.yaml is typed key by key") {
  Cohort c = load_directory(kValid, {});
  CHECK(c.root == kValid);
  CHECK(format_findings(c) == "");
  const CohortConfig& k = c.config;
  CHECK(k.file == "cohort.yaml");
  CHECK(k.school == "Test Lyceum");
  CHECK(k.programme == "IB Diploma Programme");
  CHECK(k.cohort == "2026-2028");
  CHECK(k.language == Language::ru);
  CHECK(k.languages == std::vector<Language>{Language::ru, Language::kk, Language::en});
  CHECK(k.start == d("2026-09-09"));
  CHECK(k.end == d("2028-04-15"));
  CHECK(k.theme == "plain");
  CHECK(k.framework.id == "ib-cas");
  CHECK(k.keys.file == "cohort.yaml");
  CHECK(k.keys.line == 2);
  CHECK(k.keys.at("calendar") == std::pair<int, int>{21, 1});

  const Requirements& q = k.requirements;
  CHECK(q.min_months == 12);
  CHECK(q.max_gap_days == 45);
  CHECK_FALSE(q.all_outcomes);
  CHECK(q.all_strands);
  CHECK(q.project.min == 2);
  CHECK(q.project.min_days == 20);
  CHECK(q.project.collaborators == 3);
  CHECK_FALSE(q.project.all_stages);
  CHECK(q.min_experiences == std::array<int, 3>{3, 2, 1});
  CHECK(q.max_outcomes_per_experience == 4);
  CHECK(q.reflections_per_experience.min == 2);
  CHECK(q.reflections_per_experience.long_days == 60);
  CHECK(q.reflections_per_experience.long_min == 3);
  CHECK(q.similarity == 0.75);

  REQUIRE(k.calendar.size() == 3);  // sorted by date
  CHECK(k.calendar[0].date == d("2026-09-30"));
  CHECK(k.calendar[0].kind == "reflection");
  CHECK_FALSE(k.calendar[0].from.valid());
  CHECK(k.calendar[0].line == 23);
  CHECK(k.calendar[1].date == d("2026-10-30"));
  CHECK(k.calendar[1].kind == "interview");
  CHECK(k.calendar[1].name.en == "Interview 1");
  CHECK(k.calendar[1].interview == "first");
  CHECK(k.calendar[1].line == 22);
  CHECK(k.calendar[2].from == d("2027-05-17"));
  CHECK(k.calendar[2].date == d("2027-05-22"));
  CHECK(k.calendar[2].interview == "mid");

  REQUIRE(k.social_gpa);
  const SocialGpaScheme& g = *k.social_gpa;
  CHECK(g.model == GpaModel::mixed);
  CHECK(g.volunteer_hours.per == 5);
  CHECK(g.volunteer_hours.points == 0.5);
  CHECK(g.volunteer_hours.max == 4);
  CHECK(g.volunteer_hours.rounding == Rounding::nearest);
  CHECK(g.points == std::vector<std::pair<std::string, double>>{{"event_organised", 2},
                                                                 {"committee", 1},
                                                                 {"competition", 1},
                                                                 {"prize", 3},
                                                                 {"course_certificate", 2},
                                                                 {"olympiad", 4}});
  CHECK_FALSE(g.require_evidence);
  CHECK(g.scale_max == 5);
  CHECK(g.full_points == 25);
  CHECK(g.level_high == 18);
  CHECK(g.level_satisfactory == 9);
}

TEST_CASE("valid-minimal: portfolios at any depth, ignored folders skipped, sorted by id") {
  Cohort c = load_directory(kValid, {});
  REQUIRE(c.portfolios.size() == 2);
  CHECK(c.portfolios[0].portfolio.id == "ana-example");
  CHECK(c.portfolios[0].portfolio.root == "students/ana-example");
  const Portfolio& bek = c.portfolios[1].portfolio;
  CHECK(bek.id == "bek");  // `id:` wins over the folder name
  CHECK(bek.root == "students/11b/zhan");
  CHECK(bek.usable);
  CHECK(bek.profile.name == "Zhan Bek");
  CHECK(bek.profile.language == Language::ru);  // the cohort's
  CHECK_FALSE(bek.profile.language_given);
  CHECK(bek.files == std::vector<std::string>{"portfolio.yaml"});
  CHECK(bek.experiences.empty());
}

TEST_CASE("valid-minimal: portfolio.yaml and plan.md") {
  Cohort c = load_directory(kValid, {});
  const Portfolio& p = c.portfolios.at(0).portfolio;
  const Profile& pr = p.profile;
  CHECK(pr.name == "Ана Пример");
  CHECK(pr.language == Language::kk);
  CHECK(pr.language_given);
  CHECK(pr.grade == "11");
  CHECK(pr.class_name == "11A");
  CHECK(pr.candidate == "abc123");
  CHECK(pr.email == "ana@example.org");
  CHECK(pr.advisor == "Гүлнар Омарова");
  CHECK(pr.started == d("2026-09-15"));
  CHECK(pr.interests == std::vector<std::string>{"music", "volleyball"});
  CHECK(pr.strengths == std::vector<std::string>{"Patient: I finish what I start", "Good with children"});
  CHECK(pr.growth == std::vector<std::string>{"public speaking"});
  CHECK(pr.goals == std::vector<std::string>{"learn five songs"});
  CHECK(pr.private_keys == std::vector<std::string>{"growth", "guitar"});
  CHECK(pr.keys.file == "portfolio.yaml");
  CHECK(pr.keys.at("private") == std::pair<int, int>{15, 1});
  REQUIRE(p.plan);
  CHECK(p.plan_file == "plan.md");
  CHECK(p.plan->first_line == 1);
  CHECK(p.plan->text.starts_with("# My CAS plan\n"));
}

TEST_CASE("valid-minimal: experiences, sorted by start, with every key") {
  Cohort c = load_directory(kValid, {});
  const Portfolio& p = c.portfolios.at(0).portfolio;
  REQUIRE(p.experiences.size() == 2);  // the draft is left out
  const Experience& g = p.experiences[0];
  CHECK(g.id == "guitar");
  CHECK(g.dir == "experiences/guitar");
  CHECK(g.file == "experiences/guitar/index.md");
  CHECK(g.title == "Learning the guitar");
  CHECK(g.strands.has(Strand::creativity));
  CHECK(g.strands.size() == 1);
  CHECK(g.start == d("2026-09-15"));
  CHECK_FALSE(g.end.valid());
  CHECK(outcome_ids(g.outcomes) == std::vector<std::string>{"1", "2", "4"});
  CHECK(g.hours_given);
  CHECK(g.claimed_hours == StrandHours{12.5, 0, 0});
  CHECK(g.supervisor.name == "Mr Ivanov");
  CHECK(g.tags == std::vector<std::string>{"music"});
  CHECK(g.is_private);  // named in portfolio.yaml's `private`
  CHECK_FALSE(g.project);
  CHECK(g.evidence == std::vector<std::string>{"experiences/guitar/chord-chart.png"});
  CHECK(g.reflections == std::vector<int>{0, 1});
  CHECK(g.description.first_line == 10);
  CHECK(g.description.text == "I learn chords. Chart: ![chart](chord-chart.png)\n");
  CHECK(g.keys.line == 2);
  CHECK(g.keys.at("strands") == std::pair<int, int>{3, 1});
  CHECK_FALSE(g.review);

  const Experience& r = p.experiences[1];
  CHECK(r.id == "river-cleanup");
  CHECK(r.title == "River clean-up");
  CHECK(r.strands.has(Strand::service));
  CHECK(r.strands.has(Strand::activity));
  CHECK_FALSE(r.strands.has(Strand::creativity));
  CHECK(r.start == d("2027-02-01"));
  CHECK(r.end == d("2027-05-10"));
  CHECK(r.project);
  CHECK_FALSE(r.paid);
  CHECK_FALSE(r.is_private);
  CHECK(outcome_ids(r.outcomes) == std::vector<std::string>{"3", "5"});
  CHECK(r.claimed_hours == StrandHours{0, 8, 20});
  CHECK(r.supervisor.name == "Bauyrzhan");
  CHECK(r.supervisor.role == "Volunteer coordinator");
  CHECK(r.supervisor.email == "b@example.org");
  CHECK(r.supervisor.phone == "+7 700 000 00 00");
  CHECK(r.collaborators == std::vector<std::string>{"Dana", "Alikhan"});
  CHECK(r.stages[0] == "We counted the bottles.");
  CHECK(r.stages[1] == "We made a plan, see [poster](poster.png).\n");
  CHECK(r.stages[2] == "Cleaned the bank.");
  CHECK(r.stages[3] == "We talked.");
  CHECK(r.stages[4] == "We presented.");
  REQUIRE(r.achievements.size() == 2);
  CHECK(r.achievements[0].kind == "event_organised");
  CHECK(r.achievements[0].date == d("2027-04-17"));
  CHECK(r.achievements[0].level == "school");
  CHECK(r.achievements[0].title == "Clean-up day");
  CHECK(r.achievements[0].evidence == "experiences/river-cleanup/poster.png");
  CHECK(r.achievements[0].line == 25);
  CHECK(r.achievements[1].kind == "olympiad");
  CHECK(r.achievements[1].evidence.empty());
  CHECK(r.achievements[1].line == 26);
  CHECK(r.evidence ==
        std::vector<std::string>{"experiences/river-cleanup/poster.png", "experiences/river-cleanup/photos/river.jpg"});
  CHECK(r.reflections == std::vector<int>{4});
  REQUIRE(r.review);
  CHECK(r.review->file == "experiences/river-cleanup/review.md");
  CHECK(r.review->by == "Bauyrzhan");
  CHECK(r.review->date == d("2027-05-11"));
  CHECK(r.review->hours == 26);
  CHECK(outcome_ids(r.review->outcomes) == std::vector<std::string>{"3", "5", "6"});
  CHECK(r.review->completed == true);
  CHECK(r.review->comment.text == "Well organised.\n");
  CHECK(r.review->comment.first_line == 8);
}

TEST_CASE("valid-minimal: reflections by date then file, interviews by date") {
  Cohort c = load_directory(kValid, {});
  const Portfolio& p = c.portfolios.at(0).portfolio;
  REQUIRE(p.reflections.size() == 5);
  std::vector<std::string> files;
  for (const Reflection& r : p.reflections) files.push_back(r.file);
  CHECK(files == std::vector<std::string>{"experiences/guitar/2026-09-30-first-chords.md",
                                          "experiences/guitar/2026-11-14-barre.md",
                                          "reflections/2026-12-27-half-year.md", "reflections/summary.md",
                                          "experiences/river-cleanup/2027-04-19-cleanup-day.md"});
  const Reflection& first = p.reflections[0];
  CHECK(first.experience == 0);
  CHECK(first.title == "First chords");
  CHECK(first.date == d("2026-09-30"));
  CHECK(first.date_from_file_name);
  CHECK(outcome_ids(first.outcomes) == std::vector<std::string>{"1", "2"});
  CHECK(first.stage == Stage::action);
  CHECK(first.evidence == std::vector<std::string>{"experiences/guitar/chord-chart.png"});
  CHECK(first.body.first_line == 7);
  const Reflection& barre = p.reflections[1];
  CHECK(barre.experience == 0);
  CHECK(barre.body.first_line == 1);
  CHECK(barre.body.text == "No front matter: the date comes from the file name.\n");
  CHECK(p.reflections[2].experience == -1);
  CHECK(p.reflections[3].date == d("2026-12-27"));
  CHECK_FALSE(p.reflections[3].date_from_file_name);
  const Reflection& day = p.reflections[4];
  CHECK(day.experience == 1);
  CHECK(day.date == d("2027-04-20"));  // `date:` wins over the file name
  CHECK_FALSE(day.date_from_file_name);
  CHECK(day.stage == Stage::reflection);

  REQUIRE(p.interviews.size() == 2);
  CHECK(p.interviews[0].file == "interviews/2026-10-28-first.md");
  CHECK(p.interviews[0].date == d("2026-10-28"));
  CHECK(p.interviews[0].kind == "first");
  CHECK(p.interviews[0].title == "Interview 1");
  CHECK(p.interviews[1].date == d("2027-05-18"));
  CHECK(p.interviews[1].kind == "mid");
  CHECK(p.interviews[1].body.text == "Halfway.\n");
}

TEST_CASE("valid-minimal: files are every non-ignored file, sorted") {
  Cohort c = load_directory(kValid, {});
  CHECK(c.portfolios.at(0).portfolio.files == std::vector<std::string>{
                                                  "experiences/guitar/2026-09-30-first-chords.md",
                                                  "experiences/guitar/2026-11-14-barre.md",
                                                  "experiences/guitar/chord-chart.png",
                                                  "experiences/guitar/index.md",
                                                  "experiences/river-cleanup/2027-04-19-cleanup-day.md",
                                                  "experiences/river-cleanup/index.md",
                                                  "experiences/river-cleanup/photos/river.jpg",
                                                  "experiences/river-cleanup/poster.png",
                                                  "experiences/river-cleanup/review.md",
                                                  "experiences/secret-draft/index.md",
                                                  "interviews/2026-10-28-first.md",
                                                  "interviews/mid.md",
                                                  "plan.md",
                                                  "portfolio.yaml",
                                                  "reflections/2026-12-27-half-year.md",
                                                  "reflections/summary.md",
                                              });
}

TEST_CASE("valid-minimal: --drafts brings the draft in, with its problems") {
  LoadOptions o;
  o.drafts = true;
  Cohort c = load_directory(kValid, o);
  const Portfolio& p = c.portfolios.at(0).portfolio;
  REQUIRE(p.experiences.size() == 3);
  CHECK(p.experiences[1].id == "secret-draft");
  CHECK(p.experiences[1].draft);
  CHECK(format_findings(c) == "students/ana-example/experiences/secret-draft/index.md:3:11: error: unknown-strand\n");
}

TEST_CASE("a single portfolio finds the cohort.yaml of a parent folder") {
  Cohort c = load_directory(kValid + "/students/ana-example", {});
  CHECK(c.config.file == "../../cohort.yaml");
  CHECK(c.config.school == "Test Lyceum");
  REQUIRE(c.portfolios.size() == 1);
  CHECK(c.portfolios[0].portfolio.root == ".");
  CHECK(c.portfolios[0].portfolio.id == "ana-example");
  CHECK(c.portfolios[0].portfolio.experiences.size() == 2);
  CHECK(format_findings(c) == "");
}

TEST_CASE("the --cohort option wins over a parent cohort.yaml; an unreadable one is a finding") {
  casfolio::testing::TempDir tmp;
  casfolio::testing::write_file(tmp.path() / "other.yaml", "school: Other School\nlanguage: kk\n");
  LoadOptions o;
  o.cohort_file = (tmp.path() / "other.yaml").string();
  Cohort c = load_directory(kValid + "/students/ana-example", o);
  CHECK(c.config.school == "Other School");
  CHECK(c.config.languages == std::vector<Language>{Language::kk});

  o.cohort_file = (tmp.path() / "missing.yaml").string();
  Cohort m = load_directory(kValid + "/students/11b/zhan", o);
  REQUIRE(m.config_findings.size() == 1);
  CHECK(m.config_findings[0].code == "file-unreadable");
  CHECK(m.config.school.empty());  // the built-in defaults
  CHECK(m.portfolios.at(0).portfolio.id == "bek");
}

TEST_CASE("a folder that is neither a cohort nor a portfolio") {
  casfolio::testing::TempDir tmp;
  Cohort c = load_directory(tmp.path().string(), {});
  CHECK(format_findings(c) == ".: error: not-a-portfolio\n");
  CHECK(c.portfolios.empty());
}

TEST_CASE("in memory: one number of hours is shared evenly between strands") {
  MemoryFileSource m;
  m.add("portfolio.yaml", "name: A\n");
  m.add("experiences/x/index.md", "---\ntitle: X\nstrands: [C, S]\nstart: 2026-10-01\noutcomes: [1]\nhours: 10\n---\n");
  Cohort c = load(m, {});
  REQUIRE(c.portfolios.size() == 1);
  CHECK(c.portfolios[0].portfolio.id == "portfolio");
  CHECK(format_findings(c) == "");
  CHECK(c.portfolios[0].portfolio.experiences.at(0).claimed_hours == StrandHours{5, 0, 5});
}

TEST_CASE("in memory: a parent cohort text is used for a single portfolio") {
  MemoryFileSource m;
  m.add("portfolio.yaml", "name: A\nid: anna\n");
  Cohort c = load(m, {}, std::string("language: ru\n"));
  CHECK(c.config.language == Language::ru);
  CHECK(c.config.file == "cohort.yaml");
  CHECK(c.portfolios.at(0).portfolio.profile.language == Language::ru);
}

TEST_CASE("in memory: one broken portfolio does not stop the others") {
  MemoryFileSource m;
  m.add("cohort.yaml", "school: S\n");
  m.add("a/portfolio.yaml", "name: A\n");
  m.add("b/portfolio.yaml", "name: [B\n");
  m.add("b/experiences/x/index.md", "---\ntitle: X\n---\n");
  m.add("c/portfolio.yaml", "name: C\n");
  Cohort c = load(m, {});
  REQUIRE(c.portfolios.size() == 3);
  CHECK(c.portfolios[0].portfolio.usable);
  CHECK_FALSE(c.portfolios[1].portfolio.usable);
  CHECK(c.portfolios[1].portfolio.id == "b");
  CHECK(c.portfolios[1].portfolio.experiences.empty());
  CHECK(c.portfolios[2].portfolio.usable);
  CHECK(c.portfolios[2].portfolio.profile.name == "C");
  CHECK(format_findings(c) == "b/portfolio.yaml:1:7: error: yaml-unclosed\n");  // where the `[` opened
}

TEST_CASE("in memory: duplicate ids are an error on the second, which gets a suffix") {
  MemoryFileSource m;
  m.add("cohort.yaml", "school: S\n");
  m.add("x/ana/portfolio.yaml", "name: A\n");
  m.add("y/other/portfolio.yaml", "name: B\nid: ana\n");
  m.add("z/ana-2/portfolio.yaml", "name: C\n");
  Cohort c = load(m, {});
  REQUIRE(c.portfolios.size() == 3);
  CHECK(c.portfolios[0].portfolio.id == "ana");
  CHECK(c.portfolios[0].portfolio.root == "x/ana");
  CHECK(c.portfolios[1].portfolio.id == "ana-2");
  CHECK(c.portfolios[1].portfolio.root == "z/ana-2");
  CHECK(c.portfolios[2].portfolio.id == "ana-3");
  CHECK(c.portfolios[2].portfolio.root == "y/other");
  CHECK(format_findings(c) == "y/other/portfolio.yaml:2:1: error: duplicate-id\n");
  CHECK(c.portfolios[2].findings[0].args == Args{{"id", "ana"}, {"other", "x/ana"}});
}

TEST_CASE("in memory: a folder name that is not an id gets a slug and an error") {
  MemoryFileSource m;
  m.add("cohort.yaml", "");
  m.add("students/Aruzhan Bekova/portfolio.yaml", "name: A\n");
  m.add("students/Aruzhan Bekova/experiences/Guitar Club/index.md",
        "---\ntitle: X\nstrands: [C]\nstart: 2026-10-01\noutcomes: [1]\n---\n");
  Cohort c = load(m, {});
  REQUIRE(c.portfolios.size() == 1);
  CHECK(c.portfolios[0].portfolio.id == "aruzhan-bekova");
  CHECK(format_findings(c) ==
        "cohort.yaml: error: empty-file\n"
        "students/Aruzhan Bekova: error: bad-id\n"
        "students/Aruzhan Bekova/experiences/Guitar Club/index.md: error: bad-id\n");
  CHECK(c.portfolios[0].findings[0].args == Args{{"id", "Aruzhan Bekova"}, {"slug", "aruzhan-bekova"}});
}

TEST_CASE("in memory: a Cyrillic folder name is transliterated like casfolio new does") {
  MemoryFileSource m;
  m.add("cohort.yaml", "school: S\n");
  m.add("students/Әлия Нұрланқызы/portfolio.yaml", "name: Ә\n");
  Cohort c = load(m, {});
  REQUIRE(c.portfolios.size() == 1);
  CHECK(c.portfolios[0].portfolio.id == "aliia-nurlanqyzy");
}

TEST_CASE("in memory: loading is deterministic") {
  MemoryFileSource m;
  m.add("cohort.yaml", "school: S\n");
  for (const char* id : {"zed", "amy", "kim"}) {
    std::string root = std::string("s/") + id;
    m.add(root + "/portfolio.yaml", "name: N\n");
    m.add(root + "/reflections/b.md", "---\ndate: 2026-10-01\n---\n![x](missing.png)\n");
    m.add(root + "/reflections/a.md", "---\ndate: 2026-10-01\n---\n[y](gone.pdf)\n");
  }
  std::string first = format_findings(load(m, {}));
  CHECK(first == format_findings(load(m, {})));
  CHECK(first ==
        "s/amy/reflections/a.md:4:5: error: missing-file\ns/amy/reflections/b.md:4:6: error: missing-file\n"
        "s/kim/reflections/a.md:4:5: error: missing-file\ns/kim/reflections/b.md:4:6: error: missing-file\n"
        "s/zed/reflections/a.md:4:5: error: missing-file\ns/zed/reflections/b.md:4:6: error: missing-file\n");
}

TEST_CASE("limits: files per portfolio and evidence size") {
  MemoryFileSource m;
  m.add("portfolio.yaml", "name: A\n");
  m.add("reflections/2026-10-01.md", "---\nevidence: [../big.mp4]\n---\n");
  m.add("big.mp4", std::string(2048, 'x'));
  m.add("huge.mov", std::string(4096, 'x'));
  m.add("small.jpg", "x");
  LoadOptions o;
  o.limits.max_evidence_bytes = 1024;
  Cohort c = load(m, o);
  CHECK(format_findings(c) ==
        "huge.mov: error: evidence-too-large\n"  // nobody refers to it, so the file itself is named
        "reflections/2026-10-01.md:2:12: error: evidence-too-large\n");
  CHECK(c.portfolios[0].findings[1].args == Args{{"path", "../big.mp4"}, {"size", "2"}, {"limit", "1"}});
  CHECK(c.portfolios[0].portfolio.files ==
        std::vector<std::string>{"portfolio.yaml", "reflections/2026-10-01.md", "small.jpg"});

  LoadOptions few;
  few.limits.max_files_per_portfolio = 2;
  Cohort f = load(m, few);
  CHECK(format_findings(f) == ".: error: too-many-files\n");
  CHECK(f.portfolios[0].portfolio.files.size() == 2);
}

TEST_CASE("cohort.yaml naming a framework file: indicators count for their outcome") {
  MemoryFileSource m;
  m.add("cohort.yaml", "framework: frameworks/bio.yaml\n");
  m.add("frameworks/bio.yaml",
        "id: bio-101\n"
        "name: { en: Biology 101 }\n"
        "outcomes:\n"
        "  - id: 1\n"
        "    name: { en: Understand cells }\n"
        "    indicators:\n"
        "      - { id: 1.1, name: { en: Describe a cell } }\n"
        "      - { id: 1.2, name: { en: Draw a cell } }\n"
        "  - id: 2\n"
        "    name: { en: Do experiments }\n");
  m.add("s/a/portfolio.yaml", "name: A\n");
  m.add("s/a/experiences/x/index.md",
        "---\ntitle: X\nstrands: [C]\nstart: 2026-10-01\noutcomes: [1.2, LO2, 3]\n---\n");
  Cohort c = load(m, {});
  CHECK(c.config.framework.id == "bio-101");
  CHECK(format_findings(c) == "s/a/experiences/x/index.md:5:22: error: unknown-outcome\n");
  const Experience& e = c.portfolios.at(0).portfolio.experiences.at(0);
  REQUIRE(e.outcomes.size() == 2);
  CHECK(e.outcomes[0] == OutcomeRef{"1", "1.2"});
  CHECK(e.outcomes[1] == OutcomeRef{"2", ""});
  CHECK(c.portfolios[0].findings[0].args == Args{{"outcome", "3"}, {"known", "1, 2"}});
}

TEST_CASE("a parent cohort's framework file is read from the cohort's folder") {
  casfolio::testing::TempDir tmp;
  using casfolio::testing::write_file;
  write_file(tmp.path() / "cohort.yaml", "framework: fw.yaml\n");
  write_file(tmp.path() / "fw.yaml", "id: fw\nname: { en: F }\noutcomes:\n  - { id: A, name: { en: Alpha } }\n");
  write_file(tmp.path() / "students/ana/portfolio.yaml", "name: Ana\n");
  Cohort c = load_directory((tmp.path() / "students/ana").string(), {});
  CHECK(c.config.file == "../../cohort.yaml");
  CHECK(c.config.framework.id == "fw");
  CHECK(format_findings(c) == "");

  write_file(tmp.path() / "cohort.yaml", "framework: nowhere.yaml\nschool: X\n");
  Cohort missing = load_directory((tmp.path() / "students/ana").string(), {});
  CHECK(format_findings(missing) == "../../cohort.yaml:1:12: error: framework-not-found\n");
  CHECK(missing.config.framework.id == "ib-cas");
  CHECK(missing.config.school == "X");
}
