// The key tables (load/key_tables.h) hold the loader and the JSON Schemas
// (load/schema.h) together: for every key of every table, the loader
// accepts a document with a value of the key's declared shape, reports one
// of the wrong shape, reports the key's absence when it is required, and
// reports a key no table has; the schema lists each key, marks the same keys
// required and refuses others. tests/editor_schemas/validate_schemas.py runs a real
// validator over the sample content and the fixtures.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "load/cohort_file.h"
#include "load/experience_file.h"
#include "load/framework_file.h"
#include "load/portfolio_file.h"
#include "load/reflection_file.h"
#include "load/schema.h"
#include "load/staff_gpa_records.h"
#include "load/staff_reader.h"
#include "model/cas.h"

using namespace casfolio;

namespace {

// The codes that say a key is unknown or missing or a value has the wrong shape.
const std::set<std::string> kShapeCodes = {
    "unknown-key",        "misspelled-key",        "missing-key",         "not-text",
    "not-a-list",         "not-a-map",             "not-a-number",        "not-a-whole-number",
    "not-a-boolean",      "bad-date",              "unknown-value",       "unknown-strand",
    "misspelled-strand",  "unknown-stage",         "misspelled-stage",    "private-not-a-list",
    "private-not-a-boolean", "negative-number",    "number-out-of-range", "not-positive",
    "framework-unknown-key", "framework-unknown-key-typo", "framework-bad-text", "framework-bad-outcome",
    "framework-bad-indicator", "framework-bad-id", "framework-indicator-id", "framework-missing-name",
    "framework-no-outcomes", "file-not-a-map"};

// A value of `shape` that the loader takes, as YAML flow text.
std::string sample(const KeyShape& shape) {
  switch (shape.type) {
    case KeyType::text:
      if (shape.pattern.empty()) return "Sample";
      if (shape.pattern.find("64}") != std::string_view::npos && shape.pattern.find("a-f") != std::string_view::npos)
        return std::string(64, 'a');
      if (shape.pattern.find("\\.") != std::string_view::npos) return "x1.a";  // an indicator of outcome x1
      return shape.pattern.find("(?!") != std::string_view::npos ? "x1" : "sample";
    case KeyType::number:
    case KeyType::count: return "1";
    case KeyType::boolean: return "true";
    case KeyType::date: return "2026-10-01";
    case KeyType::choice: return std::string(shape.words.front());
    case KeyType::list: return "[" + sample(shape.of.front()) + "]";
    case KeyType::either: return sample(shape.of.front());
    case KeyType::map: {
      std::string out;
      auto add = [&](std::string_view name) {
        const KeySpec* k = shape.fields->find(name);
        if (!k || out.find(std::string(name) + ":") != std::string::npos) return;
        out += (out.empty() ? "" : ", ") + std::string(name) + ": " + sample(k->shape);
      };
      for (const KeySpec& k : shape.fields->keys)
        if (k.required) add(k.name);
      if (!shape.fields->required_one_of.empty())
        for (std::string_view name : shape.fields->required_one_of.front()) add(name);
      return "{" + out + "}";
    }
  }
  return "";
}

// A value of the wrong shape, or "" when every value has some meaning (`either`).
std::string wrong(const KeyShape& shape) {
  switch (shape.type) {
    case KeyType::text: return "{zz: 1}";
    case KeyType::number:
    case KeyType::count: return "abc";
    case KeyType::boolean: return "maybe";
    case KeyType::date: return "someday";
    case KeyType::choice: return "zzzz";
    case KeyType::map: return "[1, 2]";
    case KeyType::list: return "{zz: {yy: 1}}";
    case KeyType::either: return "";
  }
  return "";
}

// The map inside `shape` (itself, a list's item, an alternative), or nullptr.
const KeyShape* inner_map(const KeyShape& shape) {
  if (shape.type == KeyType::map) return &shape;
  for (const KeyShape& s : shape.of)
    if (const KeyShape* m = inner_map(s)) return m;
  return nullptr;
}

// `map_text` where the key's shape holds that map: "[{...}]" in a list.
std::string wrap(const KeyShape& shape, const std::string& map_text) {
  if (shape.type == KeyType::map) return map_text;
  if (shape.type == KeyType::list) return "[" + wrap(shape.of.front(), map_text) + "]";
  for (const KeyShape& s : shape.of)
    if (inner_map(s)) return wrap(s, map_text);
  return map_text;
}

struct Loaded {
  std::vector<Finding> findings;
  int first_line = 1;  // of the YAML in the file
};

const char* file_of(std::string_view kind) {
  static const std::map<std::string_view, const char*> files = {
      {"portfolio", "portfolio.yaml"},
      {"experience", "experiences/x/index.md"},
      {"reflection", "reflections/2026-10-01.md"},
      {"interview", "interviews/2026-10-01-first.md"},
      {"review", "experiences/x/review.md"},
      {"cohort", "cohort.yaml"},
      {"framework", "framework.yaml"},
      {"staff-confirmation", "ana/confirmations/guitar.yaml"},
      {"staff-approval", "ana/approvals/plan.yaml"},
      {"staff-feedback", "ana/feedback/2026-10-01-1.md"},
      {"staff-interview", "ana/interviews/2026-10-01-first.md"},
      {"staff-status", "ana/status.yaml"},
      {"self-assessment", "self-assessment/2026-12.yaml"},
      {"staff-gpa-assessment", "ana/social-gpa/2026-12/assessment.yaml"},
      {"staff-observation", "ana/social-gpa/2026-12/observations/t.yaml"},
      {"staff-parents", "ana/social-gpa/2026-12/parents.yaml"},
      {"staff-commission", "commission-2026-12.yaml"}};
  return files.at(kind);
}

// `lines` (YAML, one key a line) read by the loader as a file of `kind`.
Loaded load(const FileKind& kind, const std::vector<std::string>& lines) {
  std::string yaml;
  for (const std::string& l : lines) yaml += l + "\n";
  std::string text = kind.front_matter ? "---\n" + yaml + "---\nWhat I did.\n" : yaml;
  Loaded out;
  out.first_line = kind.front_matter ? 2 : 1;
  std::string file = file_of(kind.name);
  Diagnostics d;
  CohortConfig cohort;
  Limits limits;
  ParseContext ctx{cohort, limits, d};
  std::vector<PathRef> refs;
  std::string_view k = kind.name;
  if (k == "portfolio") parse_profile(text, file, ctx);
  else if (k == "experience") parse_experience(text, file, ctx, refs);
  else if (k == "reflection") parse_reflection(text, file, ctx, refs);
  else if (k == "interview") parse_interview(text, file, ctx, refs);
  else if (k == "review") parse_review(text, file, ctx, refs);
  else if (k == "cohort") parse_cohort_config(text, file, limits, nullptr, d);
  else if (k == "framework") parse_framework(text, file, d);
  else if (k == "self-assessment") parse_self_assessment(text, file, limits, d);
  else {
    MemoryFileSource files;
    files.add(file, text);
    read_staff_folder(files, cohort, limits, d);
  }
  out.findings = d.findings();
  return out;
}

// The base document of a kind: its required keys, each with a sample value.
std::vector<std::string> base_lines(const KeyTable& t, std::string_view skip = {}) {
  std::vector<std::string> lines;
  for (const KeySpec& k : t.keys)
    if (k.required && k.name != skip) lines.push_back(std::string(k.name) + ": " + sample(k.shape));
  return lines;
}

std::vector<std::string> shape_findings(const Loaded& l) {
  std::vector<std::string> out;
  for (const Finding& f : l.findings)
    if (kShapeCodes.count(f.code)) out.push_back(f.code + " at line " + std::to_string(f.where.line));
  return out;
}

bool has_finding_on_line(const Loaded& l, int line) {
  for (const Finding& f : l.findings)
    if (f.where.line == line && f.severity != Severity::info) return true;
  return false;
}

std::set<std::string> json_names(const nlohmann::json& list) {
  std::set<std::string> out;
  for (const auto& n : list) out.insert(n.get<std::string>());
  return out;
}

// The object schema inside `j` (through anyOf and items) that has properties.
const nlohmann::json* object_schema(const nlohmann::json& j) {
  if (j.contains("properties")) return &j;
  for (const char* key : {"anyOf", "items"}) {
    if (!j.contains(key)) continue;
    if (j[key].is_array()) {
      for (const auto& s : j[key])
        if (const nlohmann::json* o = object_schema(s)) return o;
    } else if (const nlohmann::json* o = object_schema(j[key])) {
      return o;
    }
  }
  return nullptr;
}

// The schema lists exactly `t`'s keys, requires the same ones, and refuses others.
void check_schema_object(const nlohmann::json& schema, const KeyTable& t) {
  std::set<std::string> listed, required;
  for (const auto& [name, value] : schema["properties"].items()) listed.insert(name);
  for (const KeySpec& k : t.keys) {
    INFO(k.name);
    CHECK(listed.count(std::string(k.name)) == 1);
    CHECK_FALSE(schema["properties"][std::string(k.name)]["description"].get<std::string>().empty());
    if (k.required) required.insert(std::string(k.name));
  }
  CHECK(listed.size() == t.keys.size());
  CHECK(json_names(schema.value("required", nlohmann::json::array())) == required);
  if (!t.other_keys) CHECK(schema["additionalProperties"] == false);
}

}  // namespace

TEST_CASE("key tables: every key is read by the loader as the table says, and listed by the schema") {
  for (const FileKind& kind : file_kinds()) {
    SECTION(std::string(kind.name)) {
      const KeyTable& t = kind.table();
      nlohmann::json schema = nlohmann::json::parse(json_schema(kind, Language::en));
      check_schema_object(schema, t);

      std::vector<std::string> base = base_lines(t);
      INFO("base document:\n" << [&] { std::string s; for (auto& l : base) s += l + "\n"; return s; }());
      CHECK(shape_findings(load(kind, base)).empty());

      // A key no table has: reported by the loader, refused by the schema (additionalProperties).
      std::vector<std::string> unknown = base;
      unknown.push_back("zzqqxx: 1");
      Loaded u = load(kind, unknown);
      CHECK(has_finding_on_line(u, u.first_line + int(base.size())));

      for (const KeySpec& k : t.keys) {
        INFO("key " << k.name);
        std::vector<std::string> with = base_lines(t, k.name);
        int line = int(with.size());
        with.push_back(std::string(k.name) + ": " + sample(k.shape));
        CHECK(shape_findings(load(kind, with)).empty());

        // A framework's `id:` that is not text is ignored (the file name is its id), not reported.
        bool ignored_when_wrong = kind.name == "framework" && k.name == "id";
        if (std::string bad = wrong(k.shape); !bad.empty() && !ignored_when_wrong) {
          with.back() = std::string(k.name) + ": " + bad;
          Loaded l = load(kind, with);
          CHECK(has_finding_on_line(l, l.first_line + line));
        }
        // Without its only key the file is empty, which is a finding of its own (empty-file).
        if (k.required && base.size() > 1) {
          Loaded l = load(kind, base_lines(t, k.name));
          CHECK_FALSE(shape_findings(l).empty());
        }

        // The keys of a map inside this key's value, the same way, on one line.
        const KeyShape* m = inner_map(k.shape);
        if (!m || m->fields->keys.empty()) continue;
        const nlohmann::json* inner = object_schema(schema["properties"][std::string(k.name)]);
        REQUIRE(inner);
        check_schema_object(*inner, *m->fields);
        std::string inner_base = sample(*m);  // "{required keys}"
        for (const KeySpec& n : m->fields->keys) {
          INFO("inner key " << n.name);
          std::string fields = inner_base.substr(1, inner_base.size() - 2);
          bool present = fields.find(std::string(n.name) + ":") != std::string::npos;
          std::string with_key = present ? fields : fields + (fields.empty() ? "" : ", ") + std::string(n.name) + ": " + sample(n.shape);
          with.back() = std::string(k.name) + ": " + wrap(k.shape, "{" + with_key + "}");
          CHECK(shape_findings(load(kind, with)).empty());
        }
        std::string fields = inner_base.substr(1, inner_base.size() - 2);
        with.back() = std::string(k.name) + ": " + wrap(k.shape, "{" + fields + (fields.empty() ? "" : ", ") + "zzqqxx: 1}");
        if (!m->fields->other_keys) {
          Loaded l = load(kind, with);
          CHECK(has_finding_on_line(l, l.first_line + line));
        }
      }
    }
  }
}

TEST_CASE("key tables: every description is in the catalog in kk, ru and en") {
  std::set<std::string_view> ids;
  std::function<void(const KeyTable&)> walk = [&](const KeyTable& t) {
    for (const KeySpec& k : t.keys) {
      ids.insert(k.description);
      std::function<void(const KeyShape&)> shape = [&](const KeyShape& s) {
        if (s.fields) walk(*s.fields);
        for (const KeyShape& x : s.of) shape(x);
      };
      shape(k.shape);
    }
    if (t.other_keys) ids.insert(t.other_description);
  };
  for (const FileKind& kind : file_kinds()) {
    ids.insert(kind.description);
    walk(kind.table());
  }
  CHECK(ids.size() > 100);
  for (std::string_view id : ids)
    for (Language lang : kAllLanguages) {
      INFO(id << " " << code(lang));
      Finding f;
      f.code = std::string(id);
      std::string text = render_message(f, lang).message;
      CHECK_FALSE(text.empty());
      CHECK(text != id);
    }
}

TEST_CASE("key tables: the strand and stage words are the ones the model reads") {
  const KeySpec* strands = experience_keys().find("strands");
  REQUIRE(strands);
  for (std::string_view w : strands->shape.of.front().words) {
    INFO(w);
    CHECK(parse_strand(w));
  }
  const KeySpec* stage = reflection_keys().find("stage");
  REQUIRE(stage);
  CHECK(stage->shape.words.size() == kAllStages.size());
  for (std::string_view w : stage->shape.words) CHECK(parse_stage(w));
}

TEST_CASE("schema: the same bytes every time, a kind per file, descriptions in the language asked for") {
  const FileKind* experience = find_file_kind("experience");
  REQUIRE(experience);
  CHECK(json_schema(*experience, Language::kk) == json_schema(*experience, Language::kk));
  auto title = [&](Language lang) {
    return nlohmann::json::parse(json_schema(*experience, lang))["properties"]["title"]["description"].get<std::string>();
  };
  CHECK(title(Language::en) == "The experience's title (required).");
  CHECK(title(Language::ru) == "Название опыта (обязательно).");
  CHECK(title(Language::kk) == "Тәжірибенің атауы (міндетті).");
  CHECK(schema_file_name(*experience) == "experience.schema.json");
  CHECK(find_file_kind("nothing") == nullptr);
  CHECK(file_kinds().size() == 17);
}
