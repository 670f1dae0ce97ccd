#include "render/template_set.h"

#include <algorithm>
#include <filesystem>

#include "util/embedded.h"
#include "util/folder_walk.h"

namespace casfolio {

namespace {

std::optional<std::string> read_disk(const std::filesystem::path& p) { return read_regular_file(p.string()); }

// Files below `dir` on disk, relative, sorted; empty when `dir` is "".
// Hidden names are left out; linked folders are not followed, and a linked
// file counts only when it leads to a file inside `dir`.
std::vector<std::string> list_disk(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (dir.empty() || !std::filesystem::is_directory(dir, ec)) return out;
  WalkLimits limits;
  limits.names = WalkNames::skip_hidden;
  limits.max_entries = 100'000;
  walk_folder(dir, limits, [&](const WalkEntry& e) {
    if (e.is_readable_file()) out.push_back(e.path);
    return WalkStep::descend;
  });
  std::sort(out.begin(), out.end());
  return out;
}

// Mustache treats "" as true; our views use "" for "not given", so a
// section like {{#class_name}} must skip it. This context reads an empty
// string as false, in one place rather than at every view field.
class EmptyIsFalse : public kainjow::mustache::basic_context<std::string> {
 public:
  explicit EmptyIsFalse(const View* base) : inner_(base) {}
  void push(const View* data) override { inner_.push(data); }
  void pop() override { inner_.pop(); }
  const View* get(const std::string& name) const override {
    static const View kFalse(false);
    const View* v = inner_.get(name);
    if (v && v->is_string() && v->string_value().empty()) return &kFalse;
    return v;
  }
  const View* get_partial(const std::string& name) const override { return inner_.get_partial(name); }

 private:
  kainjow::mustache::context<std::string> inner_;
};

// `text` with each {{> name}} replaced by that partial's text (itself
// expanded), so that a page parses its template once instead of parsing
// every partial again at each use (kainjow re-parses a partial each time it
// renders one: a third of a build's time). The partial's text is inserted as
// kainjow would render it: where the tag stood, its last newline dropped (see
// the constructor). Left as tags, for kainjow to handle as before: partials
// that do not parse on their own (their error message stays theirs), that
// change delimiters, that nest too deep, or that do not exist.
std::string expand_partials(const std::string& text, const std::map<std::string, std::string>& partials,
                            int depth = 0) {
  if (depth > 8 || text.find("{{=") != std::string::npos) return text;
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("{{>", pos);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open + 3);
    if (close == std::string::npos) break;
    std::string name = text.substr(open + 3, close - open - 3);
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(0, 1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
    auto it = partials.find(name);
    bool inline_it = it != partials.end() && it->second.find("{{=") == std::string::npos &&
                     kainjow::mustache::mustache(it->second).is_valid();
    out.append(text, pos, open - pos);
    if (inline_it) out += expand_partials(it->second, partials, depth + 1);
    else out.append(text, open, close + 2 - open);
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace

TemplateSet::TemplateSet(const std::string& theme, const std::string& theme_dir) {
  std::string theme_prefix = "themes/" + theme + "/";
  bool theme_known = false;
  for (const embedded::File& f : embedded::files())
    if (f.path.starts_with(theme_prefix)) theme_known = true;
  if (!theme_known) theme_prefix = "themes/default/";

  for (const embedded::File& f : embedded::files()) {
    if (f.path.starts_with("templates/") && f.path.ends_with(".html")) {
      std::string name(f.path.substr(10, f.path.size() - 10 - 5));
      sources_[name] = std::string(f.data);
    } else if (f.path.starts_with(theme_prefix)) {
      assets_[std::string(f.path.substr(theme_prefix.size()))] = std::string(f.data);
    }
  }
  for (const std::string& rel : list_disk(theme_dir)) {
    auto text = read_disk(std::filesystem::path(theme_dir) / rel);
    if (!text) continue;
    if (rel.starts_with("templates/")) {
      if (rel.ends_with(".html")) {
        std::string name = rel.substr(10, rel.size() - 15);
        sources_[name] = *text;
        origins_[name] = (std::filesystem::path(theme_dir) / rel).string();
      }
    } else {
      assets_[rel] = *text;
    }
  }
  std::map<std::string, std::string> partial_texts;
  for (const auto& [name, text] : sources_) {
    if (!name.starts_with("partials/")) continue;
    std::string body = text;
    // The tag's own line ends the partial's last line: no blank line after it.
    if (body.ends_with("\n")) body.pop_back();
    partials_.set(name, kainjow::mustache::partial([body] { return body; }));
    partial_texts[name] = body;
  }
  for (const auto& [name, text] : sources_)
    if (!name.starts_with("partials/")) expanded_[name] = expand_partials(text, partial_texts);
}

std::string TemplateSet::origin(const std::string& name) const {
  auto it = origins_.find(name);
  return it != origins_.end() ? it->second : "templates/" + name + ".html";
}

std::string TemplateSet::render(const std::string& name, const std::vector<const View*>& layers, std::string& error) {
  auto src = sources_.find(name);
  if (src == sources_.end()) {
    error = "no template '" + name + "'";
    return {};
  }
  auto it = compiled_.find(name);
  if (it == compiled_.end()) {
    // A template that does not parse is reported as written, not as expanded.
    kainjow::mustache::mustache as_written(src->second);
    auto expanded = expanded_.find(name);
    it = as_written.is_valid() && expanded != expanded_.end()
             ? compiled_.emplace(name, kainjow::mustache::mustache(expanded->second)).first
             : compiled_.emplace(name, std::move(as_written)).first;
  }
  kainjow::mustache::mustache& tmpl = it->second;
  if (!tmpl.is_valid()) {
    error = tmpl.error_message();
    return {};
  }
  EmptyIsFalse ctx(&partials_);
  for (const View* layer : layers) ctx.push(layer);
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid()) {
    error = tmpl.error_message();
    return {};
  }
  return out;
}

}  // namespace casfolio
