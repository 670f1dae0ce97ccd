// The renderer's inside: one SiteBuilder per render_site call. It turns the
// model into view data (plain strings, lists and flags), page by page, and
// hands them to the templates. Only this layer reads the model; a private
// value that is not copied into a view cannot reach a page.
#pragma once
#include <array>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "render/media.h"
#include "render/site.h"
#include "render/site_memo.h"
#include "render/template_set.h"
#include "render/ui_text.h"

namespace casfolio {

struct SocialGpaRecord;
struct CohortProgress;
struct GpaStudent;
struct GpaPeriod;

// One student as this build shows them, and what rendering them produced
// (each student is rendered on one thread, into these fields only).
struct StudentSite {
  const StudentAnalysis* analysis = nullptr;
  const Portfolio* portfolio = nullptr;            // the model's; on --public, `redacted`'s
  const StudentIndicators* indicators = nullptr;   // the analysis's; on --public, recomputed from the redacted copy
  const std::vector<Finding>* findings = nullptr;  // the analysis's; `shown_findings` for a student; none on --public
  std::vector<Finding> shown_findings;            // the student view's (check/shown_findings.h)
  struct Redacted {
    Portfolio portfolio;
    StudentIndicators indicators;
    std::vector<Finding> findings;  // empty
  };
  std::unique_ptr<Redacted> redacted;  // --public only
  std::vector<Language> languages; // its pages are built in these
  bool show_interviews = true;
  std::string dir;                 // "students/<id>", below a language folder
  std::unique_ptr<MediaRegistry> media;  // made when its pages are rendered
  std::map<std::string, std::string> captions;  // image path -> alt text from the Markdown

  std::string key;                               // its SiteMemo key, "" = never reused
  TemplateSet* templates = nullptr;              // the rendering thread's copy
  std::vector<OutputFile> out;                   // its pages and media, until handed to the sink
  std::array<std::vector<SearchEntry>, 3> search;  // by Language
  std::vector<Finding> render_findings;          // images it could not read; its first template error
  bool template_error = false;                   // render_findings holds that template error
  std::map<const std::string*, std::string> plain_texts;  // markdown_to_text of a model text, once per text
};

// The students of one adviser or one class: a static page of its own
// ("my students"), below each language folder.
struct CohortGroup {
  std::string kind;  // "adviser" | "class"
  std::string name;  // "" = none given
  std::string rest;  // "advisers/<slug>.html", "classes/<slug>.html"
  std::vector<const StudentSite*> students;  // in the cohort's order
};

// Where a page is and how links leave it.
struct PageContext {
  Language lang = Language::en;
  std::string rest;  // the page below its language folder: "students/a/index.html"
  std::string path;  // the output path: "kk/students/a/index.html", or `rest` at the root
  std::string root;  // "../../../": from the page to the site root
  bool at_root = false;  // the copy of the home page at the site root

  // A link to any file of the site, by its path from the site root.
  std::string href(std::string_view site_path) const;
  // A link to a page of the same language.
  std::string page(std::string_view rest_path) const;
};

class SiteBuilder {
 public:
  SiteBuilder(const Cohort& cohort, const CohortAnalysis& analysis, const SiteOptions& options);
  // Renders the whole site into `sink`.
  void build(SiteSink& sink);

 private:
  // site.cpp: the frame every page shares, the cohort, search, assets.
  PageContext context(Language lang, std::string rest, bool at_root = false) const;
  View page_view(const PageContext& pc, const std::string& title, const std::vector<Language>& languages) const;
  // A page into `s`'s files (a student's page), or the builder's own (nullptr).
  void emit(StudentSite* s, const PageContext& pc, const std::string& template_name, View& page);
  // One student's pages in all its languages, on the calling thread.
  void render_student(StudentSite& s);
  // The student's key in the memo (SiteOptions), "" when it may not be reused.
  std::string student_key(const StudentSite& s) const;
  void report_template_error(std::vector<Finding>& into, const std::string& template_name, const std::string& error);
  // cohort_home.cpp: the cohort's home in every language and at the root,
  // the pages per adviser and per class, students.csv (staff).
  void cohort_pages();
  void cohort_home(Language lang, bool at_root, const std::vector<CohortGroup>& groups,
                   const CohortProgress& progress);
  void group_page(Language lang, const CohortGroup& g);
  // The groups with a page: by adviser and by class, each only when it has
  // more than one group.
  std::vector<CohortGroup> cohort_groups() const;
  std::string group_label(const CohortGroup& g, const UiText& ui) const;
  // Into `v`: the student table, the matrix with its totals, overdue by
  // student, the status and strand counts and the filters' options, for `students`.
  void cohort_table_view(View& v, const PageContext& pc, const std::vector<const StudentSite*>& students) const;
  void search_page(Language lang);
  void search_index(Language lang);
  View findings_view(const std::vector<Finding>& findings, const StudentSite* student, const PageContext& pc) const;
  // next_steps.cpp: the top of a student's home, what to do next: the
  // findings that an edit can fix ({any, groups}, as findings_view) and,
  // apart, the deadlines that have passed ({any, count, items}).
  View next_steps_view(const StudentSite& s, const PageContext& pc) const;
  // "2 feedback notes": the staff feedback this audience sees on any of
  // `subjects` (the `on:` of a feedback record); "" for none. An experience's
  // note counts the feedback on it and on its reflections.
  std::string feedback_note(const StudentSite& s, const std::vector<std::string>& subjects, const UiText& ui) const;
  std::string experience_feedback_note(const StudentSite& s, const Experience& e, const UiText& ui) const;
  std::string home_href(const PageContext& pc) const;

  // student_pages.cpp: everything below students/<id>/.
  void student_pages(StudentSite& s, Language lang);
  void student_home(StudentSite& s, const PageContext& pc);
  void experience_page(StudentSite& s, const PageContext& pc, size_t index);
  void reflection_page(StudentSite& s, const PageContext& pc, size_t index);
  void outcomes_page(StudentSite& s, const PageContext& pc);
  void timeline_page(StudentSite& s, const PageContext& pc);
  void interviews_page(StudentSite& s, const PageContext& pc);
  View student_frame(StudentSite& s, const PageContext& pc, const std::string& title, const std::string& current);
  // The profile's facts ({label, value}: class, advisor, …; the candidate
  // number and e-mail unless public) and its lists ({title, key, items}).
  ViewList profile_facts(const StudentSite& s, const UiText& ui) const;
  ViewList profile_sections(const StudentSite& s, const UiText& ui) const;
  // An experience's project stages ({key, label, stage_html}), in stage order.
  ViewList stages_view(StudentSite& s, const PageContext& pc, const Experience& e,
                       std::vector<std::string>* inline_images);
  // social_gpa_pages.cpp: the student's social-gpa.html and the printable
  // report for a meeting with parents (social-gpa-parents.html); the cohort's
  // social-gpa/ (the aggregate, the class overviews, the protocols), staff view only.
  void social_gpa_pages(StudentSite& s, Language lang);
  void social_gpa_page(StudentSite& s, const PageContext& pc, const SocialGpaRecord& record);
  void social_gpa_parents_page(StudentSite& s, const PageContext& pc, const SocialGpaRecord& record);
  void social_gpa_cohort_pages();
  void class_overview_page(const std::vector<GpaStudent>& students, const std::string& class_name,
                           const std::string& rest, const GpaPeriod& period, Language lang);
  // print_page.cpp: the whole portfolio as one printable page (print.html).
  void print_page(StudentSite& s, const PageContext& pc);
  std::string markdown(StudentSite& s, const PageContext& pc, const std::string& text, const std::string& dir,
                       int heading_offset, std::vector<std::string>* inline_images = nullptr);
  // markdown_to_text(text, limit) of a text of s's model: the text is read
  // once per student (pages in two languages show the same excerpts).
  std::string excerpt(StudentSite& s, const std::string& text, size_t limit);
  // Evidence files (images not already shown inline), then web links: a
  // link is an <a rel="noopener noreferrer"> to the address, never fetched.
  View gallery(StudentSite& s, const PageContext& pc, const std::vector<std::string>& evidence,
               const std::vector<std::string>& shown_inline, const std::vector<std::string>& links = {});
  std::string reflection_rest(const StudentSite& s, const Reflection& r) const;
  std::string experience_rest(const StudentSite& s, const Experience& e) const;
  std::string reflection_title(const Reflection& r, const UiText& ui) const;
  View outcome_refs(const StudentSite& s, const PageContext& pc, const std::vector<OutcomeRef>& refs) const;
  View strands_view(StrandSet strands, const UiText& ui) const;
  std::string date_range(Date start, Date end, const UiText& ui) const;

  const Cohort& cohort_;
  const CohortAnalysis& analysis_;
  SiteOptions options_;
  TemplateSet templates_;
  // What the cohort's pages render with: a copy of templates_ while they
  // are rendered beside the students (who copy templates_ for themselves).
  TemplateSet* cohort_templates_ = &templates_;
  std::vector<Language> cohort_languages_;
  std::vector<StudentSite> students_;
  View language_layers_[3];
  std::vector<const SearchEntry*> search_[3];  // the students', in their memo entries or StudentSite::search
  std::vector<OutputFile> out_;            // the cohort's own pages and assets
  std::vector<Finding> render_findings_;
  bool has_cohort_home_ = true;
  bool template_error_ = false;            // one template error is reported per build
  std::string templates_digest_;
};

struct StudentGpaView;
// A student's social GPA record (render/social_gpa_views.h) as template data.
View student_gpa_data(const StudentGpaView& view);

// A list of plain strings ({{.}} in a template).
ViewList string_list(const std::vector<std::string>& items);
// {label, href}.
View link_view(const std::string& label, const std::string& href);

// v[key] = value. Views are copied by value, so View::set copies what it is
// given (and a list twice); this moves what it can and copies the rest once.
template <class T>
void put(View& v, const std::string& key, T&& value) {
  v[key] = View(std::forward<T>(value));
}

// A list given as an rvalue is moved in: kainjow's data can only copy a
// list (View(const ViewList&)), and copying a cohort's rows with all their
// cells was a third of a one-reflection rebuild. The list object behind
// list_value() is the View's own, created non-const, so writing to it is
// well defined.
inline void put(View& v, const std::string& key, ViewList&& list) {
  View& slot = v[key] = View(View::type::list);
  const_cast<ViewList&>(slot.list_value()) = std::move(list);
}

// A search index entry: {"t": title, "s": student, "k": kind, "u": url, "x": text}.
SearchEntry search_entry(const std::string& title, const std::string& student, const std::string& kind,
                         const std::string& url, const std::string& text);

}  // namespace casfolio
