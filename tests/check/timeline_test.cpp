#include <catch2/catch.hpp>

#include "check/timeline.h"
#include "model_builder.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

std::string describe(const std::vector<Gap>& gaps) {
  std::string out;
  for (const Gap& g : gaps)
    out += g.from.iso() + ".." + g.to.iso() + " " + std::to_string(g.days) + (g.ongoing ? " ongoing" : "") + "\n";
  return out;
}

std::string describe(const std::vector<DeadlineResult>& results) {
  std::string out;
  for (const DeadlineResult& r : results) {
    out += r.deadline->date.iso() + " " + r.deadline->kind + " " + std::string(name(r.state));
    if (r.window_from.valid()) out += " from " + r.window_from.iso();
    if (!r.met_by.empty()) out += " by " + r.met_by;
    out += "\n";
  }
  return out;
}

std::string join(const std::vector<Date>& dates) {
  std::string out;
  for (Date x : dates) out += (out.empty() ? "" : " ") + x.iso();
  return out;
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

// The handbook's first months, with an event that is never judged.
CohortConfig calendar_cohort() {
  CohortConfig c = cohort();
  c.calendar = {
      deadline("2026-09-30", "reflection"),
      deadline("2026-10-30", "interview", "first", "CAS interview 1"),
      deadline("2026-10-30", "reflection"),
      deadline("2026-11-30", "reflection"),
      deadline("2027-05-22", "interview", "mid", "Mid-programme interview", "2027-05-17"),
      deadline("2027-10-10", "event", "", "CAS gallery"),
  };
  return c;
}

Portfolio dated(std::initializer_list<const char*> reflection_dates) {
  Portfolio p;
  for (const char* x : reflection_dates) p.reflections.push_back(reflection("reflections/" + std::string(x) + ".md", x, -1, {}));
  return p;
}

}  // namespace

TEST_CASE("experience_days counts both ends and stops at as_of while ongoing") {
  Experience e = experience("x", {Strand::service}, "2026-09-01", "2026-09-30", {});
  CHECK(experience_days(e, d("2026-12-01")) == 30);
  CHECK(experience_days(e, d("2026-09-30")) == 30);  // ended on the as-of day
  CHECK(experience_days(e, d("2026-09-10")) == 10);  // the end is still ahead: days so far
  e.end = Date();
  CHECK(experience_days(e, d("2026-09-01")) == 1);
  CHECK(experience_days(e, d("2026-10-31")) == 61);
  CHECK(experience_days(e, d("2026-08-31")) == 0);  // not started yet
  e.end = d("2026-08-01");
  CHECK(experience_days(e, d("2026-12-01")) == 0);  // end before start
  e.start = Date();
  CHECK(experience_days(e, d("2026-12-01")) == 0);
}

TEST_CASE("activity_dates lists every dated entry up to as_of, sorted, repeats kept") {
  Portfolio p;
  p.experiences.push_back(experience("a", {Strand::service}, "2026-09-20", "2026-10-05", {}));
  p.experiences[0].review = Review{};
  p.experiences[0].review->date = d("2026-10-07");
  p.experiences.push_back(experience("b", {Strand::activity}, "2026-10-05", "2027-01-01", {}));
  p.reflections.push_back(reflection("reflections/x.md", "2026-09-25", -1, {}));
  p.reflections.push_back(reflection("reflections/undated.md", nullptr, -1, {}));
  p.interviews.push_back(interview("interviews/first.md", "2026-10-28", "first"));
  p.interviews.push_back(interview("interviews/mid.md", "2027-05-20", "mid"));
  CHECK(join(activity_dates(p, d("2026-12-01"))) == "2026-09-20 2026-09-25 2026-10-05 2026-10-05 2026-10-07 2026-10-28");
  CHECK(join(activity_dates(p, d("2026-10-05"))) == "2026-09-20 2026-09-25 2026-10-05 2026-10-05");
}

TEST_CASE("gaps run from the programme start through every entry to as_of") {
  // Worked example: start 09-09, entries 09-20 and 10-25, as of 12-10.
  // 09-09..09-20 = 11 days, 09-20..10-25 = 35 days, 10-25..12-10 = 46 days,
  // still growing because nothing is dated 12-10.
  CohortConfig c = cohort();
  Portfolio p = dated({"2026-09-20", "2026-10-25"});
  CHECK(describe(gaps(p, c, d("2026-12-10"))) ==
        "2026-09-09..2026-09-20 11\n"
        "2026-09-20..2026-10-25 35\n"
        "2026-10-25..2026-12-10 46 ongoing\n");
  Gap g = longest_gap(p, c, d("2026-12-10"));
  CHECK(g.from == d("2026-10-25"));
  CHECK(g.to == d("2026-12-10"));
  CHECK(g.days == 46);
  CHECK(g.ongoing);

  SECTION("an entry on the as-of day closes the last stretch") {
    p.reflections.push_back(reflection("reflections/today.md", "2026-12-10", -1, {}));
    CHECK(describe(gaps(p, c, d("2026-12-10"))) ==
          "2026-09-09..2026-09-20 11\n"
          "2026-09-20..2026-10-25 35\n"
          "2026-10-25..2026-12-10 46\n");
  }
  SECTION("the earliest of equal gaps is the longest") {
    Portfolio q = dated({"2026-10-09", "2026-11-08"});  // 30, 30, then 30 up to 12-08
    Gap h = longest_gap(q, c, d("2026-12-08"));
    CHECK(h.from == d("2026-09-09"));
    CHECK(h.days == 30);
  }
  SECTION("entries after as_of do not close a gap") {
    p.reflections.push_back(reflection("reflections/later.md", "2026-12-20", -1, {}));
    CHECK(longest_gap(p, c, d("2026-12-10")).days == 46);
  }
}

TEST_CASE("gaps stop at the cohort's end and start at the student's own start") {
  CohortConfig c = cohort();  // ends 2028-04-15
  Portfolio p = dated({"2028-03-20", "2028-04-01"});
  p.profile.started = d("2028-03-01");
  // After the programme: the last stretch ends at 04-15 and is not ongoing.
  CHECK(describe(gaps(p, c, d("2028-06-01"))) ==
        "2028-03-01..2028-03-20 19\n"
        "2028-03-20..2028-04-01 12\n"
        "2028-04-01..2028-04-15 14\n");

  SECTION("entries before the start are ignored") {
    Portfolio q = dated({"2026-08-01", "2026-09-19"});
    CHECK(describe(gaps(q, c, d("2026-09-30"))) == "2026-09-09..2026-09-19 10\n2026-09-19..2026-09-30 11 ongoing\n");
  }
  SECTION("before the programme starts there is no timeline") {
    CHECK(gaps(p, c, d("2028-02-28")).empty());
    CHECK(longest_gap(p, c, d("2028-02-28")).days == 0);
  }
  SECTION("with no start known the timeline begins at the first entry") {
    CohortConfig none;
    Portfolio q = dated({"2026-10-01", "2026-10-11"});
    CHECK(describe(gaps(q, none, d("2026-10-20"))) == "2026-10-01..2026-10-11 10\n2026-10-11..2026-10-20 9 ongoing\n");
    CHECK(gaps(Portfolio{}, none, d("2026-10-20")).empty());
  }
  SECTION("a student with no entry has one growing gap from the start") {
    CHECK(describe(gaps(Portfolio{}, c, d("2026-10-20"))) == "2026-09-09..2026-10-20 41 ongoing\n");
  }
}

TEST_CASE("programme span counts whole months from the first to the last entry") {
  Portfolio p = dated({"2026-09-09", "2027-01-15", "2028-03-08"});
  CHECK(programme_span_months(p, d("2028-04-01")) == 17);
  p.reflections.push_back(reflection("reflections/x.md", "2028-03-09", -1, {}));
  CHECK(programme_span_months(p, d("2028-04-01")) == 18);
  CHECK(programme_span_months(p, d("2028-03-08")) == 17);  // the 03-09 entry is after as_of
  CHECK(programme_span_months(p, d("2027-01-14")) == 0);   // one entry only
  CHECK(programme_span_months(Portfolio{}, d("2028-04-01")) == 0);
}

TEST_CASE("reflection deadlines: one reflection in each window, judged on the as-of day") {
  CohortConfig c = calendar_cohort();
  Portfolio p = dated({"2026-09-20", "2026-10-30"});
  p.interviews.push_back(interview("interviews/first.md", "2026-10-28", "first"));

  // The deadline on the as-of day is judged; the event is never listed.
  CHECK(describe(judge_deadlines(p, c, d("2026-11-30"))) ==
        "2026-09-30 reflection met from 2026-09-09 by reflections/2026-09-20.md\n"
        "2026-10-30 interview met by interviews/first.md\n"
        "2026-10-30 reflection met from 2026-10-01 by reflections/2026-10-30.md\n"
        "2026-11-30 reflection missed from 2026-10-31\n"
        "2027-05-22 interview upcoming\n");
  // A day earlier it is upcoming, never missed.
  CHECK(describe(judge_deadlines(p, c, d("2026-11-29"))).find("2026-11-30 reflection upcoming from 2026-10-31\n") !=
        std::string::npos);

  SECTION("a reflection on a deadline day counts for that deadline only") {
    Portfolio q = dated({"2026-09-30"});
    CHECK(describe(judge_deadlines(q, c, d("2026-10-30"))) ==
          "2026-09-30 reflection met from 2026-09-09 by reflections/2026-09-30.md\n"
          "2026-10-30 interview missed\n"
          "2026-10-30 reflection missed from 2026-10-01\n"
          "2026-11-30 reflection upcoming from 2026-10-31\n"
          "2027-05-22 interview upcoming\n");
  }
  SECTION("the day after the previous deadline opens the next window") {
    Portfolio q = dated({"2026-10-01"});
    CHECK(describe(judge_deadlines(q, c, d("2026-10-30"))).find(
              "2026-10-30 reflection met from 2026-10-01 by reflections/2026-10-01.md\n") != std::string::npos);
  }
  SECTION("reflections in experience folders count, the earliest is named") {
    Portfolio q = dated({"2026-11-20"});
    q.reflections.push_back(reflection("experiences/guitar/b.md", "2026-11-05", 0, {}));
    q.reflections.push_back(reflection("experiences/guitar/a.md", "2026-11-05", 0, {}));
    CHECK(describe(judge_deadlines(q, c, d("2026-11-30"))).find(
              "2026-11-30 reflection met from 2026-10-31 by experiences/guitar/a.md\n") != std::string::npos);
  }
  SECTION("a reflection dated after as_of does not meet an upcoming deadline yet") {
    Portfolio q = dated({"2026-11-20"});
    CHECK(describe(judge_deadlines(q, c, d("2026-11-10"))).find("2026-11-30 reflection upcoming from 2026-10-31\n") !=
          std::string::npos);
    CHECK(describe(judge_deadlines(q, c, d("2026-11-20"))).find(
              "2026-11-30 reflection met from 2026-10-31 by reflections/2026-11-20.md\n") != std::string::npos);
  }
}

TEST_CASE("interview deadlines: a record of that kind on or before the (last) day") {
  CohortConfig c = calendar_cohort();
  auto mid_state = [&](const Portfolio& p, const char* as_of) {
    for (const DeadlineResult& r : judge_deadlines(p, c, d(as_of)))
      if (r.deadline->interview == "mid") return std::string(name(r.state)) + " " + r.met_by;
    return std::string("absent");
  };
  Portfolio p;
  CHECK(mid_state(p, "2027-05-21") == "upcoming ");
  CHECK(mid_state(p, "2027-05-22") == "missed ");  // the range's last day is the deadline

  p.interviews.push_back(interview("interviews/first.md", "2027-05-18", "first"));
  CHECK(mid_state(p, "2027-06-01") == "missed ");  // another kind does not count

  p.interviews.push_back(interview("interviews/mid-late.md", "2027-05-23", "mid"));
  CHECK(mid_state(p, "2027-06-01") == "missed ");  // after the last day

  p.interviews.push_back(interview("interviews/mid.md", "2027-05-22", "Mid"));
  CHECK(mid_state(p, "2027-06-01") == "met interviews/mid.md");  // kinds ignore ASCII case
  CHECK(mid_state(p, "2027-05-21") == "upcoming ");              // recorded after as_of

  SECTION("an interview deadline without `interview:` takes any record") {
    CohortConfig any = cohort();
    any.calendar = {deadline("2026-12-15", "Interview")};
    Portfolio q;
    q.interviews.push_back(interview("interviews/x.md", "2026-12-01", "chat"));
    CHECK(describe(judge_deadlines(q, any, d("2026-12-02"))) == "2026-12-15 Interview met by interviews/x.md\n");
  }
}

TEST_CASE("a student who started later is judged from their own start") {
  CohortConfig c = calendar_cohort();
  Portfolio p = dated({"2026-10-05", "2026-10-20"});
  p.profile.started = d("2026-10-15");
  // 09-30 is before the student's start: not theirs. The 10-30 window opens
  // on 10-15, so the reflection of 10-05 does not count, the one of 10-20 does.
  CHECK(describe(judge_deadlines(p, c, d("2026-11-30"))) ==
        "2026-10-30 interview missed\n"
        "2026-10-30 reflection met from 2026-10-15 by reflections/2026-10-20.md\n"
        "2026-11-30 reflection missed from 2026-10-31\n"
        "2027-05-22 interview upcoming\n");

  p.reflections.pop_back();
  CHECK(describe(judge_deadlines(p, c, d("2026-11-30"))).find("2026-10-30 reflection missed from 2026-10-15\n") !=
        std::string::npos);
}

TEST_CASE("with no programme start the first reflection window is open") {
  CohortConfig c = calendar_cohort();
  c.start = Date();
  Portfolio p = dated({"2026-08-01"});
  CHECK(describe(judge_deadlines(p, c, d("2026-10-01"))) ==
        "2026-09-30 reflection met by reflections/2026-08-01.md\n"
        "2026-10-30 interview upcoming\n"
        "2026-10-30 reflection upcoming from 2026-10-01\n"
        "2026-11-30 reflection upcoming from 2026-10-31\n"
        "2027-05-22 interview upcoming\n");
}
