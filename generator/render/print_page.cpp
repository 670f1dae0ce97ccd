// A student's whole portfolio as one printable page, students/<id>/print.html
// in each language (docs/site.md, "The printable portfolio"): the profile,
// the plan, every experience with its reflections in full and its evidence
// as thumbnails, the learning outcomes and the CAS project, after a table of
// contents. Chromium prints it to a clean A4 PDF: the theme's print styles
// start each experience on a new page and keep every figure on one page.
// What is shown follows the same audience rules as the other pages: the
// page is built from the same (redacted, on --public) portfolio and the
// staff records the audience may read.
#include "check/timeline.h"
#include "render/site_builder.h"
#include "render/staff_views.h"
#include "render/url.h"
#include "util/path.h"

namespace casfolio {

namespace {

std::string experience_anchor(const Experience& e, int n) { return "exp-" + anchor_id(e.id, n); }
std::string reflection_anchor(size_t index) { return "refl-" + std::to_string(index + 1); }

}  // namespace

void SiteBuilder::print_page(StudentSite& s, const PageContext& pc) {
  const UiText& ui = UiText::get(pc.lang);
  const Portfolio& p = *s.portfolio;
  const Profile& pr = p.profile;
  std::string display_name = pr.name.empty() ? p.id : pr.name;
  View v = student_frame(s, pc, ui.format("print_title", {{"name", display_name}}), "");
  put(v, "body_class", "page-print");
  put(v, "name", display_name);
  put(v, "facts", profile_facts(s, ui));
  ViewList sections = profile_sections(s, ui);
  bool has_profile = !sections.empty();
  put(v, "has_profile", has_profile);
  put(v, "profile_sections", std::move(sections));

  ViewList toc;
  auto entry = [&](const std::string& label, const std::string& anchor, bool project = false) {
    View x = link_view(label, "#" + anchor);
    put(x, "project", project);
    toc.push_back(x);
  };
  if (has_profile) entry(ui.s("profile_title"), "profile");
  if (p.plan) {
    entry(ui.s("plan_title"), "plan");
    put(v, "has_plan", true);
    put(v, "plan_html", markdown(s, pc, p.plan->text, std::string(parent_dir(p.plan_file)), 2));
  }

  ViewList experiences, projects;
  for (size_t i = 0; i < p.experiences.size(); ++i) {
    const Experience& e = p.experiences[i];
    std::string anchor = experience_anchor(e, int(i));
    entry(e.title, anchor, e.project);
    View x;
    put(x, "anchor", anchor);
    put(x, "title", e.title);
    put(x, "strands", strands_view(e.strands, ui));
    put(x, "dates", date_range(e.start, e.end, ui));
    put(x, "days", ui.format("days_value", {{"n", std::to_string(experience_days(e, analysis_.as_of))}}));
    put(x, "project", e.project);
    put(x, "private", e.is_private && !options_.is_public());
    put(x, "outcomes", outcome_refs(s, pc, e.outcomes));
    put(x, "has_outcomes", !e.outcomes.empty());
    put(x, "collaborators", string_list(e.collaborators));
    put(x, "has_collaborators", !e.collaborators.empty());
    if (e.supervisor.present()) {
      View sup;
      put(sup, "name", e.supervisor.name);
      put(sup, "role", e.supervisor.role);
      put(x, "supervisor", sup);
    }
    std::vector<std::string> inline_images;
    put(x, "description_html", markdown(s, pc, e.description.text, e.dir, 2, &inline_images));
    ViewList stages = stages_view(s, pc, e, &inline_images);
    put(x, "has_stages", !stages.empty());
    put(x, "stages", std::move(stages));
    ViewList reflections;
    for (int ri : e.reflections) {
      const Reflection& r = p.reflections[size_t(ri)];
      std::vector<std::string> reflection_images;
      View y;
      put(y, "anchor", reflection_anchor(size_t(ri)));
      put(y, "title", reflection_title(r, ui));
      put(y, "date", ui.date(r.date));
      put(y, "stage", r.stage ? ui.s("stage_" + std::string(name(*r.stage))) : "");
      put(y, "outcomes", outcome_refs(s, pc, r.outcomes));
      put(y, "body_html", markdown(s, pc, r.body.text, std::string(parent_dir(r.file)), 3, &reflection_images));
      put(y, "gallery", gallery(s, pc, r.evidence, reflection_images, evidence_link_urls(r)));
      reflections.push_back(y);
    }
    put(x, "has_reflections", !reflections.empty());
    put(x, "reflections", std::move(reflections));
    put(x, "gallery", gallery(s, pc, e.evidence, inline_images, evidence_link_urls(e)));
    experiences.push_back(x);
    if (e.project) {
      View y = link_view(e.title, "#" + anchor);
      put(y, "dates", date_range(e.start, e.end, ui));
      put(y, "collaborators", string_list(e.collaborators));
      put(y, "has_collaborators", !e.collaborators.empty());
      projects.push_back(y);
    }
  }
  put(v, "experiences", std::move(experiences));

  // Reflections that belong to no experience, in full too.
  ViewList general;
  for (size_t i = 0; i < p.reflections.size(); ++i) {
    const Reflection& r = p.reflections[i];
    if (r.experience >= 0) continue;
    std::vector<std::string> images;
    View y;
    put(y, "anchor", reflection_anchor(i));
    put(y, "title", reflection_title(r, ui));
    put(y, "date", ui.date(r.date));
    put(y, "outcomes", outcome_refs(s, pc, r.outcomes));
    put(y, "body_html", markdown(s, pc, r.body.text, std::string(parent_dir(r.file)), 2, &images));
    put(y, "gallery", gallery(s, pc, r.evidence, images, evidence_link_urls(r)));
    general.push_back(y);
  }
  if (!general.empty()) entry(ui.s("general_reflections_title"), "general");
  put(v, "has_general", !general.empty());
  put(v, "general_reflections", std::move(general));

  // The outcomes, each with the reflections that evidence it (links into this page).
  ViewList outcomes;
  for (const Outcome& o : cohort_.config.framework.outcomes) {
    View x;
    put(x, "id", o.id);
    put(x, "name", o.name.get(pc.lang));
    ViewList refl;
    auto it = s.indicators->outcomes.find(o.id);
    if (it != s.indicators->outcomes.end())
      for (const std::string& file : it->second.reflections)
        for (size_t i = 0; i < p.reflections.size(); ++i)
          if (p.reflections[i].file == file)
            refl.push_back(link_view(reflection_title(p.reflections[i], ui), "#" + reflection_anchor(i)));
    put(x, "evidenced", !refl.empty());
    put(x, "reflections", std::move(refl));
    outcomes.push_back(x);
  }
  entry(ui.s("outcomes_title"), "outcomes");
  put(v, "outcomes", std::move(outcomes));
  if (!projects.empty()) entry(ui.s("stat_projects"), "project");
  put(v, "has_projects", !projects.empty());
  put(v, "projects", std::move(projects));
  put(v, "toc", std::move(toc));
  emit(&s, pc, "print", v);
}

}  // namespace casfolio
