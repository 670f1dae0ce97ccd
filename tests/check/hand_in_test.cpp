// Deadlines by hand-in time (check/timeline.h, hand_in()): a cohort with a
// staff folder whose ledger.jsonl is written here line by line, loaded and
// checked as `casfolio check` would. Calendar: reflections due 2026-09-30
// and 2026-10-31; grace_days 3 unless said otherwise.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "check/codes.h"
#include "check/rules.h"
#include "check/timeline.h"
#include "load/loader.h"
#include "support/ledger_builder.h"

using namespace casfolio;
using namespace casfolio::testing;

namespace {

const Date kAsOf = *Date::parse("2026-11-15");

std::string reflection_file(const std::string& date) {
  return "---\ndate: " + date + "\noutcomes: [1]\n---\nWhat I learned.\n";
}

// One student per case, each with one general reflection typed `typed`.
struct Case {
  std::string id, typed;
};
const std::vector<Case> kCases = {
    {"ana", "2026-09-20"},    // first seen 2026-09-21: in time
    {"bolat", "2026-09-30"},  // first seen 2026-10-03: within the grace
    {"cyrus", "2026-09-15"},  // first seen 2026-10-10: backdated
    {"dana", "2026-09-30"},   // first seen 2026-10-04: one day past the grace
    {"erin", "2026-09-25"},   // not in the ledger (her portfolio.yaml is)
    {"farid", "2026-09-25"},  // no line at all: dates as typed
};

const std::vector<LedgerLine> kLines = {
    {"ana", "reflections/r.md", blob_id(1), "2026-09-21T08:00:00Z"},
    {"bolat", "reflections/r.md", blob_id(2), "2026-10-03T23:59:59Z"},
    {"cyrus", "reflections/r.md", blob_id(3), "2026-10-10T06:00:00Z"},
    {"dana", "reflections/r.md", blob_id(4), "2026-10-04T00:00:00Z"},
    {"erin", "portfolio.yaml", blob_id(5), "2026-09-10T06:00:00Z"},
    // Cyrus edits his reflection later: its first sighting stays.
    {"cyrus", "reflections/r.md", blob_id(6), "2026-11-02T06:00:00Z"},
};

MemoryFileSource cohort_files(const std::string& ledger, const std::string& extra_requirements = "") {
  MemoryFileSource m;
  m.add("cohort.yaml", "start: 2026-09-01\nstaff: staff\nrequirements:\n  min_months: 0\n  max_gap_days: 0\n" +
                           extra_requirements +
                           "calendar:\n  - { date: 2026-09-30, kind: reflection }\n"
                           "  - { date: 2026-10-31, kind: reflection }\n");
  for (const Case& c : kCases) {
    m.add("students/" + c.id + "/portfolio.yaml", "name: " + c.id + "\n");
    m.add("students/" + c.id + "/reflections/r.md", reflection_file(c.typed));
  }
  m.add("staff/README.md", "Staff records.\n");
  if (!ledger.empty()) m.add("staff/ledger.jsonl", ledger);
  return m;
}

const Portfolio& student(const Cohort& c, const std::string& id) {
  for (const LoadedPortfolio& lp : c.portfolios)
    if (lp.portfolio.id == id) return lp.portfolio;
  throw std::runtime_error("no " + id);
}

// "met reflections/r.md, missed" for the two deadlines.
std::string deadlines(const Cohort& c, const std::string& id, Date as_of = kAsOf) {
  std::string out;
  for (const DeadlineResult& r : judge_deadlines(student(c, id), c.config, as_of)) {
    if (!out.empty()) out += ", ";
    out += std::string(name(r.state)) + (r.met_by.empty() ? "" : " " + r.met_by);
  }
  return out;
}

// The findings about time and hand-in, as "file:line: code [staff]".
std::string time_findings(const Cohort& c, const std::string& id) {
  std::string out;
  for (const Finding& f : check_portfolio(student(c, id), c.config, kAsOf)) {
    if (f.code != codes::kReflectionDeadlineMissed && f.code != codes::kReflectionBackdated &&
        f.code != codes::kReflectionNotCollected)
      continue;
    out += f.where.file + ":" + std::to_string(f.where.line) + ": " + f.code + (f.staff_only ? " [staff]" : "") + "\n";
  }
  return out;
}

std::string config_findings(const Cohort& c) {
  std::string out;
  for (const Finding& f : c.config_findings)
    out += f.where.file + ":" + std::to_string(f.where.line) + ": " + f.code + (f.staff_only ? " [staff]" : "") + "\n";
  return out;
}

}  // namespace

TEST_CASE("hand-in: with a ledger, deadlines are met by when the school first saw a reflection", "[ledger]") {
  Cohort c = load(cohort_files(ledger_text(kLines)), LoadOptions{});
  CHECK(config_findings(c) == "");
  CHECK(c.config.ledger == LedgerState::trusted);
  CHECK(c.config.requirements.grace_days == 3);

  CHECK(deadlines(c, "ana") == "met reflections/r.md, missed");
  CHECK(time_findings(c, "ana") == "portfolio.yaml:0: reflection-deadline-missed\n");
  // Typed on the deadline, first seen on its last day of grace.
  CHECK(deadlines(c, "bolat") == "met reflections/r.md, missed");
  // Typed 2026-09-15, first seen 2026-10-10: backdated, it counts from
  // 2026-10-07 and meets October's deadline, not September's.
  CHECK(deadlines(c, "cyrus") == "missed, met reflections/r.md");
  CHECK(time_findings(c, "cyrus") ==
        "portfolio.yaml:0: reflection-deadline-missed\n"
        "reflections/r.md:2: reflection-backdated [staff]\n");
  // One day past the grace: backdated by four days, counts on 2026-10-01.
  CHECK(deadlines(c, "dana") == "missed, met reflections/r.md");
  // A reflection the ledger has not seen is not handed in.
  CHECK(deadlines(c, "erin") == "missed, missed");
  CHECK(time_findings(c, "erin") ==
        "portfolio.yaml:0: reflection-deadline-missed\n"
        "portfolio.yaml:0: reflection-deadline-missed\n"
        "reflections/r.md:0: reflection-not-collected [staff]\n");
  // A student the ledger has no line about keeps typed dates.
  CHECK_FALSE(student(c, "farid").staff.history);
  CHECK(deadlines(c, "farid") == "met reflections/r.md, missed");
}

TEST_CASE("hand-in: the backdated finding shows both dates", "[ledger]") {
  Cohort c = load(cohort_files(ledger_text(kLines)), LoadOptions{});
  std::vector<Finding> fs = check_portfolio(student(c, "cyrus"), c.config, kAsOf);
  auto it = std::find_if(fs.begin(), fs.end(), [](const Finding& f) { return f.code == codes::kReflectionBackdated; });
  REQUIRE(it != fs.end());
  CHECK(it->severity == Severity::warning);
  CHECK(render_message(*it, Language::en).message ==
        "This reflection is dated 2026-09-15, but the school first saw it on 2026-10-10, more than 3 days later: "
        "for deadlines it counts as handed in on 2026-10-07");
  CHECK(render_message(*it, Language::ru).message ==
        "Эта рефлексия датирована 2026-09-15, но школа впервые увидела её 2026-10-10, больше чем через 3 дн.: "
        "для сроков она считается сданной 2026-10-07");
  // The edit on 2026-11-02 is the file's last change; the sighting stays.
  const FileHistory& h = student(c, "cyrus").staff.history->at("reflections/r.md");
  CHECK(h.first_seen.iso() == "2026-10-10T06:00:00Z");
  CHECK(h.last_changed.iso() == "2026-11-02T06:00:00Z");
  CHECK(h.versions == 2);
}

TEST_CASE("hand-in: grace_days changes where the line falls", "[ledger]") {
  Cohort none = load(cohort_files(ledger_text(kLines), "  grace_days: 0\n"), LoadOptions{});
  CHECK(none.config.requirements.grace_days == 0);
  CHECK(deadlines(none, "bolat") == "missed, met reflections/r.md");
  Cohort week = load(cohort_files(ledger_text(kLines), "  grace_days: 7\n"), LoadOptions{});
  CHECK(deadlines(week, "dana") == "met reflections/r.md, missed");
  CHECK(deadlines(week, "cyrus") == "missed, met reflections/r.md");  // 2026-10-10 is past 09-30 + 7

  Cohort bad = load(cohort_files(ledger_text(kLines), "  grace_days: 400\n"), LoadOptions{});
  CHECK(config_findings(bad) == "cohort.yaml:6: number-out-of-range\n");
  CHECK(bad.config.requirements.grace_days == 3);
  Cohort negative = load(cohort_files(ledger_text(kLines), "  grace_days: -1\n"), LoadOptions{});
  CHECK(negative.config.requirements.grace_days == 3);
  CHECK_FALSE(config_findings(negative).empty());
}

TEST_CASE("hand-in: a deadline is judged once its grace is over", "[ledger]") {
  Cohort c = load(cohort_files(ledger_text(kLines)), LoadOptions{});
  // Erin's September deadline: upcoming until 2026-10-03, missed from then.
  CHECK(deadlines(c, "erin", *Date::parse("2026-10-02")) == "upcoming, upcoming");
  CHECK(deadlines(c, "erin", *Date::parse("2026-10-03")) == "missed, upcoming");
  // Without hand-in times, on the deadline itself.
  CHECK(deadlines(c, "farid", *Date::parse("2026-09-30")) == "met reflections/r.md, upcoming");
  // A sighting after the as-of date has not happened yet as of then.
  CHECK(deadlines(c, "cyrus", *Date::parse("2026-10-05")) == "missed, upcoming");
}

TEST_CASE("hand-in: a broken ledger is not trusted and dates are as typed", "[ledger]") {
  std::vector<std::string> lines = ledger_lines(kLines);
  // Someone moves Cyrus's sighting earlier: line 4 no longer follows line 3.
  lines[2].replace(lines[2].find("2026-10-10T06:00:00Z"), 20, "2026-09-16T06:00:00Z");
  Cohort c = load(cohort_files(join_lines(lines)), LoadOptions{});
  CHECK(config_findings(c) ==
        "staff/ledger.jsonl:0: ledger-not-trusted [staff]\n"  // sorted: the file as a whole first
        "staff/ledger.jsonl:4: ledger-prev-mismatch [staff]\n");
  CHECK(c.config.ledger == LedgerState::not_trusted);
  for (const Case& x : kCases) CHECK_FALSE(student(c, x.id).staff.history);
  // Judged as without a ledger: the typed dates.
  CHECK(deadlines(c, "cyrus") == "met reflections/r.md, missed");
  CHECK(deadlines(c, "erin") == "met reflections/r.md, missed");
  CHECK(time_findings(c, "cyrus") == "portfolio.yaml:0: reflection-deadline-missed\n");
}

TEST_CASE("hand-in: without a ledger, dates are as typed", "[ledger]") {
  Cohort c = load(cohort_files(""), LoadOptions{});
  CHECK(c.config.ledger == LedgerState::absent);
  CHECK(deadlines(c, "cyrus") == "met reflections/r.md, missed");
  CHECK(deadlines(c, "dana") == "met reflections/r.md, missed");
}

TEST_CASE("hand-in: the missed-deadline hint suggests no date in the past", "[ledger]") {
  Finding f;
  f.code = std::string(codes::kReflectionDeadlineMissed);
  f.args = {{"date", "2026-09-30"}, {"from", "2026-09-01"}, {"name", ""}};
  CHECK(render_message(f, Language::en).hint ==
        "Talk to your CAS adviser about this deadline. A reflection you write now counts for the next deadline: "
        "give it today's date.");
  for (Language l : {Language::kk, Language::ru, Language::en}) {
    CHECK(render_message(f, l).hint.find("2026-09-01") == std::string::npos);
    CHECK(render_message(f, l).hint.find("2026-09-30") == std::string::npos);
  }
}
