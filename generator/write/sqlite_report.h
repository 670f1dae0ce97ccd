// report --format sqlite: the school's local database (docs/social-gpa.md,
// "The school's database"). Plain rows in, one SQLite file out, written in
// one transaction: a reader sees the previous run's data or this one's.
#pragma once
#include <string>
#include <vector>

namespace casfolio {

// The schema's version, kept in meta.schema_version; a file with another
// version is refused rather than half-updated.
inline constexpr int kReportSchemaVersion = 1;

struct DbStudent {
  std::string id, name, class_name, grade, status;
  int errors = 0, warnings = 0, outcomes_evidenced = 0, reflections = 0;
  double confirmed_hours = 0;
};

struct DbGpaPeriod {
  std::string student, period, school_year, date_from, date_to;
  double computed_points = 0, adjustment = 0, points = 0, scaled = 0;
  std::string level, reason, rules_version;
  bool confirmed = false, open = false;
};

struct DbGpaItem {
  std::string student, period, kind, domain, title, experience, date;
  double quantity = 0, points = 0;
  bool counted = true;
};

struct DbGpaComponent {
  std::string student, period, component;
  int value = 0;
};

struct DbFinding {
  std::string student, severity, code, file, message;
  int line = 0;
  bool staff_only = false;
};

struct ReportDatabase {
  std::string as_of, school;
  std::vector<DbStudent> students;
  std::vector<DbGpaPeriod> periods;
  std::vector<DbGpaItem> items;
  std::vector<DbGpaComponent> components;
  std::vector<DbFinding> findings;
};

// Creates `path` or updates it: students and findings become this run's;
// each (student, period) of this run replaces its earlier row, its items and
// components; periods not in this run stay as they were. False (and `error`)
// when the file cannot be opened, is not such a database, or has another
// schema version; nothing is changed then.
bool write_report_database(const std::string& path, const ReportDatabase& db, std::string& error);

}  // namespace casfolio
