#include "diagnostics/github_format.h"

#include "diagnostics/printer.h"

namespace casfolio {

namespace {

// CR and LF as the runner wants them; the rest made safe for a terminal
// first, then '%' (and in a property ':' and ',') escaped, so the runner's
// unescaping gives back exactly what escape_for_terminal showed.
std::string escape_workflow(std::string_view text, bool property) {
  std::string out;
  size_t start = 0;
  auto flush_piece = [&](size_t end) {
    for (char c : escape_for_terminal(text.substr(start, end - start), /*keep_tabs=*/true)) {
      if (c == '%') out += "%25";
      else if (property && c == ':') out += "%3A";
      else if (property && c == ',') out += "%2C";
      else out += c;
    }
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r' && text[i] != '\n') continue;
    flush_piece(i);
    out += text[i] == '\r' ? "%0D" : "%0A";
    start = i + 1;
  }
  flush_piece(text.size());
  return out;
}

}  // namespace

std::string escape_workflow_data(std::string_view text) { return escape_workflow(text, false); }
std::string escape_workflow_property(std::string_view text) { return escape_workflow(text, true); }

std::string_view github_command(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "error";
}

std::string github_annotation(const ShownFinding& shown) {
  const Finding& f = *shown.finding;
  std::string properties;
  auto add = [&](std::string_view key, std::string_view value) {
    if (!properties.empty()) properties += ',';
    properties += key;
    properties += '=';
    properties += escape_workflow_property(value);
  };
  if (!shown.file.empty()) {
    add("file", shown.file);
    if (f.where.line > 0) {
      add("line", std::to_string(f.where.line));
      if (f.where.column > 0) add("col", std::to_string(f.where.column));
    }
  }
  add("title", f.code);
  return "::" + std::string(github_command(f.severity)) + " " + properties + "::" +
         escape_workflow_data(shown_message(shown)) + "\n";
}

}  // namespace casfolio
