// The indicators as data for other programs: the JSON of `casfolio report`
// (schema 2, docs/report-json.md) and a CSV with one row per student. The
// same finding objects are used by `check --format json`, and the bundle's
// manifest can embed student_json().
#pragma once
#include <nlohmann/json.hpp>

#include <string>

#include "indicators/analysis.h"
#include "model/audience.h"

namespace casfolio {

inline constexpr int kReportSchema = 2;


// { severity, code, file, line, column, message, hint[, staff_only] } with
// the sentence in `lang`.
nlohmann::ordered_json finding_json(const Finding& f, Language lang);

// An hour or point value: a whole number when it is one, else rounded to 2
// decimals (round2), so the same input always prints the same digits.
nlohmann::ordered_json number_json(double x);

// The social GPA scheme that produced a result (shown with every result).
nlohmann::ordered_json social_gpa_rules_json(const SocialGpaScheme& scheme);

// One student's object of the report's "students" array, as `audience`
// may read it (model/audience.h): `casfolio report` is a staff tool and
// shows everything; the student's bundle gets the student view (findings
// by check/shown_findings.h, no staff-only feedback or interview notes).
nlohmann::ordered_json student_json(const StudentAnalysis& s, const CohortConfig& config,
                                    Audience audience = Audience::student);

// The whole report: { schema, as_of, framework, students, cohort, cohort_findings }.
nlohmann::ordered_json report_json(const Cohort& cohort, const CohortAnalysis& analysis);

// One row per student (RFC 4180: CRLF line ends, fields quoted when needed).
std::string report_csv(const Cohort& cohort, const CohortAnalysis& analysis);

// One CSV field: quoted (RFC 4180) when it holds a comma, a quote, CR or LF;
// a field a spreadsheet would run as a formula (starting with = + - @, TAB
// or CR) is prefixed with an apostrophe so that a name cannot execute anything.
std::string csv_field(std::string_view s);

}  // namespace casfolio
