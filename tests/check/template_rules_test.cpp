// Templates must be filled (issue 15, docs/checks.md): an entry still as
// casfolio new wrote it is reported as template-not-filled and counts for
// nothing: no deadline met, no outcome evidenced, no project requirement.
#include <catch2/catch.hpp>

#include "check/codes.h"
#include "check/rules.h"
#include "load/loader.h"
#include "model_builder.h"
#include "support/test_support.h"
#include "write/scaffold.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

const char* kTextPart =
    " part_kk=мәтінде әлі үлгінің сұрақтары тұр part_ru=в тексте всё ещё вопросы шаблона"
    " part_en=the text is still the template's questions\n";

std::string findings(const Portfolio& p, const CohortConfig& c, std::initializer_list<std::string_view> codes) {
  return describe(only(check_portfolio(p, c, d(kAsOf)), codes));
}

CohortConfig with_november_deadline() {
  CohortConfig c = cohort();
  Deadline october, november;
  october.date = d("2026-10-30");
  october.kind = "reflection";
  november.date = d("2026-11-30");
  november.kind = "reflection";
  c.calendar = {october, november};
  return c;
}

}  // namespace

TEST_CASE("a reflection whose text is the template's questions meets no deadline and evidences no outcome") {
  CohortConfig c = with_november_deadline();
  Portfolio p = good_portfolio();
  // The November reflection, the only one for outcome 7 and the 11-30 deadline.
  Reflection& november = p.reflections[3];
  november.body = {"Мен не істедім? Өзім туралы не білдім? Не қиын болды?\n"
                   "Бұл басқаларға   қалай әсер етті? Келесі жолы нені басқаша істеймін?\n",
                   6};
  const auto codes = {codes::kTemplateNotFilled, codes::kReflectionDeadlineMissed};
  CHECK(findings(p, c, codes) ==
        std::string("warning template-not-filled experiences/river-cleanup/2026-11-20.md:6:0+0") + kTextPart +
            "warning reflection-deadline-missed portfolio.yaml:0:0+0 date=2026-11-30 name= from=2026-10-31\n");
  CHECK(findings(p, c, {codes::kOutcomeNotEvidenced}).starts_with("warning outcome-not-evidenced portfolio.yaml:0:0+0 outcome=7 "));

  SECTION("one line of the student's own makes it count") {
    november.body.text += "We cleared 40 bags of rubbish.\n";
    CHECK(findings(p, c, {codes::kTemplateNotFilled, codes::kReflectionDeadlineMissed, codes::kOutcomeNotEvidenced}) == "");
  }
  SECTION("an empty text is not the template (a reflection may be all evidence)") {
    november.body.text = "";
    CHECK(findings(p, c, codes) == "");
  }
}

TEST_CASE("a project with an empty collaborator or a stage still the template's is no project") {
  Portfolio p = good_portfolio();
  Experience& project = p.experiences[2];
  SECTION("collaborators: [\"\"]") {
    project.collaborators = {""};
    CHECK(findings(p, cohort(), {codes::kTemplateNotFilled}) ==
          "warning template-not-filled experiences/river-cleanup/index.md:8:1+13 part_kk=серіктестердің "
          "(collaborators) бірі бос part_ru=один из участников (collaborators) пуст part_en=a collaborator is empty\n");
  }
  SECTION("a stage with the template's question") {
    project.stages[2] = "Что вы сделали.\n";
    CHECK(findings(p, cohort(), {codes::kTemplateNotFilled}) ==
          "warning template-not-filled experiences/river-cleanup/index.md:9:1+6 part_kk=кезеңдердің (stages) бірі "
          "бос немесе онда әлі үлгінің сұрағы тұр part_ru=одна из стадий (stages) пуста или в ней всё ещё вопрос "
          "шаблона part_en=a stage is empty or still the template's question\n");
  }
  // It counts for no project and no strand; its own reflections still evidence their outcomes.
  CHECK(findings(p, cohort(), {codes::kProjectMissing}).starts_with("warning project-missing portfolio.yaml:0:0+0"));
  CHECK(findings(p, cohort(), {codes::kProjectFewCollaborators, codes::kProjectMissingStages, codes::kOutcomeNotEvidenced}) == "");
  CHECK(findings(p, cohort(), {codes::kStrandMissing}).starts_with("warning strand-missing portfolio.yaml:0:0+0 strand=service"));
}

TEST_CASE("what casfolio new writes, left untouched, is reported in every language it ships") {
  const Date day = d("2026-11-20");
  for (Language lang : kAllLanguages) {
    TempDir tmp;
    REQUIRE(new_portfolio(tmp.str(), "Ana Test", lang, day).ok);
    std::string ana = (tmp.path() / "ana-test").string();
    REQUIRE(new_experience(ana, "River cleanup", true, day).ok);
    REQUIRE(new_experience(ana, "Guitar", false, day).ok);
    ScaffoldResult reflection = new_reflection(ana, "River cleanup", day);
    REQUIRE(reflection.ok);
    Cohort cohort = load_directory(ana, LoadOptions{});
    REQUIRE(cohort.portfolios.size() == 1);
    auto unfilled = only(check_portfolio(cohort.portfolios[0].portfolio, cohort.config, d(kAsOf)),
                         {codes::kTemplateNotFilled});
    INFO(code(lang));
    CHECK(describe(unfilled) ==
          "warning template-not-filled experiences/guitar/index.md:14:0+0" + std::string(kTextPart) +
              "warning template-not-filled experiences/river-cleanup/2026-11-20-reflection.md:10:0+0" + kTextPart +
              "warning template-not-filled experiences/river-cleanup/index.md:25:0+0" + kTextPart);
    CHECK(render_message(unfilled[0], lang).message.find(lang == Language::en ? "this is still the template"
                                                         : lang == Language::ru ? "это всё ещё шаблон"
                                                                                : "бұл әлі casfolio new үлгісі") == 0);
  }
}
