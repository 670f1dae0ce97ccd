// render_site: the frame shared by every page, the cohort home, search and
// the theme's assets. The student's own pages are in student_pages.cpp.
#include "render/site.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "render/charts.h"
#include "render/markdown.h"
#include "render/redact.h"
#include "render/site_builder.h"
#include "render/url.h"
#include "util/path.h"

namespace casfolio {

std::string PageContext::href(std::string_view site_path) const { return root + encode_path(site_path); }

std::string PageContext::page(std::string_view rest_path) const {
  return href(std::string(code(lang)) + "/" + std::string(rest_path));
}

std::string ui_label(const UiText& ui, const std::string& prefix, std::string_view value) {
  std::string key = prefix;
  for (char c : value) key += c == '-' ? '_' : c;
  return ui.has(key) ? ui.s(key) : std::string(value);
}

namespace {

const char* kStatusOrder[] = {"complete", "on-track", "of-concern"};

std::string status_key(Status s) { return std::string(name(s)); }

double total(const StrandHours& h) { return h[0] + h[1] + h[2]; }

}  // namespace

SiteBuilder::SiteBuilder(const Cohort& cohort, const CohortAnalysis& analysis, const SiteOptions& options)
    : cohort_(cohort), analysis_(analysis), options_(options), templates_(cohort.config.theme, options.theme_dir) {
  for (Language l : cohort.config.languages)
    if (std::find(cohort_languages_.begin(), cohort_languages_.end(), l) == cohort_languages_.end())
      cohort_languages_.push_back(l);
  if (cohort_languages_.empty()) cohort_languages_.push_back(cohort.config.language);
  has_cohort_home_ = !options.only_student.has_value();

  students_.reserve(analysis.students.size());
  for (const StudentAnalysis& sa : analysis.students) {
    if (!sa.loaded) continue;
    const Portfolio& p = sa.loaded->portfolio;
    if (options.only_student && p.id != *options.only_student) continue;
    if (options.is_public && !p.usable) continue;  // nothing to show but its errors
    StudentSite& s = students_.emplace_back();
    s.analysis = &sa;
    if (options.is_public) {
      PublicPortfolio pub = redact_for_public(p);
      s.portfolio = std::move(pub.portfolio);
      s.show_interviews = !pub.hide_interviews;
      s.indicators = compute_student(s.portfolio, cohort.config, analysis.as_of, {});
    } else {
      s.portfolio = p;
      s.indicators = sa.indicators;  // the analysis is the authority for the staff view
      s.findings = sa.findings;
    }
    s.languages = cohort_languages_;
    if (std::find(s.languages.begin(), s.languages.end(), p.profile.language) == s.languages.end())
      s.languages.push_back(p.profile.language);
    s.dir = "students/" + p.id;
    std::set<std::string> files(s.portfolio.files.begin(), s.portfolio.files.end());
    std::string disk = p.root.empty() || p.root == "." ? options.source_root : join_path(options.source_root, p.root);
    std::string prefix = p.root.empty() || p.root == "." ? "" : p.root;
    s.media = std::make_unique<MediaRegistry>(std::move(files), disk, "media/" + p.id, prefix, &render_findings_);
  }

  for (Language l : kAllLanguages) {
    const UiText& ui = UiText::get(l);
    View t;
    for (const auto& [key, text] : ui.strings()) t.set(key, text);
    View& layer = language_layers_[size_t(l)];
    layer.set("lang", std::string(code(l)));
    layer.set("t", t);
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
  v.set("root", pc.root);
  v.set("title", title);
  v.set("page_title", title == site_title ? title : title + " · " + site_title);
  v.set("site_title", site_title);
  v.set("site_subtitle", subtitle);
  v.set("home_href", home_href(pc));
  v.set("search_href", pc.page("search.html"));
  v.set("staff", !options_.is_public);
  v.set("public", options_.is_public);
  v.set("as_of", ui.date(analysis_.as_of));
  v.set("as_of_line", ui.format("footer_as_of", {{"date", ui.date(analysis_.as_of)}}));
  ViewList langs;
  if (languages.size() > 1) {
    for (Language l : languages) {
      View item;
      item.set("href", pc.href(std::string(code(l)) + "/" + pc.rest));
      item.set("code", std::string(code(l)));
      item.set("label", UiText::get(l).s("language_name"));
      item.set("current", l == pc.lang);
      langs.push_back(item);
    }
  }
  v.set("languages", langs);
  v.set("has_languages", !langs.empty());
  ViewList scripts;
  View site_js;
  site_js.set("src", pc.href("assets/site.js"));
  scripts.push_back(site_js);
  v.set("scripts", scripts);
  return v;
}

void SiteBuilder::emit(const PageContext& pc, const std::string& template_name, View& page) {
  const View* crumbs = page.get("crumbs");
  page.set("has_crumbs", crumbs && crumbs->is_list() && !crumbs->list_value().empty());
  std::string error;
  std::string html = templates_.render(template_name, {&language_layers_[size_t(pc.lang)], &page}, error);
  if (!error.empty()) {
    if (error_.empty()) {
      error_ = error;
      Finding f;
      f.severity = severity_of("template-error");
      f.code = "template-error";
      f.where.file = templates_.origin(template_name);
      f.args = {{"template", template_name}, {"error", error}};
      render_findings_.push_back(std::move(f));
    }
    return;
  }
  out_.push_back(OutputFile{pc.path, std::move(html), {}});
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
      item.set("message", m.message);
      item.set("hint", m.hint);
      item.set("has_hint", !m.hint.empty());
      std::string where = f.where.file;
      if (!where.empty() && f.where.line > 0) where += ":" + std::to_string(f.where.line);
      item.set("where", where);
      item.set("code", f.code);
      item.set("staff_only", f.staff_only);
      std::string href;
      if (student && !f.where.file.empty()) {
        const Portfolio& p = student->portfolio;
        for (const Reflection& r : p.reflections)
          if (r.file == f.where.file) href = pc.page(reflection_rest(*student, r));
        if (href.empty())
          for (const Experience& e : p.experiences)
            if (f.where.file == e.file || f.where.file.starts_with(e.dir + "/"))
              href = pc.page(experience_rest(*student, e));
      }
      item.set("href", href);
      item.set("has_href", !href.empty());
      items.push_back(item);
    }
    if (items.empty()) continue;
    View group;
    std::string key(name(sev));
    group.set("severity", key);
    group.set("label", ui.s("severity_" + key));
    group.set("count", std::to_string(items.size()));
    group.set("items", items);
    groups.push_back(group);
  }
  View v;
  v.set("groups", groups);
  v.set("any", !groups.empty());
  return v;
}

void SiteBuilder::cohort_home(Language lang, bool at_root) {
  PageContext pc = context(lang, "index.html", at_root);
  const UiText& ui = UiText::get(lang);
  const CohortConfig& c = cohort_.config;
  View v = page_view(pc, c.school.empty() ? ui.s("cohort_title") : c.school, cohort_languages_);
  v.set("body_class", "page-cohort");
  v.set("heading", ui.s("cohort_title"));
  v.set("programme", c.programme);
  v.set("cohort_label", c.cohort);
  std::string window;
  if (c.start.valid() && c.end.valid()) window = date_range(c.start, c.end, ui);
  v.set("window", window);
  v.set("has_window", !window.empty());

  const Framework& fw = c.framework;
  ViewList outcome_heads;
  for (const Outcome& o : fw.outcomes) {
    View h;
    h.set("id", o.id);
    h.set("name", o.name.get(lang));
    outcome_heads.push_back(h);
  }
  v.set("outcomes", outcome_heads);

  std::map<std::string, int> per_status;
  std::array<int, 3> strand_total{};
  double confirmed_total = 0;
  ViewList rows, matrix;
  std::map<std::string, ViewList> by_advisor;
  std::map<std::string, ViewList> by_status;
  for (const StudentSite& s : students_) {
    const Portfolio& p = s.portfolio;
    const StudentIndicators& ind = s.indicators;
    std::string href = pc.page(s.dir + "/index.html");
    std::string status = status_key(ind.status);
    per_status[status]++;
    for (int i = 0; i < 3; ++i) strand_total[size_t(i)] += ind.experiences_per_strand[size_t(i)];
    confirmed_total += total(ind.confirmed_hours);

    View link;
    link.set("name", p.profile.name.empty() ? p.id : p.profile.name);
    link.set("href", href);
    link.set("class_name", p.profile.class_name);

    View row = link;
    row.set("id", p.id);
    row.set("advisor", p.profile.advisor);
    row.set("advisor_key", p.profile.advisor.empty() ? "-" : p.profile.advisor);
    row.set("status", status);
    row.set("status_label", ui_label(ui, "status_", status));
    ViewList cells, mcells;
    int evidenced = 0;
    for (const Outcome& o : fw.outcomes) {
      auto it = ind.outcomes.find(o.id);
      int count = it == ind.outcomes.end() ? 0 : it->second.count;
      evidenced += count > 0;
      View cell;
      cell.set("id", o.id);
      cell.set("on", count > 0);
      cell.set("count", std::to_string(count));
      cell.set("label", ui.s("outcome_short") + o.id + ": " + o.name.get(lang) + " — " + std::to_string(count));
      cells.push_back(cell);
    }
    row.set("cells", cells);
    row.set("evidenced", std::to_string(evidenced));
    row.set("outcome_total", std::to_string(fw.outcomes.size()));
    row.set("strand_bar_html", strand_bar(ind.experiences_per_strand, ui));
    row.set("strand_counts", std::to_string(ind.experiences_per_strand[0]) + " / " +
                                 std::to_string(ind.experiences_per_strand[1]) + " / " +
                                 std::to_string(ind.experiences_per_strand[2]));
    row.set("met", std::to_string(ind.deadlines_met));
    row.set("missed", std::to_string(ind.deadlines_missed));
    row.set("has_missed", ind.deadlines_missed > 0);
    row.set("upcoming", std::to_string(ind.deadlines_upcoming));
    row.set("reflections", std::to_string(ind.reflections));
    row.set("hours", ui.number(total(ind.confirmed_hours)));
    size_t errors = 0, warnings = 0;
    for (const Finding& f : s.findings) {
      errors += f.severity == Severity::error;
      warnings += f.severity == Severity::warning;
    }
    row.set("errors", std::to_string(errors));
    row.set("warnings", std::to_string(warnings));
    row.set("has_errors", errors > 0);
    row.set("has_warnings", warnings > 0);
    rows.push_back(row);

    View mrow = link;
    mrow.set("cells", cells);
    matrix.push_back(mrow);
    by_advisor[p.profile.advisor].push_back(link);
    by_status[status].push_back(link);
  }
  v.set("students", rows);
  v.set("matrix", matrix);
  v.set("has_students", !rows.empty());
  v.set("student_count", std::to_string(students_.size()));

  ViewList status_cards, status_groups;
  for (const char* st : kStatusOrder) {
    View card;
    card.set("status", std::string(st));
    card.set("label", ui_label(ui, "status_", st));
    card.set("count", std::to_string(per_status[st]));
    status_cards.push_back(card);
    View group = card;
    group.set("anchor", std::string("status-") + st);
    group.set("students", by_status[st]);
    group.set("empty", by_status[st].empty());
    status_groups.push_back(group);
  }
  v.set("status_cards", status_cards);
  v.set("status_groups", status_groups);

  ViewList advisor_groups, advisor_options;
  int n = 0;
  for (auto& [advisor, list] : by_advisor) {
    View group;
    std::string label = advisor.empty() ? ui.s("no_advisor") : advisor;
    group.set("name", label);
    group.set("value", advisor.empty() ? "-" : advisor);
    group.set("anchor", "adviser-" + anchor_id(advisor, ++n));
    group.set("students", list);
    advisor_groups.push_back(group);
  }
  v.set("advisor_groups", advisor_groups);

  ViewList strands;
  const char* strand_keys[] = {"creativity", "activity", "service"};
  for (int i = 0; i < 3; ++i) {
    View st;
    st.set("key", std::string(strand_keys[i]));
    st.set("label", ui.s(std::string("strand_") + strand_keys[i]));
    st.set("count", std::to_string(strand_total[size_t(i)]));
    strands.push_back(st);
  }
  v.set("strand_totals", strands);
  v.set("confirmed_hours", ui.number(confirmed_total));

  ViewList overdue;
  for (const OverdueItem& item : analysis_.cohort.overdue) {
    auto it = std::find_if(students_.begin(), students_.end(),
                           [&](const StudentSite& s) { return s.portfolio.id == item.student; });
    if (it == students_.end()) continue;
    View o;
    o.set("student", it->portfolio.profile.name);
    o.set("href", pc.page(it->dir + "/index.html"));
    o.set("what", ui_label(ui, "overdue_", item.what));
    o.set("date", ui.date_short(item.date));
    // The detail is an experience id or a deadline's name or kind: show
    // the experience's title, and a kind in the page's language.
    std::string detail = item.detail, detail_href;
    if (const Experience* e = it->portfolio.find_experience(item.detail)) {
      detail = e->title;
      detail_href = pc.page(experience_rest(*it, *e));
    } else if (item.detail == "reflection" || item.detail == "interview" || item.detail == "event") {
      detail = ui_label(ui, "deadline_kind_", item.detail);
    }
    o.set("detail", detail);
    o.set("detail_href", detail_href);
    overdue.push_back(o);
  }
  v.set("overdue", overdue);
  v.set("has_overdue", !overdue.empty());

  ViewList upcoming;
  for (const Deadline& d : c.calendar) {
    if (d.date < analysis_.as_of || upcoming.size() >= 6) continue;
    View u;
    u.set("date", d.from.valid() ? date_range(d.from, d.date, ui) : ui.date(d.date));
    u.set("name", d.name.empty() ? ui_label(ui, "deadline_kind_", d.kind) : d.name);
    u.set("kind", d.kind);
    upcoming.push_back(u);
  }
  v.set("upcoming", upcoming);
  v.set("has_upcoming", !upcoming.empty());

  if (!options_.is_public) v.set("config_findings", findings_view(cohort_.config_findings, nullptr, pc));
  emit(pc, "cohort", v);
}

void SiteBuilder::search_page(Language lang) {
  PageContext pc = context(lang, "search.html");
  const UiText& ui = UiText::get(lang);
  std::vector<Language> langs = has_cohort_home_ || students_.empty() ? cohort_languages_ : students_.front().languages;
  for (const StudentSite& s : students_)
    for (Language l : s.languages)
      if (std::find(langs.begin(), langs.end(), l) == langs.end()) langs.push_back(l);
  View v = page_view(pc, ui.s("search_title"), langs);
  v.set("body_class", "page-search");
  ViewList scripts;
  for (std::string src : {std::string(code(lang)) + "/search-index.js", std::string("assets/search.js"),
                          std::string("assets/site.js")}) {
    View s;
    s.set("src", pc.href(src));
    scripts.push_back(s);
  }
  v.set("scripts", scripts);
  emit(pc, "search", v);
}

void SiteBuilder::search_index(Language lang) {
  auto& entries = search_[size_t(lang)];
  std::stable_sort(entries.begin(), entries.end(),
                   [](const SearchEntry& a, const SearchEntry& b) { return a.url < b.url; });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const SearchEntry& e : entries) {
    nlohmann::ordered_json j;
    j["t"] = e.title;
    j["s"] = e.student;
    j["k"] = e.kind;
    j["u"] = e.url;
    j["x"] = e.text;
    list.push_back(std::move(j));
  }
  // A script that sets a global, not a JSON file: fetch() of a local file
  // fails from file://, a <script src> does not.
  std::string js = "// Generated by casfolio: the search index of this language.\nwindow.CASFOLIO_SEARCH = " +
                   list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ";\n";
  out_.push_back(OutputFile{std::string(code(lang)) + "/search-index.js", std::move(js), {}});
}

std::vector<OutputFile> SiteBuilder::build() {
  std::vector<Language> site_languages = has_cohort_home_ ? cohort_languages_ : std::vector<Language>{};
  for (const StudentSite& s : students_)
    for (Language l : s.languages)
      if (std::find(site_languages.begin(), site_languages.end(), l) == site_languages.end())
        site_languages.push_back(l);
  if (site_languages.empty()) site_languages.push_back(cohort_.config.language);

  if (has_cohort_home_) {
    for (Language l : cohort_languages_) cohort_home(l, false);
    Language home = std::find(cohort_languages_.begin(), cohort_languages_.end(), cohort_.config.language) !=
                            cohort_languages_.end()
                        ? cohort_.config.language
                        : cohort_languages_.front();
    cohort_home(home, true);
  }
  for (StudentSite& s : students_)
    for (Language l : s.languages) student_pages(s, l);
  if (!has_cohort_home_ && !students_.empty()) {
    StudentSite& s = students_.front();
    student_home(s, context(s.portfolio.profile.language, s.dir + "/index.html", true));
  }
  if (!students_.empty() || has_cohort_home_) {
    for (Language l : site_languages) {
      search_page(l);
      search_index(l);
    }
  }
  for (const auto& [name, data] : templates_.assets()) out_.push_back(OutputFile{"assets/" + name, data, {}});
  for (const StudentSite& s : students_) s.media->emit(out_);

  std::stable_sort(out_.begin(), out_.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  if (options_.findings)
    options_.findings->insert(options_.findings->end(), render_findings_.begin(), render_findings_.end());
  return std::move(out_);
}

std::vector<OutputFile> render_site(const Cohort& cohort, const CohortAnalysis& analysis, const SiteOptions& options) {
  SiteBuilder builder(cohort, analysis, options);
  return builder.build();
}

}  // namespace casfolio
