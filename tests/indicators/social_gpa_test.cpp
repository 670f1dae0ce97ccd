// Social GPA (SPEC section 6): every rule of the scheme, on models built in code.
#include <catch2/catch.hpp>

#include "builders.h"
#include "indicators/indicators.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

const Date kAsOf = day("2027-06-15");

// A portfolio with one service experience whose review confirms `hours`.
Portfolio with_confirmed_service_hours(double hours) {
  Portfolio p;
  p.id = "ana";
  Experience e = experience("shelter", {Strand::service}, "2026-10-01", "2027-03-01");
  claim(e, hours);
  review(e, "2027-03-05", hours);
  p.experiences.push_back(e);
  finish(p);
  return p;
}

double points_for_hours(double hours, Rounding rounding = Rounding::floor) {
  SocialGpaScheme s;
  s.volunteer_hours.rounding = rounding;
  return compute_social_gpa(with_confirmed_service_hours(hours), s, kAsOf).points;
}

}  // namespace

TEST_CASE("volunteer hours: 10 confirmed hours make a point, at most 5") {
  CHECK(points_for_hours(9) == 0);
  CHECK(points_for_hours(10) == 1);
  CHECK(points_for_hours(19.5) == 1);
  CHECK(points_for_hours(20) == 2);
  CHECK(points_for_hours(49) == 4);
  CHECK(points_for_hours(50) == 5);
  CHECK(points_for_hours(73) == 5);  // 7 points before the cap
}

TEST_CASE("volunteer hours: each rounding mode") {
  // floor: whole blocks of 10 h only.
  CHECK(points_for_hours(15, Rounding::floor) == 1);
  CHECK(points_for_hours(14.9, Rounding::floor) == 1);
  // nearest: half a block rounds up.
  CHECK(points_for_hours(14.9, Rounding::nearest) == 1);
  CHECK(points_for_hours(15, Rounding::nearest) == 2);
  CHECK(points_for_hours(4, Rounding::nearest) == 0);
  CHECK(points_for_hours(5, Rounding::nearest) == 1);
  CHECK(points_for_hours(73, Rounding::nearest) == 5);
  // none: proportional, 12.5 h -> 1.25 points; still capped.
  CHECK(points_for_hours(12.5, Rounding::none) == 1.25);
  CHECK(points_for_hours(15, Rounding::none) == 1.5);
  CHECK(points_for_hours(73, Rounding::none) == 5);

  VolunteerHoursRule r;
  r.per = 5;
  r.points = 2;
  r.max = 0;  // 0 = no cap
  CHECK(volunteer_points(73, r) == 28);  // floor(73 / 5) = 14 blocks x 2
  r.max = 10;
  CHECK(volunteer_points(73, r) == 10);
  CHECK(volunteer_points(-3, r) == 0);
}

TEST_CASE("volunteer hours add up over service experiences before rounding") {
  // 6 h + 6 h = 12 h -> 1 point, although each alone would give 0.
  Portfolio p;
  Experience a = experience("a", {Strand::service}, "2026-10-01", "2026-11-01");
  review(a, "2026-11-02", 6);
  Experience b = experience("b", {Strand::service}, "2026-11-05", "2026-12-01");
  review(b, "2026-12-02", 6);
  p.experiences = {a, b};
  finish(p);
  SocialGpaResult r = compute_social_gpa(p, SocialGpaScheme{}, kAsOf);
  REQUIRE(r.items.size() == 3);
  CHECK(r.items[0].kind == "volunteer_hours");
  CHECK(r.items[0].experience == "a");
  CHECK(r.items[0].quantity == 6);
  CHECK(r.items[0].points == 0);
  CHECK(r.items[0].file == "experiences/a/review.md");
  CHECK(r.items[0].line == 3);
  CHECK(r.items[1].experience == "b");
  CHECK(r.items[2].kind == "volunteer_hours_total");
  CHECK(r.items[2].quantity == 12);
  CHECK(r.items[2].points == 1);
  CHECK(r.points == 1);
}

TEST_CASE("volunteer hours are the service share of a multi-strand experience") {
  // creativity + service, 40 h confirmed, split evenly: 20 service hours -> 2 points.
  Portfolio p;
  Experience e = experience("mural", {Strand::creativity, Strand::service}, "2026-10-01", "2027-01-10");
  claim(e, 40);
  review(e, "2027-01-12", 40);
  p.experiences = {e};
  finish(p);
  SocialGpaResult r = compute_social_gpa(p, SocialGpaScheme{}, kAsOf);
  CHECK(r.items[0].quantity == 20);
  CHECK(r.points == 2);

  // Claimed per strand (10 creativity, 30 service): the review's 20 h split the same way, 5 + 15.
  p.experiences[0].claimed_hours = {10, 0, 30};
  p.experiences[0].review->hours = 20;
  r = compute_social_gpa(p, SocialGpaScheme{}, kAsOf);
  CHECK(r.items[0].quantity == 15);
  CHECK(r.points == 1);
  StrandHours split = split_hours(p.experiences[0], 20);
  CHECK(split[0] == 5);
  CHECK(split[1] == 0);
  CHECK(split[2] == 15);
}

TEST_CASE("claimed hours count only without require_evidence") {
  Portfolio p;
  Experience e = experience("food-bank", {Strand::service}, "2026-10-01", "2027-02-01");
  claim(e, 35, 7);  // no review
  p.experiences = {e};
  finish(p);

  SocialGpaScheme strict;
  SocialGpaResult r = compute_social_gpa(p, strict, kAsOf);
  CHECK(r.items.empty());
  CHECK(r.points == 0);

  SocialGpaScheme lenient;
  lenient.require_evidence = false;
  r = compute_social_gpa(p, lenient, kAsOf);
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].quantity == 35);
  CHECK_FALSE(r.items[0].confirmed);
  CHECK(r.items[0].file == "experiences/food-bank/index.md");
  CHECK(r.items[0].line == 7);
  CHECK(r.points == 3);

  // A review's confirmed hours replace the claim even when evidence is not required.
  review(p.experiences[0], "2027-02-02", 21);
  r = compute_social_gpa(p, lenient, kAsOf);
  CHECK(r.items[0].quantity == 21);
  CHECK(r.items[0].confirmed);
  CHECK(r.points == 2);
}

TEST_CASE("paid experiences, reviews and achievements after as-of do not count") {
  Portfolio p;
  Experience paid = experience("paid-tutoring", {Strand::service}, "2026-10-01", "2027-01-01");
  paid.paid = true;
  review(paid, "2027-01-02", 40);
  paid.achievements.push_back(achievement("course_certificate", "2026-12-01", "Course", "experiences/paid-tutoring/c.pdf", 9));
  Experience late = experience("late", {Strand::service}, "2026-10-01", "2027-01-01");
  review(late, "2027-07-01", 30);  // after as-of
  late.achievements.push_back(achievement("competition", "2027-06-20", "Cup", "experiences/late/cup.pdf", 10));
  p.experiences = {paid, late};
  p.files = {"experiences/late/cup.pdf", "experiences/paid-tutoring/c.pdf"};
  finish(p);
  SocialGpaResult r = compute_social_gpa(p, SocialGpaScheme{}, kAsOf);
  CHECK(r.items.empty());
  CHECK(r.points == 0);
  CHECK(compute_social_gpa(p, SocialGpaScheme{}, day("2027-07-01")).points == 4);  // 3 (30 h) + 1
}

TEST_CASE("a prize is added on top of its competition") {
  Portfolio p;
  Experience e = experience("debate", {Strand::creativity}, "2026-09-14");
  e.achievements.push_back(achievement("competition", "2027-02-20", "Regional tournament", "experiences/debate/part.pdf", 12));
  e.achievements.push_back(achievement("prize", "2027-02-20", "2nd place", "experiences/debate/prize.jpg", 17));
  p.experiences = {e};
  p.files = {"experiences/debate/part.pdf", "experiences/debate/prize.jpg"};
  finish(p);
  SocialGpaResult r = compute_social_gpa(p, SocialGpaScheme{}, kAsOf);
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].kind == "competition");
  CHECK(r.items[0].points == 1);
  CHECK(r.items[1].kind == "prize");
  CHECK(r.items[1].points == 1);
  CHECK(r.items[1].title == "2nd place");
  CHECK(r.items[1].level == "school");
  CHECK(r.items[1].date == day("2027-02-20"));
  CHECK(r.points == 2);
}

TEST_CASE("every achievement kind scores its points from the scheme") {
  Portfolio p;
  Experience e = experience("club", {Strand::creativity}, "2026-09-14");
  int line = 10;
  for (const char* kind : {"event_organised", "committee", "competition", "prize", "course_certificate", "olympiad"})
    e.achievements.push_back(achievement(kind, "2027-01-10", kind, "experiences/club/e.pdf", line++));
  p.experiences = {e};
  p.files = {"experiences/club/e.pdf"};
  finish(p);
  SocialGpaResult r = compute_social_gpa(p, SocialGpaScheme{}, kAsOf);
  REQUIRE(r.items.size() == 6);
  CHECK(r.items[0].points == 2);
  CHECK(r.items[1].points == 1);
  CHECK(r.items[2].points == 1);
  CHECK(r.items[3].points == 1);
  CHECK(r.items[4].points == 2);
  CHECK(r.items[5].points == 0);  // a kind the scheme does not score
  CHECK(r.points == 7);

  SocialGpaScheme school;  // a school's own values
  school.points = {{"event_organised", 3}, {"olympiad", 2.5}};
  r = compute_social_gpa(p, school, kAsOf);
  CHECK(r.points == 5.5);
}

TEST_CASE("an achievement without evidence scores 0 and is reported") {
  Portfolio p;
  Experience e = experience("debate", {Strand::creativity}, "2026-09-14");
  e.achievements.push_back(achievement("committee", "2027-04-24", "Organising committee, Junior Debate Cup", "", 22));
  e.achievements.push_back(achievement("competition", "2027-02-20", "Regional tournament", "experiences/debate/gone.pdf", 12));
  p.experiences = {e};
  finish(p);  // gone.pdf is not among the portfolio's files
  SocialGpaResult r = compute_social_gpa(p, SocialGpaScheme{}, kAsOf);
  REQUIRE(r.items.size() == 2);
  CHECK_FALSE(r.items[0].counted);
  CHECK(r.items[0].points == 0);
  CHECK_FALSE(r.items[1].counted);
  CHECK(r.points == 0);

  std::vector<Finding> f = social_gpa_findings(r);
  REQUIRE(f.size() == 2);
  CHECK(f[0].code == "gpa-no-evidence");
  CHECK(f[0].severity == Severity::info);
  CHECK(f[0].where.file == "experiences/debate/index.md");
  CHECK(f[0].where.line == 22);
  CHECK_FALSE(f[0].staff_only);
  CHECK(render_message(f[0], Language::en).message ==
        "The achievement 'Organising committee, Junior Debate Cup' has no evidence, so it scores 0 points in the social GPA");
  CHECK(render_message(f[0], Language::ru).message ==
        "У достижения «Organising committee, Junior Debate Cup» нет подтверждения, поэтому в социальном GPA оно даёт 0 баллов");
  CHECK(render_message(f[0], Language::kk).hint ==
        "Осы тәжірибе папкасындағы файлды `evidence:` кілтіне жазыңыз (сертификат, фотосурет, хат).");
  CHECK(f[1].where.line == 12);

  // Without require_evidence the same achievements count and nothing is reported.
  SocialGpaScheme lenient;
  lenient.require_evidence = false;
  r = compute_social_gpa(p, lenient, kAsOf);
  CHECK(r.points == 2);
  CHECK(social_gpa_findings(r).empty());
}

TEST_CASE("scaled value and level under each model") {
  // 3 course certificates (6) + 50 h (5) = 11 points.
  Portfolio p = with_confirmed_service_hours(50);
  for (int i = 0; i < 3; ++i)
    p.experiences[0].achievements.push_back(
        achievement("course_certificate", "2027-01-10", "Course", "experiences/shelter/c.pdf", 20 + i));
  p.files = {"experiences/shelter/c.pdf"};

  SocialGpaScheme s;
  s.model = GpaModel::cumulative;
  SocialGpaResult r = compute_social_gpa(p, s, kAsOf);
  CHECK(r.points == 11);
  CHECK(r.scaled == 2.2);  // 11 / 20 x 4.0
  CHECK(r.level == "satisfactory");
  CHECK(r.shows_scaled());
  CHECK_FALSE(r.shows_level());

  s.model = GpaModel::levels;
  r = compute_social_gpa(p, s, kAsOf);
  CHECK_FALSE(r.shows_scaled());
  CHECK(r.shows_level());
  CHECK(r.level == "satisfactory");

  s.model = GpaModel::mixed;
  r = compute_social_gpa(p, s, kAsOf);
  CHECK(r.shows_scaled());
  CHECK(r.shows_level());

  // Scale conversion is capped and rounded to 2 decimals.
  s.full_points = 30;
  CHECK(compute_social_gpa(p, s, kAsOf).scaled == 1.47);  // 11 / 30 x 4 = 1.4666...
  s.full_points = 10;
  CHECK(compute_social_gpa(p, s, kAsOf).scaled == 4.0);  // 4.4 capped
}

TEST_CASE("level thresholds: at or above") {
  auto level_for = [](int committees) {
    Portfolio p;
    Experience e = experience("courses", {Strand::creativity}, "2026-09-14");
    for (int i = 0; i < committees; ++i) e.achievements.push_back(achievement("committee", "2027-01-10", "C", "experiences/courses/c.pdf", i + 1));
    p.experiences = {e};
    p.files = {"experiences/courses/c.pdf"};
    finish(p);
    return compute_social_gpa(p, SocialGpaScheme{}, kAsOf).level;
  };
  CHECK(level_for(0) == "initial");
  CHECK(level_for(7) == "initial");
  CHECK(level_for(8) == "satisfactory");
  CHECK(level_for(14) == "satisfactory");
  CHECK(level_for(15) == "high");
  CHECK(level_for(22) == "high");
}

TEST_CASE("numbers are rounded and printed the same way everywhere") {
  CHECK(round2(3.333333) == 3.33);
  CHECK(round2(2.675) == 2.68);
  CHECK(round2(-0.001) == 0);
  CHECK(format_number(12) == "12");
  CHECK(format_number(12.5) == "12.5");
  CHECK(format_number(10.0 / 3) == "3.33");
  CHECK(format_number(0.1 + 0.2) == "0.3");
  CHECK(format_number(1.005) == "1.01");
  CHECK(format_number(-2.5) == "-2.5");
  CHECK(format_number(0.07) == "0.07");
  CHECK(name(GpaModel::mixed) == "mixed");
  CHECK(name(Rounding::nearest) == "nearest");
}
