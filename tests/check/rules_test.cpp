#include <catch2/catch.hpp>

#include "check/codes.h"
#include "check/rules.h"
#include "model_builder.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

std::string run(const Portfolio& p, const CohortConfig& c = cohort(), const char* as_of = kAsOf) {
  return describe(check_portfolio(p, c, d(as_of)));
}

std::string run_only(std::initializer_list<std::string_view> codes, const Portfolio& p,
                     const CohortConfig& c = cohort(), const char* as_of = kAsOf) {
  return describe(only(check_portfolio(p, c, d(as_of)), codes));
}

Deadline deadline(const char* date, const char* kind, const char* interview = "", const char* name = "",
                  const char* from = nullptr) {
  Deadline x;
  x.date = d(date);
  if (from) x.from = d(from);
  x.kind = kind;
  x.interview = interview;
  x.name.en = name;
  return x;
}

const Finding& first(const std::vector<Finding>& fs, std::string_view code) {
  for (const Finding& f : fs)
    if (f.code == code) return f;
  FAIL("no finding " << code);
  return fs.front();
}

}  // namespace

TEST_CASE("a portfolio that meets every requirement has no findings") {
  CHECK(run(good_portfolio()) == "");
}

TEST_CASE("a paid experience is not CAS") {
  Portfolio p = good_portfolio();
  Experience& g = p.experiences[0];
  g.paid = true;
  // It no longer counts for its strand either.
  CHECK(run(p) ==
        "warning experience-paid experiences/guitar/index.md:10:1+4 experience=Guitar id=guitar\n"
        "warning strand-missing portfolio.yaml:0:0+0 strand=creativity strand_kk=шығармашылық "
        "strand_ru=творчество strand_en=creativity\n");

  SECTION("no other rule judges it") {
    Portfolio q = good_portfolio();
    q.experiences[2].paid = true;
    q.experiences[2].stages = {};
    q.experiences[2].collaborators.clear();
    q.experiences[2].start = d("2026-11-15");  // 6 days, 2 reflections dated before the start
    CHECK(run(q) ==
          "warning experience-paid experiences/river-cleanup/index.md:10:1+4 experience=River-cleanup "
          "id=river-cleanup\n"
          "warning project-missing portfolio.yaml:0:0+0 count=0 min=1 min_days=30\n"
          "warning strand-missing portfolio.yaml:0:0+0 strand=service strand_kk=қызмет strand_ru=служение "
          "strand_en=service\n");
  }
  SECTION("without the key's line the finding points at the front matter") {
    g.keys.keys.clear();
    CHECK(run_only({codes::kExperiencePaid}, p) ==
          "warning experience-paid experiences/guitar/index.md:2:0+0 experience=Guitar id=guitar\n");
  }
  SECTION("an untitled experience is named by its folder") {
    g.title.clear();
    CHECK(run_only({codes::kExperiencePaid}, p) ==
          "warning experience-paid experiences/guitar/index.md:10:1+4 experience=guitar id=guitar\n");
  }
}

TEST_CASE("input errors the loader reported are not reported again") {
  // No strand, no outcome, no start, an end before the start: the loader's
  // missing-key, unknown-strand, unknown-outcome, bad-date, end-before-start.
  Portfolio p = good_portfolio();
  p.experiences.push_back(experience("empty", {}, nullptr, "2026-10-01", {}));
  p.experiences.push_back(experience("backwards", {Strand::activity}, "2026-11-01", "2026-10-20", {"2"}));
  make_project(p.experiences.back());
  p.experiences[1].end = p.experiences[1].start;  // a one-day experience is fine
  // The empty experience has ended with no reflection (judged by `min`); the
  // backwards project is neither too short nor short of reflections.
  CHECK(run(p) ==
        "warning experience-few-reflections experiences/empty/index.md:5:1+3 experience=Empty id=empty "
        "dir=experiences/empty count=0 min=1 days=0 end=2026-10-01 long_days=30 long_min=2\n");
}

TEST_CASE("the school may cap the outcomes targeted by one experience") {
  Portfolio p = good_portfolio();
  CohortConfig c = cohort();
  c.requirements.max_outcomes_per_experience = 2;
  CHECK(run(p, c) ==
        "warning experience-too-many-outcomes experiences/river-cleanup/index.md:6:1+8 experience=River-cleanup "
        "id=river-cleanup count=3 max=2\n");
  p.experiences[2].outcomes = outcomes({"5", "5.1", "6"});  // indicators of one outcome count once
  CHECK(run(p, c) == "");
  c.requirements.max_outcomes_per_experience = 0;  // no limit
  p.experiences[2].outcomes = outcomes({"1", "2", "3", "4", "5", "6", "7"});
  CHECK(run(p, c) == "");
}

TEST_CASE("a finished experience needs reflections, more when it was long") {
  Portfolio p = good_portfolio();
  // The 62-day project keeps one of its two reflections.
  p.reflections[3].experience = -1;
  p.reflections[3].file = "reflections/2026-11-20.md";
  link(p);
  CHECK(run(p) ==
        "warning experience-few-reflections experiences/river-cleanup/index.md:5:1+3 experience=River-cleanup "
        "id=river-cleanup dir=experiences/river-cleanup count=1 min=2 days=62 end=2026-11-20 long_days=30 "
        "long_min=2\n");

  SECTION("29 days need one reflection, 30 days need two") {
    Portfolio q = good_portfolio();
    q.experiences[1].end = d("2026-10-13");  // football 09-15..10-13, its reflection is of 10-30
    CHECK(run(q) == "");
    q.experiences[1].end = d("2026-10-14");
    CHECK(run(q) ==
          "warning experience-few-reflections experiences/football/index.md:5:1+3 experience=Football id=football "
          "dir=experiences/football count=1 min=2 days=30 end=2026-10-14 long_days=30 long_min=2\n");
  }
  SECTION("judged from the end day on; ongoing or future ends wait") {
    Portfolio q = good_portfolio();
    q.experiences.push_back(experience("chess", {Strand::creativity}, "2026-11-25", nullptr, {"2"}));
    CHECK(run(q) == "");
    q.experiences[3].end = d("2026-12-02");
    CHECK(run(q) == "");
    q.experiences[3].end = d("2026-12-01");
    CHECK(run(q) ==
          "warning experience-few-reflections experiences/chess/index.md:5:1+3 experience=Chess id=chess "
          "dir=experiences/chess count=0 min=1 days=7 end=2026-12-01 long_days=30 long_min=2\n");
  }
  SECTION("a reflection dated after as_of does not count yet") {
    Portfolio q = good_portfolio();
    q.reflections[3].date = d("2026-12-05");
    CHECK(run_only({codes::kExperienceFewReflections}, q) ==
          "warning experience-few-reflections experiences/river-cleanup/index.md:5:1+3 experience=River-cleanup "
          "id=river-cleanup dir=experiences/river-cleanup count=1 min=2 days=62 end=2026-11-20 long_days=30 "
          "long_min=2\n");
  }
  SECTION("a school minimum above long_min applies to long experiences too") {
    CohortConfig c = cohort();
    c.requirements.reflections_per_experience = {3, 30, 2};
    CHECK(run_only({codes::kExperienceFewReflections}, good_portfolio(), c) ==
          "warning experience-few-reflections experiences/river-cleanup/index.md:5:1+3 experience=River-cleanup "
          "id=river-cleanup dir=experiences/river-cleanup count=2 min=3 days=62 end=2026-11-20 long_days=30 "
          "long_min=3\n");
  }
}

TEST_CASE("a reflection dated before its experience starts is pointed out, unless it is planning") {
  Portfolio p = good_portfolio();
  p.reflections[0].date = d("2026-09-05");
  CHECK(run(p) ==
        "info reflection-before-start experiences/guitar/2026-09-30-chords.md:2:1+4 experience=Guitar id=guitar "
        "date=2026-09-05 start=2026-09-09\n");
  p.reflections[0].stage = Stage::preparation;
  CHECK(run(p) == "");
  p.reflections[0].stage = Stage::action;
  CHECK(run_only({codes::kReflectionBeforeStart}, p) != "");
  p.reflections[0].date = d("2026-09-09");  // on the start day
  CHECK(run(p) == "");
}

TEST_CASE("at least project.min CAS projects; a paid one does not count") {
  Portfolio p = good_portfolio();
  p.experiences[2].project = false;
  CHECK(run(p) == "warning project-missing portfolio.yaml:0:0+0 count=0 min=1 min_days=30\n");

  CohortConfig c = cohort();
  c.requirements.project.min = 2;
  CHECK(run(good_portfolio(), c) == "warning project-missing portfolio.yaml:0:0+0 count=1 min=2 min_days=30\n");

  Portfolio paid = good_portfolio();
  paid.experiences[2].paid = true;
  CHECK(run(paid) ==
        "warning experience-paid experiences/river-cleanup/index.md:10:1+4 experience=River-cleanup "
        "id=river-cleanup\n"
        "warning project-missing portfolio.yaml:0:0+0 count=0 min=1 min_days=30\n"
        "warning strand-missing portfolio.yaml:0:0+0 strand=service strand_kk=қызмет strand_ru=служение "
        "strand_en=service\n");
}

TEST_CASE("a project or an experience that starts after as_of does not count yet") {
  Portfolio p = good_portfolio();
  p.experiences[2].start = d("2026-12-02");
  p.experiences[2].end = Date();
  p.reflections[1].experience = p.reflections[3].experience = -1;
  link(p);
  CHECK(run(p) ==
        "warning project-missing portfolio.yaml:0:0+0 count=0 min=1 min_days=30\n"
        "warning strand-missing portfolio.yaml:0:0+0 strand=service strand_kk=қызмет strand_ru=служение "
        "strand_en=service\n");
  CHECK(run(p, cohort(), "2026-12-02") == "");
}

TEST_CASE("a finished project lasts at least min_days") {
  Portfolio p = good_portfolio();
  p.experiences[2].start = d("2026-10-22");
  p.reflections[1].date = d("2026-10-25");
  CHECK(run(p) == "");  // 10-22..11-20 is 30 days
  p.experiences[2].end = d("2026-11-19");
  CHECK(run(p) ==
        "warning project-too-short experiences/river-cleanup/index.md:5:1+3 experience=River-cleanup "
        "id=river-cleanup days=29 min_days=30 start=2026-10-22 end=2026-11-19\n");
  p.experiences[2].end = Date();  // ongoing (6 days so far): not judged yet
  p.experiences[2].start = d("2026-11-25");
  p.reflections[1].date = d("2026-11-26");
  p.reflections[3].date = d("2026-11-27");
  CHECK(run(p) == "");
}

TEST_CASE("a project names enough collaborators") {
  Portfolio p = good_portfolio();
  p.experiences[2].collaborators.clear();
  CHECK(run(p) ==
        "warning project-few-collaborators experiences/river-cleanup/index.md:8:1+13 experience=River-cleanup "
        "id=river-cleanup count=0 min=1\n");
  CohortConfig c = cohort();
  c.requirements.project.collaborators = 2;
  p.experiences[2].collaborators = {"Eco club"};
  CHECK(run_only({codes::kProjectFewCollaborators}, p, c) ==
        "warning project-few-collaborators experiences/river-cleanup/index.md:8:1+13 experience=River-cleanup "
        "id=river-cleanup count=1 min=2\n");
  p.experiences[2].collaborators.push_back("Akimat");
  CHECK(run(p, c) == "");
}

TEST_CASE("a project has all five stages, in index.md or marked on its reflections") {
  Portfolio p = good_portfolio();
  Experience& e = p.experiences[2];
  e.stages[size_t(Stage::preparation)].reset();
  e.stages[size_t(Stage::demonstration)] = "  \n";
  CHECK(run(p) ==
        "warning project-missing-stages experiences/river-cleanup/index.md:9:1+6 experience=River-cleanup "
        "id=river-cleanup stages=preparation, demonstration count=2 stages_kk=дайындық, демонстрация "
        "stages_ru=подготовка, демонстрация stages_en=preparation, demonstration\n");

  p.reflections[3].stage = Stage::demonstration;
  CHECK(run(p) ==
        "warning project-missing-stages experiences/river-cleanup/index.md:9:1+6 experience=River-cleanup "
        "id=river-cleanup stages=preparation count=1 stages_kk=дайындық stages_ru=подготовка "
        "stages_en=preparation\n");

  CohortConfig c = cohort();
  c.requirements.project.all_stages = false;
  CHECK(run(p, c) == "");

  SECTION("an ongoing project is still writing its stages") {
    p.experiences[2].end = Date();
    CHECK(run(p) == "");
    p.experiences[2].end = d("2026-12-01");
    CHECK(run_only({codes::kProjectMissingStages}, p) != "");
  }
}

TEST_CASE("every outcome of the framework is evidenced by a reflection") {
  Portfolio p = good_portfolio();
  p.reflections[3].outcomes.clear();  // the only evidence of outcome 7
  CHECK(run(p) ==
        "warning outcome-not-evidenced portfolio.yaml:0:0+0 outcome=7 "
        "name=Recognise and consider the ethics of choices and actions "
        "name_kk=Таңдаулар мен іс-әрекеттердің этикалық жағын ескеру "
        "name_ru=Осознавать и учитывать этическую сторону выбора и действий "
        "name_en=Recognise and consider the ethics of choices and actions\n");

  SECTION("`name` is in the portfolio's language") {
    p.profile.language = Language::ru;
    std::vector<Finding> fs = check_portfolio(p, cohort(), d(kAsOf));
    CHECK(first(fs, codes::kOutcomeNotEvidenced).args[1].second ==
          "Осознавать и учитывать этическую сторону выбора и действий");
  }
  SECTION("an indicator N.M counts for outcome N; an experience's targets do not") {
    Portfolio q = good_portfolio();
    q.reflections[1].outcomes = outcomes({"5"});  // 6.1 was the only evidence of 6
    CHECK(run_only({codes::kOutcomeNotEvidenced}, q).starts_with(
        "warning outcome-not-evidenced portfolio.yaml:0:0+0 outcome=6 "));
  }
  SECTION("only when the school asks for all outcomes") {
    CohortConfig c = cohort();
    c.requirements.all_outcomes = false;
    CHECK(run(p, c) == "");
  }
  SECTION("one finding per missing outcome of the school's own framework") {
    CohortConfig c = cohort();
    c.framework.id = "bio-101";
    c.framework.outcomes = {Outcome{"1", {"", "", "Understand cells"}, {}, {{"1.1", {"", "", "Describe"}}}},
                            Outcome{"2", {"Тәжірибе", "Опыт", "Experiment"}, {}, {}},
                            Outcome{"3", {"", "", "Report"}, {}, {}}};
    Portfolio q = good_portfolio();
    for (Reflection& r : q.reflections) r.outcomes.clear();
    q.reflections[0].outcomes = outcomes({"1.1"});
    CHECK(run(q, c) ==
          "warning outcome-not-evidenced portfolio.yaml:0:0+0 outcome=2 name=Experiment name_kk=Тәжірибе "
          "name_ru=Опыт name_en=Experiment\n"
          "warning outcome-not-evidenced portfolio.yaml:0:0+0 outcome=3 name=Report name_kk=Report name_ru=Report "
          "name_en=Report\n");
  }
}

TEST_CASE("each strand is present, with the school's minimum of experiences") {
  Portfolio p = good_portfolio();
  p.experiences[1].strands = StrandSet{};
  p.experiences[1].strands.add(Strand::creativity);
  CHECK(run(p) ==
        "warning strand-missing portfolio.yaml:0:0+0 strand=activity strand_kk=белсенділік strand_ru=активность "
        "strand_en=activity\n");

  CohortConfig c = cohort();
  c.requirements.min_experiences = {2, 1, 3};
  CHECK(run(good_portfolio(), c) ==
        "warning strand-few-experiences portfolio.yaml:0:0+0 strand=creativity strand_kk=шығармашылық "
        "strand_ru=творчество strand_en=creativity count=1 min=2\n"
        "warning strand-few-experiences portfolio.yaml:0:0+0 strand=service strand_kk=қызмет strand_ru=служение "
        "strand_en=service count=1 min=3\n");

  SECTION("an experience in two strands counts for both") {
    Portfolio q = good_portfolio();
    q.experiences[0].strands.add(Strand::service);
    c.requirements.min_experiences = {1, 1, 2};
    CHECK(run(q, c) == "");
  }
  SECTION("without all_strands a missing strand is only judged by its minimum") {
    c.requirements.all_strands = false;
    c.requirements.min_experiences = {1, 1, 1};
    CHECK(run(p, c) ==
          "warning strand-few-experiences portfolio.yaml:0:0+0 strand=activity strand_kk=белсенділік "
          "strand_ru=активность strand_en=activity count=0 min=1\n");
    c.requirements.min_experiences = {1, 0, 1};
    CHECK(run(p, c) == "");
  }
}

TEST_CASE("programme span: judged at the programme's end, or earlier when it can no longer be reached") {
  const std::initializer_list<std::string_view> span = {codes::kSpanTooShort, codes::kSpanCannotReach};
  // The programme ends 2028-04-15. From 2026-10-15 that is 18 months; from
  // 2026-10-16 only 17.
  Portfolio p;
  p.reflections.push_back(reflection("reflections/a.md", "2026-10-15", -1, {}));
  CHECK(run_only(span, p) == "");
  p.reflections[0].date = d("2026-10-16");
  CHECK(run_only(span, p) ==
        "warning span-cannot-reach portfolio.yaml:0:0+0 possible=17 min=18 first=2026-10-16 end=2028-04-15\n");

  // After the end: 2026-09-09 .. 2028-03-08 is 17 months, .. 2028-03-09 is 18.
  Portfolio q;
  q.reflections.push_back(reflection("reflections/a.md", "2026-09-09", -1, {}));
  q.reflections.push_back(reflection("reflections/b.md", "2028-03-08", -1, {}));
  CHECK(run_only(span, q, cohort(), "2028-04-14") == "");  // still 1 day to go
  CHECK(run_only(span, q, cohort(), "2028-04-15") ==
        "warning span-too-short portfolio.yaml:0:0+0 months=17 min=18 first=2026-09-09 last=2028-03-08 "
        "end=2028-04-15\n");
  q.reflections[1].date = d("2028-03-09");
  CHECK(run_only(span, q, cohort(), "2028-04-15") == "");

  SECTION("without a programme end the span is never judged") {
    CohortConfig c = cohort();
    c.end = Date();
    CHECK(run_only(span, p, c, "2030-01-01") == "");
  }
  SECTION("nothing is said before the first entry") {
    CHECK(run_only(span, Portfolio{}, cohort(), "2028-01-01") == "");
  }
}

TEST_CASE("no gap longer than max_gap_days, including the one still growing") {
  const std::initializer_list<std::string_view> gap = {codes::kActivityGap, codes::kNoRecentActivity};
  Portfolio p;
  p.reflections.push_back(reflection("reflections/a.md", "2026-09-20", -1, {}));
  p.reflections.push_back(reflection("reflections/b.md", "2026-10-25", -1, {}));
  // 09-09..09-20 = 11, 09-20..10-25 = 35, 10-25..12-10 = 46 (ongoing).
  CHECK(run_only(gap, p, cohort(), "2026-12-10") ==
        "warning activity-gap portfolio.yaml:0:0+0 from=2026-09-20 to=2026-10-25 days=35 max=31\n"
        "warning no-recent-activity portfolio.yaml:0:0+0 from=2026-10-25 days=46 max=31 as_of=2026-12-10\n");
  // Exactly 31 days is allowed: 10-25 + 31 = 11-25.
  CHECK(run_only(gap, p, cohort(), "2026-11-25") ==
        "warning activity-gap portfolio.yaml:0:0+0 from=2026-09-20 to=2026-10-25 days=35 max=31\n");
  p.reflections.push_back(reflection("reflections/c.md", "2026-10-21", -1, {}));  // 09-20..10-21 = 31
  CHECK(run_only(gap, p, cohort(), "2026-11-25") == "");

  SECTION("0 means no limit") {
    CohortConfig c = cohort();
    c.requirements.max_gap_days = 0;
    CHECK(run_only(gap, p, c, "2027-06-01") == "");
  }
}

TEST_CASE("every past calendar deadline is met") {
  CohortConfig c = cohort();
  c.calendar = {deadline("2026-09-30", "reflection"),
                deadline("2026-10-30", "interview", "first", "CAS interview 1"),
                deadline("2026-10-30", "reflection"),
                deadline("2026-11-30", "reflection", "", "November reflection"),
                deadline("2026-12-05", "interview", "extra"),
                deadline("2027-05-22", "interview", "mid", "Mid-programme interview", "2027-05-17")};
  Portfolio p = good_portfolio();  // reflections on 09-30, 10-15, 10-30, 11-20
  const std::initializer_list<std::string_view> missed = {codes::kReflectionDeadlineMissed,
                                                          codes::kInterviewDeadlineMissed};
  CHECK(run_only(missed, p, c, "2026-10-29") == "");  // 10-30 is still upcoming
  CHECK(run_only(missed, p, c, "2026-10-30") ==
        "warning interview-deadline-missed portfolio.yaml:0:0+0 date=2026-10-30 name=CAS interview 1 "
        "interview=first from= title_kk=CAS interview 1 title_ru=CAS interview 1 title_en=CAS interview 1\n");
  p.interviews.push_back(interview("interviews/2026-10-28-first.md", "2026-10-28", "first"));
  CHECK(run_only(missed, p, c, "2026-12-01") == "");

  p.reflections.erase(p.reflections.begin() + 3);  // no reflection in 10-31..11-30 any more
  link(p);
  CHECK(run_only(missed, p, c, "2026-12-05") ==
        "warning interview-deadline-missed portfolio.yaml:0:0+0 date=2026-12-05 name= interview=extra from= "
        "title_kk=CAS сұхбаты title_ru=собеседование CAS title_en=the CAS interview\n"
        "warning reflection-deadline-missed portfolio.yaml:0:0+0 date=2026-11-30 name=November reflection "
        "from=2026-10-31\n");

  CHECK(run_only({codes::kInterviewDeadlineMissed}, p, c, "2027-05-22").ends_with(
      "warning interview-deadline-missed portfolio.yaml:0:0+0 date=2027-05-22 name=Mid-programme interview "
      "interview=mid from=2027-05-17 title_kk=Mid-programme interview title_ru=Mid-programme interview "
      "title_en=Mid-programme interview\n"));

  SECTION("without a programme start the first window is open-ended") {
    c.start = Date();
    CHECK(run_only({codes::kReflectionDeadlineMissed}, Portfolio{}, c, "2026-10-01") ==
          "warning reflection-deadline-missed portfolio.yaml:0:0+0 date=2026-09-30 name= from=…\n");
  }
}

TEST_CASE("findings read as sentences in English, Russian and Kazakh") {
  CohortConfig c = cohort();
  c.calendar = {deadline("2026-09-30", "reflection"), deadline("2026-10-30", "interview", "first", "CAS interview 1"),
                deadline("2026-10-30", "reflection")};
  Portfolio p = good_portfolio();
  p.reflections.erase(p.reflections.begin() + 2);  // the one of 10-30
  p.reflections[1].date = d("2026-09-25");         // and the one of 10-15
  link(p);
  p.experiences[2].stages[size_t(Stage::preparation)].reset();
  p.experiences[2].stages[size_t(Stage::demonstration)].reset();
  p.experiences[1].strands = StrandSet{};
  p.experiences[1].strands.add(Strand::creativity);
  std::vector<Finding> fs = check_portfolio(p, c, d("2026-12-01"));

  const Finding& deadline = first(fs, codes::kReflectionDeadlineMissed);
  MessageText en = render_message(deadline, Language::en);
  CHECK(en.message == "Missed the reflection deadline 2026-10-30: no reflection is dated between 2026-10-01 and 2026-10-30");
  CHECK(en.hint == "Talk to your CAS adviser about this deadline. A reflection you write now counts for the next "
                   "deadline: give it today's date.");
  CHECK(render_message(deadline, Language::ru).message ==
        "Пропущен срок рефлексии 2026-10-30: нет ни одной рефлексии с датой от 2026-10-01 до 2026-10-30");
  CHECK(render_message(deadline, Language::kk).message ==
        "2026-10-30 рефлексия мерзімі өтіп кетті: 2026-10-01 – 2026-10-30 аралығындағы күнмен бірде-бір рефлексия жоқ");

  const Finding& interview = first(fs, codes::kInterviewDeadlineMissed);
  CHECK(render_message(interview, Language::en).message ==
        "Missed CAS interview 1 (2026-10-30): no interview record dated on or before that day");
  CHECK(render_message(interview, Language::en).hint ==
        "Add the record to interviews/: a .md file with `kind: first` and the interview's `date:`.");

  const Finding& stages = first(fs, codes::kProjectMissingStages);
  CHECK(render_message(stages, Language::en).message ==
        "CAS project “River-cleanup” is missing stages: preparation, demonstration");
  CHECK(render_message(stages, Language::ru).message ==
        "В проекте CAS «River-cleanup» не хватает этапов: подготовка, демонстрация");
  CHECK(render_message(stages, Language::kk).message == "«River-cleanup» CAS жобасында мына кезеңдер жоқ: дайындық, демонстрация");

  const Finding& strand = first(fs, codes::kStrandMissing);
  CHECK(render_message(strand, Language::en).message == "No experience in the activity strand");
  CHECK(render_message(strand, Language::ru).message == "Нет ни одного опыта в направлении «активность»");
  CHECK(render_message(strand, Language::kk).message == "«белсенділік» бағыты бойынша бірде-бір тәжірибе жоқ");
  CHECK(render_message(strand, Language::kk).hint ==
        "`strands: [activity]` деп белгіленген тәжірибе қосыңыз: CAS-та шығармашылық, белсенділік және қызмет "
        "бағыттары болуы керек.");

  Portfolio q = good_portfolio();
  q.reflections[3].outcomes.clear();
  std::vector<Finding> qs = check_portfolio(q, cohort(), d(kAsOf));
  const Finding& outcome = first(qs, codes::kOutcomeNotEvidenced);
  CHECK(render_message(outcome, Language::kk).message ==
        "7-оқу нәтижесі («Таңдаулар мен іс-әрекеттердің этикалық жағын ескеру») әлі бірде-бір рефлексиямен "
        "дәлелденбеген");
  CHECK(render_message(outcome, Language::en).hint ==
        "Write a reflection about a time you showed it and add `outcomes: [7]` to its front matter.");
}
