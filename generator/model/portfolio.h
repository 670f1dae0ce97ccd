// One student's portfolio as typed data. Plain aggregates: the loader fills
// them, the checks and indicators read them. Every item remembers the file
// and line it came from so that a finding can point at it.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/cas.h"
#include "model/framework.h"
#include "model/source_lines.h"
#include "model/staff.h"
#include "util/date.h"
#include "util/language.h"

namespace casfolio {

struct Supervisor {
  std::string name, role;
  std::string email, phone;  // private
  bool present() const { return !name.empty() || !role.empty() || !email.empty() || !phone.empty(); }
};

// A web address written as evidence (`evidence: https://…`): checked by the
// loader (util/web_address.h), shown as an external link, never fetched,
// bundled or checksummed. Files are the resolved paths beside it.
struct EvidenceLink {
  std::string url;  // as written, percent-encoding untouched
  int line = 0;     // in the file that names it
  bool operator==(const EvidenceLink&) const = default;
};

struct Achievement {
  std::string kind;   // competition | prize | course_certificate | event_organised | committee
  Date date;
  std::string level;  // school | network | regional | republican | international, or ""
  std::string title;
  std::string evidence;       // resolved path relative to the portfolio root, "" = none
  std::string evidence_link;  // or a web address (EvidenceLink), "" = none
  int line = 0;               // in the experience's index.md
};

struct Review {  // review.md: the supervisor's confirmation
  std::string file;
  std::string by;
  Date date;
  std::optional<double> hours;  // confirmed hours; split over strands like claimed hours
  std::vector<OutcomeRef> outcomes;  // confirmed as achieved
  std::optional<bool> completed;
  MarkdownBody comment;
  KeyLines keys;
};

struct Reflection {
  std::string file;           // "experiences/guitar/2026-09-30-first-chords.md" or "reflections/x.md"
  int experience = -1;        // index into Portfolio::experiences; -1 = a general reflection
  std::string title;          // may be empty
  Date date;
  bool date_from_file_name = false;
  std::vector<OutcomeRef> outcomes;
  std::optional<Stage> stage;
  std::vector<std::string> evidence;  // resolved paths, front matter + Markdown links/images
  std::vector<EvidenceLink> evidence_links;  // front matter web addresses
  MarkdownBody body;
  KeyLines keys;
};

struct Experience {
  std::string id;    // folder name under experiences/ (URL slug)
  std::string dir;   // "experiences/<id>"
  std::string file;  // "experiences/<id>/index.md"
  std::string title;
  StrandSet strands;
  Date start;
  Date end;  // unset while ongoing
  std::vector<OutcomeRef> outcomes;
  bool project = false;
  bool paid = false;
  bool is_private = false;
  bool draft = false;
  bool hours_given = false;
  StrandHours claimed_hours{};  // a single number is split evenly over the strands
  Supervisor supervisor;
  std::vector<std::string> collaborators;
  std::array<std::optional<std::string>, 5> stages;  // Markdown per Stage, by index
  std::vector<Achievement> achievements;
  std::vector<std::string> tags;
  std::vector<std::string> evidence;  // resolved paths referenced by index.md
  std::vector<EvidenceLink> evidence_links;  // front matter `evidence:` web addresses (achievements keep their own)
  std::vector<int> reflections;       // indices into Portfolio::reflections, by date
  std::optional<Review> review;
  MarkdownBody description;
  KeyLines keys;
};

// The web addresses given as evidence, each once in the order written: an
// experience's front matter, then its achievements'; a reflection's front matter.
std::vector<std::string> evidence_link_urls(const Experience& e);
std::vector<std::string> evidence_link_urls(const Reflection& r);

struct Interview {
  std::string file;
  Date date;
  std::string kind;  // first | mid | final | any word the calendar uses
  std::string title;
  MarkdownBody body;
  KeyLines keys;
};

struct Profile {
  std::string name;
  Language language = Language::en;
  bool language_given = false;
  std::string grade, class_name;
  std::string candidate, email;  // private
  std::string advisor;
  Date started;  // unset = the cohort's start
  std::vector<std::string> interests, strengths, growth, goals;
  std::vector<std::string> private_keys;  // extra keys or experience ids never published
  // False when `private:` could not be understood (not a list, an unknown
  // entry): privacy fails closed, and nothing of this student is published.
  bool private_understood = true;
  KeyLines keys;
};

struct Portfolio {
  std::string id;    // URL slug, [a-z0-9-]+
  std::string root;  // folder as found, relative to the build root ("students/ana"), or "."
  Profile profile;
  std::optional<MarkdownBody> plan;  // plan.md
  std::string plan_file;
  std::vector<Experience> experiences;   // sorted by start date, then id
  std::vector<Reflection> reflections;   // all of them, sorted by date, then file
  std::vector<Interview> interviews;     // sorted by date
  // self-assessment/<period>.yaml: the social GPA questionnaire, by period id.
  std::vector<GpaSelfAssessment> self_assessments;
  std::vector<std::string> files;        // every non-ignored file, sorted (for bundles)
  // Entries that are there but could not be read (a YAML or front matter
  // error, too large, no date…), sorted: an experience's index.md (then its
  // reflections were not read either), a reflection, an interview. What they
  // hold is missing, so a requirement finding may be their doing, and says so
  // (check/unread_rules.cpp).
  std::vector<std::string> unread;
  bool usable = true;  // false when portfolio.yaml could not be read at all
  // From the cohort's staff folder (CohortConfig::staff_folder), never from
  // the student's files; empty without one. Never on a --public page.
  StaffRecords staff;

  const Experience* find_experience(std::string_view id) const;
  // The portfolio's folder below the build root: "" when the build root is
  // the portfolio itself (root "." or ""), else `root`. The one place that
  // knows about ".".
  std::string_view folder() const { return root == "." ? std::string_view() : std::string_view(root); }
  // Whether the build root is this portfolio's own folder (a single-portfolio build).
  bool is_build_root() const { return folder().empty(); }
  // A file of the portfolio (relative to its root) as a path from the build
  // root, or the folder on disk given the build root's: folder() joined on.
  std::string path_from_build_root(std::string_view file) const;
  std::string folder_on_disk(std::string_view build_root) const;
  // Whether a --public site or bundle may show anything of this student.
  bool publishable() const { return usable && profile.private_understood; }
  // The name pages show: the profile's, else the id.
  const std::string& display_name() const { return profile.name.empty() ? id : profile.name; }
};

}  // namespace casfolio
