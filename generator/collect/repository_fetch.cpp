#include "collect/repository_fetch.h"

#include <git2.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>

namespace fs = std::filesystem;

namespace casfolio {

namespace {

template <typename T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Freer<T, Free>>;
using Repo = Owned<git_repository, git_repository_free>;
using Remote = Owned<git_remote, git_remote_free>;
using Commit = Owned<git_commit, git_commit_free>;
using Tree = Owned<git_tree, git_tree_free>;
using Blob = Owned<git_blob, git_blob_free>;
using Walk = Owned<git_revwalk, git_revwalk_free>;
using Diff = Owned<git_diff, git_diff_free>;
using Odb = Owned<git_odb, git_odb_free>;

std::string git_reason(const char* fallback) {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : fallback;
}

std::string hex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

constexpr const char* kTipRef = "refs/casfolio/tip";
constexpr const char* kWalkedRef = "refs/casfolio/walked";

Finding note(std::string_view code, Args args) { return make_finding(code, {}, std::move(args)); }

// A tree entry's name that cannot be written safely as one path component.
bool unsafe_name(std::string_view name) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string_view::npos ||
      name.find('\\') != std::string_view::npos)
    return true;
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return lower == ".git";
}

struct Materialiser {
  git_repository* repo;
  git_odb* odb;
  const Repository& r;
  const FetchLimits& limits;
  RepositoryOutcome& out;
  std::vector<std::pair<std::string, std::string>> files;  // (path, blob) of the tip tree, in tree order
  int count = 0;
  bool failed = false;

  void fail(std::string code, std::string reason) {
    failed = true;
    out.failure = std::move(code);
    out.reason = std::move(reason);
  }

  void tree(const git_tree* t, const fs::path& dir, const std::string& prefix, int depth) {
    size_t n = git_tree_entrycount(t);
    for (size_t i = 0; i < n && !failed; ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(t, i);
      std::string name = git_tree_entry_name(e);
      std::string path = prefix.empty() ? name : prefix + "/" + name;
      git_filemode_t mode = git_tree_entry_filemode(e);
      if (unsafe_name(name)) {
        out.notes.push_back(note("collect-unsafe-name-skipped", {{"id", r.id}, {"path", path}}));
        continue;
      }
      if (mode == GIT_FILEMODE_COMMIT) {
        out.notes.push_back(note("collect-submodule-skipped", {{"id", r.id}, {"path", path}}));
        continue;
      }
      if (mode == GIT_FILEMODE_LINK) {
        out.notes.push_back(note("collect-symlink-skipped", {{"id", r.id}, {"path", path}}));
        continue;
      }
      if (mode == GIT_FILEMODE_TREE) {
        if (depth >= limits.max_depth) {
          out.notes.push_back(note("collect-too-deep-skipped", {{"id", r.id}, {"path", path}}));
          continue;
        }
        git_tree* sub = nullptr;
        if (git_tree_lookup(&sub, repo, git_tree_entry_id(e)) != 0)
          return fail("collect-corrupt", git_reason("a folder cannot be read"));
        Tree owned(sub);
        std::error_code ec;
        fs::create_directory(dir / name, ec);
        if (ec) return fail("collect-write-failed", ec.message());
        tree(sub, dir / name, path, depth + 1);
        continue;
      }
      if (++count > limits.max_files)
        return fail("collect-too-many-files", std::to_string(limits.max_files));
      files.emplace_back(path, hex(git_tree_entry_id(e)));
      size_t size = 0;
      git_object_t type;
      if (git_odb_read_header(&size, &type, odb, git_tree_entry_id(e)) != 0)
        return fail("collect-corrupt", git_reason("a file cannot be read"));
      if (size > limits.max_file_bytes) {
        out.notes.push_back(note("collect-file-too-large-skipped",
                                 {{"id", r.id}, {"path", path}, {"limit", std::to_string(limits.max_file_bytes >> 20)}}));
        continue;
      }
      git_blob* blob = nullptr;
      if (git_blob_lookup(&blob, repo, git_tree_entry_id(e)) != 0)
        return fail("collect-corrupt", git_reason("a file cannot be read"));
      Blob owned(blob);
      std::ofstream f(dir / name, std::ios::binary);
      f.write(static_cast<const char*>(git_blob_rawcontent(blob)), std::streamsize(git_blob_rawsize(blob)));
      if (!f) return fail("collect-write-failed", (dir / name).string());
    }
  }
};

// The blobs a commit brings compared with its first parent (all of its
// tree for a root commit): (path, blob) in path order.
bool introduced(git_repository* repo, git_commit* c, std::vector<std::pair<std::string, std::string>>& out) {
  git_tree* tree = nullptr;
  if (git_commit_tree(&tree, c) != 0) return false;
  Tree t(tree);
  Tree parent_tree;
  if (git_commit_parentcount(c) > 0) {
    git_commit* parent = nullptr;
    if (git_commit_parent(&parent, c, 0) == 0) {
      Commit p(parent);
      git_tree* pt = nullptr;
      if (git_commit_tree(&pt, parent) == 0) parent_tree.reset(pt);
    }
  }
  git_diff* diff = nullptr;
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.flags |= GIT_DIFF_IGNORE_SUBMODULES;
  if (git_diff_tree_to_tree(&diff, repo, parent_tree.get(), tree, &opts) != 0) return false;
  Diff d(diff);
  for (size_t i = 0, n = git_diff_num_deltas(diff); i < n; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff, i);
    if (delta->status == GIT_DELTA_DELETED) continue;
    const git_diff_file& f = delta->new_file;
    if (f.mode != GIT_FILEMODE_BLOB && f.mode != GIT_FILEMODE_BLOB_EXECUTABLE) continue;
    out.emplace_back(f.path, hex(&f.id));
  }
  return true;
}

// Walks back from `tip` (newest first), stopping at the last walked tip and
// after limits.max_walk_commits, and turns what the ledger has not seen
// into entries; the tip tree's files not met on the way count for the tip.
void find_new_versions(git_repository* repo, git_commit* tip, const Materialiser& m,
                       const std::set<std::string>& seen, int64_t seen_at, const Repository& r,
                       const FetchLimits& limits, RepositoryOutcome& out) {
  std::set<std::string> taken;
  std::vector<std::vector<Sighting>> by_commit;
  auto add = [&](git_commit* c, const std::string& path, const std::string& blob, std::vector<Sighting>& into) {
    std::string key = seen_key(path, blob);
    if (seen.count(key) || !taken.insert(key).second) return;
    into.push_back(Sighting{r.id, path, blob, hex(git_commit_id(c)), int64_t(git_commit_author(c)->when.time),
                               int64_t(git_commit_committer(c)->when.time), seen_at});
  };
  git_revwalk* walk = nullptr;
  if (git_revwalk_new(&walk, repo) == 0) {
    Walk w(walk);
    git_revwalk_sorting(walk, GIT_SORT_NONE);
    git_revwalk_push(walk, git_commit_id(tip));
    git_oid walked;
    if (git_reference_name_to_id(&walked, repo, kWalkedRef) == 0) git_revwalk_hide(walk, &walked);
    git_error_clear();
    git_oid oid;
    int n = 0;
    while (git_revwalk_next(&oid, walk) == 0) {
      if (++n > limits.max_walk_commits) {
        out.notes.push_back(note("collect-history-cut", {{"id", r.id}, {"limit", std::to_string(limits.max_walk_commits)}}));
        break;
      }
      git_commit* c = nullptr;
      if (git_commit_lookup(&c, repo, &oid) != 0) break;
      Commit owned(c);
      std::vector<std::pair<std::string, std::string>> blobs;
      if (!introduced(repo, c, blobs)) break;
      by_commit.emplace_back();
      for (const auto& [path, blob] : blobs) add(c, path, blob, by_commit.back());
    }
  }
  std::vector<Sighting> rest;
  for (const auto& [path, blob] : m.files) add(tip, path, blob, rest);
  // Oldest first reads as a history; `taken` already gave each version its
  // newest commit that brought it.
  out.entries = std::move(rest);
  for (auto it = by_commit.rbegin(); it != by_commit.rend(); ++it)
    for (Sighting& e : *it) out.entries.push_back(std::move(e));
}

Repo open_cache(const std::string& path, std::string& error) {
  git_repository* repo = nullptr;
  std::error_code ec;
  if (fs::exists(path, ec) && git_repository_open_bare(&repo, path.c_str()) == 0) return Repo(repo);
  // Missing, or a cache someone broke: it can always be fetched again.
  fs::remove_all(path, ec);
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (git_repository_init(&repo, path.c_str(), 1) != 0) {
    error = git_reason("cannot create the cache");
    return nullptr;
  }
  return Repo(repo);
}

}  // namespace

void init_git() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

RepositoryOutcome fetch_repository(const Repository& r, const FetchPaths& paths, const std::set<std::string>& seen,
                                   int64_t seen_at, const FetchLimits& limits) {
  RepositoryOutcome out;
  auto fail = [&](std::string code, std::string reason) {
    out.failure = std::move(code);
    out.reason = std::move(reason);
    return out;
  };
  std::string error;
  Repo repo = open_cache(paths.bare_repo, error);
  if (!repo) return fail("collect-cache-failed", error);

  git_remote* remote_raw = nullptr;
  if (git_remote_create_anonymous(&remote_raw, repo.get(), paths.url.c_str()) != 0)
    return fail("collect-unreachable", git_reason("bad url"));
  Remote remote(remote_raw);
  git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
  if (git_remote_connect(remote.get(), GIT_DIRECTION_FETCH, &callbacks, nullptr, nullptr) != 0)
    return fail("collect-unreachable", git_reason("cannot connect"));
  const git_remote_head** heads = nullptr;
  size_t head_count = 0;
  if (git_remote_ls(&heads, &head_count, remote.get()) != 0)
    return fail("collect-unreachable", git_reason("cannot list the branches"));
  std::string ref;
  if (r.branch.empty()) {
    git_buf buf = GIT_BUF_INIT;
    if (git_remote_default_branch(&buf, remote.get()) == 0) ref.assign(buf.ptr, buf.size);
    git_buf_dispose(&buf);
    if (ref.empty() && head_count > 0) ref = "HEAD";
  } else {
    ref = "refs/heads/" + r.branch;
    bool found = false;
    for (size_t i = 0; i < head_count; ++i) found = found || ref == heads[i]->name;
    if (!found) return head_count == 0 ? fail("collect-empty", "") : fail("collect-branch-missing", r.branch);
  }
  if (ref.empty()) return fail("collect-empty", "");

  std::string spec = "+" + ref + ":" + kTipRef;
  char* specs_raw[] = {spec.data()};
  git_strarray specs{specs_raw, 1};
  git_fetch_options fo = GIT_FETCH_OPTIONS_INIT;
  fo.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
  fo.update_fetchhead = 0;
  if (git_remote_fetch(remote.get(), &specs, &fo, nullptr) != 0) return fail("collect-unreachable", git_reason("fetch failed"));
  git_remote_disconnect(remote.get());

  git_oid tip_id;
  git_commit* tip_raw = nullptr;
  if (git_reference_name_to_id(&tip_id, repo.get(), kTipRef) != 0 || git_commit_lookup(&tip_raw, repo.get(), &tip_id) != 0)
    return fail("collect-corrupt", git_reason("the branch's tip cannot be read"));
  Commit tip(tip_raw);
  git_tree* tree_raw = nullptr;
  if (git_commit_tree(&tree_raw, tip.get()) != 0) return fail("collect-corrupt", git_reason("the tip's tree cannot be read"));
  Tree tree(tree_raw);
  const git_tree_entry* profile = git_tree_entry_byname(tree.get(), "portfolio.yaml");
  if (!profile || git_tree_entry_type(profile) != GIT_OBJECT_BLOB) return fail("collect-no-portfolio", "");

  git_odb* odb_raw = nullptr;
  if (git_repository_odb(&odb_raw, repo.get()) != 0) return fail("collect-corrupt", git_reason("no object store"));
  Odb odb(odb_raw);
  // Written beside the old checkout, then swapped in: a failure halfway
  // leaves the last good checkout as it was.
  fs::path checkouts(paths.checkouts);
  fs::path fresh = checkouts / ("." + r.id + ".new"), old = checkouts / ("." + r.id + ".old"), target = checkouts / r.id;
  std::error_code ec;
  fs::remove_all(fresh, ec);
  fs::create_directories(fresh, ec);
  if (ec) return fail("collect-write-failed", ec.message());
  Materialiser m{repo.get(), odb.get(), r, limits, out, {}, 0, false};
  m.tree(tree.get(), fresh, "", 1);
  if (m.failed) {
    fs::remove_all(fresh, ec);
    return out;
  }
  fs::remove_all(old, ec);
  if (fs::exists(target, ec)) fs::rename(target, old, ec);
  fs::rename(fresh, target, ec);
  if (ec) return fail("collect-write-failed", ec.message());
  fs::remove_all(old, ec);

  out.tip = hex(&tip_id);
  find_new_versions(repo.get(), tip.get(), m, seen, seen_at, r, limits, out);
  out.ok = true;
  return out;
}

void remember_walked(const FetchPaths& paths, const std::string& tip) {
  git_repository* raw = nullptr;
  if (git_repository_open_bare(&raw, paths.bare_repo.c_str()) != 0) return;
  Repo repo(raw);
  git_oid oid;
  if (git_oid_fromstr(&oid, tip.c_str()) != 0) return;
  git_reference* ref = nullptr;
  if (git_reference_create(&ref, repo.get(), kWalkedRef, &oid, 1, "casfolio collect") == 0) git_reference_free(ref);
}

}  // namespace casfolio
