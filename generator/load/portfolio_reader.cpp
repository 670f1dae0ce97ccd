#include "load/portfolio_reader.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "load/document.h"
#include "load/experience_file.h"
#include "load/front_matter.h"
#include "load/markdown_links.h"
#include "load/name_rules.h"
#include "load/portfolio_file.h"
#include "load/reflection_file.h"
#include "load/staff_gpa_records.h"
#include "util/path.h"
#include "util/text.h"

namespace casfolio {

namespace {

constexpr int kMaxFolderDepth = 32;

bool has_ignored_part(std::string_view path) {
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (is_ignored_name(part)) return true;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

std::string kilobytes(uint64_t bytes) { return std::to_string((bytes + 1023) / 1024); }

// Every file of the portfolio, and the entries that must not be used.
struct Walk {
  std::vector<std::string> files;       // sorted, ignored names left out
  std::vector<std::string> escaping;    // symbolic links that lead out of the portfolio
  std::vector<std::string> linked_folders;  // links to folders inside it, not followed
  std::map<std::string, uint64_t> oversized;  // files above max_evidence_bytes
  bool too_many = false;
  std::string too_deep;  // the first folder left out for being deeper than kMaxFolderDepth
  std::vector<std::string> unreadable;  // folders that could not be listed ("" is the portfolio's)
};

// The shared walker (util/folder_walk.h) decides what is a link and how
// deep to go; this decides what each entry is to a portfolio.
void walk(const FileSource& src, const Limits& limits, Walk& w) {
  WalkLimits bounds;
  bounds.max_depth = kMaxFolderDepth;
  bounds.names = WalkNames::skip_ignored;
  WalkReport report = walk_source(src, bounds, [&](const WalkEntry& e) {
    if (e.outside) {
      w.escaping.push_back(e.path);
      return WalkStep::skip;
    }
    if (e.is_folder()) return WalkStep::descend;
    if (e.target.kind == WalkKind::directory) {
      w.linked_folders.push_back(e.path);
      return WalkStep::skip;
    }
    if (e.target.kind != WalkKind::file) return WalkStep::skip;  // a FIFO, a device, a dangling link
    if (int(w.files.size()) >= limits.max_files_per_portfolio) {
      w.too_many = true;
      return WalkStep::skip;
    }
    if (e.target.size > limits.max_evidence_bytes && extension(e.path) != ".md" && extension(e.path) != ".yaml") {
      w.oversized[e.path] = e.target.size;
      return WalkStep::skip;
    }
    w.files.push_back(e.path);
    return WalkStep::skip;
  });
  w.too_deep = report.too_deep;
  w.unreadable = report.unreadable;
}

class Reader {
 public:
  Reader(const FileSource& files, const CohortConfig& cohort, const LoadOptions& options, Diagnostics& d)
      : files_(files), cohort_(cohort), options_(options), d_(d), ctx_{cohort, options.limits, d} {}

  LoadedPortfolio read(const std::string& root, const std::string& folder_name) {
    LoadedPortfolio out;
    Portfolio& p = out.portfolio;
    p.root = root;
    walk(files_, options_.limits, walk_);
    if (walk_.too_many)
      d_.report("too-many-files", Location{}, {{"limit", std::to_string(options_.limits.max_files_per_portfolio)}});
    if (!walk_.too_deep.empty())
      d_.report("folder-too-deep", Location{walk_.too_deep}, {{"limit", std::to_string(kMaxFolderDepth)}});
    for (const std::string& dir : walk_.unreadable) d_.report("folder-unreadable", Location{dir});
    for (const std::string& link : walk_.linked_folders)
      d_.report("symlink-to-folder", Location{link}, {{"path", link}});
    std::sort(walk_.files.begin(), walk_.files.end());
    std::sort(walk_.escaping.begin(), walk_.escaping.end());
    unusable_.sort_out(files_, walk_.files);  // names the site cannot have, unreadable evidence
    p.files = walk_.files;

    std::optional<ParsedProfile> profile;
    if (auto text = read_text_file(files_, "portfolio.yaml", options_.limits, d_))
      profile = parse_profile(*text, "portfolio.yaml", ctx_);
    p.id = choose_id(profile, folder_name);
    if (!profile) {
      p.usable = false;
      p.profile.language = cohort_.language;
      finish(out);
      return out;
    }
    p.profile = std::move(profile->profile);

    read_plan(p);
    read_experiences(p);
    read_general("reflections/", p, [&](const std::string& f) { read_reflection(f, "", p); });
    read_general("interviews/", p, [&](const std::string& f) { read_interview(f, p); });
    read_self_assessments(p);
    apply_private(p);
    report_unused();
    arrange(p);
    finish(out);
    return out;
  }

 private:
  std::string choose_id(const std::optional<ParsedProfile>& profile, const std::string& folder_name) {
    if (profile && !profile->id.empty()) return profile->id;
    if (is_valid_id(folder_name)) return folder_name;
    if (!profile || !profile->id_given)  // a bad `id:` was reported already
      report_bad_id(d_, Location{}, folder_name);
    return id_from(folder_name);
  }

  void finish(LoadedPortfolio& out) {
    out.findings = std::move(d_.findings());
    sort_findings(out.findings);
  }

  // --- paths -------------------------------------------------------------

  // The resolved path of `ref` when it is evidence (a file that is not a
  // Markdown page), after reporting what is wrong with it.
  std::optional<std::string> resolve(const PathRef& ref, const std::string& from_file) {
    bool markdown = ref.kind != PathRef::Kind::evidence;
    std::string target = markdown ? link_path(ref.target) : ref.target;
    Args path_arg{{"path", ref.target}};
    if (target.empty()) {
      if (!markdown) d_.report("missing-file", ref.where, path_arg);
      return std::nullopt;
    }
    std::optional<std::string> resolved;
    if (!is_local_absolute(ref.target)) resolved = resolve_inside(parent_dir(from_file), target);
    if (!resolved) {
      d_.report("path-outside-portfolio", ref.where, path_arg);
      return std::nullopt;
    }
    auto cached = stats_.find(*resolved);
    if (cached == stats_.end()) cached = stats_.emplace(*resolved, files_.stat(*resolved)).first;
    const std::optional<DirEntry>& entry = cached->second;
    if (entry && entry->escapes_root) {
      for (const std::string& link : walk_.escaping)  // the link itself, or a linked folder on the way
        if (*resolved == link || resolved->starts_with(link + "/")) referenced_escaping_.insert(link);
      d_.report("symlink-outside-portfolio", ref.where, path_arg);
      return std::nullopt;
    }
    if (!entry || entry->kind == EntryKind::other) {
      d_.report("missing-file", ref.where, path_arg);
      return std::nullopt;
    }
    if (has_ignored_part(*resolved)) {
      d_.report("evidence-in-ignored-folder", ref.where, path_arg);
      return std::nullopt;
    }
    if (entry->kind == EntryKind::directory) {
      if (!markdown) d_.report("evidence-is-folder", ref.where, path_arg);
      return std::nullopt;
    }
    if (unusable_.report_reference(*resolved, ref.where, d_)) return std::nullopt;
    if (auto big = walk_.oversized.find(*resolved); big != walk_.oversized.end()) {
      referenced_oversized_.insert(*resolved);
      d_.report("evidence-too-large", ref.where,
                {{"path", ref.target}, {"size", kilobytes(big->second)},
                 {"limit", kilobytes(options_.limits.max_evidence_bytes)}});
      return std::nullopt;
    }
    if (markdown && extension(*resolved) == ".md") return std::nullopt;  // a link to a page, not evidence
    return resolved;
  }

  static void add_unique(std::vector<std::string>& list, std::string path) {
    if (std::find(list.begin(), list.end(), path) == list.end()) list.push_back(std::move(path));
  }

  void check_refs(const std::vector<PathRef>& refs, const std::string& from_file) {
    for (const PathRef& ref : refs) resolve(ref, from_file);
  }

  // --- files -------------------------------------------------------------

  bool exists_as_file(const std::string& path) const {
    return std::binary_search(walk_.files.begin(), walk_.files.end(), path);
  }

  void read_plan(Portfolio& p) {
    if (!exists_as_file("plan.md")) return;
    auto text = read_text_file(files_, "plan.md", options_.limits, d_);
    if (!text) return;
    if (is_blank_text(*text)) {
      d_.report("empty-file", Location{"plan.md"});
      return;
    }
    FrontMatterSplit split = split_front_matter(*text);
    if (split.unterminated) {
      d_.report("unterminated-front-matter", Location{"plan.md", 1, 1, 3});
      return;
    }
    p.plan = MarkdownBody{std::string(split.body), split.body_first_line};
    p.plan_file = "plan.md";
    std::vector<PathRef> refs;
    collect_body_refs(*p.plan, "plan.md", d_, refs);
    check_refs(refs, "plan.md");
  }

  void read_experiences(Portfolio& p) {
    // Folders under experiences/ with their files, in name order.
    std::map<std::string, std::vector<std::string>> folders;
    for (const std::string& f : walk_.files) {
      if (!f.starts_with("experiences/")) continue;
      std::string_view rest = std::string_view(f).substr(12);
      size_t slash = rest.find('/');
      if (slash == std::string_view::npos) {
        if (extension(f) == ".md") d_.report("stray-markdown", Location{f});
        continue;
      }
      folders[std::string(rest.substr(0, slash))].push_back(f);
    }
    for (const auto& [id, folder_files] : folders) read_experience(id, folder_files, p);
  }

  void read_experience(const std::string& id, const std::vector<std::string>& folder_files, Portfolio& p) {
    std::string dir = "experiences/" + id;
    std::string index = dir + "/index.md";
    folder_names_.push_back(id);
    auto is = [&](const std::string& f, std::string_view name) {
      return parent_dir(f) == dir && to_lower_ascii(file_name(f)) == name;
    };
    bool has_index = std::any_of(folder_files.begin(), folder_files.end(), [&](const auto& f) { return is(f, "index.md"); });
    if (!has_index) {
      d_.report("missing-index", Location{dir}, {{"dir", dir}});
      return;
    }
    std::string index_file = *std::find_if(folder_files.begin(), folder_files.end(), [&](const auto& f) { return is(f, "index.md"); });
    // Parsed into its own sink first: a draft left out of the build keeps its problems to itself.
    Diagnostics local;
    ParseContext ctx{cohort_, options_.limits, local};
    auto text = read_text_file(files_, index_file, options_.limits, local);
    std::vector<PathRef> refs;
    std::optional<Experience> e;
    if (text) e = parse_experience(*text, index_file, ctx, refs);
    if (e && e->draft && !options_.drafts) return;
    for (Finding& f : local.findings()) d_.add(std::move(f));
    if (!e) {
      p.unread.push_back(index_file);
      return;
    }
    if (!is_valid_id(id)) report_bad_id(d_, Location{index_file}, id);

    for (const PathRef& ref : refs) {
      auto resolved = resolve(ref, index_file);
      if (!resolved) continue;
      if (ref.achievement >= 0 && size_t(ref.achievement) < e->achievements.size())
        e->achievements[size_t(ref.achievement)].evidence = *resolved;
      add_unique(e->evidence, *resolved);
    }
    for (const std::string& f : folder_files) {
      if (parent_dir(f) != dir || extension(f) != ".md" || is(f, "index.md")) continue;
      if (is(f, "review.md")) {
        auto review_text = read_text_file(files_, f, options_.limits, d_);
        std::vector<PathRef> review_refs;
        if (review_text) e->review = parse_review(*review_text, f, ctx_, review_refs);
        if (e->review) check_refs(review_refs, f);
        continue;
      }
      read_reflection(f, id, p);
    }
    p.experiences.push_back(std::move(*e));
  }

  template <typename F>
  void read_general(const std::string& prefix, Portfolio& p, F&& each) {
    for (const std::string& f : walk_.files)
      if (f.starts_with(prefix) && extension(f) == ".md") each(f);
  }

  void read_reflection(const std::string& file, const std::string& experience, Portfolio& p) {
    auto text = read_text_file(files_, file, options_.limits, d_);
    std::vector<PathRef> refs;
    std::optional<Reflection> r;
    if (text) r = parse_reflection(*text, file, ctx_, refs);
    if (!r) {
      p.unread.push_back(file);
      return;
    }
    for (const PathRef& ref : refs)
      if (auto resolved = resolve(ref, file)) add_unique(r->evidence, *resolved);
    reflection_experience_.push_back(experience);
    p.reflections.push_back(std::move(*r));
  }

  void read_interview(const std::string& file, Portfolio& p) {
    auto text = read_text_file(files_, file, options_.limits, d_);
    std::vector<PathRef> refs;
    std::optional<Interview> iv;
    if (text) iv = parse_interview(*text, file, ctx_, refs);
    if (!iv) {
      p.unread.push_back(file);
      return;
    }
    check_refs(refs, file);
    p.interviews.push_back(std::move(*iv));
  }

  // self-assessment/<period>.yaml (the social GPA's questionnaire).
  void read_self_assessments(Portfolio& p) {
    const std::string prefix = std::string(kSelfAssessmentFolder) + "/";
    for (const std::string& f : walk_.files) {
      if (!f.starts_with(prefix) || f.find('/', prefix.size()) != std::string::npos || !is_yaml_name(f)) continue;
      if (!is_valid_id(file_stem(f))) {
        d_.report("gpa-bad-id", Location{f}, {{"id", std::string(file_stem(f))}});
        continue;
      }
      auto text = read_text_file(files_, f, options_.limits, d_);
      if (!text) continue;
      if (auto s = parse_self_assessment(*text, f, options_.limits, d_)) p.self_assessments.push_back(std::move(*s));
    }
    std::sort(p.self_assessments.begin(), p.self_assessments.end(),
              [](const GpaSelfAssessment& a, const GpaSelfAssessment& b) { return a.period < b.period; });
  }

  // --- after reading -----------------------------------------------------

  // An entry is a profile key (render/redact.cpp hides each of them; `plan`
  // is plan.md), spelt exactly so, or an experience's folder name. Anything
  // else is an error, and privacy fails closed: the student is not published.
  void apply_private(Portfolio& p) {
    static const std::vector<std::string_view> kProfileKeys = {
        "name",     "language",  "grade",     "class",  "candidate", "email", "advisor",
        "started",  "interests", "strengths", "growth", "goals",     "plan"};
    for (const std::string& entry : p.profile.private_keys) {
      if (std::find(kProfileKeys.begin(), kProfileKeys.end(), std::string_view(entry)) != kProfileKeys.end()) continue;
      bool found = false;
      for (Experience& e : p.experiences)
        if (e.id == entry) e.is_private = found = true;
      if (found || std::find(folder_names_.begin(), folder_names_.end(), entry) != folder_names_.end()) continue;
      auto [line, column] = p.profile.keys.at("private");
      d_.report("unknown-private-entry", Location{"portfolio.yaml", line, column, 0}, {{"entry", entry}});
      p.profile.private_understood = false;
    }
  }

  void report_unused() {
    unusable_.report_unreferenced(d_);
    for (const std::string& link : walk_.escaping)
      if (!referenced_escaping_.count(link)) d_.report("symlink-outside-portfolio", Location{link}, {{"path", link}});
    for (const auto& [path, size] : walk_.oversized)
      if (!referenced_oversized_.count(path))
        d_.report("evidence-too-large", Location{path},
                  {{"path", path}, {"size", kilobytes(size)}, {"limit", kilobytes(options_.limits.max_evidence_bytes)}});
  }

  void arrange(Portfolio& p) {
    std::sort(p.unread.begin(), p.unread.end());
    std::stable_sort(p.experiences.begin(), p.experiences.end(), [](const Experience& a, const Experience& b) {
      return std::tie(a.start, a.id) < std::tie(b.start, b.id);
    });
    std::map<std::string, int> index;
    for (size_t i = 0; i < p.experiences.size(); ++i) index[p.experiences[i].id] = int(i);
    for (size_t i = 0; i < p.reflections.size(); ++i) {
      auto it = index.find(reflection_experience_[i]);
      p.reflections[i].experience = it == index.end() ? -1 : it->second;
    }
    std::stable_sort(p.reflections.begin(), p.reflections.end(), [](const Reflection& a, const Reflection& b) {
      return std::tie(a.date, a.file) < std::tie(b.date, b.file);
    });
    for (size_t i = 0; i < p.reflections.size(); ++i)
      if (int e = p.reflections[i].experience; e >= 0) p.experiences[size_t(e)].reflections.push_back(int(i));
    std::stable_sort(p.interviews.begin(), p.interviews.end(), [](const Interview& a, const Interview& b) {
      return std::tie(a.date, a.file) < std::tie(b.date, b.file);
    });
  }

  const FileSource& files_;
  const CohortConfig& cohort_;
  const LoadOptions& options_;
  Diagnostics& d_;
  ParseContext ctx_;
  Walk walk_;
  UnusableFiles unusable_;
  std::vector<std::string> folder_names_;
  std::vector<std::string> reflection_experience_;  // by index into Portfolio::reflections, before sorting
  std::set<std::string> referenced_escaping_, referenced_oversized_;
  std::map<std::string, std::optional<DirEntry>> stats_;  // resolved path -> what is there
};

}  // namespace

std::string slug_from(std::string_view name) {
  std::string out = slugify(name);  // the same transliteration `casfolio new` uses
  return out.empty() ? "portfolio" : out;
}

LoadedPortfolio read_portfolio(const FileSource& files, const std::string& root, const std::string& folder_name,
                               const CohortConfig& cohort, const LoadOptions& options) {
  Diagnostics diagnostics;
  Reader reader(files, cohort, options, diagnostics);
  return reader.read(root, folder_name);
}

}  // namespace casfolio
