#include "check/template_rules.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "check/codes.h"
#include "check/counted.h"
#include "check/context.h"
#include "util/embedded.h"
#include "util/text.h"

namespace casfolio::check {

namespace {

// A line as compared: trimmed, inner runs of spaces made one (an editor may re-wrap).
std::string compared_line(std::string_view line) {
  std::string out;
  for (char c : trim(line)) {
    if ((c == ' ' || c == '\t') && (out.empty() || out.back() == ' ')) continue;
    out += c == '\t' ? ' ' : c;
  }
  return out;
}

void add_lines(std::set<std::string>& to, std::string_view text) {
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string line = compared_line(text.substr(0, end));
    if (!line.empty()) to.insert(line);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
}

// The template's questions: every line of an archetype's body and of its
// stage texts, in every language casfolio ships.
struct Prompts {
  std::set<std::string> body_lines, stage_lines;
};

Prompts read_prompts() {
  Prompts p;
  for (const char* lang : {"kk", "ru", "en"}) {
    for (const char* file : {"experience.md", "project.md", "reflection.md"}) {
      auto text = embedded::find("templates/archetypes/" + std::string(lang) + "/" + file);
      if (!text || !text->starts_with("---\n")) continue;
      size_t close = text->find("\n---\n", 3);
      if (close == std::string_view::npos) continue;
      add_lines(p.body_lines, text->substr(close + 5));
      std::string front(text->substr(4, close - 3));
      for (std::string_view key : {"{{title}}", "{{date}}"})
        for (size_t at = front.find(key); at != std::string::npos; at = front.find(key))
          front.replace(at, key.size(), "x");
      try {
        YAML::Node stages = YAML::Load(front)["stages"];
        if (stages && stages.IsMap())
          for (const auto& s : stages)
            if (s.second.IsScalar()) add_lines(p.stage_lines, s.second.Scalar());
      } catch (const YAML::Exception&) {
      }
    }
  }
  return p;
}

const Prompts& prompts() {
  static const Prompts p = read_prompts();
  return p;
}

// True when `text` has words and every line of it is one of `lines`. Stops
// at the first line of the student's own, so a real text costs one line.
bool only_prompts(std::string_view text, const std::set<std::string>& lines) {
  bool any = false;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string line = compared_line(text.substr(0, end));
    if (!line.empty()) {
      if (!lines.contains(line)) return false;
      any = true;
    }
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return any;
}

void report(std::vector<Finding>* out, Location where, std::string_view part) {
  if (!out) return;
  Finding f = make_finding(codes::kTemplateNotFilled, std::move(where));
  add_localized(f.args, "part", "template-" + std::string(part));
  out->push_back(std::move(f));
}

// The body's first line with words on it.
Location body_location(const std::string& file, const MarkdownBody& body) {
  int line = body.first_line;
  for (size_t at = 0; at < body.text.size() && trim(body.text.substr(at, body.text.find('\n', at) - at)).empty();) {
    size_t next = body.text.find('\n', at);
    if (next == std::string::npos) break;
    ++line;
    at = next + 1;
  }
  return {file, line, 0, 0};
}

// The first part of an experience still the template's, reported; false when none is.
bool experience_unfilled(const Experience& e, std::vector<Finding>* out) {
  if (only_prompts(e.description.text, prompts().body_lines)) {
    report(out, body_location(e.file, e.description), "text");
    return true;
  }
  if (!e.project) return false;
  for (const std::string& c : e.collaborators)
    if (trim(c).empty()) {
      report(out, key_location(e.file, e.keys, "collaborators"), "collaborators");
      return true;
    }
  for (const auto& stage : e.stages)
    if (stage && only_prompts(*stage, prompts().stage_lines)) {  // an empty one is project-missing-stages
      report(out, key_location(e.file, e.keys, "stages"), "stages");
      return true;
    }
  return false;
}

bool reflection_unfilled(const Reflection& r, std::vector<Finding>* out) {
  if (!only_prompts(r.body.text, prompts().body_lines)) return false;
  report(out, body_location(r.file, r.body), "text");
  return true;
}

}  // namespace

}  // namespace casfolio::check

namespace casfolio {

CountedPortfolio::CountedPortfolio(const Portfolio& p, std::vector<Finding>* unfilled) : loaded_(&p) {
  std::vector<bool> experience_out(p.experiences.size()), reflection_out(p.reflections.size());
  bool any = false;
  for (size_t i = 0; i < p.experiences.size(); ++i)
    if (check::experience_unfilled(p.experiences[i], unfilled)) any = experience_out[i] = true;
  for (size_t i = 0; i < p.reflections.size(); ++i)
    if (check::reflection_unfilled(p.reflections[i], unfilled)) any = reflection_out[i] = true;
  if (!any) return;

  Portfolio& counted = copy_.emplace(p);
  counted.experiences.clear();
  counted.reflections.clear();
  std::vector<int> new_experience(p.experiences.size(), -1), new_reflection(p.reflections.size(), -1);
  for (size_t i = 0; i < p.experiences.size(); ++i) {
    if (experience_out[i]) {
      left_out_.push_back(p.experiences[i].file);
      continue;
    }
    new_experience[i] = int(counted.experiences.size());
    counted.experiences.push_back(p.experiences[i]);
  }
  for (size_t i = 0; i < p.reflections.size(); ++i) {
    if (reflection_out[i]) {
      left_out_.push_back(p.reflections[i].file);
      continue;
    }
    new_reflection[i] = int(counted.reflections.size());
    counted.reflections.push_back(p.reflections[i]);
    int& x = counted.reflections.back().experience;
    if (x >= 0) x = size_t(x) < new_experience.size() ? new_experience[size_t(x)] : -1;
  }
  for (Experience& e : counted.experiences) {
    std::vector<int> kept;
    for (int r : e.reflections)
      if (r >= 0 && size_t(r) < new_reflection.size() && new_reflection[size_t(r)] >= 0)
        kept.push_back(new_reflection[size_t(r)]);
    e.reflections = std::move(kept);
  }
  std::sort(left_out_.begin(), left_out_.end());
}

}  // namespace casfolio
