// The keys each kind of file accepts, as data: name, shape of the value,
// whether it is required, and the catalog id of its description
// (i18n/messages/schema.yaml). The loader's unknown-key checks read these
// tables (check_keys), and `casfolio schema` turns them into JSON Schemas
// (load/schema.h), so the editor and the loader cannot disagree about which
// keys exist; tests/load/key_tables_test.cpp holds each key's declared shape
// and requiredness to what the loader's typed reads accept.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace casfolio {

struct KeyTable;

enum class KeyType {
  text,     // any scalar, read as text (`grade: 11` is the text "11")
  number,   // a finite number within [min, max]
  count,    // a whole number, 0 or more
  boolean,  // true/false, also yes/no, in any case
  date,     // YYYY-MM-DD
  choice,   // one of `words` (the loader ignores case and surrounding blanks)
  map,      // a map with the keys of `fields`
  list,     // a list of `of[0]`
  either,   // any one of `of`
};

struct KeyShape {
  KeyType type = KeyType::text;
  std::vector<std::string_view> words;  // choice: the words allowed
  std::string_view pattern;             // text: the form as an ECMA-262 regular expression, "" = any
  std::optional<double> min, max;       // number, count: the range
  bool above_min = false;               // number: must be more than `min` (not-positive)
  const KeyTable* fields = nullptr;     // map
  std::vector<KeyShape> of;             // list: its item; either: the alternatives
  bool single_ok = true;                // list: one item written alone counts as a list of one
  int min_items = 0;                    // list: fewer is missing-key (`strands: []`)
  // list of texts: an item may also be a one-entry map, "- Patient: I finish
  // what I start" being a sentence to the student (read_text_list).
  bool sentences = false;
};

struct KeySpec {
  std::string_view name;
  KeyShape shape;
  bool required = false;         // absent or null is missing-key
  std::string_view description;  // catalog id, e.g. "_schema-title"
};

struct KeyTable {
  std::vector<KeySpec> keys;  // in the order the unknown-key hint lists them
  // Keys not listed: nullopt = unknown (reported); else any key (or one of
  // `other_names` when given) with values of this shape (strand -> hours).
  std::optional<KeyShape> other_keys;
  std::vector<std::string_view> other_names;
  std::string_view other_description;
  // At least one of these sets of keys is required (calendar: date, or from and to).
  std::vector<std::vector<std::string_view>> required_one_of;

  std::vector<std::string_view> names() const;
  const KeySpec* find(std::string_view name) const;
};

// The tables, one per map the loader reads.
const KeyTable& portfolio_keys();
const KeyTable& experience_keys();
const KeyTable& supervisor_keys();
const KeyTable& achievement_keys();
const KeyTable& review_keys();
const KeyTable& reflection_keys();
const KeyTable& interview_keys();

const KeyTable& cohort_keys();
const KeyTable& repository_keys();
const KeyTable& requirements_keys();
const KeyTable& project_requirements_keys();
const KeyTable& approval_requirements_keys();
const KeyTable& reflections_per_experience_keys();
const KeyTable& calendar_keys();
const KeyTable& social_gpa_keys();
const KeyTable& volunteer_hours_keys();
const KeyTable& gpa_scale_keys();
const KeyTable& gpa_levels_keys();
// The social GPA's components, domains, periods and approval (load/key_tables_gpa.cpp).
const KeyTable& gpa_components_keys();
const KeyTable& gpa_component_keys();
const KeyTable& gpa_domains_keys();
const KeyTable& gpa_period_keys();
const KeyTable& gpa_approval_keys();
const KeyTable& self_assessment_keys();
const KeyTable& gpa_assessment_keys();
const KeyTable& gpa_observation_keys();
const KeyTable& gpa_parents_keys();
const KeyTable& commission_keys();
const KeyTable& commission_member_keys();
const KeyTable& commission_decision_keys();

const KeyTable& framework_keys();
const KeyTable& framework_outcome_keys();
const KeyTable& framework_indicator_keys();
const KeyTable& localized_text_keys();  // kk, ru, en

const KeyTable& staff_confirmation_keys();
const KeyTable& staff_approval_keys();
const KeyTable& approved_file_keys();
const KeyTable& staff_feedback_keys();
const KeyTable& staff_interview_keys();
const KeyTable& staff_status_keys();

// One kind of file casfolio reads: what `casfolio schema KIND` prints.
struct FileKind {
  std::string_view name;         // "portfolio", "experience", …, "staff-status"
  std::string_view files;        // where such files are, e.g. "experiences/<id>/index.md"
  bool front_matter = false;     // a Markdown file's front matter, not a whole YAML file
  std::string_view description;  // catalog id
  const KeyTable& (*table)() = nullptr;
};
// Every kind, in the order `casfolio schema` lists them.
const std::vector<FileKind>& file_kinds();
const FileKind* find_file_kind(std::string_view name);

}  // namespace casfolio
