// `check --format sarif`: the log of one finding exactly, rule descriptions
// from the catalog, and the paths the CLI gives. The whole output is
// validated against the official schema by sarif_schema_test.py.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "diagnostics/sarif_format.h"
#include "support/cli_run.h"

namespace casfolio {
namespace {

Finding finding(std::string code, Location where, Args args) {
  Finding f;
  f.severity = severity_of(code);
  f.code = std::move(code);
  f.where = std::move(where);
  f.args = std::move(args);
  return f;
}

SarifRun test_run() {
  SarifRun run;
  run.tool_version = "9.9.9";
  run.information_uri = "https://example.org/casfolio";
  run.source_root_uri = "file:///home/ana/cas/";
  return run;
}

TEST_CASE("the SARIF log of one finding") {
  Finding f = finding("unknown-strand", {"experiences/x/index.md", 3, 12, 6}, {{"strand", "servce"}});
  CHECK(sarif_log({{&f, "experiences/x/index.md", Language::en}}, test_run()) == R"json({
  "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "casfolio",
          "version": "9.9.9",
          "informationUri": "https://example.org/casfolio",
          "rules": [
            {
              "id": "unknown-strand",
              "shortDescription": {
                "text": "`…` is not a CAS strand"
              },
              "help": {
                "text": "The strands are creativity, activity and service (or C, A, S, or their Kazakh or Russian names)."
              },
              "defaultConfiguration": {
                "level": "error"
              }
            }
          ]
        }
      },
      "columnKind": "unicodeCodePoints",
      "originalUriBaseIds": {
        "SRCROOT": {
          "uri": "file:///home/ana/cas/"
        }
      },
      "results": [
        {
          "ruleId": "unknown-strand",
          "ruleIndex": 0,
          "level": "error",
          "message": {
            "text": "`servce` is not a CAS strand\nThe strands are creativity, activity and service (or C, A, S, or their Kazakh or Russian names)."
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "experiences/x/index.md",
                  "uriBaseId": "SRCROOT"
                },
                "region": {
                  "startLine": 3,
                  "startColumn": 12,
                  "endColumn": 18
                }
              }
            }
          ]
        }
      ]
    }
  ]
}
)json");
}

TEST_CASE("rules: each code once, sorted, described in the rules' language; levels from severity") {
  Finding paid = finding("experience-paid", {"experiences/b/index.md", 1, 0, 0}, {{"experience", "Гитара"}});
  Finding strand = finding("unknown-strand", {"experiences/a/index.md", 2, 0, 0}, {{"strand", "x"}});
  Finding note = finding("reflection-before-start", {}, {{"date", "2026-09-01"}});
  SarifRun run = test_run();
  run.rule_language = Language::kk;
  run.run_language = Language::kk;
  run.information_uri.clear();
  auto log = nlohmann::json::parse(sarif_log({{&strand, "a.md", Language::kk},
                                              {&paid, "b.md", Language::kk},
                                              {&strand, "c.md", Language::kk},
                                              {&note, "", Language::kk}},
                                             run));
  const auto& r = log["runs"][0];
  CHECK(r["language"] == "kk");
  CHECK_FALSE(r["tool"]["driver"].contains("informationUri"));
  const auto& rules = r["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 3);
  CHECK(rules[0]["id"] == "experience-paid");
  CHECK(rules[0]["shortDescription"]["text"] == "«…» тәжірибесі ақылы, ал ақылы жұмыс CAS-қа саналмайды");
  CHECK(rules[0]["defaultConfiguration"]["level"] == "warning");
  CHECK(rules[1]["id"] == "reflection-before-start");
  CHECK(rules[1]["defaultConfiguration"]["level"] == "note");
  CHECK(rules[2]["id"] == "unknown-strand");
  const auto& results = r["results"];
  REQUIRE(results.size() == 4);
  CHECK(results[0]["ruleIndex"] == 2);
  CHECK(results[1]["ruleIndex"] == 0);
  CHECK(results[1]["level"] == "warning");
  CHECK(results[2]["ruleIndex"] == 2);
  CHECK(results[3]["level"] == "note");
  CHECK_FALSE(results[3].contains("locations"));  // no file: no location
  CHECK_FALSE(results[1]["locations"][0]["physicalLocation"]["region"].contains("startColumn"));
}

TEST_CASE("a message that is not UTF-8 still gives valid JSON") {
  Finding f = finding("unknown-strand", {"a.md", 1, 1, 0}, {{"strand", "bad\xff"}});
  auto log = nlohmann::json::parse(sarif_log({{&f, "a.md", Language::en}}, test_run()));
  CHECK(log["runs"][0]["results"][0]["message"]["text"].get<std::string>().starts_with("`bad\xEF\xBF\xBD` is not"));
}

TEST_CASE("check --format sarif: URIs relative to the checked folder, percent-encoded") {
  test::InFolder in(CASFOLIO_SOURCE_DIR);
  auto run = test::cli({"check", "tests/fixtures/invalid/unknown-strand/", "--format", "sarif", "--as-of",
                        "2027-06-15"});
  CHECK(run.code == 1);
  auto log = nlohmann::json::parse(run.out);
  const auto& r = log["runs"][0];
  CHECK(r["originalUriBaseIds"]["SRCROOT"]["uri"] ==
        "file://" + std::string(CASFOLIO_SOURCE_DIR) + "/tests/fixtures/invalid/unknown-strand/");
  REQUIRE(r["results"].size() == 13);  // the two strand errors, then the requirements not met
  CHECK(r["results"][0]["ruleId"] == "misspelled-strand");
  CHECK(r["results"][2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "portfolio.yaml");
  CHECK_FALSE(r["results"][2]["locations"][0]["physicalLocation"].contains("region"));
  const auto& where = r["results"][1]["locations"][0]["physicalLocation"];
  CHECK(where["artifactLocation"]["uri"] == "experiences/x/index.md");
  CHECK(where["region"]["startLine"] == 3);
  CHECK(where["region"]["startColumn"] == 19);

  // The whole cohort: a student's file is under students/<id>/.
  auto cohort = test::cli({"check", "content", "--format", "sarif", "--as-of", "2027-06-15"});
  auto cohort_log = nlohmann::json::parse(cohort.out);
  for (const auto& result : cohort_log["runs"][0]["results"]) {
    std::string uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    CHECK((uri.starts_with("students/") || uri == "cohort.yaml"));
  }
}

}  // namespace
}  // namespace casfolio
