#include "pipeline/site_build.h"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <set>

#include "pipeline/fingerprint.h"
#include "util/folder_walk.h"
#include "util/path.h"
#include "write/output_lock.h"

namespace casfolio {

namespace fs = std::filesystem;

namespace {

bool has_duplicate_ids(const Cohort& c) {
  std::set<std::string> ids;
  for (const LoadedPortfolio& lp : c.portfolios) {
    if (!ids.insert(lp.portfolio.id).second) return true;
    for (const Finding& f : lp.findings)
      if (f.code == "duplicate-id") return true;
  }
  return false;
}

// Counts what the renderer hands over, for the progress callback.
class CountingSink : public SiteSink {
 public:
  CountingSink(SiteSink& inner, size_t total, const std::function<void(size_t, size_t)>& progress)
      : inner_(inner), total_(total), progress_(progress) {}
  void add(std::vector<OutputFile> files) override {
    inner_.add(std::move(files));
    if (!progress_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    progress_(++done_, total_);
  }

 private:
  SiteSink& inner_;
  size_t total_, done_ = 0;
  const std::function<void(size_t, size_t)>& progress_;
  std::mutex mutex_;
};

}  // namespace

SiteBuild::SiteBuild(SiteBuildOptions options) : options_(std::move(options)) {
  options_.load.jobs = options_.jobs;
  if (!options_.cache_dir.empty())
    images_ = std::make_unique<DiskImageCache>((fs::path(options_.cache_dir) / "images").string());
}

SiteBuild::~SiteBuild() = default;

std::string SiteBuild::theme_folder() const {
  // --theme, else the cohort's `theme:` as a folder (relative to the cohort)
  // or as themes/<name> in it; "" = the built-in one.
  std::error_code ec;
  if (!options_.theme.empty()) return options_.theme;
  const std::string& name = cohort_->config.theme;
  if (name.empty() || name == "default") return {};
  for (fs::path p : {fs::path(options_.dir) / name, fs::path(options_.dir) / "themes" / name})
    if (fs::is_directory(p, ec)) return p.string();
  return {};
}

bool SiteBuild::load(const std::vector<std::string>* changed, SiteBuildResult& result) {
  // Which portfolios to read again; a full load when that cannot be told.
  std::set<std::string> roots;
  bool full = !cohort_ || !changed;
  if (!full) {
    for (const std::string& path : *changed) {
      if (has_ignored_part(path)) continue;
      const LoadedPortfolio* owner = nullptr;
      for (const LoadedPortfolio& lp : cohort_->portfolios) {
        const std::string& r = lp.portfolio.root;
        if (r == "." || path == r || path.starts_with(r + "/")) {
          owner = &lp;
          break;
        }
      }
      if (!owner || owner->portfolio.is_build_root()) {
        full = true;
        break;
      }
      roots.insert(owner->portfolio.root);
    }
    std::error_code ec;
    for (const std::string& r : roots)
      if (!fs::is_regular_file(fs::path(options_.dir) / r / "portfolio.yaml", ec)) full = true;  // gone: not ours to guess
  }

  if (!full) {
    for (const std::string& root : roots) {
      for (LoadedPortfolio& lp : cohort_->portfolios)
        if (lp.portfolio.root == root) {
          lp = reload_portfolio(options_.dir, root, cohort_->config, options_.load);
          break;
        }
      fingerprints_[root] = folder_fingerprint(join_path(options_.dir, root));
      similarity_.forget(root);
      analysis_memo_.forget(root);
    }
    std::stable_sort(cohort_->portfolios.begin(), cohort_->portfolios.end(),
                     [](const LoadedPortfolio& a, const LoadedPortfolio& b) { return a.portfolio.id < b.portfolio.id; });
    if (has_duplicate_ids(*cohort_)) full = true;  // make_ids_unique's renaming needs the whole cohort
    result.reloaded = roots.size();
  }
  if (full) {
    cohort_ = std::make_unique<Cohort>(load_directory(options_.dir, options_.load));
    analysis_memo_.clear();  // the configuration may have changed
    auto prints = portfolio_fingerprints(options_.dir, *cohort_, options_.jobs);
    // Reflections of a portfolio whose files did not change need no new hashing.
    for (const auto& [root, print] : fingerprints_) {
      auto it = prints.find(root);
      if (it == prints.end() || it->second != print || print.empty()) similarity_.forget(root);
    }
    fingerprints_ = std::move(prints);
    result.reloaded = cohort_->portfolios.size();
  }
  result.full_load = full;
  return true;
}

SiteBuildResult SiteBuild::run(const std::vector<std::string>* changed, Timings* timings) {
  SiteBuildResult result;
  Timings ignored(false);
  Timings& t = timings ? *timings : ignored;
  load(changed, result);
  t.mark("load");
  // The analysis points into the cohort: it is made again on every run.
  analysis_ = options_.keep_state ? analyse(*cohort_, options_.as_of, options_.jobs, &similarity_, &analysis_memo_)
                                  : analyse(*cohort_, options_.as_of, options_.jobs);
  t.mark("analyse");

  // From reading what the previous build left to the swap: one build at a
  // time per output (serve's folder is its own).
  std::optional<OutputLock> lock;
  if (options_.mode == WriteMode::replace) {
    lock.emplace(options_.out_dir, options_.waiting);
    // What a build killed before its swap left (the lock says none is running).
    if (lock->held()) remove_abandoned_temporaries(options_.out_dir);
  }

  // What the previous build left: in memory after a run, else from the cache on disk.
  bool caching = !options_.cache_dir.empty();
  std::string cache_file = caching && options_.keep_site_cache ? site_cache_path(options_.cache_dir, options_.out_dir) : "";
  if (!previous_loaded_) {
    previous_loaded_ = true;
    if (!cache_file.empty()) {
      previous_ = read_site_cache(cache_file);
      if (previous_) {
        keep_valid_files(previous_->manifest, options_.out_dir);
        // A student is reused only when every file it made is still there, as made.
        std::erase_if(previous_->memo.students, [&](const auto& entry) {
          for (const MemoFile& f : entry.second.files)
            if (!previous_->manifest.files.count(f.path)) return true;
          return false;
        });
      }
    }
  }

  SiteMemo memo;
  SiteOptions so;
  so.audience = options_.audience;
  so.source_root = options_.dir;
  so.theme_dir = theme_folder();
  so.findings = &result.render_findings;
  so.jobs = options_.jobs;
  std::string key;
  if (caching) {
    key = inputs_key(cohort_->config, options_.load);
    so.previous = previous_ ? &previous_->memo : nullptr;
    so.memo = &memo;
    so.inputs_key = key;
    so.fingerprints = &fingerprints_;
    so.images = images_.get();
  }

  SiteWriteOptions wo;
  wo.out_dir = options_.out_dir;
  wo.source_dirs = {options_.dir};
  wo.mode = options_.mode;
  wo.previous = caching && previous_ ? &previous_->manifest : nullptr;
  wo.digests = caching;
  SiteWriter writer(wo);
  if (!writer.begin()) {
    result.error = writer.result().error;
    return result;
  }
  size_t students = 0;
  for (const StudentAnalysis& sa : analysis_.students)
    if (sa.loaded && (options_.audience != Audience::anyone || sa.loaded->portfolio.publishable())) ++students;
  CountingSink sink(writer, students + 1, options_.progress);
  render_site(*cohort_, analysis_, so, sink);
  t.mark("render and write");

  result.students = students;
  result.rendered = caching ? memo.rendered : students;
  // Entries the renderer reused were moved out of the previous memo: it is
  // spent, whatever happens next. The manifest still describes the folder,
  // unless a build in place changed some of it: then the writer's does.
  if (previous_) previous_->memo.students.clear();
  auto failed = [&] {
    if (options_.mode == WriteMode::in_place) previous_ = SiteCache{writer.take_manifest(), {}};
    if (!cache_file.empty()) {
      std::error_code ec;
      std::filesystem::remove(cache_file, ec);
    }
    return result;
  };
  for (const Finding& f : result.render_findings)
    if (f.severity == Severity::error) {
      writer.abort();
      return failed();  // the site was not written; the findings say why
    }
  result.written = writer.commit();
  t.mark("commit");
  if (!result.written.ok) {
    result.error = result.written.error;
    return failed();
  }
  result.ok = true;
  if (caching) {
    previous_ = SiteCache{writer.take_manifest(), std::move(memo)};
    if (!cache_file.empty()) write_site_cache(cache_file, *previous_);
    t.mark("cache");
  }
  return result;
}

}  // namespace casfolio
