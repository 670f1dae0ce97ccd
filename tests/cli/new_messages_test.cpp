// Every refusal of casfolio new is a finding with a code, in the portfolio's
// (or the cohort's) language (issue 15): a bad --date or --language, a
// missing name or title, a file that is already there.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/cli_run.h"
#include "support/test_support.h"

using namespace casfolio;
namespace fs = std::filesystem;
using casfolio::test::cli;
using casfolio::test::CliRun;
using casfolio::test::InFolder;
using test::TempDir;
using test::write_file;

TEST_CASE("casfolio new refuses in the portfolio's language, with a code and a hint") {
  TempDir tmp;
  write_file(tmp.path() / "portfolio.yaml", "name: Ana Test\nlanguage: ru\n");
  InFolder here(tmp.path());

  CliRun bad_date = cli({"new", "experience", "Guitar", "--date", "2026-02-30"});
  CHECK(bad_date.code == 2);
  CHECK(bad_date.err ==
        "casfolio new: ошибка: --date ждёт настоящую дату в виде ГГГГ-ММ-ДД, а получено «2026-02-30» [new-bad-date]\n"
        "подсказка: Например, --date 2026-11-23; без --date будет сегодняшняя дата.\n");

  CliRun no_title = cli({"new", "experience", "--date", "2026-11-23"});
  CHECK(no_title.code == 2);
  CHECK(no_title.err ==
        "casfolio new: ошибка: casfolio new experience нужно название [new-title-missing]\n"
        "подсказка: Например: casfolio new experience \"Уроки гитары\" (для проекта CAS добавьте --project)\n");

  REQUIRE(cli({"new", "experience", "Guitar", "--date", "2026-11-23"}).code == 0);
  CliRun again = cli({"new", "experience", "Guitar", "--date", "2026-11-23"});
  CHECK(again.code == 1);
  CHECK(again.out.empty());
  CHECK(again.err ==
        "casfolio new: ошибка: experiences/guitar/index.md уже существует; ничего не изменено [new-file-exists]\n"
        "подсказка: casfolio new никогда не перезаписывает файл. Выберите другое название или правьте существующий "
        "файл.\n");
}

TEST_CASE("casfolio new portfolio: a missing name and a bad --language, in the cohort's language") {
  TempDir tmp;
  write_file(tmp.path() / "cohort.yaml", "school: Test School\nlanguage: kk\n");
  fs::create_directories(tmp.path() / "students");
  InFolder here(tmp.path());

  CliRun no_name = cli({"new", "portfolio"});
  CHECK(no_name.code == 2);
  CHECK(no_name.err ==
        "casfolio new: қате: casfolio new portfolio үшін оқушының аты-жөні керек [new-name-missing]\n"
        "кеңес: Мысалы: casfolio new portfolio \"Аружан Бекова\"\n");

  CliRun bad_language = cli({"new", "portfolio", "Ana Test", "--language", "de"});
  CHECK(bad_language.code == 2);
  CHECK(bad_language.err ==
        "casfolio new: қате: --language мәні kk, ru не en болуы керек, ал берілгені «de» [new-bad-language]\n"
        "кеңес: kk — қазақша, ru — орысша, en — ағылшынша; --language жазылмаса, когортаның тілі алынады.\n");
  CHECK_FALSE(fs::exists(tmp.path() / "students/ana-test"));

  CliRun no_folder_name = cli({"new", "portfolio", "!!!", "--language", "en"});
  CHECK(no_folder_name.code == 1);
  CHECK(no_folder_name.err ==
        "casfolio new: error: no folder name can be made from this name or title [new-no-folder-name]\n"
        "note: Use letters or digits in it; Kazakh and Russian letters are fine.\n");
}
