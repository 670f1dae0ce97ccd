// The figures coordinators read (SPEC section 8): pure functions of the
// model, the cohort's rules and the findings.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check/timeline.h"
#include "model/cohort.h"

namespace casfolio {

enum class Status { complete, on_track, of_concern };
std::string_view name(Status s);  // "complete", "on-track", "of-concern"

struct OutcomeEvidence {
  int count = 0;
  std::vector<std::string> reflections;  // files, by date
};

struct ProjectFacts {
  std::string id;
  int days = 0;
};

struct GpaItem {
  std::string kind;         // "volunteer_hours" or an achievement kind
  std::string experience;   // experience id
  std::string file;         // where it was declared
  int line = 0;
  Date date;
  std::string level;
  double quantity = 0;      // hours for volunteer_hours, else 1
  double points = 0;
  bool counted = true;      // false: no evidence under require_evidence
};

struct SocialGpaResult {
  double points = 0;   // sum of item points, after the volunteer cap
  double scaled = 0;   // on the 0..scale_max scale
  std::string level;   // "high" | "satisfactory" | "initial"
  std::vector<GpaItem> items;
};

struct StudentIndicators {
  std::string id;
  std::array<int, 3> experiences_per_strand{};  // by Strand
  StrandHours claimed_hours{};
  StrandHours confirmed_hours{};
  int reflections = 0;
  std::map<std::string, OutcomeEvidence> outcomes;  // every framework outcome, by id
  std::vector<ProjectFacts> projects;
  int span_months = 0;
  Gap longest_gap;
  std::vector<DeadlineResult> deadlines;
  int deadlines_met = 0, deadlines_missed = 0, deadlines_upcoming = 0;
  std::vector<const Interview*> interviews;
  std::optional<SocialGpaResult> social_gpa;
  Status status = Status::on_track;
};

// `findings` are the portfolio's load and check findings (status uses them).
StudentIndicators compute_student(const Portfolio& p, const CohortConfig& c, Date as_of,
                                  const std::vector<Finding>& findings);

SocialGpaResult compute_social_gpa(const Portfolio& p, const SocialGpaScheme& scheme,
                                   const StrandHours& confirmed_hours, const StrandHours& claimed_hours);

struct OverdueItem {
  std::string student;
  std::string what;  // "deadline" | "experience-without-reflection" | ...
  Date date;
  std::string detail;
};

struct CohortIndicators {
  std::map<Status, int> per_status;
  // student id -> outcome id -> count of evidencing reflections
  std::map<std::string, std::map<std::string, int>> outcome_matrix;
  std::array<int, 3> experiences_per_strand{};
  StrandHours confirmed_hours{};
  std::vector<OverdueItem> overdue;
  std::map<std::string, std::vector<std::string>> students_per_advisor;
};

CohortIndicators compute_cohort(const Cohort& cohort, const std::vector<StudentIndicators>& students);

}  // namespace casfolio
