// The renderer's inside: one SiteBuilder per render_site call. It turns the
// model into view data (plain strings, lists and flags), page by page, and
// hands them to the templates. Only this layer reads the model; a private
// value that is not copied into a view cannot reach a page.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "render/media.h"
#include "render/site.h"
#include "render/template_set.h"
#include "render/ui_text.h"

namespace casfolio {

// One student as this build shows them.
struct StudentSite {
  const StudentAnalysis* analysis = nullptr;
  Portfolio portfolio;             // a copy; without private values on --public
  StudentIndicators indicators;    // recomputed from that copy on --public
  std::vector<Finding> findings;   // empty on --public
  std::vector<Language> languages; // its pages are built in these
  bool show_interviews = true;
  std::string dir;                 // "students/<id>", below a language folder
  std::unique_ptr<MediaRegistry> media;
  std::map<std::string, std::string> captions;  // image path -> alt text from the Markdown
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

struct SearchEntry {
  std::string title, student, kind, url, text;
};

class SiteBuilder {
 public:
  SiteBuilder(const Cohort& cohort, const CohortAnalysis& analysis, const SiteOptions& options);
  std::vector<OutputFile> build();

 private:
  // site.cpp: the frame every page shares, the cohort, search, assets.
  PageContext context(Language lang, std::string rest, bool at_root = false) const;
  View page_view(const PageContext& pc, const std::string& title, const std::vector<Language>& languages) const;
  void emit(const PageContext& pc, const std::string& template_name, View& page);
  void cohort_home(Language lang, bool at_root);
  void search_page(Language lang);
  void search_index(Language lang);
  View findings_view(const std::vector<Finding>& findings, const StudentSite* student, const PageContext& pc) const;
  std::string home_href(const PageContext& pc) const;

  // student_pages.cpp: everything below students/<id>/.
  void student_pages(StudentSite& s, Language lang);
  void student_home(StudentSite& s, const PageContext& pc);
  void experience_page(StudentSite& s, const PageContext& pc, size_t index);
  void reflection_page(StudentSite& s, const PageContext& pc, size_t index);
  void outcomes_page(StudentSite& s, const PageContext& pc);
  void timeline_page(StudentSite& s, const PageContext& pc);
  void interviews_page(StudentSite& s, const PageContext& pc);
  void social_gpa_page(StudentSite& s, const PageContext& pc);
  View student_frame(StudentSite& s, const PageContext& pc, const std::string& title, const std::string& current);
  std::string markdown(StudentSite& s, const PageContext& pc, const std::string& text, const std::string& dir,
                       int heading_offset, std::vector<std::string>* inline_images = nullptr);
  View gallery(StudentSite& s, const PageContext& pc, const std::vector<std::string>& evidence,
               const std::vector<std::string>& shown_inline);
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
  std::vector<Language> cohort_languages_;
  std::vector<StudentSite> students_;
  View language_layers_[3];
  std::vector<SearchEntry> search_[3];
  std::vector<OutputFile> out_;
  std::vector<Finding> render_findings_;
  bool has_cohort_home_ = true;
  std::string error_;
};

// A label from the UI table for a value that may be outside it ("status_" +
// "on-track" -> status_on_track); the value itself when there is no entry.
std::string ui_label(const UiText& ui, const std::string& prefix, std::string_view value);

}  // namespace casfolio
