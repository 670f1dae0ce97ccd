#include "diagnostics/sarif_format.h"

#include <nlohmann/json.hpp>

#include <map>

#include "util/message_format.h"

namespace casfolio {

namespace {

using Json = nlohmann::ordered_json;

// The official schema's address (its `id`), as SARIF producers name it in `$schema`.
constexpr const char* kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";


Json rule_json(const std::string& code, Language lang) {
  Json rule;
  rule["id"] = code;
  rule["shortDescription"] = {{"text", code_description(code, lang)}};
  if (std::string help = code_description(code, lang, true); !help.empty()) rule["help"] = {{"text", help}};
  rule["defaultConfiguration"] = {{"level", sarif_level(severity_of(code))}};
  return rule;
}

Json location_json(const ShownFinding& shown) {
  const Location& where = shown.finding->where;
  Json artifact;
  artifact["uri"] = shown.file;
  if (!shown.file.starts_with("file:")) artifact["uriBaseId"] = "SRCROOT";
  Json physical;
  physical["artifactLocation"] = std::move(artifact);
  if (where.line > 0) {
    Json region;
    region["startLine"] = where.line;
    if (where.column > 0) {
      region["startColumn"] = where.column;
      if (where.length > 0) region["endColumn"] = where.column + where.length;
    }
    physical["region"] = std::move(region);
  }
  return Json::array({Json{{"physicalLocation", std::move(physical)}}});
}

}  // namespace

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "error";
}

std::string code_description(std::string_view code, Language lang, bool hint) {
  Finding bare;  // no arguments: render_message leaves each {name} as it is
  bare.code = std::string(code);
  MessageText t = render_message(bare, lang);
  return without_placeholders(hint ? t.hint : t.message);
}

std::string sarif_log(const std::vector<ShownFinding>& findings, const SarifRun& run) {
  std::map<std::string, size_t> rule_index;  // sorted by code: the rules' order
  for (const ShownFinding& s : findings) rule_index.emplace(s.finding->code, 0);
  Json rules = Json::array();
  for (auto& [code, index] : rule_index) {
    index = rules.size();
    rules.push_back(rule_json(code, run.rule_language));
  }

  Json driver;
  driver["name"] = "casfolio";
  driver["version"] = run.tool_version;
  if (!run.information_uri.empty()) driver["informationUri"] = run.information_uri;
  driver["rules"] = std::move(rules);

  Json results = Json::array();
  for (const ShownFinding& s : findings) {
    const Finding& f = *s.finding;
    Json result;
    result["ruleId"] = f.code;
    result["ruleIndex"] = rule_index.at(f.code);
    result["level"] = sarif_level(f.severity);
    result["message"] = {{"text", shown_message(s)}};
    if (!s.file.empty()) result["locations"] = location_json(s);
    results.push_back(std::move(result));
  }

  Json sarif_run;
  sarif_run["tool"] = {{"driver", std::move(driver)}};
  if (run.run_language) sarif_run["language"] = std::string(code(*run.run_language));
  sarif_run["columnKind"] = "unicodeCodePoints";  // Location columns count code points
  if (!run.source_root_uri.empty())
    sarif_run["originalUriBaseIds"] = {{"SRCROOT", {{"uri", run.source_root_uri}}}};
  sarif_run["results"] = std::move(results);

  Json log;
  log["$schema"] = kSchemaUri;
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(sarif_run)});
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace casfolio
