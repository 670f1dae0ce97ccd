// A student's pages: home, experiences, reflections, outcomes, timeline,
// interviews and the social GPA. Each function copies from the model only
// what its page shows.
#include <algorithm>
#include <map>

#include "check/timeline.h"
#include "render/charts.h"
#include "render/markdown.h"
#include "render/site_builder.h"
#include "render/url.h"
#include "util/path.h"

namespace casfolio {

namespace {

const char* kStrandNames[] = {"creativity", "activity", "service"};

double sum(const StrandHours& h) { return h[0] + h[1] + h[2]; }

int first_strand(StrandSet s) {
  for (int i = 0; i < 3; ++i)
    if (s.has(Strand(i))) return i;
  return -1;
}

ViewList string_list(const std::vector<std::string>& items) {
  ViewList list;
  for (const std::string& s : items) list.push_back(View(s));
  return list;
}

View link_view(const std::string& label, const std::string& href) {
  View v;
  v.set("label", label);
  v.set("href", href);
  return v;
}

std::string interview_anchor(const Interview& iv, int n) {
  std::string stem(file_name(iv.file));
  if (auto dot = stem.rfind('.'); dot != std::string::npos) stem.erase(dot);
  return "interview-" + anchor_id(stem, n);
}

}  // namespace

std::string SiteBuilder::experience_rest(const StudentSite& s, const Experience& e) const {
  return s.dir + "/" + e.dir + "/index.html";
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
    v.set("key", std::string(kStrandNames[i]));
    v.set("label", ui.s(std::string("strand_") + kStrandNames[i]));
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
    v.set("id", id);
    v.set("short", ui.s("outcome_short") + id);
    v.set("name", name);
    v.set("href", pc.page(s.dir + "/outcomes.html") + "#outcome-" + anchor_id(ref.outcome, 0));
    list.push_back(v);
  }
  return list;
}

std::string SiteBuilder::markdown(StudentSite& s, const PageContext& pc, const std::string& text,
                                  const std::string& dir, int heading_offset, std::vector<std::string>* inline_images) {
  const Portfolio& p = s.portfolio;
  MarkdownContext mc;
  mc.dir = dir;
  mc.heading_offset = heading_offset;
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
                          const std::vector<std::string>& shown_inline) {
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
    v.set("name", m->name);
    v.set("alt", alt);
    v.set("failed", m->failed);
    v.set("is_image", m->kind == MediaKind::image && !m->failed);
    v.set("is_pdf", m->kind == MediaKind::pdf);
    v.set("is_audio", m->kind == MediaKind::audio);
    v.set("is_video", m->kind == MediaKind::video);
    v.set("is_file", m->kind == MediaKind::file);
    v.set("href", m->failed ? "" : pc.href(m->href));
    v.set("thumb", m->failed ? "" : pc.href(m->thumb));
    v.set("width", std::to_string(m->thumb_width));
    v.set("height", std::to_string(m->thumb_height));
    v.set("kind_label", ui.s(m->kind == MediaKind::pdf     ? "evidence_pdf"
                             : m->kind == MediaKind::audio ? "evidence_audio"
                             : m->kind == MediaKind::video ? "evidence_video"
                             : m->kind == MediaKind::image ? "evidence_image"
                                                           : "evidence_file"));
    items.push_back(v);
  }
  View g;
  g.set("items", items);
  g.set("any", !items.empty());
  return g;
}

View SiteBuilder::student_frame(StudentSite& s, const PageContext& pc, const std::string& title,
                                const std::string& current) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = s.portfolio;
  View v = page_view(pc, title, s.languages);
  View student;
  student.set("name", p.profile.name.empty() ? p.id : p.profile.name);
  student.set("href", pc.page(s.dir + "/index.html"));
  student.set("lang", std::string(code(p.profile.language)));
  ViewList nav;
  auto add = [&](const std::string& key, const std::string& page) {
    View item = link_view(ui.s(key), pc.page(s.dir + "/" + page));
    item.set("current", key == current);
    nav.push_back(item);
  };
  add("nav_overview", "index.html");
  add("nav_outcomes", "outcomes.html");
  add("nav_timeline", "timeline.html");
  if (s.show_interviews && !p.interviews.empty()) add("nav_interviews", "interviews.html");
  if (!options_.is_public && cohort_.config.social_gpa) add("nav_social_gpa", "social-gpa.html");
  student.set("nav", nav);
  v.set("student", student);
  ViewList crumbs;
  if (has_cohort_home_) crumbs.push_back(link_view(ui.s("cohort_title"), home_href(pc)));
  crumbs.push_back(link_view(student.get("name")->string_value(), pc.page(s.dir + "/index.html")));
  v.set("crumbs", crumbs);
  return v;
}

void SiteBuilder::student_pages(StudentSite& s, Language lang) {
  const Portfolio& p = s.portfolio;
  student_home(s, context(lang, s.dir + "/index.html"));
  if (!p.usable) return;
  for (size_t i = 0; i < p.experiences.size(); ++i)
    experience_page(s, context(lang, experience_rest(s, p.experiences[i])), i);
  for (size_t i = 0; i < p.reflections.size(); ++i)
    reflection_page(s, context(lang, reflection_rest(s, p.reflections[i])), i);
  outcomes_page(s, context(lang, s.dir + "/outcomes.html"));
  timeline_page(s, context(lang, s.dir + "/timeline.html"));
  if (s.show_interviews && !p.interviews.empty()) interviews_page(s, context(lang, s.dir + "/interviews.html"));
  if (!options_.is_public && cohort_.config.social_gpa) social_gpa_page(s, context(lang, s.dir + "/social-gpa.html"));
}

void SiteBuilder::student_home(StudentSite& s, const PageContext& pc) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = s.portfolio;
  const Profile& pr = p.profile;
  const StudentIndicators& ind = s.indicators;
  std::string display_name = pr.name.empty() ? p.id : pr.name;
  View v = student_frame(s, pc, display_name, "nav_overview");
  v.set("body_class", "page-student");
  {
    ViewList crumbs;
    if (has_cohort_home_) crumbs.push_back(link_view(ui.s("cohort_title"), home_href(pc)));
    v.set("crumbs", crumbs);
  }
  v.set("name", display_name);
  v.set("usable", p.usable);
  v.set("class_name", pr.class_name);
  v.set("grade", pr.grade);
  v.set("advisor", pr.advisor);
  v.set("has_advisor", !pr.advisor.empty());
  v.set("started", pr.started.valid() ? ui.date(pr.started) : "");
  if (!options_.is_public) {
    v.set("candidate", pr.candidate);
    v.set("email", pr.email);
    std::string status(name(ind.status));
    v.set("status", status);
    v.set("status_label", ui_label(ui, "status_", status));
  }
  ViewList facts;
  auto fact = [&](const std::string& key, const std::string& value) {
    if (value.empty()) return;
    View f;
    f.set("label", ui.s(key));
    f.set("value", value);
    facts.push_back(f);
  };
  fact("profile_class", pr.class_name);
  fact("profile_grade", pr.grade);
  fact("profile_advisor", pr.advisor);
  fact("profile_started", pr.started.valid() ? ui.date(pr.started) : "");
  fact("profile_language", UiText::get(pr.language).s("language_name"));
  if (!options_.is_public) {
    fact("profile_candidate", pr.candidate);
    fact("profile_email", pr.email);
  }
  v.set("facts", facts);

  ViewList sections;
  auto section = [&](const std::string& key, const std::vector<std::string>& items) {
    if (items.empty()) return;
    View sec;
    sec.set("title", ui.s(key));
    sec.set("key", key);
    sec.set("items", string_list(items));
    sections.push_back(sec);
  };
  section("profile_interests", pr.interests);
  section("profile_strengths", pr.strengths);
  section("profile_growth", pr.growth);
  section("profile_goals", pr.goals);
  v.set("profile_sections", sections);
  v.set("has_profile", !sections.empty());
  if (p.plan) {
    v.set("plan_html", markdown(s, pc, p.plan->text, std::string(parent_dir(p.plan_file)), 2));
    v.set("has_plan", true);
  }

  // Figures.
  ViewList stats;
  auto stat = [&](const std::string& key, const std::string& value, const std::string& note = "") {
    View st;
    st.set("label", ui.s(key));
    st.set("value", value);
    st.set("note", note);
    stats.push_back(st);
  };
  int evidenced = 0;
  for (const Outcome& o : cohort_.config.framework.outcomes) {
    auto it = ind.outcomes.find(o.id);
    evidenced += it != ind.outcomes.end() && it->second.count > 0;
  }
  stat("stat_experiences", std::to_string(p.experiences.size()));
  stat("stat_reflections", std::to_string(p.reflections.size()));
  stat("stat_outcomes", std::to_string(evidenced) + " / " + std::to_string(cohort_.config.framework.outcomes.size()));
  stat("stat_hours_confirmed", ui.number(sum(ind.confirmed_hours)),
       ui.format("stat_hours_claimed_note", {{"hours", ui.number(sum(ind.claimed_hours))}}));
  stat("stat_span", ui.format("months_value", {{"n", std::to_string(ind.span_months)}}),
       ui.format("stat_span_note", {{"n", std::to_string(cohort_.config.requirements.min_months)}}));
  stat("stat_longest_gap", ui.format("days_value", {{"n", std::to_string(ind.longest_gap.days)}}),
       ui.format("stat_gap_note", {{"n", std::to_string(cohort_.config.requirements.max_gap_days)}}));
  stat("stat_projects", std::to_string(std::count_if(p.experiences.begin(), p.experiences.end(),
                                                     [](const Experience& e) { return e.project; })));
  v.set("stats", stats);

  std::vector<OutcomeCell> cells;
  for (const Outcome& o : cohort_.config.framework.outcomes) {
    auto it = ind.outcomes.find(o.id);
    cells.push_back({o.id, o.name.get(pc.lang), it == ind.outcomes.end() ? 0 : it->second.count});
  }
  v.set("outcomes_href", pc.page(s.dir + "/outcomes.html"));
  v.set("timeline_href", pc.page(s.dir + "/timeline.html"));
  v.set("hours_chart_html", hours_chart("hours", ind.claimed_hours, ind.confirmed_hours, ui));
  v.set("outcomes_chart_html", outcomes_chart("outcomes", cells, ui));

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
  v.set("timeline_chart_html", timeline);
  v.set("has_timeline", !timeline.empty());

  // Experiences and reflections.
  ViewList experiences;
  for (const Experience& e : p.experiences) {
    View x;
    x.set("title", e.title);
    x.set("href", pc.page(experience_rest(s, e)));
    x.set("strands", strands_view(e.strands, ui));
    x.set("dates", date_range(e.start, e.end, ui));
    x.set("project", e.project);
    x.set("private", e.is_private && !options_.is_public);
    x.set("ongoing", !e.end.valid());
    x.set("reflections", std::to_string(e.reflections.size()));
    x.set("excerpt", markdown_to_text(e.description.text, 160));
    x.set("hours", e.hours_given ? ui.number(sum(e.claimed_hours)) : "");
    experiences.push_back(x);
    if (!pc.at_root)
      search_[size_t(pc.lang)].push_back({e.title, display_name, ui.s("search_kind_experience"),
                                          encode_path(std::string(code(pc.lang)) + "/" + experience_rest(s, e)),
                                          markdown_to_text(e.description.text, 300)});
  }
  v.set("experiences", experiences);
  v.set("has_experiences", !experiences.empty());
  ViewList general;
  for (const Reflection& r : p.reflections) {
    if (r.experience >= 0) continue;
    View x;
    x.set("title", reflection_title(r, ui));
    x.set("href", pc.page(reflection_rest(s, r)));
    x.set("date", ui.date(r.date));
    x.set("excerpt", markdown_to_text(r.body.text, 180));
    general.push_back(x);
  }
  v.set("general_reflections", general);
  v.set("has_general_reflections", !general.empty());

  // Deadlines and findings: for staff.
  if (!options_.is_public) {
    ViewList deadlines;
    for (const Deadline& d : cohort_.config.calendar) {
      const DeadlineResult* result = nullptr;
      for (const DeadlineResult& r : ind.deadlines)
        if (r.deadline == &d) result = &r;
      View x;
      x.set("date", d.from.valid() ? ui.date_short(d.from) + " – " + ui.date_short(d.date) : ui.date_short(d.date));
      x.set("name", d.name.empty() ? ui_label(ui, "deadline_kind_", d.kind) : d.name);
      std::string state = result ? std::string(name(result->state))
                          : d.kind == "reflection" || d.kind == "interview"
                              ? (d.date >= analysis_.as_of ? "upcoming" : "unknown")
                              : "event";
      x.set("state", state);
      x.set("state_label", ui_label(ui, "deadline_", state));
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
      x.set("met_by", met_label);
      x.set("met_href", met_href);
      x.set("has_met_href", !met_href.empty());
      deadlines.push_back(x);
    }
    v.set("deadlines", deadlines);
    v.set("has_deadlines", !deadlines.empty());
    View tally;
    tally.set("met", std::to_string(ind.deadlines_met));
    tally.set("missed", std::to_string(ind.deadlines_missed));
    tally.set("upcoming", std::to_string(ind.deadlines_upcoming));
    v.set("deadline_tally", tally);
    v.set("findings", findings_view(s.findings, &s, pc));
    if (cohort_.config.social_gpa && ind.social_gpa) {
      View g;
      g.set("points", ui.number(ind.social_gpa->points));
      g.set("scaled", ui.number(ind.social_gpa->scaled, 2));
      g.set("level", ui_label(ui, "gpa_level_", ind.social_gpa->level));
      g.set("show_scaled", ind.social_gpa->shows_scaled());
      g.set("show_level", ind.social_gpa->shows_level());
      g.set("href", pc.page(s.dir + "/social-gpa.html"));
      v.set("gpa", g);
    }
  }
  if (!pc.at_root) {
    std::vector<std::string> words = pr.interests;
    words.insert(words.end(), pr.goals.begin(), pr.goals.end());
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : "; ") + w;
    search_[size_t(pc.lang)].push_back({display_name, display_name, ui.s("search_kind_student"),
                                        encode_path(std::string(code(pc.lang)) + "/" + s.dir + "/index.html"), truncate_text(text, 300)});
  }
  emit(pc, "student", v);
}

void SiteBuilder::experience_page(StudentSite& s, const PageContext& pc, size_t index) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = s.portfolio;
  const Experience& e = p.experiences[index];
  View v = student_frame(s, pc, e.title, "");
  v.set("body_class", "page-experience");
  v.set("heading", e.title);
  v.set("strands", strands_view(e.strands, ui));
  v.set("dates", date_range(e.start, e.end, ui));
  v.set("ongoing", !e.end.valid());
  v.set("days", ui.format("days_value", {{"n", std::to_string(experience_days(e, analysis_.as_of))}}));
  v.set("project", e.project);
  v.set("private", e.is_private && !options_.is_public);
  v.set("paid", e.paid);
  v.set("hours", e.hours_given ? ui.number(sum(e.claimed_hours)) : "");
  v.set("has_hours", e.hours_given);
  v.set("outcomes", outcome_refs(s, pc, e.outcomes));
  v.set("has_outcomes", !e.outcomes.empty());
  v.set("tags", string_list(e.tags));
  v.set("has_tags", !e.tags.empty());
  v.set("collaborators", string_list(e.collaborators));
  v.set("has_collaborators", !e.collaborators.empty());
  if (e.supervisor.present()) {
    View sup;
    sup.set("name", e.supervisor.name);
    sup.set("role", e.supervisor.role);
    if (!options_.is_public) {
      sup.set("email", e.supervisor.email);
      sup.set("phone", e.supervisor.phone);
    }
    v.set("supervisor", sup);
  }
  std::vector<std::string> inline_images;
  v.set("description_html", markdown(s, pc, e.description.text, e.dir, 1, &inline_images));

  ViewList stages;
  for (Stage st : kAllStages) {
    const auto& text = e.stages[size_t(st)];
    if (!text) continue;
    View x;
    x.set("key", std::string(name(st)));
    x.set("label", ui.s("stage_" + std::string(name(st))));
    x.set("stage_html", markdown(s, pc, *text, e.dir, 3, &inline_images));
    stages.push_back(x);
  }
  v.set("stages", stages);
  v.set("has_stages", !stages.empty());

  ViewList reflections;
  for (int ri : e.reflections) {
    const Reflection& r = p.reflections[size_t(ri)];
    View x;
    x.set("title", reflection_title(r, ui));
    x.set("href", pc.page(reflection_rest(s, r)));
    x.set("date", ui.date(r.date));
    x.set("stage", r.stage ? ui.s("stage_" + std::string(name(*r.stage))) : "");
    x.set("excerpt", markdown_to_text(r.body.text, 220));
    x.set("outcomes", outcome_refs(s, pc, r.outcomes));
    reflections.push_back(x);
  }
  v.set("reflections", reflections);
  v.set("has_reflections", !reflections.empty());

  ViewList achievements;
  for (const Achievement& a : e.achievements) {
    View x;
    x.set("kind", ui_label(ui, "gpa_kind_", a.kind));
    x.set("title", a.title);
    x.set("date", ui.date(a.date));
    x.set("level", a.level.empty() ? "" : ui_label(ui, "level_", a.level));
    const MediaItem* m = a.evidence.empty() ? nullptr : s.media->publish(a.evidence);
    x.set("evidence_href", m && !m->failed ? pc.href(m->href) : "");
    x.set("evidence_name", m ? m->name : "");
    achievements.push_back(x);
  }
  v.set("achievements", achievements);
  v.set("has_achievements", !achievements.empty());

  if (e.review) {
    const Review& rv = *e.review;
    View r;
    r.set("by", rv.by);
    r.set("date", ui.date(rv.date));
    r.set("hours", rv.hours ? ui.number(*rv.hours) : "");
    r.set("has_hours", rv.hours.has_value());
    r.set("outcomes", outcome_refs(s, pc, rv.outcomes));
    r.set("has_outcomes", !rv.outcomes.empty());
    r.set("completed", rv.completed ? ui.s(*rv.completed ? "review_completed_yes" : "review_completed_no") : "");
    r.set("has_completed", rv.completed.has_value());
    r.set("comment_html", markdown(s, pc, rv.comment.text, e.dir, 2));
    v.set("review", r);
  }
  v.set("gallery", gallery(s, pc, e.evidence, inline_images));
  emit(pc, "experience", v);
}

void SiteBuilder::reflection_page(StudentSite& s, const PageContext& pc, size_t index) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = s.portfolio;
  const Reflection& r = p.reflections[index];
  std::string title = reflection_title(r, ui);
  View v = student_frame(s, pc, title, "");
  v.set("body_class", "page-reflection");
  v.set("heading", title);
  v.set("date", ui.date(r.date));
  if (r.experience >= 0) {
    const Experience& e = p.experiences[size_t(r.experience)];
    v.set("experience", link_view(e.title, pc.page(experience_rest(s, e))));
    v.set("strands", strands_view(e.strands, ui));
    ViewList crumbs;
    if (has_cohort_home_) crumbs.push_back(link_view(ui.s("cohort_title"), home_href(pc)));
    crumbs.push_back(link_view(p.profile.name, pc.page(s.dir + "/index.html")));
    crumbs.push_back(link_view(e.title, pc.page(experience_rest(s, e))));
    v.set("crumbs", crumbs);
  }
  v.set("stage", r.stage ? ui.s("stage_" + std::string(name(*r.stage))) : "");
  v.set("outcomes", outcome_refs(s, pc, r.outcomes));
  v.set("has_outcomes", !r.outcomes.empty());
  std::vector<std::string> inline_images;
  v.set("body_html", markdown(s, pc, r.body.text, std::string(parent_dir(r.file)), 1, &inline_images));
  v.set("gallery", gallery(s, pc, r.evidence, inline_images));
  if (index > 0) v.set("prev", link_view(reflection_title(p.reflections[index - 1], ui), pc.page(reflection_rest(s, p.reflections[index - 1]))));
  v.set("has_pager", index > 0 || index + 1 < p.reflections.size());
  if (index + 1 < p.reflections.size())
    v.set("next", link_view(reflection_title(p.reflections[index + 1], ui), pc.page(reflection_rest(s, p.reflections[index + 1]))));
  if (!pc.at_root)
    search_[size_t(pc.lang)].push_back({title, p.profile.name, ui.s("search_kind_reflection"),
                                        encode_path(std::string(code(pc.lang)) + "/" + reflection_rest(s, r)),
                                        markdown_to_text(r.body.text, 300)});
  emit(pc, "reflection", v);
}

void SiteBuilder::outcomes_page(StudentSite& s, const PageContext& pc) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = s.portfolio;
  View v = student_frame(s, pc, ui.s("outcomes_title"), "nav_outcomes");
  v.set("body_class", "page-outcomes");
  v.set("heading", ui.s("outcomes_title"));
  v.set("framework", cohort_.config.framework.name.get(pc.lang));
  ViewList outcomes;
  int evidenced = 0;
  for (const Outcome& o : cohort_.config.framework.outcomes) {
    View x;
    x.set("anchor", "outcome-" + anchor_id(o.id, 0));
    x.set("id", o.id);
    x.set("short", ui.s("outcome_short") + o.id);
    x.set("name", o.name.get(pc.lang));
    x.set("description", o.description.get(pc.lang));
    ViewList indicators;
    for (const Indicator& ind : o.indicators) {
      View i;
      i.set("id", ind.id);
      i.set("name", ind.name.get(pc.lang));
      indicators.push_back(i);
    }
    x.set("indicators", indicators);
    x.set("has_indicators", !indicators.empty());
    ViewList refl;
    auto it = s.indicators.outcomes.find(o.id);
    if (it != s.indicators.outcomes.end())
      for (const std::string& file : it->second.reflections)
        for (const Reflection& r : p.reflections)
          if (r.file == file) {
            View l = link_view(reflection_title(r, ui), pc.page(reflection_rest(s, r)));
            l.set("date", ui.date_short(r.date));
            l.set("experience", r.experience >= 0 ? p.experiences[size_t(r.experience)].title : ui.s("general_reflection"));
            refl.push_back(l);
          }
    evidenced += !refl.empty();
    x.set("reflections", refl);
    x.set("evidenced", !refl.empty());
    x.set("count", std::to_string(refl.size()));
    ViewList targeted, confirmed;
    for (const Experience& e : p.experiences) {
      for (const OutcomeRef& ref : e.outcomes)
        if (ref.outcome == o.id) {
          targeted.push_back(link_view(e.title, pc.page(experience_rest(s, e))));
          break;
        }
      if (e.review)
        for (const OutcomeRef& ref : e.review->outcomes)
          if (ref.outcome == o.id) {
            confirmed.push_back(link_view(e.title, pc.page(experience_rest(s, e))));
            break;
          }
    }
    x.set("targeted", targeted);
    x.set("has_targeted", !targeted.empty());
    x.set("confirmed", confirmed);
    x.set("has_confirmed", !confirmed.empty());
    outcomes.push_back(x);
  }
  v.set("outcomes", outcomes);
  v.set("summary", ui.format("outcomes_summary", {{"evidenced", std::to_string(evidenced)},
                                                  {"total", std::to_string(cohort_.config.framework.outcomes.size())}}));
  emit(pc, "outcomes", v);
}

void SiteBuilder::timeline_page(StudentSite& s, const PageContext& pc) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = s.portfolio;
  View v = student_frame(s, pc, ui.s("timeline_title"), "nav_timeline");
  v.set("body_class", "page-timeline");
  v.set("heading", ui.s("timeline_title"));

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
    month.set("events", items);
    months.push_back(month);
    items = ViewList();
    month = View();
  };
  for (const Event& e : events) {
    int key = e.date.year() * 12 + e.date.month();
    if (key != current) {
      flush();
      current = key;
      month.set("label", ui.month_year(e.date.year(), e.date.month()));
      month.set("anchor", "m-" + std::to_string(e.date.year()) + "-" + std::to_string(e.date.month()));
    }
    View x;
    x.set("date", ui.date_short(e.date));
    x.set("kind", e.kind);
    x.set("kind_label", ui.s("event_" + e.kind));
    x.set("title", e.title);
    x.set("href", e.href);
    x.set("future", e.date > analysis_.as_of);
    items.push_back(x);
  }
  flush();
  v.set("months", months);
  v.set("has_events", !months.empty());
  emit(pc, "timeline", v);
}

void SiteBuilder::interviews_page(StudentSite& s, const PageContext& pc) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = s.portfolio;
  View v = student_frame(s, pc, ui.s("interviews_title"), "nav_interviews");
  v.set("body_class", "page-interviews");
  v.set("heading", ui.s("interviews_title"));
  ViewList list;
  for (size_t i = 0; i < p.interviews.size(); ++i) {
    const Interview& iv = p.interviews[i];
    View x;
    x.set("anchor", interview_anchor(iv, int(i)));
    x.set("title", iv.title.empty() ? ui_label(ui, "interview_", iv.kind) : iv.title);
    x.set("kind", ui_label(ui, "interview_", iv.kind));
    x.set("date", ui.date(iv.date));
    x.set("body_html", markdown(s, pc, iv.body.text, std::string(parent_dir(iv.file)), 2));
    list.push_back(x);
  }
  v.set("interviews", list);
  emit(pc, "interviews", v);
}

void SiteBuilder::social_gpa_page(StudentSite& s, const PageContext& pc) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = s.portfolio;
  const SocialGpaScheme& scheme = *cohort_.config.social_gpa;
  View v = student_frame(s, pc, ui.s("gpa_title"), "nav_social_gpa");
  v.set("body_class", "page-gpa");
  v.set("heading", ui.s("gpa_title"));
  v.set("model", ui_label(ui, "gpa_model_",
                          scheme.model == GpaModel::cumulative ? "cumulative"
                          : scheme.model == GpaModel::levels   ? "levels"
                                                               : "mixed"));
  const VolunteerHoursRule& vh = scheme.volunteer_hours;
  v.set("volunteer_rule", ui.format("gpa_volunteer_rule", {{"per", ui.number(vh.per)},
                                                          {"points", ui.number(vh.points)},
                                                          {"max", ui.number(vh.max)}}));
  v.set("rounding", ui_label(ui, "gpa_rounding_",
                             vh.rounding == Rounding::floor ? "floor" : vh.rounding == Rounding::nearest ? "nearest" : "none"));
  ViewList points;
  for (const auto& [kind, value] : scheme.points) {
    View x;
    x.set("kind", ui_label(ui, "gpa_kind_", kind));
    x.set("points", ui.number(value));
    points.push_back(x);
  }
  v.set("points", points);
  v.set("require_evidence", ui.s(scheme.require_evidence ? "gpa_evidence_required" : "gpa_evidence_optional"));
  v.set("scale_rule", ui.format("gpa_scale_rule", {{"max", ui.number(scheme.scale_max, 2)},
                                                  {"full", ui.number(scheme.full_points)}}));
  v.set("levels_rule", ui.format("gpa_levels_rule", {{"high", ui.number(scheme.level_high)},
                                                    {"satisfactory", ui.number(scheme.level_satisfactory)}}));
  if (const auto& g = s.indicators.social_gpa) {
    View r;
    r.set("points", ui.number(g->points));
    r.set("scaled", ui.number(g->scaled, 2));
    r.set("scale_max", ui.number(scheme.scale_max, 2));
    r.set("level", ui_label(ui, "gpa_level_", g->level));
    r.set("show_scaled", g->shows_scaled());
    r.set("show_level", g->shows_level());
    ViewList items;
    for (const GpaItem& it : g->items) {
      View x;
      x.set("kind", ui_label(ui, "gpa_kind_", it.kind));
      x.set("title", it.title);
      x.set("total", it.kind == "volunteer_hours_total");
      const Experience* e = it.experience.empty() ? nullptr : p.find_experience(it.experience);
      x.set("experience", e ? e->title : it.experience);
      x.set("href", e ? pc.page(experience_rest(s, *e)) : "");
      x.set("has_href", e != nullptr);
      x.set("date", ui.date_short(it.date));
      x.set("level", it.level.empty() ? "" : ui_label(ui, "level_", it.level));
      x.set("quantity", ui.number(it.quantity));
      x.set("points", ui.number(it.points));
      x.set("counted", it.counted);
      items.push_back(x);
    }
    r.set("items", items);
    r.set("has_items", !items.empty());
    v.set("result", r);
  }
  emit(pc, "social_gpa", v);
}

}  // namespace casfolio
