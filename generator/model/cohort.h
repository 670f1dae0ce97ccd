// The cohort: cohort.yaml (school, rules, calendar, social GPA scheme) and the
// portfolios found below it. Defaults here are the SPEC's defaults, so a
// portfolio built with no cohort.yaml gets the built-in IB CAS rules.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/framework.h"
#include "model/portfolio.h"
#include "model/social_gpa.h"

namespace casfolio {

struct ProjectRules {
  int min = 1;
  int min_days = 30;
  int collaborators = 1;
  bool all_stages = true;  // `stages: all`
  // `start_by`: a student with no project started by this day is of concern
  // from that day on (docs/indicators.md, "Status"); unset = no such rule.
  Date start_by;
};

struct ReflectionRules {
  int min = 1;         // per experience
  int long_days = 30;  // an experience at least this long ...
  int long_min = 2;    // ... needs this many
};

// requirements.approval: which staff approvals a portfolio needs (only in a
// cohort with a staff folder; a missing one is an `approval-missing` warning).
struct ApprovalRules {
  bool plan = true;
  bool project = true;
  bool experience = false;
};

struct Requirements {
  // `cas: false` in cohort.yaml: a class that keeps portfolios for the
  // social GPA only (grades 5–10): no CAS requirement is checked, none
  // judges the status, and no approval is asked for (docs/social-gpa.md).
  bool cas = true;
  int min_months = 18;
  int max_gap_days = 31;
  // A missed reflection deadline makes a student of concern for this many
  // days after it (unless a reflection has been handed in since); after
  // that it stays on the record only (docs/indicators.md, "Status").
  int concern_days = 45;
  bool all_outcomes = true;
  bool all_strands = true;
  ProjectRules project;
  std::array<int, 3> min_experiences{1, 1, 1};  // by Strand
  int max_outcomes_per_experience = 0;          // 0 = no limit
  ReflectionRules reflections_per_experience;
  double similarity = 0.8;
  ApprovalRules approval;
  // With a trusted ledger (model/ledger.h), a reflection meets a deadline
  // when first seen on or before the deadline plus this many days
  // (check/timeline.h, hand-in rule); at most kMaxGraceDays.
  int grace_days = 3;
};
inline constexpr int kMaxGraceDays = 365;

// A finding's arguments for a deadline's name: {key} in `fallback` (the
// cohort's language, for JSON), and "key.kk", "key.ru", "key.en" that a
// message in that language shows instead (diagnostics.h, render_message),
// each only where that language's name differs.
Args localized_args(const std::string& key, const LocalizedText& text, Language fallback);

struct Deadline {
  Date date;           // the due day; for a range, its last day
  Date from;           // first day of a range, unset for a single day
  std::string kind;    // reflection | interview | event | any word
  LocalizedText name;     // `name:` as one text (kept as `en`) or {kk, ru, en}
  std::string interview;  // for interviews: first | mid | final | ...
  int line = 0;           // in cohort.yaml
};

// A student's Git repository (cohort.yaml `repositories:`, docs/collect.md):
// `casfolio collect` fetches it and puts its branch's tip tree in a checkout
// that the loader reads like a student's folder.
struct Repository {
  std::string id;      // [a-z0-9-]+, the student's id
  std::string url;     // a local path, file://, https://, ssh:// or git@host:path
  std::string branch;  // "" = the remote's default branch (HEAD)
  std::string file;    // where it is listed (cohort.yaml or the repositories FILE)
  int line = 0;
};

struct CohortConfig {
  std::string file;  // "cohort.yaml" relative to the cohort folder, "" = built-in defaults
  std::string school, programme, cohort;
  Language language = Language::en;
  std::vector<Language> languages{Language::en};
  Date start, end;
  std::string theme = "default";
  Framework framework = ib_cas_framework();
  Requirements requirements;
  std::vector<Deadline> calendar;  // sorted by date
  std::optional<SocialGpaScheme> social_gpa;  // nullopt = not computed
  // The staff folder's commission-*.yaml records (model/social_gpa.h), by
  // period then class; empty without a staff folder.
  std::vector<GpaCommission> commissions;
  // The staff folder (`staff:` relative to the cohort folder, or --staff as
  // given), "" = none: then hours and completion are self-reported. With
  // one, only its confirmations count, even when it is ignored for being
  // misplaced (staff_folder_ignored: fail closed, nothing in it counts).
  std::string staff_folder;
  bool staff_folder_ignored = false;
  // The staff folder's ledger.jsonl (StaffRecords::history holds each student's part).
  LedgerState ledger = LedgerState::absent;
  bool has_staff_folder() const { return !staff_folder.empty(); }
  // `repositories:` as a list in cohort.yaml (read there), or as a FILE
  // relative to the cohort folder (read by the loader into `repositories`).
  std::vector<Repository> repositories;
  std::string repositories_file;
  int repositories_line = 0;
  KeyLines keys;
};

// A portfolio with what the loader found wrong in it.
struct LoadedPortfolio {
  Portfolio portfolio;
  std::vector<Finding> findings;
};

struct Cohort {
  std::string root;  // the folder given on the command line, as given
  CohortConfig config;
  std::vector<Finding> config_findings;  // about cohort.yaml / the framework file
  std::vector<LoadedPortfolio> portfolios;  // sorted by id
};

}  // namespace casfolio
