// Outcome framework files (SPEC section 5): the shipped example and every
// problem the parser reports.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "load/framework_file.h"

using namespace casfolio;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> codes_and_lines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Finding& f : d.findings()) out.push_back(f.code + "@" + std::to_string(f.where.line));
  return out;
}

}  // namespace

TEST_CASE("the example syllabus framework reads without a finding") {
  std::string text = read(CASFOLIO_SOURCE_DIR "/examples/frameworks/course-syllabus.yaml");
  REQUIRE_FALSE(text.empty());
  Diagnostics d;
  auto f = parse_framework(text, "frameworks/course-syllabus.yaml", d);
  CHECK(d.findings().empty());
  REQUIRE(f);
  CHECK(f->id == "case-management");
  CHECK(f->name.get(Language::ru) == "Кейс-менеджмент: результаты обучения");
  REQUIRE(f->outcomes.size() == 5);
  size_t indicators = 0;
  for (const Outcome& o : f->outcomes) indicators += o.indicators.size();
  CHECK(indicators == 14);
  CHECK(f->outcomes[0].id == "1");
  CHECK(f->outcomes[0].name.get(Language::kk) ==
        "Кейс-менеджмент технологиясының негізгі принциптері мен теориялық негізін түсіну");
  CHECK(f->outcomes[4].indicators[1].id == "5.2");
  CHECK(f->outcomes[2].indicators[2].name.get(Language::en) == "Draw up a comprehensive plan and coordinate services");

  // A reference to an indicator evidences its outcome.
  CHECK(parse_outcome_ref("1.2", *f) == OutcomeRef{"1", "1.2"});
  CHECK(parse_outcome_ref("LO3", *f) == OutcomeRef{"3", ""});
  CHECK_FALSE(parse_outcome_ref("6", *f));
  CHECK_FALSE(parse_outcome_ref("2.4", *f));
}

TEST_CASE("a framework file's problems are reported and bad entries skipped") {
  const char* yaml =
      "id: club\n"                                                   // 1
      "nam: Club outcomes\n"                                         // 2  typo of name
      "outcomes:\n"                                                  // 3
      "  - id: 1\n"                                                  // 4
      "    name: { en: Plan, ru: Планировать, de: Planen }\n"        // 5  unknown language
      "    indicators:\n"                                            // 6
      "      - { id: 1.1, name: Draw a plan }\n"                     // 7
      "      - { id: 2.1, name: Wrong place }\n"                     // 8  not 1.N
      "      - { name: No id }\n"                                    // 9
      "  - id: 1\n"                                                  // 10 duplicate
      "    name: Again\n"                                            // 11
      "  - id: LO2\n"                                                // 12 reserved prefix
      "  - name: No id here\n"                                       // 13
      "  - id: 3\n"                                                  // 14 no name
      "  - id: 4\n"                                                  // 15
      "    name: [a, b]\n";                                          // 16 not text
  Diagnostics d;
  auto f = parse_framework(yaml, "club.yaml", d);
  CHECK(codes_and_lines(d) == std::vector<std::string>{
                                  "framework-unknown-key-typo@2", "framework-unknown-key@5",
                                  "framework-indicator-id@8", "framework-bad-indicator@9",
                                  "framework-duplicate-id@10", "framework-bad-id@12", "framework-bad-outcome@13",
                                  "framework-missing-name@14", "framework-bad-text@16", "framework-missing-name@15"});
  REQUIRE(f);
  CHECK(f->id == "club");
  CHECK(f->name.get(Language::en) == "club");  // the name was misspelt: the id stands in
  REQUIRE(f->outcomes.size() == 3);
  CHECK(f->outcomes[0].name.get(Language::ru) == "Планировать");
  CHECK(f->outcomes[0].name.get(Language::kk) == "Plan");  // falls back to English
  REQUIRE(f->outcomes[0].indicators.size() == 1);
  CHECK(f->outcomes[0].indicators[0].name.get(Language::kk) == "Draw a plan");
  CHECK(f->outcomes[1].id == "3");
  CHECK(f->outcomes[1].name.get(Language::en) == "3");
  CHECK(f->outcomes[2].id == "4");

  const std::vector<Finding>& all = d.findings();
  CHECK(all[0].where.file == "club.yaml");
  CHECK(all[0].where.column == 1);
  CHECK(render_message(all[0], Language::en).message == "Unknown key 'nam' is ignored");
  CHECK(render_message(all[0], Language::en).hint == "Did you mean 'name'?");
  CHECK(render_message(all[1], Language::en).hint == "Keys allowed here: kk, ru, en.");
  CHECK(render_message(all[2], Language::en).message ==
        "Indicator '2.1' is listed under outcome 1, so its id must look like 1.1");
  CHECK(render_message(all[4], Language::kk).message == "«1» екі рет берілген (алғаш рет 4-жолда); мынау өткізіп жіберілді");
  CHECK(all[7].severity == Severity::warning);
  CHECK(all[8].severity == Severity::error);
}

TEST_CASE("an unusable framework file gives nullopt and says why") {
  Diagnostics d;
  CHECK_FALSE(parse_framework("- a\n- b\n", "f.yaml", d));
  CHECK(codes_and_lines(d) == std::vector<std::string>{"framework-not-a-map@1"});

  Diagnostics d2;
  CHECK_FALSE(parse_framework("id: x\noutcomes: []\n", "f.yaml", d2));
  CHECK(codes_and_lines(d2) == std::vector<std::string>{"framework-no-outcomes@2"});
  CHECK(render_message(d2.findings()[0], Language::en).message ==
        "The framework file has no usable outcome, so the built-in IB CAS outcomes are used");

  Diagnostics d3;
  CHECK_FALSE(parse_framework("outcomes:\n  - name: x\n", "f.yaml", d3));
  CHECK(codes_and_lines(d3) == std::vector<std::string>{"framework-bad-outcome@2", "framework-no-outcomes@1"});

  Diagnostics d4;  // not YAML at all: the YAML reader's own finding, and nothing else
  CHECK_FALSE(parse_framework("outcomes: [1, 2\n", "f.yaml", d4));
  REQUIRE(d4.findings().size() == 1);
  CHECK(d4.findings()[0].severity == Severity::error);
}

TEST_CASE("a framework without id or name takes them from the file name") {
  Diagnostics d;
  auto f = parse_framework("outcomes:\n  - id: A\n    name: Teamwork\n    indicators:\n      - id: A.1\n        name: Listens\n",
                           "frameworks/soft-skills.yaml", d);
  CHECK(d.findings().empty());
  REQUIRE(f);
  CHECK(f->id == "soft-skills");
  CHECK(f->name.get(Language::kk) == "soft-skills");
  CHECK(parse_outcome_ref("A.1", *f) == OutcomeRef{"A", "A.1"});
  CHECK(parse_outcome_ref("lo A", *f) == OutcomeRef{"A", ""});
}
