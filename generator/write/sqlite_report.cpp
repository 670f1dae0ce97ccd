#include "write/sqlite_report.h"

#include <sqlite3.h>

#include <memory>

namespace casfolio {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS students (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, class TEXT NOT NULL, grade TEXT NOT NULL, status TEXT NOT NULL,
  errors INTEGER NOT NULL, warnings INTEGER NOT NULL, outcomes_evidenced INTEGER NOT NULL,
  reflections INTEGER NOT NULL, confirmed_hours REAL NOT NULL, as_of TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS gpa_periods (
  student TEXT NOT NULL, period TEXT NOT NULL, school_year TEXT NOT NULL, date_from TEXT NOT NULL,
  date_to TEXT NOT NULL, computed_points REAL NOT NULL, adjustment REAL NOT NULL, points REAL NOT NULL,
  scaled REAL NOT NULL, level TEXT NOT NULL, confirmed INTEGER NOT NULL, open INTEGER NOT NULL,
  reason TEXT NOT NULL, rules_version TEXT NOT NULL, as_of TEXT NOT NULL, PRIMARY KEY (student, period));
CREATE TABLE IF NOT EXISTS gpa_items (
  student TEXT NOT NULL, period TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, domain TEXT NOT NULL,
  title TEXT NOT NULL, experience TEXT NOT NULL, date TEXT NOT NULL, quantity REAL NOT NULL,
  points REAL NOT NULL, counted INTEGER NOT NULL, PRIMARY KEY (student, period, seq));
CREATE TABLE IF NOT EXISTS gpa_components (
  student TEXT NOT NULL, period TEXT NOT NULL, component TEXT NOT NULL, value INTEGER NOT NULL,
  PRIMARY KEY (student, period, component));
CREATE TABLE IF NOT EXISTS findings (
  student TEXT NOT NULL, severity TEXT NOT NULL, code TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  message TEXT NOT NULL, staff_only INTEGER NOT NULL);
)sql";

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct Finalize {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

class Writer {
 public:
  explicit Writer(sqlite3* db) : db_(db) {}

  bool exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
    error_ = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    return false;
  }

  Statement prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) error_ = sqlite3_errmsg(db_);
    return Statement(s);
  }

  // Binds the values in order (text, real, int) and steps once.
  template <typename... Values>
  bool run(Statement& s, const Values&... values) {
    if (!s) return false;
    sqlite3_reset(s.get());
    sqlite3_clear_bindings(s.get());
    int i = 0;
    (bind(s.get(), ++i, values), ...);
    int rc = sqlite3_step(s.get());
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
    error_ = sqlite3_errmsg(db_);
    return false;
  }

  const std::string& error() const { return error_; }

 private:
  static void bind(sqlite3_stmt* s, int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
  }
  static void bind(sqlite3_stmt* s, int i, double v) { sqlite3_bind_double(s, i, v); }
  static void bind(sqlite3_stmt* s, int i, int v) { sqlite3_bind_int(s, i, v); }
  static void bind(sqlite3_stmt* s, int i, bool v) { sqlite3_bind_int(s, i, v ? 1 : 0); }

  sqlite3* db_;
  std::string error_;
};

// meta.schema_version of an existing file: "" for a new one.
std::string schema_version(Writer& w) {
  Statement s = w.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  if (s && sqlite3_step(s.get()) == SQLITE_ROW) return reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0));
  return "";
}

bool fill(Writer& w, const ReportDatabase& db) {
  if (!w.exec("DELETE FROM students; DELETE FROM findings;")) return false;
  Statement meta = w.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  if (!w.run(meta, std::string("schema_version"), std::to_string(kReportSchemaVersion)) ||
      !w.run(meta, std::string("as_of"), db.as_of) || !w.run(meta, std::string("school"), db.school))
    return false;
  Statement student = w.prepare("INSERT INTO students VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const DbStudent& s : db.students)
    if (!w.run(student, s.id, s.name, s.class_name, s.grade, s.status, s.errors, s.warnings, s.outcomes_evidenced,
               s.reflections, s.confirmed_hours, db.as_of))
      return false;
  Statement drop_items = w.prepare("DELETE FROM gpa_items WHERE student = ? AND period = ?");
  Statement drop_components = w.prepare("DELETE FROM gpa_components WHERE student = ? AND period = ?");
  Statement period = w.prepare("INSERT OR REPLACE INTO gpa_periods VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const DbGpaPeriod& p : db.periods)
    if (!w.run(drop_items, p.student, p.period) || !w.run(drop_components, p.student, p.period) ||
        !w.run(period, p.student, p.period, p.school_year, p.date_from, p.date_to, p.computed_points, p.adjustment,
               p.points, p.scaled, p.level, p.confirmed, p.open, p.reason, p.rules_version, db.as_of))
      return false;
  Statement item = w.prepare("INSERT INTO gpa_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  int seq = 0;
  std::string last;
  for (const DbGpaItem& i : db.items) {
    std::string key = i.student + '\n' + i.period;
    seq = key == last ? seq + 1 : 1;
    last = key;
    if (!w.run(item, i.student, i.period, seq, i.kind, i.domain, i.title, i.experience, i.date, i.quantity, i.points,
               i.counted))
      return false;
  }
  Statement component = w.prepare("INSERT INTO gpa_components VALUES (?, ?, ?, ?)");
  for (const DbGpaComponent& c : db.components)
    if (!w.run(component, c.student, c.period, c.component, c.value)) return false;
  Statement finding = w.prepare("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const DbFinding& f : db.findings)
    if (!w.run(finding, f.student, f.severity, f.code, f.file, f.line, f.message, f.staff_only)) return false;
  return true;
}

}  // namespace

bool write_report_database(const std::string& path, const ReportDatabase& db, std::string& error) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<sqlite3, CloseDb> handle(raw);
  if (rc != SQLITE_OK) {
    error = "cannot open '" + path + "': " + (raw ? sqlite3_errmsg(raw) : "out of memory");
    return false;
  }
  sqlite3_busy_timeout(raw, 5000);  // another report writing the same file: wait for it, do not fail at once
  Writer w(raw);
  if (!w.exec("BEGIN IMMEDIATE")) {
    error = "'" + path + "' is not a database casfolio can write: " + w.error();
    return false;
  }
  std::string version = schema_version(w);
  if (!version.empty() && version != std::to_string(kReportSchemaVersion)) {
    w.exec("ROLLBACK");
    error = "'" + path + "' has schema version " + version + ", this casfolio writes version " +
            std::to_string(kReportSchemaVersion) + "; nothing was changed";
    return false;
  }
  if (!w.exec(kSchema) || !fill(w, db) || !w.exec("COMMIT")) {
    error = "'" + path + "' was not changed: " + w.error();
    w.exec("ROLLBACK");
    return false;
  }
  return true;
}

}  // namespace casfolio
