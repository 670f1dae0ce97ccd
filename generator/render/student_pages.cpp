// A student's pages: home, experiences, reflections, outcomes, timeline,
// interviews and the social GPA. Each function copies from the model only
// what its page shows.
#include <algorithm>
#include <map>

#include "check/timeline.h"
#include "render/charts.h"
#include "render/markdown.h"
#include "render/site_builder.h"
#include "render/social_gpa_views.h"
#include "render/staff_views.h"
#include "render/status_view.h"
#include "render/url.h"
#include "util/path.h"
#include "util/web_address.h"

namespace casfolio {

namespace {

const char* kStrandNames[] = {"creativity", "activity", "service"};

double sum(const StrandHours& h) { return h[0] + h[1] + h[2]; }

int first_strand(StrandSet s) {
  for (int i = 0; i < 3; ++i)
    if (s.has(Strand(i))) return i;
  return -1;
}

// The interviews page exists when there is an interview to show: the
// student's own, or a record by staff this build's audience may read.
bool has_interviews_page(const StudentSite& s, const Portfolio& p, Audience audience) {
  return s.show_interviews && (!p.interviews.empty() || !visible_interviews(p.staff.interviews, audience).empty());
}

std::string interview_anchor(const Interview& iv, int n) {
  std::string stem(file_name(iv.file));
  if (auto dot = stem.rfind('.'); dot != std::string::npos) stem.erase(dot);
  return "interview-" + anchor_id(stem, n);
}

}  // namespace

ViewList string_list(const std::vector<std::string>& items) {
  ViewList list;
  for (const std::string& s : items) list.push_back(View(s));
  return list;
}

View link_view(const std::string& label, const std::string& href) {
  View v;
  put(v, "label", label);
  put(v, "href", href);
  return v;
}

std::string SiteBuilder::experience_rest(const StudentSite& s, const Experience& e) const {
  return s.dir + "/" + e.dir + "/index.html";
}

std::string SiteBuilder::excerpt(StudentSite& s, const std::string& text, size_t limit) {
  auto it = s.plain_texts.find(&text);
  if (it == s.plain_texts.end()) it = s.plain_texts.emplace(&text, markdown_to_text(text, 0)).first;
  return truncate_text(it->second, limit);
}

std::string SiteBuilder::reflection_rest(const StudentSite& s, const Reflection& r) const {
  return s.dir + "/" + with_html_extension(r.file);
}

std::string SiteBuilder::reflection_title(const Reflection& r, const UiText& ui) const {
  if (!r.title.empty()) return r.title;
  return ui.format("reflection_of_date", {{"date", ui.date(r.date)}});
}

std::string SiteBuilder::date_range(Date start, Date end, const UiText& ui) const {
  if (!start.valid()) return ui.date(end);
  if (!end.valid()) return ui.format("date_since", {{"start", ui.date(start)}});
  if (start == end) return ui.date(start);
  return ui.date(start) + " – " + ui.date(end);
}

View SiteBuilder::strands_view(StrandSet strands, const UiText& ui) const {
  ViewList list;
  for (int i = 0; i < 3; ++i) {
    if (!strands.has(Strand(i))) continue;
    View v;
    put(v, "key", std::string(kStrandNames[i]));
    put(v, "label", ui.s(std::string("strand_") + kStrandNames[i]));
    list.push_back(v);
  }
  return list;
}

View SiteBuilder::outcome_refs(const StudentSite& s, const PageContext& pc, const std::vector<OutcomeRef>& refs) const {
  const UiText& ui = UiText::get(pc.lang);
  const Framework& fw = cohort_.config.framework;
  ViewList list;
  std::set<std::string> seen;
  for (const OutcomeRef& ref : refs) {
    std::string id = ref.indicator.empty() ? ref.outcome : ref.indicator;
    if (!seen.insert(id).second) continue;
    const Outcome* o = fw.find(ref.outcome);
    std::string name = o ? o->name.get(pc.lang) : "";
    if (o && !ref.indicator.empty())
      for (const Indicator& ind : o->indicators)
        if (ind.id == ref.indicator) name = ind.name.get(pc.lang);
    View v;
    put(v, "id", id);
    put(v, "short", ui.s("outcome_short") + id);
    put(v, "name", name);
    put(v, "href", pc.page(s.dir + "/outcomes.html") + "#outcome-" + anchor_id(ref.outcome, 0));
    list.push_back(v);
  }
  return list;
}

std::string SiteBuilder::markdown(StudentSite& s, const PageContext& pc, const std::string& text,
                                  const std::string& dir, int heading_offset, std::vector<std::string>* inline_images) {
  const Portfolio& p = *s.portfolio;
  MarkdownContext mc;
  mc.dir = dir;
  mc.heading_offset = heading_offset;
  mc.task_done_label = UiText::get(pc.lang).s("task_done");
  mc.task_open_label = UiText::get(pc.lang).s("task_open");
  mc.resolve = [&](const std::string& path) -> std::optional<PublishedTarget> {
    std::string ext = extension(path);
    if (ext == ".md") {
      if (!p.plan_file.empty() && path == p.plan_file && p.plan) return PublishedTarget{pc.page(s.dir + "/index.html") + "#plan", false};
      for (const Experience& e : p.experiences)
        if (e.file == path) return PublishedTarget{pc.page(experience_rest(s, e)), false};
      for (const Reflection& r : p.reflections)
        if (r.file == path) return PublishedTarget{pc.page(reflection_rest(s, r)), false};
      if (s.show_interviews)
        for (size_t i = 0; i < p.interviews.size(); ++i)
          if (p.interviews[i].file == path)
            return PublishedTarget{pc.page(s.dir + "/interviews.html") + "#" + interview_anchor(p.interviews[i], int(i)), false};
      return std::nullopt;
    }
    const MediaItem* m = s.media->publish(path);
    if (!m || m->failed) return std::nullopt;
    return PublishedTarget{pc.href(m->href), m->kind == MediaKind::image};
  };
  RenderedMarkdown r = render_markdown(text, mc);
  for (const auto& [path, alt] : r.images) {
    if (!alt.empty()) s.captions.emplace(path, alt);
    if (inline_images) inline_images->push_back(path);
  }
  return r.html;
}

View SiteBuilder::gallery(StudentSite& s, const PageContext& pc, const std::vector<std::string>& evidence,
                          const std::vector<std::string>& shown_inline, const std::vector<std::string>& links) {
  const UiText& ui = UiText::get(pc.lang);
  ViewList items;
  std::set<std::string> seen;
  for (const std::string& path : evidence) {
    if (!seen.insert(path).second) continue;
    const MediaItem* m = s.media->publish(path);
    if (!m) continue;
    if (m->kind == MediaKind::image && !m->failed &&
        std::find(shown_inline.begin(), shown_inline.end(), path) != shown_inline.end())
      continue;
    View v;
    auto caption = s.captions.find(path);
    std::string alt = caption != s.captions.end() ? caption->second : m->name;
    put(v, "name", m->name);
    put(v, "alt", alt);
    put(v, "failed", m->failed);
    // An image that could not be shown, or a file refused for what it is.
    put(v, "failed_note", ui.s(m->kind == MediaKind::image ? "evidence_failed" : "evidence_not_published"));
    put(v, "is_image", m->kind == MediaKind::image && !m->failed);
    put(v, "is_pdf", m->kind == MediaKind::pdf && !m->failed);
    put(v, "is_audio", m->kind == MediaKind::audio && !m->failed);
    put(v, "is_video", m->kind == MediaKind::video && !m->failed);
    put(v, "is_file", m->kind == MediaKind::file && !m->failed);
    put(v, "href", m->failed ? "" : pc.href(m->href));
    put(v, "thumb", m->failed ? "" : pc.href(m->thumb));
    put(v, "width", std::to_string(m->thumb_width));
    put(v, "height", std::to_string(m->thumb_height));
    put(v, "kind_label", ui.s(m->kind == MediaKind::pdf     ? "evidence_pdf"
                             : m->kind == MediaKind::audio ? "evidence_audio"
                             : m->kind == MediaKind::video ? "evidence_video"
                             : m->kind == MediaKind::image ? "evidence_image"
                                                           : "evidence_file"));
    items.push_back(v);
  }
  for (const std::string& url : links) {
    View v;
    put(v, "is_link", true);
    put(v, "url", url);
    put(v, "host", web_address_host(url));
    put(v, "kind_label", ui.s("evidence_link"));
    items.push_back(v);
  }
  View g;
  put(g, "any", !items.empty());
  put(g, "items", std::move(items));
  return g;
}

View SiteBuilder::student_frame(StudentSite& s, const PageContext& pc, const std::string& title,
                                const std::string& current) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = *s.portfolio;
  View v = page_view(pc, title, s.languages);
  View student;
  put(student, "name", p.display_name());
  put(student, "href", pc.page(s.dir + "/index.html"));
  put(student, "lang", std::string(code(p.profile.language)));
  ViewList nav;
  auto add = [&](const std::string& key, const std::string& page) {
    View item = link_view(ui.s(key), pc.page(s.dir + "/" + page));
    put(item, "current", key == current);
    nav.push_back(item);
  };
  add("nav_overview", "index.html");
  add("nav_outcomes", "outcomes.html");
  add("nav_timeline", "timeline.html");
  if (has_interviews_page(s, p, options_.audience)) add("nav_interviews", "interviews.html");
  if (!options_.is_public() && cohort_.config.social_gpa) add("nav_social_gpa", "social-gpa.html");
  put(student, "nav", std::move(nav));
  put(v, "student", student);
  ViewList crumbs;
  if (has_cohort_home_) crumbs.push_back(link_view(ui.s("cohort_title"), home_href(pc)));
  crumbs.push_back(link_view(student.get("name")->string_value(), pc.page(s.dir + "/index.html")));
  put(v, "crumbs", std::move(crumbs));
  return v;
}

void SiteBuilder::student_pages(StudentSite& s, Language lang) {
  const Portfolio& p = *s.portfolio;
  student_home(s, context(lang, s.dir + "/index.html"));
  if (!p.usable) return;
  for (size_t i = 0; i < p.experiences.size(); ++i)
    experience_page(s, context(lang, experience_rest(s, p.experiences[i])), i);
  for (size_t i = 0; i < p.reflections.size(); ++i)
    reflection_page(s, context(lang, reflection_rest(s, p.reflections[i])), i);
  outcomes_page(s, context(lang, s.dir + "/outcomes.html"));
  timeline_page(s, context(lang, s.dir + "/timeline.html"));
  if (has_interviews_page(s, p, options_.audience)) interviews_page(s, context(lang, s.dir + "/interviews.html"));
  if (!options_.is_public() && cohort_.config.social_gpa) social_gpa_pages(s, lang);
  print_page(s, context(lang, s.dir + "/print.html"));
}

ViewList SiteBuilder::profile_facts(const StudentSite& s, const UiText& ui) const {
  const Profile& pr = s.portfolio->profile;
  ViewList facts;
  auto fact = [&](const std::string& key, const std::string& value) {
    if (value.empty()) return;
    View f;
    put(f, "label", ui.s(key));
    put(f, "value", value);
    facts.push_back(f);
  };
  fact("profile_class", pr.class_name);
  fact("profile_grade", pr.grade);
  fact("profile_advisor", pr.advisor);
  fact("profile_started", pr.started.valid() ? ui.date(pr.started) : "");
  fact("profile_language", UiText::get(pr.language).s("language_name"));
  if (!options_.is_public()) {
    fact("profile_candidate", pr.candidate);
    fact("profile_email", pr.email);
  }
  return facts;
}

ViewList SiteBuilder::profile_sections(const StudentSite& s, const UiText& ui) const {
  const Profile& pr = s.portfolio->profile;
  ViewList sections;
  auto section = [&](const std::string& key, const std::vector<std::string>& items) {
    if (items.empty()) return;
    View sec;
    put(sec, "title", ui.s(key));
    put(sec, "key", key);
    put(sec, "items", string_list(items));
    sections.push_back(sec);
  };
  section("profile_interests", pr.interests);
  section("profile_strengths", pr.strengths);
  section("profile_growth", pr.growth);
  section("profile_goals", pr.goals);
  return sections;
}

void SiteBuilder::student_home(StudentSite& s, const PageContext& pc) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = *s.portfolio;
  const Profile& pr = p.profile;
  const StudentIndicators& ind = *s.indicators;
  std::string display_name = pr.name.empty() ? p.id : pr.name;
  View v = student_frame(s, pc, display_name, "nav_overview");
  put(v, "body_class", "page-student");
  {
    ViewList crumbs;
    if (has_cohort_home_) crumbs.push_back(link_view(ui.s("cohort_title"), home_href(pc)));
    put(v, "crumbs", std::move(crumbs));
  }
  put(v, "name", display_name);
  put(v, "usable", p.usable);
  put(v, "class_name", pr.class_name);
  put(v, "grade", pr.grade);
  put(v, "advisor", pr.advisor);
  put(v, "has_advisor", !pr.advisor.empty());
  put(v, "started", pr.started.valid() ? ui.date(pr.started) : "");
  if (!options_.is_public()) {
    put(v, "candidate", pr.candidate);
    put(v, "email", pr.email);
    std::string status(name(ind.status));
    put(v, "status", status);
    put(v, "status_label", ui_label(ui, "status_", status));
    if (auto reasons = status_reasons_view(s, cohort_.config.requirements, ui))
      put(v, "status_reasons", std::move(*reasons));
    // Staff's word beside the computed status, never in its place.
    if (p.staff.status_override) put(v, "status_override", status_override_view(*p.staff.status_override, ui));
  }
  put(v, "facts", profile_facts(s, ui));
  ViewList sections = profile_sections(s, ui);
  put(v, "has_profile", !sections.empty());
  put(v, "profile_sections", std::move(sections));
  put(v, "print_href", pc.page(s.dir + "/print.html"));
  if (p.plan) {
    put(v, "plan_html", markdown(s, pc, p.plan->text, std::string(parent_dir(p.plan_file)), 2));
    put(v, "has_plan", true);
    if (p.staff.plan_approval && !options_.is_public())
      put(v, "plan_approval", approval_view(*p.staff.plan_approval, ui, options_.audience));
  }
  auto staff_markdown = [&](const std::string& text) { return markdown(s, pc, text, "", 3); };
  put(v, "feedback", feedback_view(visible_feedback(p.staff.feedback, options_.audience), "portfolio", ui,
                                   staff_markdown));

  // Figures.
  ViewList stats;
  auto stat = [&](const std::string& key, const std::string& value, const std::string& note = "") {
    View st;
    put(st, "label", ui.s(key));
    put(st, "value", value);
    put(st, "note", note);
    stats.push_back(st);
  };
  int evidenced = 0;
  for (const Outcome& o : cohort_.config.framework.outcomes) {
    auto it = ind.outcomes.find(o.id);
    evidenced += it != ind.outcomes.end() && it->second.count > 0;
  }
  // Counts leave out what counts for nothing (an unfilled template, check/counted.h).
  auto counted = [&](const auto& entries, auto&& also) {
    return std::to_string(std::count_if(entries.begin(), entries.end(),
                                        [&](const auto& x) { return ind.counts(x.file) && also(x); }));
  };
  auto any = [](const auto&) { return true; };
  stat("stat_experiences", counted(p.experiences, any));
  stat("stat_reflections", counted(p.reflections, any));
  stat("stat_outcomes", std::to_string(evidenced) + " / " + std::to_string(cohort_.config.framework.outcomes.size()));
  std::string hours_note = ui.format("stat_hours_claimed_note", {{"hours", ui.number(sum(ind.claimed_hours))}});
  if (!cohort_.config.has_staff_folder()) hours_note += " · " + ui.s("staff_hours_self_reported");
  stat("stat_hours_confirmed", ui.number(sum(ind.confirmed_hours)), hours_note);
  stat("stat_span", ui.format("months_value", {{"n", std::to_string(ind.span_months)}}),
       ui.format("stat_span_note", {{"n", std::to_string(cohort_.config.requirements.min_months)}}));
  stat("stat_longest_gap", ui.format("days_value", {{"n", std::to_string(ind.longest_gap.days)}}),
       ui.format("stat_gap_note", {{"n", std::to_string(cohort_.config.requirements.max_gap_days)}}));
  stat("stat_projects", counted(p.experiences, [](const Experience& e) { return e.project; }));
  put(v, "stats", std::move(stats));

  std::vector<OutcomeCell> cells;
  for (const Outcome& o : cohort_.config.framework.outcomes) {
    auto it = ind.outcomes.find(o.id);
    cells.push_back({o.id, o.name.get(pc.lang), it == ind.outcomes.end() ? 0 : it->second.count});
  }
  put(v, "outcomes_href", pc.page(s.dir + "/outcomes.html"));
  put(v, "timeline_href", pc.page(s.dir + "/timeline.html"));
  put(v, "hours_chart_html", hours_chart("hours", ind.claimed_hours, ind.confirmed_hours, ui));
  put(v, "outcomes_chart_html", outcomes_chart("outcomes", cells, ui));

  // The timeline over the programme window.
  std::vector<TimelineRow> rows;
  std::vector<TimelineMark> marks;
  Date lo, hi;
  auto widen = [&](Date d) {
    if (!d.valid()) return;
    if (!lo.valid() || d < lo) lo = d;
    if (!hi.valid() || d > hi) hi = d;
  };
  for (const Experience& e : p.experiences) {
    rows.push_back({e.title, e.start, e.end, first_strand(e.strands), e.project});
    widen(e.start);
    widen(e.end);
  }
  for (const Reflection& r : p.reflections) {
    marks.push_back({r.date, false});
    widen(r.date);
  }
  if (s.show_interviews)
    for (const Interview& iv : p.interviews) {
      marks.push_back({iv.date, true});
      widen(iv.date);
    }
  Date from = pr.started.valid() ? pr.started : cohort_.config.start;
  Date to = cohort_.config.end;
  if (!from.valid() || (lo.valid() && lo < from)) from = lo;
  if (!to.valid() || (hi.valid() && hi > to)) to = hi;
  std::string timeline = rows.empty() && marks.empty() ? "" : timeline_chart("timeline", rows, marks, from, to, analysis_.as_of, ui, s.show_interviews);
  put(v, "has_timeline", !timeline.empty());
  put(v, "timeline_chart_html", std::move(timeline));

  // Experiences and reflections.
  ViewList experiences;
  for (const Experience& e : p.experiences) {
    View x;
    put(x, "title", e.title);
    put(x, "href", pc.page(experience_rest(s, e)));
    put(x, "strands", strands_view(e.strands, ui));
    put(x, "dates", date_range(e.start, e.end, ui));
    put(x, "project", e.project);
    put(x, "private", e.is_private && !options_.is_public());
    put(x, "ongoing", !e.end.valid());
    put(x, "reflections", std::to_string(std::count_if(e.reflections.begin(), e.reflections.end(), [&](int r) {
          return ind.counts(p.reflections[size_t(r)].file);
        })));
    put(x, "excerpt", excerpt(s, e.description.text, 160));
    put(x, "hours", e.hours_given ? ui.number(sum(e.claimed_hours)) : "");
    put(x, "feedback_note", experience_feedback_note(s, e, ui));
    experiences.push_back(x);
    if (!pc.at_root)
      s.search[size_t(pc.lang)].push_back(search_entry(e.title, display_name, ui.s("search_kind_experience"),
                                          encode_path(std::string(code(pc.lang)) + "/" + experience_rest(s, e)),
                                          excerpt(s, e.description.text, 300)));
  }
  put(v, "has_experiences", !experiences.empty());
  put(v, "experiences", std::move(experiences));
  ViewList general;
  for (const Reflection& r : p.reflections) {
    if (r.experience >= 0) continue;
    View x;
    put(x, "title", reflection_title(r, ui));
    put(x, "href", pc.page(reflection_rest(s, r)));
    put(x, "date", ui.date(r.date));
    put(x, "excerpt", excerpt(s, r.body.text, 180));
    put(x, "feedback_note", feedback_note(s, {r.file}, ui));
    general.push_back(x);
  }
  put(v, "has_general_reflections", !general.empty());
  put(v, "general_reflections", std::move(general));

  // Deadlines and findings: for staff.
  if (!options_.is_public()) {
    ViewList deadlines;
    for (const Deadline& d : cohort_.config.calendar) {
      const DeadlineResult* result = nullptr;
      for (const DeadlineResult& r : ind.deadlines)
        if (r.deadline == &d) result = &r;
      View x;
      put(x, "date", d.from.valid() ? ui.date_short(d.from) + " – " + ui.date_short(d.date) : ui.date_short(d.date));
      put(x, "name", d.name.empty() ? ui_label(ui, "deadline_kind_", d.kind)
                                    : d.name.get(pc.lang, cohort_.config.language));
      std::string state = result ? std::string(name(result->state))
                          : d.kind == "reflection" || d.kind == "interview"
                              ? (d.date >= analysis_.as_of ? "upcoming" : "unknown")
                              : "event";
      put(x, "state", state);
      put(x, "state_label", ui_label(ui, "deadline_", state));
      std::string met_href, met_label;
      if (result && !result->met_by.empty()) {
        met_label = result->met_by;
        for (const Reflection& r : p.reflections)
          if (r.file == result->met_by) {
            met_href = pc.page(reflection_rest(s, r));
            met_label = reflection_title(r, ui);
          }
        for (size_t i = 0; i < p.interviews.size(); ++i)
          if (p.interviews[i].file == result->met_by) {
            met_href = pc.page(s.dir + "/interviews.html") + "#" + interview_anchor(p.interviews[i], int(i));
            met_label = p.interviews[i].title.empty() ? ui_label(ui, "interview_", p.interviews[i].kind) : p.interviews[i].title;
          }
      }
      put(x, "met_by", met_label);
      put(x, "has_met_href", !met_href.empty());
      put(x, "met_href", std::move(met_href));
      deadlines.push_back(x);
    }
    put(v, "has_deadlines", !deadlines.empty());
    put(v, "deadlines", std::move(deadlines));
    // Whether deadlines were judged by hand-in time (the ledger) or by typed dates.
    put(v, "deadlines_note", p.staff.history ? ui.format("deadlines_by_hand_in", {{"grace", std::to_string(
                                                   cohort_.config.requirements.grace_days)}})
                                             : ui.s("deadlines_as_typed"));
    View tally;
    put(tally, "met", std::to_string(ind.deadlines_met));
    put(tally, "missed", std::to_string(ind.deadlines_missed));
    put(tally, "upcoming", std::to_string(ind.deadlines_upcoming));
    put(v, "deadline_tally", tally);
    put(v, "next", next_steps_view(s, pc));
    if (cohort_.config.social_gpa && ind.social_gpa) {
      View g;
      put(g, "points", ui.number(ind.social_gpa->points));
      put(g, "scaled", ui.number(ind.social_gpa->scaled, 2));
      put(g, "level", ui_label(ui, "gpa_level_", ind.social_gpa->level));
      put(g, "show_scaled", ind.social_gpa->shows_scaled());
      put(g, "show_level", ind.social_gpa->shows_level());
      put(g, "href", pc.page(s.dir + "/social-gpa.html"));
      put(v, "gpa", g);
    }
  }
  if (!pc.at_root) {
    std::vector<std::string> words = pr.interests;
    words.insert(words.end(), pr.goals.begin(), pr.goals.end());
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : "; ") + w;
    s.search[size_t(pc.lang)].push_back(search_entry(display_name, display_name, ui.s("search_kind_student"),
                                        encode_path(std::string(code(pc.lang)) + "/" + s.dir + "/index.html"), truncate_text(text, 300)));
  }
  emit(&s, pc, "student", v);
}

void SiteBuilder::experience_page(StudentSite& s, const PageContext& pc, size_t index) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = *s.portfolio;
  const Experience& e = p.experiences[index];
  View v = student_frame(s, pc, e.title, "");
  put(v, "body_class", "page-experience");
  put(v, "heading", e.title);
  put(v, "strands", strands_view(e.strands, ui));
  put(v, "dates", date_range(e.start, e.end, ui));
  put(v, "ongoing", !e.end.valid());
  put(v, "days", ui.format("days_value", {{"n", std::to_string(experience_days(e, analysis_.as_of))}}));
  put(v, "project", e.project);
  put(v, "private", e.is_private && !options_.is_public());
  put(v, "paid", e.paid);
  put(v, "hours", e.hours_given ? ui.number(sum(e.claimed_hours)) : "");
  put(v, "has_hours", e.hours_given);
  put(v, "outcomes", outcome_refs(s, pc, e.outcomes));
  put(v, "has_outcomes", !e.outcomes.empty());
  put(v, "tags", string_list(e.tags));
  put(v, "has_tags", !e.tags.empty());
  put(v, "collaborators", string_list(e.collaborators));
  put(v, "has_collaborators", !e.collaborators.empty());
  if (e.supervisor.present()) {
    View sup;
    put(sup, "name", e.supervisor.name);
    put(sup, "role", e.supervisor.role);
    if (!options_.is_public()) {
      put(sup, "email", e.supervisor.email);
      put(sup, "phone", e.supervisor.phone);
    }
    put(v, "supervisor", sup);
  }
  std::vector<std::string> inline_images;
  put(v, "description_html", markdown(s, pc, e.description.text, e.dir, 1, &inline_images));

  ViewList stages = stages_view(s, pc, e, &inline_images);
  put(v, "has_stages", !stages.empty());
  put(v, "stages", std::move(stages));

  ViewList reflections;
  for (int ri : e.reflections) {
    const Reflection& r = p.reflections[size_t(ri)];
    View x;
    put(x, "title", reflection_title(r, ui));
    put(x, "href", pc.page(reflection_rest(s, r)));
    put(x, "date", ui.date(r.date));
    put(x, "stage", r.stage ? ui.s("stage_" + std::string(name(*r.stage))) : "");
    put(x, "excerpt", excerpt(s, r.body.text, 220));
    put(x, "outcomes", outcome_refs(s, pc, r.outcomes));
    reflections.push_back(x);
  }
  put(v, "has_reflections", !reflections.empty());
  put(v, "reflections", std::move(reflections));

  ViewList achievements;
  for (const Achievement& a : e.achievements) {
    View x;
    put(x, "kind", ui_label(ui, "gpa_kind_", a.kind));
    put(x, "title", a.title);
    put(x, "date", ui.date(a.date));
    put(x, "level", a.level.empty() ? "" : ui_label(ui, "level_", a.level));
    const MediaItem* m = a.evidence.empty() ? nullptr : s.media->publish(a.evidence);
    put(x, "evidence_href", m && !m->failed ? pc.href(m->href) : "");
    put(x, "evidence_name", m ? m->name : "");
    put(x, "evidence_url", a.evidence_link);
    put(x, "evidence_host", web_address_host(a.evidence_link));
    achievements.push_back(x);
  }
  put(v, "has_achievements", !achievements.empty());
  put(v, "achievements", std::move(achievements));

  // Staff records (none in a --public build's copy of the portfolio).
  auto staff_markdown = [&](const std::string& text) { return markdown(s, pc, text, "", 3); };
  if (!options_.is_public()) {
    if (const StaffConfirmation* c = p.staff.confirmation(e.id))
      put(v, "confirmation", confirmation_view(*c, ui, outcome_refs(s, pc, c->outcomes), staff_markdown));
    else if (cohort_.config.has_staff_folder())
      put(v, "not_confirmed", true);
    if (const StaffApproval* a = p.staff.approval(e.id))
      put(v, "approval", approval_view(*a, ui, options_.audience));
  }
  put(v, "hours_self_reported", e.hours_given && !cohort_.config.has_staff_folder());
  put(v, "feedback", feedback_view(visible_feedback(p.staff.feedback, options_.audience), e.dir, ui,
                                   staff_markdown));
  put(v, "history", history_view(p.staff, e.dir + "/index.md", ui, options_.audience));
  if (e.review) {
    const Review& rv = *e.review;
    View r;
    // With a staff folder only its confirmations count: the student's own file is a claim.
    put(r, "unconfirmed", cohort_.config.has_staff_folder());
    put(r, "by", rv.by);
    put(r, "date", ui.date(rv.date));
    put(r, "hours", rv.hours ? ui.number(*rv.hours) : "");
    put(r, "has_hours", rv.hours.has_value());
    put(r, "outcomes", outcome_refs(s, pc, rv.outcomes));
    put(r, "has_outcomes", !rv.outcomes.empty());
    put(r, "completed", rv.completed ? ui.s(*rv.completed ? "review_completed_yes" : "review_completed_no") : "");
    put(r, "has_completed", rv.completed.has_value());
    put(r, "comment_html", markdown(s, pc, rv.comment.text, e.dir, 2));
    put(v, "review", r);
  }
  put(v, "gallery", gallery(s, pc, e.evidence, inline_images, evidence_link_urls(e)));
  emit(&s, pc, "experience", v);
}

ViewList SiteBuilder::stages_view(StudentSite& s, const PageContext& pc, const Experience& e,
                                  std::vector<std::string>* inline_images) {
  const UiText& ui = UiText::get(pc.lang);
  ViewList stages;
  for (Stage st : kAllStages) {
    const auto& text = e.stages[size_t(st)];
    if (!text) continue;
    View x;
    put(x, "key", std::string(name(st)));
    put(x, "label", ui.s("stage_" + std::string(name(st))));
    put(x, "stage_html", markdown(s, pc, *text, e.dir, 3, inline_images));
    stages.push_back(x);
  }
  return stages;
}

void SiteBuilder::reflection_page(StudentSite& s, const PageContext& pc, size_t index) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = *s.portfolio;
  const Reflection& r = p.reflections[index];
  std::string title = reflection_title(r, ui);
  View v = student_frame(s, pc, title, "");
  put(v, "body_class", "page-reflection");
  put(v, "heading", title);
  put(v, "date", ui.date(r.date));
  if (r.experience >= 0) {
    const Experience& e = p.experiences[size_t(r.experience)];
    put(v, "experience", link_view(e.title, pc.page(experience_rest(s, e))));
    put(v, "strands", strands_view(e.strands, ui));
    ViewList crumbs;
    if (has_cohort_home_) crumbs.push_back(link_view(ui.s("cohort_title"), home_href(pc)));
    crumbs.push_back(link_view(p.profile.name, pc.page(s.dir + "/index.html")));
    crumbs.push_back(link_view(e.title, pc.page(experience_rest(s, e))));
    put(v, "crumbs", std::move(crumbs));
  }
  put(v, "stage", r.stage ? ui.s("stage_" + std::string(name(*r.stage))) : "");
  put(v, "outcomes", outcome_refs(s, pc, r.outcomes));
  put(v, "has_outcomes", !r.outcomes.empty());
  std::vector<std::string> inline_images;
  put(v, "body_html", markdown(s, pc, r.body.text, std::string(parent_dir(r.file)), 1, &inline_images));
  put(v, "gallery", gallery(s, pc, r.evidence, inline_images, evidence_link_urls(r)));
  put(v, "feedback", feedback_view(visible_feedback(p.staff.feedback, options_.audience), r.file, ui,
                                   [&](const std::string& text) { return markdown(s, pc, text, "", 3); }));
  put(v, "history", history_view(p.staff, r.file, ui, options_.audience));  // the ledger's times, staff only
  if (index > 0) put(v, "prev", link_view(reflection_title(p.reflections[index - 1], ui), pc.page(reflection_rest(s, p.reflections[index - 1]))));
  put(v, "has_pager", index > 0 || index + 1 < p.reflections.size());
  if (index + 1 < p.reflections.size())
    put(v, "next", link_view(reflection_title(p.reflections[index + 1], ui), pc.page(reflection_rest(s, p.reflections[index + 1]))));
  if (!pc.at_root)
    s.search[size_t(pc.lang)].push_back(search_entry(title, p.profile.name, ui.s("search_kind_reflection"),
                                        encode_path(std::string(code(pc.lang)) + "/" + reflection_rest(s, r)),
                                        excerpt(s, r.body.text, 300)));
  emit(&s, pc, "reflection", v);
}

void SiteBuilder::outcomes_page(StudentSite& s, const PageContext& pc) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = *s.portfolio;
  View v = student_frame(s, pc, ui.s("outcomes_title"), "nav_outcomes");
  put(v, "body_class", "page-outcomes");
  put(v, "heading", ui.s("outcomes_title"));
  put(v, "framework", cohort_.config.framework.name.get(pc.lang));
  ViewList outcomes;
  int evidenced = 0;
  for (const Outcome& o : cohort_.config.framework.outcomes) {
    View x;
    put(x, "anchor", "outcome-" + anchor_id(o.id, 0));
    put(x, "id", o.id);
    put(x, "short", ui.s("outcome_short") + o.id);
    put(x, "name", o.name.get(pc.lang));
    put(x, "description", o.description.get(pc.lang));
    ViewList indicators;
    for (const Indicator& ind : o.indicators) {
      View i;
      put(i, "id", ind.id);
      put(i, "name", ind.name.get(pc.lang));
      indicators.push_back(i);
    }
    put(x, "indicators", indicators);
    put(x, "has_indicators", !indicators.empty());
    ViewList refl;
    auto it = s.indicators->outcomes.find(o.id);
    if (it != s.indicators->outcomes.end())
      for (const std::string& file : it->second.reflections)
        for (const Reflection& r : p.reflections)
          if (r.file == file) {
            View l = link_view(reflection_title(r, ui), pc.page(reflection_rest(s, r)));
            put(l, "date", ui.date_short(r.date));
            put(l, "experience", r.experience >= 0 ? p.experiences[size_t(r.experience)].title : ui.s("general_reflection"));
            refl.push_back(l);
          }
    evidenced += !refl.empty();
    put(x, "reflections", refl);
    put(x, "evidenced", !refl.empty());
    put(x, "count", std::to_string(refl.size()));
    ViewList targeted, confirmed;
    for (const Experience& e : p.experiences) {
      for (const OutcomeRef& ref : e.outcomes)
        if (ref.outcome == o.id) {
          targeted.push_back(link_view(e.title, pc.page(experience_rest(s, e))));
          break;
        }
      // With a staff folder only its confirmations confirm; a review.md is the student's claim.
      const std::vector<OutcomeRef>* confirmed_refs = nullptr;
      if (!cohort_.config.has_staff_folder() && e.review) confirmed_refs = &e.review->outcomes;
      if (const StaffConfirmation* c = p.staff.confirmation(e.id); c && cohort_.config.has_staff_folder())
        confirmed_refs = &c->outcomes;
      if (confirmed_refs)
        for (const OutcomeRef& ref : *confirmed_refs)
          if (ref.outcome == o.id) {
            confirmed.push_back(link_view(e.title, pc.page(experience_rest(s, e))));
            break;
          }
    }
    put(x, "has_targeted", !targeted.empty());
    put(x, "targeted", std::move(targeted));
    put(x, "has_confirmed", !confirmed.empty());
    put(x, "confirmed", std::move(confirmed));
    outcomes.push_back(x);
  }
  put(v, "outcomes", outcomes);
  put(v, "summary", ui.format("outcomes_summary", {{"evidenced", std::to_string(evidenced)},
                                                  {"total", std::to_string(cohort_.config.framework.outcomes.size())}}));
  emit(&s, pc, "outcomes", v);
}

void SiteBuilder::timeline_page(StudentSite& s, const PageContext& pc) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = *s.portfolio;
  View v = student_frame(s, pc, ui.s("timeline_title"), "nav_timeline");
  put(v, "body_class", "page-timeline");
  put(v, "heading", ui.s("timeline_title"));

  struct Event {
    Date date;
    int order;  // same day: starts, reflections, reviews, interviews, ends
    std::string kind, title, href;
  };
  std::vector<Event> events;
  for (const Experience& e : p.experiences) {
    std::string href = pc.page(experience_rest(s, e));
    if (e.start.valid()) events.push_back({e.start, 0, "started", e.title, href});
    if (e.end.valid()) events.push_back({e.end, 4, "finished", e.title, href});
    if (e.review && e.review->date.valid()) events.push_back({e.review->date, 2, "review", e.title, href});
  }
  for (const Reflection& r : p.reflections)
    events.push_back({r.date, 1, "reflection", reflection_title(r, ui), pc.page(reflection_rest(s, r))});
  if (s.show_interviews)
    for (size_t i = 0; i < p.interviews.size(); ++i) {
      const Interview& iv = p.interviews[i];
      events.push_back({iv.date, 3, "interview", iv.title.empty() ? ui_label(ui, "interview_", iv.kind) : iv.title,
                        pc.page(s.dir + "/interviews.html") + "#" + interview_anchor(iv, int(i))});
    }
  std::erase_if(events, [](const Event& e) { return !e.date.valid(); });
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.date != b.date ? a.date < b.date : a.order < b.order;
  });
  ViewList months;
  View month;
  ViewList items;
  int current = -1;
  auto flush = [&] {
    if (current < 0) return;
    put(month, "events", items);
    months.push_back(month);
    items = ViewList();
    month = View();
  };
  for (const Event& e : events) {
    int key = e.date.year() * 12 + e.date.month();
    if (key != current) {
      flush();
      current = key;
      put(month, "label", ui.month_year(e.date.year(), e.date.month()));
      put(month, "anchor", "m-" + std::to_string(e.date.year()) + "-" + std::to_string(e.date.month()));
    }
    View x;
    put(x, "date", ui.date_short(e.date));
    put(x, "kind", e.kind);
    put(x, "kind_label", ui.s("event_" + e.kind));
    put(x, "title", e.title);
    put(x, "href", e.href);
    put(x, "future", e.date > analysis_.as_of);
    items.push_back(x);
  }
  flush();
  put(v, "has_events", !months.empty());
  put(v, "months", std::move(months));
  emit(&s, pc, "timeline", v);
}

void SiteBuilder::interviews_page(StudentSite& s, const PageContext& pc) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = *s.portfolio;
  View v = student_frame(s, pc, ui.s("interviews_title"), "nav_interviews");
  put(v, "body_class", "page-interviews");
  put(v, "heading", ui.s("interviews_title"));
  std::vector<const StaffFeedback*> feedback = visible_feedback(p.staff.feedback, options_.audience);
  auto staff_markdown = [&](const std::string& text) { return markdown(s, pc, text, "", 3); };
  ViewList list;
  for (size_t i = 0; i < p.interviews.size(); ++i) {
    const Interview& iv = p.interviews[i];
    View x;
    put(x, "anchor", interview_anchor(iv, int(i)));
    put(x, "title", iv.title.empty() ? ui_label(ui, "interview_", iv.kind) : iv.title);
    put(x, "kind", ui_label(ui, "interview_", iv.kind));
    put(x, "date", ui.date(iv.date));
    put(x, "body_html", markdown(s, pc, iv.body.text, std::string(parent_dir(iv.file)), 2));
    put(x, "feedback", feedback_view(feedback, iv.file, ui, staff_markdown));
    list.push_back(x);
  }
  put(v, "interviews", std::move(list));
  put(v, "staff_interviews", staff_interviews_view(visible_interviews(p.staff.interviews, options_.audience), ui,
                                                   staff_markdown));
  emit(&s, pc, "interviews", v);
}

}  // namespace casfolio
