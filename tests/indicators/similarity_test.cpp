// Academic honesty: near-duplicate reflections across a cohort and within
// one portfolio (check_similarity, check/similarity.h).
#include <catch2/catch.hpp>

#include "builders.h"
#include "check/rules.h"
#include "check/similarity.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

const char* kShelter =
    "On Saturday I went to the animal shelter for the third time. At first I was nervous because the big dogs "
    "barked at everyone who walked past their cages, and I did not know how to hold the lead properly. The "
    "volunteer coordinator showed me how to approach a frightened dog slowly, speaking quietly and letting it "
    "smell my hand first. By the end of the morning I had walked four dogs along the river and cleaned two cages "
    "with another volunteer. I learned that patience matters more than strength, and that a calm voice changes "
    "how an animal reacts. Next week I want to help with feeding the puppies and ask how the shelter finds new "
    "families for them.";

// kShelter pasted with five words changed (Sunday, second, correctly, scared, five).
const char* kShelterEdited =
    "On Sunday I went to the animal shelter for the second time. At first I was nervous because the big dogs "
    "barked at everyone who walked past their cages, and I did not know how to hold the lead correctly. The "
    "volunteer coordinator showed me how to approach a scared dog slowly, speaking quietly and letting it "
    "smell my hand first. By the end of the morning I had walked five dogs along the river and cleaned two cages "
    "with another volunteer. I learned that patience matters more than strength, and that a calm voice changes "
    "how an animal reacts. Next week I want to help with feeding the puppies and ask how the shelter finds new "
    "families for them.";

// Another student's own reflection on the same service at the same shelter.
const char* kShelterOther =
    "My service this term is at the city animal shelter, where I help every weekend. The hardest part for me "
    "was not the work itself but talking to visitors who wanted to adopt a dog. I am shy, and explaining the "
    "rules about vaccinations and home visits made me blush at first. Our coordinator gave me a short checklist, "
    "and after three weekends I could answer most questions without reading it. I noticed that families listen "
    "more when I tell them a real story about one of the dogs. This experience showed me that I can overcome "
    "shyness when I prepare, and it connects to outcome five because I worked closely with the other volunteers.";

const char* kGuitarKk =
    "Бүгін мен гитарада баррэ аккордын алғаш рет таза ойнадым. Екі апта бойы саусақтарым ауырып, дыбыс "
    "шықпай жүрді, бірақ мұғалім қолдың бұрышын сәл өзгертуге кеңес берді. Күн сайын он бес минут жаттығып, "
    "метрономмен баяу ойнадым. Енді мен әннің бірінші шумағын тоқтамай ойнай аламын. Бұл тәжірибе маған "
    "табандылықтың маңызын көрсетті: бірден шықпаса да, күнделікті аз-аздан жаттығу нәтиже береді. Келесі "
    "айда мектеп кешінде сыныптастарыммен бірге өнер көрсеткім келеді.";

// kGuitarKk again a month later with two words changed (екі -> үш, он бес -> жиырма).
const char* kGuitarKkAgain =
    "Бүгін мен гитарада баррэ аккордын алғаш рет таза ойнадым. Үш апта бойы саусақтарым ауырып, дыбыс "
    "шықпай жүрді, бірақ мұғалім қолдың бұрышын сәл өзгертуге кеңес берді. Күн сайын жиырма минут жаттығып, "
    "метрономмен баяу ойнадым. Енді мен әннің бірінші шумағын тоқтамай ойнай аламын. Бұл тәжірибе маған "
    "табандылықтың маңызын көрсетті: бірден шықпаса да, күнделікті аз-аздан жаттығу нәтиже береді. Келесі "
    "айда мектеп кешінде сыныптастарыммен бірге өнер көрсеткім келеді.";

// "w1 w2 ... wN" with word `replace` (1-based) swapped for "changed".
std::string numbered_words(int n, int replace = 0) {
  std::string s;
  for (int i = 1; i <= n; ++i) s += (i == replace ? std::string("changed") : "w" + std::to_string(i)) + " ";
  return s;
}

void add_student(Cohort& cohort, const std::string& id, const std::string& name,
                 std::vector<std::pair<std::string, std::string>> reflections) {
  LoadedPortfolio lp;
  lp.portfolio.id = id;
  lp.portfolio.root = "students/" + id;
  lp.portfolio.profile.name = name;
  for (auto& [file, body] : reflections) {
    Reflection r = reflection(file, "2026-10-10", {}, body);
    r.body.first_line = 4;
    lp.portfolio.reflections.push_back(r);
  }
  finish(lp.portfolio);
  cohort.portfolios.push_back(std::move(lp));
}

}  // namespace

TEST_CASE("similarity: containment of three-word phrases") {
  // 50 distinct words: 48 phrases. Changing word 25 breaks the 3 phrases that
  // contain it on each side: 45 of 48 are shared.
  CHECK(similarity::text_similarity(numbered_words(50), numbered_words(50, 25)) == 45.0 / 48);
  // Changing the first word breaks only 1 phrase.
  CHECK(similarity::text_similarity(numbered_words(50), numbered_words(50, 1)) == 47.0 / 48);
  // A copy padded with 30 more words still contains all of the shorter one.
  CHECK(similarity::text_similarity(numbered_words(50), numbered_words(80)) == 1.0);
  // Under 40 words nothing is compared.
  CHECK(similarity::shingles(numbered_words(39)).empty());
  CHECK(similarity::shingles(numbered_words(40)).size() == 38);
  CHECK(similarity::text_similarity(numbered_words(39), numbered_words(39)) == 0);
}

TEST_CASE("similarity: words are normalised") {
  // Case (Cyrillic too), punctuation and Markdown link targets do not matter.
  CHECK(similarity::word_hashes("Бүгін, МЕН «гитарада» ойнадым!") == similarity::word_hashes("бүгін мен гитарада ойнадым"));
  CHECK(similarity::word_hashes("See [the photo](photo-1.jpg) — <!-- note --> ok") ==
        similarity::word_hashes("see the photo ok"));
  CHECK(similarity::word_hashes("Қызмет ҚЫЗМЕТ Ұлттық ұлттық") ==
        std::vector<uint64_t>{similarity::word_hashes("қызмет")[0], similarity::word_hashes("қызмет")[0],
                              similarity::word_hashes("ұлттық")[0], similarity::word_hashes("ұлттық")[0]});
  CHECK(similarity::word_hashes("don't 12.5 h").size() == 5);  // don, t, 12, 5, h
}

TEST_CASE("similarity: a pasted reflection with a few words changed is found, another on the topic is not") {
  double pasted = similarity::text_similarity(kShelter, kShelterEdited);
  double other = similarity::text_similarity(kShelter, kShelterOther);
  // 120 words, 118 phrases; the changed words break 2 ("Sunday" is the
  // second word) + 3 + 3 + 3 + 3 = 14 phrases on each side: 104 / 118 = 0.881.
  CHECK(pasted == 104.0 / 118);
  // Same place, same topic, own words: not one three-word phrase in common.
  CHECK(other == 0);
  // 66 and 65 words (64 and 63 phrases); "екі" -> "үш" breaks 3, "он бес" -> "жиырма" 4 on the
  // longer side: 57 / 63 = 0.905.
  CHECK(similarity::text_similarity(kGuitarKk, kGuitarKkAgain) == 57.0 / 63);
}

TEST_CASE("check_similarity reports both places, staff only") {
  Cohort cohort;
  add_student(cohort, "ana", "Ana Bekova",
              {{"experiences/shelter/2026-10-10-dogs.md", kShelter},
               {"experiences/guitar/2026-10-01-barre.md", kGuitarKk},
               {"experiences/guitar/2026-11-01-barre-again.md", kGuitarKkAgain}});
  add_student(cohort, "bek", "Бек Сапаров", {{"reflections/2026-10-12.md", kShelterEdited}});
  add_student(cohort, "chen", "Chen Li", {{"experiences/shelter/2026-10-11-visitors.md", kShelterOther}});
  add_student(cohort, "dana", "Dana", {{"reflections/short.md", "Too short to compare: a copy of a copy."}});

  auto out = check_similarity(cohort);
  REQUIRE(out.size() == 4);
  CHECK(out[2].empty());
  CHECK(out[3].empty());

  REQUIRE(out[0].size() == 3);
  std::vector<Finding> ana = out[0];
  sort_findings(ana);
  // ana's guitar reflections are each other's near-duplicates.
  CHECK(ana[0].code == "similar-own-reflection");
  CHECK(ana[0].where.file == "experiences/guitar/2026-10-01-barre.md");
  CHECK(ana[0].where.line == 4);
  CHECK(ana[1].code == "similar-own-reflection");
  CHECK(ana[1].where.file == "experiences/guitar/2026-11-01-barre-again.md");
  // ana's shelter reflection and bek's pasted copy: one finding on each side.
  const Finding& f = ana[2];
  CHECK(f.code == "similar-reflection");
  CHECK(f.severity == Severity::warning);
  CHECK(f.staff_only);
  CHECK(f.where.file == "experiences/shelter/2026-10-10-dogs.md");
  CHECK(render_message(f, Language::en).message ==
        "This reflection is 88% the same as reflections/2026-10-12.md in the portfolio of Бек Сапаров (bek)");
  CHECK(render_message(f, Language::ru).message ==
        "Эта рефлексия на 88% совпадает с reflections/2026-10-12.md в портфолио: Бек Сапаров (bek)");
  CHECK(f.args.back() == std::pair<std::string, std::string>{"other_path", "students/bek/reflections/2026-10-12.md"});

  REQUIRE(out[1].size() == 1);
  CHECK(out[1][0].code == "similar-reflection");
  CHECK(out[1][0].where.file == "reflections/2026-10-12.md");
  CHECK(render_message(out[1][0], Language::en).message ==
        "This reflection is 88% the same as experiences/shelter/2026-10-10-dogs.md in the portfolio of Ana Bekova (ana)");
  CHECK(render_message(ana[0], Language::en).message ==
        "This reflection is 90% the same as another reflection in the same portfolio, "
        "experiences/guitar/2026-11-01-barre-again.md");

  // Deterministic: the same cohort gives the same findings.
  auto again = check_similarity(cohort);
  REQUIRE(again[0].size() == out[0].size());
  for (size_t i = 0; i < out[0].size(); ++i) CHECK(again[0][i].args == out[0][i].args);
}

TEST_CASE("check_similarity follows requirements.similarity") {
  Cohort cohort;
  add_student(cohort, "ana", "Ana", {{"reflections/a.md", kShelter}});
  add_student(cohort, "bek", "Bek", {{"reflections/b.md", kShelterEdited}});
  cohort.config.requirements.similarity = 0.88;
  CHECK(check_similarity(cohort)[0].size() == 1);  // 0.881 >= 0.88
  cohort.config.requirements.similarity = 0.9;
  CHECK(check_similarity(cohort)[0].empty());
  cohort.config.requirements.similarity = 0;  // off
  CHECK(check_similarity(cohort)[0].empty());
  cohort.config.requirements.similarity = 1.0;  // exact copies only
  add_student(cohort, "chen", "Chen", {{"reflections/c.md", kShelter}});
  auto out = check_similarity(cohort);
  REQUIRE(out[0].size() == 1);
  CHECK(out[0][0].args[1].second == "chen");
  CHECK(out[1].empty());
  CHECK(out[2].size() == 1);
}

TEST_CASE("check_similarity keeps the five most similar matches of a reflection") {
  // 100 students hand in the same text (an unfilled template, say): each
  // reflection gets 5 findings, not 99, and nothing explodes.
  Cohort cohort;
  for (int i = 0; i < 100; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "s%03d", i);
    add_student(cohort, id, id, {{"reflections/template.md", kShelter}});
  }
  auto out = check_similarity(cohort);
  for (const auto& findings : out) {
    REQUIRE(findings.size() == 5);
    CHECK(findings[0].args[0].second == "100");
  }
  // The first student's matches are the next students, in cohort order.
  CHECK(out[0][0].args[1].second == "s001");
  CHECK(out[0][4].args[1].second == "s005");
}
