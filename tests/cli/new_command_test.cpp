// casfolio new experience | reflection as a newcomer runs them (issue 15):
// from the repository root or a cohort, where the command must either use the
// only portfolio below or say, in the cohort's language, how to choose one;
// and a reflection named by its experience's title. Nothing is written when
// the command refuses.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "cli/cli.h"
#include "support/cli_run.h"
#include "support/test_support.h"

using namespace casfolio;
namespace fs = std::filesystem;
using test::read_file;
using test::TempDir;
using test::write_file;

using casfolio::test::cli;
using casfolio::test::CliRun;
using casfolio::test::InFolder;

namespace {



// A repository like casfolio's own: content/ is the cohort, portfolios at two depths.
void write_repository(const fs::path& root, const std::string& language, bool two_portfolios) {
  write_file(root / "README.md", "# CAS\n");
  write_file(root / "content/cohort.yaml", "school: Test School\nlanguage: " + language + "\n");
  write_file(root / "content/students/ana/portfolio.yaml", "name: Ana Test\n");
  if (two_portfolios) write_file(root / "content/students/11b/bob/portfolio.yaml", "name: Bob Test\n");
}

const std::string kDate = "--date=2026-11-23";

}  // namespace

TEST_CASE("new experience from the repository root with several portfolios lists how to choose, in the cohort's language") {
  TempDir tmp;
  write_repository(tmp.path(), "ru", true);
  InFolder here(tmp.path());
  CliRun r = cli({"new", "experience", "Guitar lessons", kDate});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "casfolio new: ошибка: . не внутри портфолио, но в ней 2 портфолио: выберите одно через --in "
        "[new-choose-portfolio]\n"
        "подсказка: Добавьте --in с папкой вашего портфолио (одной из перечисленных ниже) или запустите команду в этой "
        "папке.\n"
        "  casfolio new experience 'Guitar lessons' --in content/students/11b/bob\n"
        "  casfolio new experience 'Guitar lessons' --in content/students/ana\n");
  CHECK_FALSE(fs::exists(tmp.path() / "content/students/ana/experiences"));
  CHECK_FALSE(fs::exists(tmp.path() / "experiences"));

  SECTION("the listed command works") {
    CliRun chosen = cli({"new", "experience", "Guitar lessons", "--in", "content/students/ana", kDate});
    CHECK(chosen.code == 0);
    CHECK(chosen.err.empty());
    CHECK(chosen.out == "создан файл content/students/ana/experiences/guitar-lessons/index.md\n");
    CHECK(fs::exists(tmp.path() / "content/students/ana/experiences/guitar-lessons/index.md"));
  }
  SECTION("--in naming the cohort lists the same, below it") {
    CliRun in_cohort = cli({"new", "reflection", "--in", "content/"});
    CHECK(in_cohort.code == 2);
    CHECK(in_cohort.err.find("casfolio new: ошибка: content/ не внутри портфолио, но в ней 2 портфолио") == 0);
    CHECK(in_cohort.err.ends_with("  casfolio new reflection --in content/students/11b/bob\n"
                                  "  casfolio new reflection --in content/students/ana\n"));
  }
}

TEST_CASE("new experience from the repository root uses the only portfolio below it") {
  TempDir tmp;
  write_repository(tmp.path(), "kk", false);
  InFolder here(tmp.path());
  CliRun r = cli({"new", "experience", "Guitar lessons", kDate});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == "файл жасалды: content/students/ana/experiences/guitar-lessons/index.md\n");
  std::string text = read_file(tmp.path() / "content/students/ana/experiences/guitar-lessons/index.md");
  CHECK(text.find("title: \"Guitar lessons\"\n") != std::string::npos);
  CHECK(text.find("start: 2026-11-23") != std::string::npos);
  // The cohort's language (the portfolio has none): the Kazakh archetype.
  CHECK(text.find("ЖЖЖЖ-АА-КК") != std::string::npos);

  CliRun reflection = cli({"new", "reflection", "guitar lessons", kDate});
  CHECK(reflection.code == 0);
  CHECK(reflection.out ==
        "файл жасалды: content/students/ana/experiences/guitar-lessons/2026-11-23-reflection.md\n");
}

TEST_CASE("new experience with no portfolio in, above or below the folder says so and writes nothing") {
  TempDir tmp;
  write_file(tmp.path() / "notes.md", "hello\n");
  InFolder here(tmp.path());
  CliRun r = cli({"new", "experience", "Guitar lessons", kDate});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "casfolio new: error: . is not inside a portfolio: there is no portfolio.yaml in it or above it, nor any "
        "portfolio below it [new-not-in-portfolio]\n"
        "note: Run the command inside a student's portfolio folder, or name it with --in, e.g. --in "
        "content/students/aruzhan-bekova. A new portfolio: casfolio new portfolio \"Your Name\".\n");
  CHECK_FALSE(fs::exists(tmp.path() / "experiences"));
}

TEST_CASE("new reflection takes the experience's title, and lists the experiences when none matches") {
  TempDir tmp;
  fs::path ana = tmp.path() / "ana";
  write_file(ana / "portfolio.yaml", "name: Ana Test\nlanguage: ru\n");
  InFolder here(ana);
  REQUIRE(cli({"new", "experience", "Шахматный клуб", kDate}).code == 0);
  write_file(ana / "experiences/guitar/index.md", "---\ntitle: Уроки гитары\n---\nText.\n");

  CliRun by_title = cli({"new", "reflection", "Шахматный клуб", kDate});
  CHECK(by_title.code == 0);
  CHECK(by_title.err.empty());
  CHECK(by_title.out == "создан файл experiences/shakhmatnyi-klub/2026-11-23-reflection.md\n");
  CHECK(fs::exists(ana / "experiences/shakhmatnyi-klub/2026-11-23-reflection.md"));

  CliRun other_case = cli({"new", "reflection", "уроки ГИТАРЫ", kDate});
  CHECK(other_case.code == 0);
  CHECK(other_case.out == "создан файл experiences/guitar/2026-11-23-reflection.md\n");

  CliRun missing = cli({"new", "reflection", "Фортепиано", kDate});
  CHECK(missing.code == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err ==
        "casfolio new: ошибка: в . нет опыта «Фортепиано» [new-no-such-experience]\n"
        "подсказка: Назовите опыт по имени его папки или по его названию. Опыты этого портфолио (папка — название) "
        "перечислены ниже.\n"
        "  guitar — Уроки гитары\n"
        "  shakhmatnyi-klub — Шахматный клуб\n");
  CHECK_FALSE(fs::exists(ana / "experiences/fortepiano"));
  CHECK_FALSE(fs::exists(ana / "reflections"));
}

TEST_CASE("new reflection for an experience in a portfolio with none says how to make one") {
  TempDir tmp;
  write_file(tmp.path() / "portfolio.yaml", "name: Ana Test\nlanguage: kk\n");
  CliRun r = cli({"new", "reflection", "Guitar", "--in", tmp.str(), kDate});
  CHECK(r.code == 2);
  CHECK(r.err.find("[new-no-such-experience]\n") != std::string::npos);
  CHECK(r.err.ends_with("  бұл портфолиода әлі тәжірибе жоқ: casfolio new experience \"ТАҚЫРЫП\" тәжірибе жасайды\n"));
}

TEST_CASE("new self-assessment: the period today is in, the form in the portfolio's language, never replaced",
          "[new][social-gpa]") {
  TempDir tmp;
  write_file(tmp.path() / "cohort.yaml", "language: ru\nsocial_gpa: true\ncas: false\n");
  write_file(tmp.path() / "students/ana/portfolio.yaml", "name: Аня\nlanguage: ru\n");
  InFolder in(tmp.path() / "students/ana");
  CliRun r = cli({"new", "self-assessment", kDate});
  REQUIRE(r.code == 0);
  std::string text = read_file("self-assessment/2026-12.yaml");  // November: December's period
  CHECK(text.find("date: 2026-11-23\n") != std::string::npos);
  CHECK(text.find("  volunteering:   # Я участвовал(а) в волонтёрских или социальных проектах\n") != std::string::npos);
  CHECK(text.find("$schema=../.schemas/self-assessment.schema.json") != std::string::npos);
  // As written, it reads without a finding.
  CliRun check = cli({"check", tmp.str(), "--as-of", "2026-11-30"});
  CHECK(check.code == 0);
  CHECK(check.out.find("self-assessment") == std::string::npos);

  CliRun again = cli({"new", "self-assessment", kDate});
  CHECK(again.code == 1);
  CHECK(read_file("self-assessment/2026-12.yaml") == text);
  CHECK(cli({"new", "self-assessment", "2027-05", kDate}).code == 0);
  CHECK(fs::exists("self-assessment/2027-05.yaml"));
}
