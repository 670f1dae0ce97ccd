// The social GPA's pages built from examples/social-gpa-class
// (docs/social-gpa.md, "Pages"): the protocol in alphabetical order by the
// language's own rules, an aggregate without names, and nothing of it in a
// public build or (for staff records) in the student's own view.
#include <catch2/catch.hpp>

#include "render/social_gpa_views.h"
#include "support/cli_run.h"
#include "support/test_support.h"

using namespace casfolio;
namespace fs = std::filesystem;

namespace {

const std::string kClass = std::string(CASFOLIO_SOURCE_DIR) + "/examples/social-gpa-class";
const char* kNames[] = {"Арман Қасымов", "Әлия Ахметова", "Бекзат Нұрланов"};
const char* kIds[] = {"arman-kassymov", "aliya-akhmetova", "bekzat-nurlanov"};

struct Built {
  test::TempDir dir;
  fs::path site = dir.path() / "site";
  explicit Built(const std::string& view = "staff") {
    test::CliRun r = test::cli({"build", kClass, "--out", site.string(), "--as-of", "2027-06-10", "--view", view});
    REQUIRE(r.code == 0);
  }
  std::string page(const std::string& rest) const { return test::read_file(site / rest); }
};

const Built& staff_site() {
  static const Built b;
  return b;
}

std::vector<size_t> positions(const std::string& html) {
  std::vector<size_t> out;
  for (const char* name : kNames) out.push_back(html.find(std::string("<th scope=\"row\">") + name + "</th>"));
  return out;
}

}  // namespace

TEST_CASE("names in each language's alphabetical order, not by code points", "[social-gpa][render]") {
  CHECK(name_less("Әлия", "Бекзат", Language::kk));  // Ә comes right after А in Kazakh
  CHECK(name_less("Арман", "Әлия", Language::kk));
  CHECK_FALSE(std::string("Әлия") < std::string("Бекзат"));  // code points would put Ә after Я
  CHECK(name_less("Ёлка", "Жанна", Language::ru));
  CHECK_FALSE(name_less("Бекзат", "Бекзат", Language::kk));
  std::vector<std::string> names = {"Ұлан", "Үміт", "Оразбек", "Өмір", "Ілияс", "Ирина"};
  sort_by_name(names, Language::kk);
  // The Kazakh alphabet: … О Ө … У Ұ Ү … Ы І Ь Э Ю Я (І near the end).
  CHECK(names == std::vector<std::string>{"Ирина", "Оразбек", "Өмір", "Ұлан", "Үміт", "Ілияс"});
}

TEST_CASE("the protocol of 7A for December 2026, in Kazakh and Russian", "[social-gpa][render]") {
  for (const char* lang : {"kk", "ru"}) {
    INFO(lang);
    std::string html = staff_site().page(std::string(lang) + "/social-gpa/protocol-7a-2026-12.html");
    std::vector<size_t> at = positions(html);
    REQUIRE(at[0] != std::string::npos);
    REQUIRE(at[1] != std::string::npos);
    REQUIRE(at[2] != std::string::npos);
    CHECK(at[0] < at[1]);  // Арман, Әлия, Бекзат: alphabetical, never by points (5, 3, 0)
    CHECK(at[1] < at[2]);
    CHECK(html.find("Гүлнар Серікқызы") != std::string::npos);
    CHECK(html.find("Дана Мұратқызы") != std::string::npos);
    CHECK(html.find("-1: Жәрмеңкені ұйымдастыру") != std::string::npos);
  }
  std::string kk = staff_site().page("kk/social-gpa/protocol-7a-2026-12.html");
  CHECK(kk.find("Оқушылар: 3. Расталды: 2, өзгертілді: 1, жоба: 0.") != std::string::npos);
  CHECK(kk.find("2026 жылғы 25 желтоқсан") != std::string::npos);
  std::string ru = staff_site().page("ru/social-gpa/protocol-7a-2027-05.html");
  CHECK(ru.find("Учеников: 3. Подтверждено: 1, изменено: 0, черновик: 2.") != std::string::npos);
}

TEST_CASE("the administration's aggregate names no student", "[social-gpa][render]") {
  for (const char* lang : {"kk", "ru"}) {
    std::string html = staff_site().page(std::string(lang) + "/social-gpa/index.html");
    INFO(lang);
    for (const char* name : kNames) CHECK(html.find(name) == std::string::npos);
    for (const char* id : kIds) CHECK(html.find(id) == std::string::npos);
    // December: 3 students, 3 confirmed, all initial; Әлия's seven components assessed.
    CHECK(html.find("<span class=\"stat-value\">3</span>") != std::string::npos);
  }
  std::string kk = staff_site().page("kk/social-gpa/index.html");
  size_t dec = kk.find("id=\"period-2026-12\"");
  REQUIRE(dec != std::string::npos);
  // Civic: none 0, episodic 0, consistent 1 (Әлия), not assessed 2.
  std::string civic = "Азаматтық жауапкершілік және әлеуметтік белсенділік</th><td class=\"num\">0</td><td "
                      "class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">2</td>";
  CHECK(kk.find(civic, dec) != std::string::npos);
}

TEST_CASE("the student's page: staff see observations and parents, the student their own answers only",
          "[social-gpa][render]") {
  const std::string page = "ru/students/aliya-akhmetova/social-gpa.html";
  std::string staff = staff_site().page(page);
  CHECK(staff.find("Наблюдения педагогов") != std::string::npos);
  CHECK(staff.find("Анкета родителей") != std::string::npos);
  CHECK(staff.find("Самооценка: Моя социальная активность") != std::string::npos);
  CHECK(staff.find("Вычислено: 4; Изменение комиссии: -1") != std::string::npos);
  CHECK(staff.find("<svg class=\"chart gpa-dynamics\"") != std::string::npos);

  Built student("student");
  std::string own = student.page(page);
  CHECK(own.find("Наблюдения педагогов") == std::string::npos);
  CHECK(own.find("Проявляет инициативу") == std::string::npos);
  CHECK(own.find("Анкета родителей") == std::string::npos);
  CHECK(own.find("Самооценка: Моя социальная активность") != std::string::npos);
  CHECK(own.find("Уақытын жоспарлауды үйренуі керек.") != std::string::npos);  // the teacher's feedback
  for (const char* other : {"Арман Қасымов", "Бекзат Нұрланов"}) CHECK(own.find(other) == std::string::npos);
  CHECK_FALSE(fs::exists(student.site / "ru/social-gpa"));
}

TEST_CASE("a public build has no social GPA at all", "[social-gpa][render]") {
  Built pub("public");
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(pub.site)) {
    std::string path = e.path().string();
    ++files;
    CHECK(path.find("social-gpa") == std::string::npos);
    CHECK(path.find("self-assessment") == std::string::npos);
    if (e.path().extension() == ".html") {
      std::string html = test::read_file(e.path());
      CHECK(html.find("Жәрмеңкені ұйымдастыру маған ұнады") == std::string::npos);  // the self-assessment's comment
      CHECK(html.find("Гүлнар Серікқызы") == std::string::npos);
    }
  }
  CHECK(files > 10);
}

TEST_CASE("the class teacher's overview of 7A: every student, alphabetical, components side by side",
          "[social-gpa][render]") {
  std::string html = staff_site().page("ru/social-gpa/class-7a-2026-12.html");
  std::vector<size_t> at;
  for (const char* id : kIds) at.push_back(html.find("ru/students/" + std::string(id) + "/social-gpa.html#period-2026-12\""));
  REQUIRE(at[0] != std::string::npos);
  REQUIRE(at[1] != std::string::npos);
  REQUIRE(at[2] != std::string::npos);
  CHECK(at[0] < at[1]);  // Арман 5, Әлия 3, Бекзат 0: alphabetical, never by points
  CHECK(at[1] < at[2]);
  // Әлия: 3 after the commission's −1; civic responsibility consistent, cooperation episodic;
  // 12 volunteer hours; two observation sheets; her self-assessment handed in.
  CHECK(html.find("Әлия Ахметова</a></th><td class=\"num\">3 (-1)</td><td class=\"num\">0,6</td><td>Начальный</td>"
                  "<td class=\"\">Подтверждено комиссией 25 декабря 2026 г.</td><td class=\"num\">Проявляется "
                  "устойчиво</td><td class=\"num\">Проявляется устойчиво</td><td class=\"num\">Проявляется "
                  "эпизодически</td>") != std::string::npos);
  CHECK(html.find("<td>Нет (12)</td><td class=\"num\">2</td><td>Да</td>") != std::string::npos);
  CHECK(html.find("Учеников: 3. Подтверждено: 2, изменено: 1, черновик: 0.") != std::string::npos);
  // Linked from the school's view, per period.
  std::string index = staff_site().page("ru/social-gpa/index.html");
  CHECK(index.find("ru/social-gpa/class-7a-2026-12.html\">7A</a>") != std::string::npos);
  CHECK(index.find("ru/social-gpa/class-7a-2027-05.html\">7A</a>") != std::string::npos);
}

TEST_CASE("the report for a meeting with parents: the student's own view, whoever prints it",
          "[social-gpa][render]") {
  const std::string page = "ru/students/aliya-akhmetova/social-gpa-parents.html";
  Built student("student");
  for (const Built* site : std::initializer_list<const Built*>{&staff_site(), &student}) {
    std::string html = site->page(page);
    CHECK(html.find("Отчёт о социальном GPA: Әлия Ахметова") != std::string::npos);
    CHECK(html.find("Класс: 7A · На 10 июня 2027 г.") != std::string::npos);
    CHECK(html.find("Вычислено: 4; Изменение комиссии: -1") != std::string::npos);
    CHECK(html.find("Жәрмеңкені ұйымдастыру мен ұйымдастыру комитеті бір іс") != std::string::npos);  // the reason
    CHECK(html.find("Уақытын жоспарлауды үйренуі керек.") != std::string::npos);  // the class teacher's profile
    CHECK(html.find("Родитель или законный представитель") != std::string::npos);  // a line to sign
    // Staff records stay with staff: no observation sheet, no parents' questionnaire.
    CHECK(html.find("Наблюдения педагогов") == std::string::npos);
    CHECK(html.find("Проявляет инициативу") == std::string::npos);
    CHECK(html.find("Анкета родителей") == std::string::npos);
    for (const char* other : {"Арман Қасымов", "Бекзат Нұрланов"}) CHECK(html.find(other) == std::string::npos);
  }
  CHECK(staff_site().page("ru/students/aliya-akhmetova/social-gpa.html").find("/ru/students/aliya-akhmetova/social-gpa-parents.html\"") !=
        std::string::npos);
}
