// render_site: the frame shared by every page, the cohort home, search and
// the theme's assets. The student's own pages are in student_pages.cpp.
#include "render/site.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <mutex>

#include "check/shown_findings.h"
#include "render/charts.h"
#include "render/markdown.h"
#include "render/redact.h"
#include "render/staff_views.h"
#include "render/status_view.h"
#include "render/site_builder.h"
#include "render/url.h"
#include "util/digest.h"
#include "util/parallel.h"
#include "util/path.h"

namespace casfolio {

std::string PageContext::href(std::string_view site_path) const { return root + encode_path(site_path); }

std::string PageContext::page(std::string_view rest_path) const {
  return href(std::string(code(lang)) + "/" + std::string(rest_path));
}

SiteBuilder::SiteBuilder(const Cohort& cohort, const CohortAnalysis& analysis, const SiteOptions& options)
    : cohort_(cohort), analysis_(analysis), options_(options), templates_(cohort.config.theme, options.theme_dir) {
  for (Language l : cohort.config.languages)
    if (std::find(cohort_languages_.begin(), cohort_languages_.end(), l) == cohort_languages_.end())
      cohort_languages_.push_back(l);
  if (cohort_languages_.empty()) cohort_languages_.push_back(cohort.config.language);
  // The cohort's pages are about every student: staff and the public see
  // them, a student's view does not (it is each student's own pages only).
  has_cohort_home_ = !options.only_student.has_value() && options.audience != Audience::student;

  students_.reserve(analysis.students.size());
  for (const StudentAnalysis& sa : analysis.students) {
    if (!sa.loaded) continue;
    const Portfolio& p = sa.loaded->portfolio;
    if (options.only_student && p.id != *options.only_student) continue;
    if (options.is_public() && !p.publishable()) continue;  // unreadable, or `private:` not understood
    StudentSite& s = students_.emplace_back();
    s.analysis = &sa;
    if (options.is_public()) {
      PublicPortfolio pub = redact_for_public(p);
      s.redacted = std::make_unique<StudentSite::Redacted>();
      s.redacted->portfolio = std::move(pub.portfolio);
      s.show_interviews = !pub.hide_interviews;
      s.redacted->indicators = compute_student(s.redacted->portfolio, cohort.config, analysis.as_of, {});
      s.portfolio = &s.redacted->portfolio;
      s.indicators = &s.redacted->indicators;
      s.findings = &s.redacted->findings;
    } else {
      s.portfolio = &p;
      s.indicators = &sa.indicators;  // the analysis is the authority for the staff and the student view
      s.findings = &sa.findings;
      if (options.audience == Audience::student) {
        s.shown_findings = findings_for(Audience::student, sa.findings);
        s.findings = &s.shown_findings;
      }
    }
    s.languages = cohort_languages_;
    if (std::find(s.languages.begin(), s.languages.end(), p.profile.language) == s.languages.end())
      s.languages.push_back(p.profile.language);
    s.dir = "students/" + p.id;
  }
  if (options.previous || options.memo) {
    DigestBuilder d;
    for (const auto& [name, text] : templates_.sources()) d.add(name).add(text);
    for (const auto& [name, data] : templates_.assets()) d.add(name).add(data);
    templates_digest_ = d.finish();
    for (StudentSite& s : students_) s.key = student_key(s);
  }

  for (Language l : kAllLanguages) {
    const UiText& ui = UiText::get(l);
    View t;
    for (const auto& [key, text] : ui.strings()) put(t, key, text);
    View& layer = language_layers_[size_t(l)];
    put(layer, "lang", std::string(code(l)));
    put(layer, "t", t);
  }
}

PageContext SiteBuilder::context(Language lang, std::string rest, bool at_root) const {
  PageContext pc;
  pc.lang = lang;
  pc.rest = std::move(rest);
  pc.at_root = at_root;
  pc.path = at_root ? "index.html" : std::string(code(lang)) + "/" + pc.rest;
  pc.root = root_prefix(pc.path);
  return pc;
}

std::string SiteBuilder::home_href(const PageContext& pc) const {
  if (has_cohort_home_) {
    Language l = std::find(cohort_languages_.begin(), cohort_languages_.end(), pc.lang) != cohort_languages_.end()
                     ? pc.lang
                     : cohort_languages_.front();
    return pc.href(std::string(code(l)) + "/index.html");
  }
  if (!students_.empty()) return pc.page(students_.front().dir + "/index.html");
  return pc.href("index.html");
}

View SiteBuilder::page_view(const PageContext& pc, const std::string& title,
                            const std::vector<Language>& languages) const {
  const UiText& ui = UiText::get(pc.lang);
  const CohortConfig& c = cohort_.config;
  View v;
  std::string site_title = c.school.empty() ? ui.s("site_title_default") : c.school;
  std::string subtitle = c.programme;
  if (!c.cohort.empty()) subtitle += (subtitle.empty() ? "" : " · ") + c.cohort;
  if (subtitle.empty()) subtitle = ui.s("site_subtitle_default");
  put(v, "root", pc.root);
  put(v, "title", title);
  put(v, "page_title", title == site_title ? title : title + " · " + site_title);
  put(v, "site_title", site_title);
  put(v, "site_subtitle", subtitle);
  put(v, "home_href", home_href(pc));
  put(v, "search_href", pc.page("search.html"));
  put(v, "staff", !options_.is_public());  // private sections (deadlines, findings, staff records)
  put(v, "staff_view", options_.audience == Audience::staff);  // the staff banner
  put(v, "student_view", options_.audience == Audience::student);
  put(v, "public", options_.is_public());
  put(v, "as_of", ui.date(analysis_.as_of));
  put(v, "as_of_line", ui.format("footer_as_of", {{"date", ui.date(analysis_.as_of)}}));
  ViewList langs;
  if (languages.size() > 1) {
    for (Language l : languages) {
      View item;
      put(item, "href", pc.href(std::string(code(l)) + "/" + pc.rest));
      put(item, "code", std::string(code(l)));
      put(item, "label", UiText::get(l).s("language_name"));
      put(item, "current", l == pc.lang);
      langs.push_back(item);
    }
  }
  put(v, "has_languages", !langs.empty());
  put(v, "languages", std::move(langs));
  ViewList scripts;
  View site_js;
  put(site_js, "src", pc.href("assets/site.js"));
  scripts.push_back(site_js);
  put(v, "scripts", std::move(scripts));
  return v;
}

void SiteBuilder::report_template_error(std::vector<Finding>& into, const std::string& template_name,
                                        const std::string& error) {
  into.push_back(make_finding("template-error", Location{templates_.origin(template_name)},
                              {{"template", template_name}, {"error", error}}));
}

void SiteBuilder::emit(StudentSite* s, const PageContext& pc, const std::string& template_name, View& page) {
  const View* crumbs = page.get("crumbs");
  put(page, "has_crumbs", crumbs && crumbs->is_list() && !crumbs->list_value().empty());
  std::string error;
  TemplateSet& templates = s ? *s->templates : *cohort_templates_;
  std::string html = templates.render(template_name, {&language_layers_[size_t(pc.lang)], &page}, error);
  if (!error.empty()) {
    // Only the first template error of a build is reported (they repeat on
    // every page); a student's first is kept for build() to decide.
    if (s) {
      if (!s->template_error) report_template_error(s->render_findings, template_name, error);
      s->template_error = true;
    } else if (!template_error_) {
      report_template_error(render_findings_, template_name, error);
      template_error_ = true;
    }
    return;
  }
  OutputFile f{pc.path, std::move(html), {}};
  if (s && !s->key.empty()) f.digest = content_digest(f.data);
  (s ? s->out : out_).push_back(std::move(f));
}

View SiteBuilder::findings_view(const std::vector<Finding>& findings, const StudentSite* student,
                                const PageContext& pc) const {
  const UiText& ui = UiText::get(pc.lang);
  ViewList groups;
  for (Severity sev : {Severity::error, Severity::warning, Severity::info}) {
    ViewList items;
    for (const Finding& f : findings) {
      if (f.severity != sev) continue;
      MessageText m = render_message(f, pc.lang);
      View item;
      put(item, "message", m.message);  // plain, for a project's own templates
      put(item, "hint", m.page_hint);
      put(item, "message_html", catalog_text_html(m.message));
      put(item, "hint_html", catalog_text_html(m.page_hint));
      put(item, "has_hint", !m.page_hint.empty());
      std::string where = f.where.file;
      if (!where.empty() && f.where.line > 0) where += ":" + std::to_string(f.where.line);
      put(item, "where", where);
      put(item, "code", f.code);
      put(item, "staff_only", f.staff_only);
      std::string href;
      if (student && !f.where.file.empty()) {
        const Portfolio& p = *student->portfolio;
        for (const Reflection& r : p.reflections)
          if (r.file == f.where.file) href = pc.page(reflection_rest(*student, r));
        if (href.empty())
          for (const Experience& e : p.experiences)
            if (f.where.file == e.file || f.where.file.starts_with(e.dir + "/"))
              href = pc.page(experience_rest(*student, e));
      }
      put(item, "has_href", !href.empty());
      put(item, "href", std::move(href));
      items.push_back(item);
    }
    if (items.empty()) continue;
    View group;
    std::string key(name(sev));
    put(group, "severity", key);
    put(group, "label", ui.s("severity_" + key));
    put(group, "count", std::to_string(items.size()));
    put(group, "items", std::move(items));
    groups.push_back(group);
  }
  View v;
  put(v, "any", !groups.empty());
  put(v, "groups", std::move(groups));
  return v;
}

void SiteBuilder::search_page(Language lang) {
  PageContext pc = context(lang, "search.html");
  const UiText& ui = UiText::get(lang);
  std::vector<Language> langs = has_cohort_home_ || students_.empty() ? cohort_languages_ : students_.front().languages;
  for (const StudentSite& s : students_)
    for (Language l : s.languages)
      if (std::find(langs.begin(), langs.end(), l) == langs.end()) langs.push_back(l);
  View v = page_view(pc, ui.s("search_title"), langs);
  put(v, "body_class", "page-search");
  ViewList scripts;
  for (std::string src : {std::string(code(lang)) + "/search-index.js", std::string("assets/search.js"),
                          std::string("assets/site.js")}) {
    View s;
    put(s, "src", pc.href(src));
    scripts.push_back(s);
  }
  put(v, "scripts", std::move(scripts));
  emit(nullptr, pc, "search", v);
}

SearchEntry search_entry(const std::string& title, const std::string& student, const std::string& kind,
                         const std::string& url, const std::string& text) {
  nlohmann::ordered_json j;
  j["t"] = title;
  j["s"] = student;
  j["k"] = kind;
  j["u"] = url;
  j["x"] = text;
  return SearchEntry{url, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

void SiteBuilder::search_index(Language lang) {
  auto& entries = search_[size_t(lang)];
  auto by_url = [](const SearchEntry* a, const SearchEntry* b) { return a->url < b->url; };
  if (!std::is_sorted(entries.begin(), entries.end(), by_url)) std::stable_sort(entries.begin(), entries.end(), by_url);
  // A script that sets a global, not a JSON file: fetch() of a local file
  // fails from file://, a <script src> does not.
  size_t size = 100;
  for (const SearchEntry* e : entries) size += e->json.size() + 1;
  std::string js;
  js.reserve(size);
  js = "// Generated by casfolio: the search index of this language.\nwindow.CASFOLIO_SEARCH = [";
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i) js += ',';
    js += entries[i]->json;
  }
  js += "];\n";
  out_.push_back(OutputFile{std::string(code(lang)) + "/search-index.js", std::move(js), {}});
}

std::string SiteBuilder::student_key(const StudentSite& s) const {
  if (!options_.fingerprints) return {};
  const Portfolio& p = s.analysis->loaded->portfolio;
  auto fp = options_.fingerprints->find(p.root);
  if (fp == options_.fingerprints->end() || fp->second.empty()) return {};
  DigestBuilder d;
  // Bump the first field whenever what a memo entry holds changes meaning.
  d.add("casfolio student 1").add(options_.inputs_key).add(templates_digest_).add(fp->second);
  d.add(p.id).add(p.root).add(s.dir).add(analysis_.as_of.iso());
  d.add(std::string(name(options_.audience))).add(options_.only_student.value_or("\n")).add(options_.source_root);
  d.add(options_.theme_dir).add(has_cohort_home_);
  d.add(staff_records_digest(p.staff)).add(cohort_.config.staff_folder);  // outside the portfolio's fingerprint
  d.add(commissions_digest(cohort_.config.commissions));  // the social GPA page shows their decisions
  for (Language l : cohort_languages_) d.add(std::string(code(l)));
  d.add("|");
  for (Language l : s.languages) d.add(std::string(code(l)));
  d.add("|");
  for (const Finding& f : s.analysis->findings) {
    d.add(int(f.severity)).add(f.code).add(f.where.file).add(f.where.line).add(f.where.column).add(f.where.length);
    d.add(f.staff_only).add(static_cast<long long>(f.args.size()));
    for (const auto& [k, v] : f.args) d.add(k).add(v);
  }
  return d.finish();
}

void SiteBuilder::render_student(StudentSite& s) {
  const Portfolio& p = *s.portfolio;
  std::set<std::string> files(p.files.begin(), p.files.end());
  std::string disk = p.folder_on_disk(options_.source_root);
  std::string prefix(p.folder());
  s.media = std::make_unique<MediaRegistry>(std::move(files), disk, "media/" + p.id, prefix, &s.render_findings,
                                            options_.images);
  for (Language l : s.languages) student_pages(s, l);
  if (!has_cohort_home_ && &s == &students_.front())
    student_home(s, context(s.portfolio->profile.language, s.dir + "/index.html", true));
  s.media->emit(s.out);
  // In the order of the search index, so that joining the students in
  // their order is usually sorted already (search_index checks).
  for (auto& entries : s.search)
    std::stable_sort(entries.begin(), entries.end(),
                     [](const SearchEntry& a, const SearchEntry& b) { return a.url < b.url; });
  if (!s.key.empty())
    for (OutputFile& f : s.out)
      if (f.digest.empty() && f.source_path.empty()) f.digest = content_digest(f.data);
}

void SiteBuilder::build(SiteSink& sink) {
  std::vector<Language> site_languages = has_cohort_home_ ? cohort_languages_ : std::vector<Language>{};
  for (const StudentSite& s : students_)
    for (Language l : s.languages)
      if (std::find(site_languages.begin(), site_languages.end(), l) == site_languages.end())
        site_languages.push_back(l);
  if (site_languages.empty()) site_languages.push_back(cohort_.config.language);

  // Students on all cores, each thread with its own copy of the templates
  // (a compiled template is not safe to render from two threads). A student
  // whose key is in the previous memo is not rendered: its files are the
  // previous build's.
  std::mutex spare_mutex;
  std::vector<std::unique_ptr<TemplateSet>> spare;
  std::vector<StudentMemo*> memos(students_.size(), nullptr);
  // Item 0, taken first, is the cohort's home pages: they have a copy of
  // the templates of their own and are the only user of out_ and
  // render_findings_ until the join, and
  // rendering them beside the students hides their time (a third of a
  // one-reflection rebuild at 200 students).
  TemplateSet cohort_templates(templates_);
  cohort_templates_ = &cohort_templates;
  parallel_for(students_.size() + 1, options_.jobs, [&](size_t item) {
    if (item == 0) {
      if (!has_cohort_home_) return;
      cohort_pages();
      social_gpa_cohort_pages();
      return;
    }
    const size_t i = item - 1;
    StudentSite& s = students_[i];
    StudentMemo* kept = nullptr;
    if (options_.previous && !s.key.empty()) {
      auto it = options_.previous->students.find(s.portfolio->id);
      if (it != options_.previous->students.end() && it->second.key == s.key) kept = &it->second;
    }
    StudentMemo fresh;
    if (kept) {
      s.out.reserve(kept->files.size());
      for (const MemoFile& m : kept->files) {
        OutputFile f;
        f.path = m.path;
        f.digest = m.digest;
        f.source_path = m.source_path;
        f.unchanged = true;
        s.out.push_back(std::move(f));
      }
      s.render_findings = kept->findings;
    } else {
      std::unique_ptr<TemplateSet> templates;
      {
        std::lock_guard<std::mutex> lock(spare_mutex);
        if (!spare.empty()) {
          templates = std::move(spare.back());
          spare.pop_back();
        }
      }
      if (!templates) templates = std::make_unique<TemplateSet>(templates_);
      s.templates = templates.get();
      render_student(s);
      s.templates = nullptr;
      {
        std::lock_guard<std::mutex> lock(spare_mutex);
        spare.push_back(std::move(templates));
      }
      fresh.key = s.key;
      if (options_.memo) {
        std::lock_guard<std::mutex> lock(spare_mutex);
        ++options_.memo->rendered;
      }
      for (const OutputFile& f : s.out) fresh.files.push_back(MemoFile{f.path, f.digest, uint64_t(f.data.size()), f.source_path});
      fresh.search = std::move(s.search);
      fresh.findings = s.render_findings;
    }
    sink.add(std::move(s.out));
    s.out = {};
    s.media.reset();
    s.plain_texts.clear();
    // The entry goes to this build's memo (moved from the previous one when
    // kept), or stays here when there is no memo; the search index reads it there.
    StudentMemo& entry = kept ? *kept : fresh;
    if (options_.memo && !s.key.empty()) {
      std::lock_guard<std::mutex> lock(spare_mutex);
      StudentMemo& m = options_.memo->students[s.portfolio->id];
      m = std::move(entry);
      memos[i] = &m;
    } else {
      s.search = std::move(entry.search);
    }
  });

  cohort_templates_ = &templates_;

  // The students joined in their order: search entries and findings as a
  // serial build would have them.
  for (size_t i = 0; i < students_.size(); ++i) {
    StudentSite& s = students_[i];
    const auto& search = memos[i] ? memos[i]->search : s.search;
    for (size_t l = 0; l < 3; ++l)
      for (const SearchEntry& e : search[l]) search_[l].push_back(&e);
    for (Finding& f : s.render_findings) {
      if (f.code == "template-error") {
        if (template_error_) continue;
        template_error_ = true;
      }
      render_findings_.push_back(std::move(f));
    }
  }

  if (!students_.empty() || has_cohort_home_) {
    for (Language l : site_languages) {
      search_page(l);
      search_index(l);
    }
  }
  for (const auto& [name, data] : templates_.assets()) out_.push_back(OutputFile{"assets/" + name, data, {}});
  if (options_.findings)
    options_.findings->insert(options_.findings->end(), render_findings_.begin(), render_findings_.end());
  sink.add(std::move(out_));
  out_ = {};
}

namespace {

// Collects the streamed files for the vector form of render_site.
class CollectingSink : public SiteSink {
 public:
  void add(std::vector<OutputFile> files) override {
    std::lock_guard<std::mutex> lock(mutex_);
    for (OutputFile& f : files) files_.push_back(std::move(f));
  }
  std::vector<OutputFile> take() { return std::move(files_); }

 private:
  std::mutex mutex_;
  std::vector<OutputFile> files_;
};

}  // namespace

void render_site(const Cohort& cohort, const CohortAnalysis& analysis, const SiteOptions& options, SiteSink& sink) {
  SiteBuilder builder(cohort, analysis, options);
  builder.build(sink);
}

std::vector<OutputFile> render_site(const Cohort& cohort, const CohortAnalysis& analysis, const SiteOptions& options) {
  CollectingSink sink;
  render_site(cohort, analysis, options, sink);
  std::vector<OutputFile> out = sink.take();
  std::sort(out.begin(), out.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return out;
}

}  // namespace casfolio
