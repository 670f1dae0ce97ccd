#include "diagnostics/diagnostics.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "util/embedded.h"
#include "util/message_format.h"

namespace casfolio {

std::string_view name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

namespace {

struct Entry {
  Severity severity = Severity::error;
  std::map<std::string, std::string, std::less<>> message;  // by language code
  std::map<std::string, std::string, std::less<>> hint;
  std::map<std::string, std::string, std::less<>> page_hint;  // empty: pages show `hint`
};

using Catalog = std::map<std::string, Entry, std::less<>>;

Catalog load_catalog() {
  Catalog catalog;
  for (const embedded::File& file : embedded::files()) {
    if (!file.path.starts_with("i18n/messages/") || !file.path.ends_with(".yaml")) continue;
    // Our own files: a test keeps them valid and free of duplicate codes.
    YAML::Node root = YAML::Load(std::string(file.data));
    for (const auto& item : root) {
    Entry e;
    std::string sev = item.second["severity"].as<std::string>("error");
    e.severity = sev == "info" ? Severity::info : sev == "warning" ? Severity::warning : Severity::error;
    for (const auto& m : item.second["message"]) e.message[m.first.as<std::string>()] = m.second.as<std::string>();
    for (const auto& h : item.second["hint"]) e.hint[h.first.as<std::string>()] = h.second.as<std::string>();
    for (const auto& h : item.second["page_hint"]) e.page_hint[h.first.as<std::string>()] = h.second.as<std::string>();
    catalog[item.first.as<std::string>()] = std::move(e);
    }
  }
  return catalog;
}

const Catalog& catalog() {
  static const Catalog c = load_catalog();
  return c;
}

std::string pick(const std::map<std::string, std::string, std::less<>>& texts, Language lang) {
  if (auto it = texts.find(code(lang)); it != texts.end()) return it->second;
  if (auto it = texts.find("en"); it != texts.end()) return it->second;
  return {};
}

}  // namespace

bool is_known_code(std::string_view c) { return catalog().count(c) > 0; }

Severity severity_of(std::string_view c) {
  auto it = catalog().find(c);
  return it == catalog().end() ? Severity::error : it->second.severity;
}

std::vector<std::string> all_codes() {
  std::vector<std::string> codes;
  for (const auto& [c, e] : catalog())
    if (!c.starts_with("_")) codes.push_back(c);
  return codes;
}

MessageText render_message(const Finding& f, Language lang) {
  auto it = catalog().find(f.code);
  if (it == catalog().end()) return {f.code, {}};
  Args args = f.args;
  // An argument "X_text" names a text of the catalog that stands for {X} in
  // the reader's language (yaml-cpp's messages: load/yaml_messages.h); X
  // itself keeps the original words, for JSON and for a text not found.
  for (const auto& [key, value] : f.args)
    if (key.ends_with("_text") && value.starts_with("_"))
      if (auto text = catalog().find(value); text != catalog().end()) {
        std::string shown = format_message(pick(text->second.message, lang), f.args, lang);
        std::string_view of = std::string_view(key).substr(0, key.size() - 5);
        auto slot = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == of; });
        if (slot != args.end()) slot->second = std::move(shown);
      }
  const Entry& e = it->second;
  // An argument "X.kk" (".ru", ".en") is what {X} says in that language (a
  // calendar name given in several: model/cohort.h, localized_args).
  std::string suffix = "." + std::string(code(lang));
  for (const auto& [key, value] : f.args)
    if (key.size() > suffix.size() && key.ends_with(suffix)) {
      std::string_view of = std::string_view(key).substr(0, key.size() - suffix.size());
      auto slot = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == of; });
      if (slot != args.end()) slot->second = value;
    }
  MessageText t{format_message(pick(e.message, lang), args, lang), format_message(pick(e.hint, lang), args, lang),
                format_message(pick(e.page_hint.empty() ? e.hint : e.page_hint, lang), args, lang)};
  if (t.message.empty()) t.message = f.code;
  // A requirement finding that an unread file may explain says so (check/unread_rules.cpp).
  auto unread = std::find_if(f.args.begin(), f.args.end(), [](const auto& a) { return a.first == "unread"; });
  if (unread != f.args.end())
    if (auto note = catalog().find(std::string_view("_check-unread-note")); note != catalog().end())
      t.message += " " + format_message(pick(note->second.message, lang), {{"files", unread->second}}, lang);
  return t;
}

std::string catalog_text(std::string_view c, Language lang, const Args& args) {
  Finding text;
  text.code = std::string(c);
  text.args = args;
  return render_message(text, lang).message;
}

std::string severity_word(Severity s, Language lang) { return catalog_text("_severity-" + std::string(name(s)), lang); }

Finding make_finding(std::string_view code, Location where, Args args) {
  Finding f;
  f.severity = severity_of(code);
  f.code = std::string(code);
  f.where = std::move(where);
  f.args = std::move(args);
  return f;
}

void Diagnostics::report(std::string_view c, Location where, Args args) {
  findings_.push_back(make_finding(c, std::move(where), std::move(args)));
}

size_t Diagnostics::count(Severity s) const {
  return size_t(std::count_if(findings_.begin(), findings_.end(), [&](const Finding& f) { return f.severity == s; }));
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.where.file, a.where.line, a.where.column, a.code) <
           std::tie(b.where.file, b.where.line, b.where.column, b.code);
  });
}

}  // namespace casfolio
