#include "pipeline/fingerprint.h"

#include <link.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include "util/digest.h"
#include "util/folder_walk.h"
#include "util/parallel.h"
#include "util/path.h"

namespace casfolio {

namespace {

// The loader's bounds (load/portfolio_reader.cpp): folders it does not read
// cannot change a page. The entry bound stops a tree made to be endless.
constexpr int kMaxDepth = 32;
constexpr size_t kMaxEntries = 200'000;

void add(DigestBuilder& d, const WalkStat& s) {
  d.add(static_cast<long long>(s.kind)).add(static_cast<long long>(s.size)).add(s.mtime_ns).add(s.ctime_ns);
  d.add(static_cast<long long>(s.inode));
}

void add(DigestBuilder& d, const LocalizedText& t) { d.add(t.kk).add(t.ru).add(t.en); }

int read_build_id(struct dl_phdr_info* info, size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      auto* n = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const char* name = p + sizeof(ElfW(Nhdr));
      const char* desc = name + ((n->n_namesz + 3) & ~3u);
      if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        static const char kHex[] = "0123456789abcdef";
        for (unsigned k = 0; k < n->n_descsz; ++k) {
          unsigned char c = static_cast<unsigned char>(desc[k]);
          *out += kHex[c >> 4];
          *out += kHex[c & 15];
        }
        return 1;
      }
      p = desc + ((n->n_descsz + 3) & ~3u);
    }
  }
  return 1;  // the first object is the executable: stop there
}

}  // namespace

std::string folder_fingerprint(const std::string& disk_dir, size_t* entries) {
  DigestBuilder d;
  d.add("casfolio folder 2");
  WalkLimits limits{kMaxDepth, kMaxEntries, WalkNames::skip_ignored};
  WalkReport report = walk_folder(disk_dir, limits, [&](const WalkEntry& e) {
    d.add(e.path);
    add(d, e.self);
    // A link to a file is read as that file: its changes are the link's.
    if (e.is_link()) add(d.add(e.outside), e.target);
    return WalkStep::descend;
  });
  if (entries) *entries = report.entries;
  for (const std::string& dir : report.unreadable) {
    if (dir.empty()) return {};
    d.add(dir).add("unreadable");
  }
  d.add(report.too_many).add(report.too_deep);
  return d.finish();
}

std::map<std::string, std::string> portfolio_fingerprints(const std::string& dir, const Cohort& cohort, unsigned jobs) {
  std::vector<std::string> prints(cohort.portfolios.size());
  parallel_for(cohort.portfolios.size(), jobs, [&](size_t i) {
    prints[i] = folder_fingerprint(cohort.portfolios[i].portfolio.folder_on_disk(dir));
  });
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < prints.size(); ++i) out[cohort.portfolios[i].portfolio.root] = prints[i];
  return out;
}

const std::string& generator_identity() {
  static const std::string id = [] {
    std::string build_id;
    dl_iterate_phdr(read_build_id, &build_id);
    if (!build_id.empty()) return "build-id:" + build_id;
    std::ifstream in("/proc/self/exe", std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return "exe:" + content_digest(bytes.str());
  }();
  return id;
}

std::string inputs_key(const CohortConfig& c, const LoadOptions& options) {
  DigestBuilder d;
  // Every field of CohortConfig that a page can show or a check can use.
  d.add("casfolio inputs 1").add(CASFOLIO_VERSION).add(generator_identity());
  d.add(options.drafts).add(static_cast<long long>(options.limits.max_text_file_bytes));
  d.add(static_cast<long long>(options.limits.max_evidence_bytes)).add(options.limits.max_yaml_depth);
  d.add(options.limits.max_yaml_nodes).add(options.limits.max_files_per_portfolio);
  d.add(c.file).add(c.school).add(c.programme).add(c.cohort).add(std::string(code(c.language)));
  for (Language l : c.languages) d.add(std::string(code(l)));
  d.add("|").add(c.start.iso()).add(c.end.iso()).add(c.theme);
  const Framework& fw = c.framework;
  d.add(fw.id);
  add(d, fw.name);
  for (const Outcome& o : fw.outcomes) {
    d.add(o.id);
    add(d, o.name);
    add(d, o.description);
    for (const Indicator& i : o.indicators) {
      d.add(i.id);
      add(d, i.name);
    }
    d.add("|");
  }
  const Requirements& r = c.requirements;
  d.add(r.min_months).add(r.max_gap_days).add(r.all_outcomes).add(r.all_strands);
  d.add(r.project.min).add(r.project.min_days).add(r.project.collaborators).add(r.project.all_stages);
  for (int m : r.min_experiences) d.add(m);
  d.add(r.max_outcomes_per_experience).add(r.reflections_per_experience.min);
  d.add(r.reflections_per_experience.long_days).add(r.reflections_per_experience.long_min);
  d.add(r.grace_days).add(int(c.ledger));  // hand-in times (check/timeline.h)
  d.add(r.concern_days).add(r.project.start_by.iso());  // the status rule (indicators/status.cpp)
  std::ostringstream sim;
  sim.precision(17);
  sim << r.similarity;
  d.add(sim.str());
  for (const Deadline& dl : c.calendar) d.add(dl.date.iso()).add(dl.from.iso()).add(dl.kind).add(dl.name.kk).add(dl.name.ru).add(dl.name.en).add(dl.interview).add(dl.line);
  d.add("|");
  if (c.social_gpa) {
    const SocialGpaScheme& g = *c.social_gpa;
    std::ostringstream nums;
    nums.precision(17);
    nums << int(g.model) << ' ' << g.volunteer_hours.per << ' ' << g.volunteer_hours.points << ' '
         << g.volunteer_hours.max << ' ' << int(g.volunteer_hours.rounding) << ' ' << g.require_evidence << ' '
         << g.links_count_as_evidence << ' '
         << g.scale_max << ' ' << g.full_points << ' ' << g.level_high << ' ' << g.level_satisfactory;
    for (const auto& [kind, points] : g.points) nums << ' ' << kind << '=' << points;
    d.add(nums.str());
  } else {
    d.add("no social gpa");
  }
  return d.finish();
}

}  // namespace casfolio
