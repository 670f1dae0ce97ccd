#include "diagnostics/diagnostics.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "util/embedded.h"

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

std::string substitute(std::string_view text, const Args& args) {
  std::string out;
  out.reserve(text.size() + 32);
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view key = text.substr(i + 1, close - i - 1);
        auto it = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == key; });
        if (it != args.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
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
  MessageText t{substitute(pick(it->second.message, lang), f.args), substitute(pick(it->second.hint, lang), f.args)};
  if (t.message.empty()) t.message = f.code;
  // A requirement finding that an unread file may explain says so (check/unread_rules.cpp).
  auto unread = std::find_if(f.args.begin(), f.args.end(), [](const auto& a) { return a.first == "unread"; });
  if (unread != f.args.end())
    if (auto note = catalog().find(std::string_view("_check-unread-note")); note != catalog().end())
      t.message += " " + substitute(pick(note->second.message, lang), {{"files", unread->second}});
  return t;
}

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
