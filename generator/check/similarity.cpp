// Near-duplicate reflections across a cohort (SPEC section 7, academic
// honesty). Every reflection becomes a set of three-word shingles; a
// MinHash signature of each set and LSH banding find the candidate pairs
// without comparing every reflection with every other; each candidate is
// then confirmed by the exact containment of the two sets. All hash seeds
// are fixed, so the same cohort always gives the same findings.
#include "check/similarity.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "check/rules.h"
#include "util/parallel.h"
#include "util/path.h"
#include "util/text.h"

namespace casfolio {

namespace similarity {

namespace {

uint64_t mix64(uint64_t x) {  // splitmix64's finaliser: a bijective 64-bit mix
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

uint32_t next_code_point(std::string_view s, size_t& i) {
  unsigned c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (i + len > s.size()) len = 1;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

// Letters and digits of any script; punctuation, symbols, spaces and emoji
// separate words.
bool is_word_char(uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0) return false;                    // Latin-1 controls and punctuation: « » · ©
  if (cp == 0xD7 || cp == 0xF7) return false;     // × ÷
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // dashes, quotes, …, №, arrows, maths, shapes
  if (cp >= 0x2E00 && cp <= 0x2E7F) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE10 && cp <= 0xFE6F) return false;
  if (cp == 0xFEFF) return false;
  if (cp >= 0x1F000) return false;  // emoji and pictographs
  return true;
}

// Skips Markdown and HTML that is not prose: link targets "](...)", HTML
// comments and tags. Returns the index after the skipped part, or i.
size_t skip_markup(std::string_view s, size_t i) {
  if (s.compare(i, 2, "](") == 0) {
    size_t end = s.find_first_of(")\n", i + 2);
    return end == std::string_view::npos ? s.size() : end + 1;
  }
  if (s.compare(i, 4, "<!--") == 0) {
    size_t end = s.find("-->", i + 4);
    return end == std::string_view::npos ? s.size() : end + 3;
  }
  if (s[i] == '<' && i + 1 < s.size() &&
      (s[i + 1] == '/' || (s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z'))) {
    size_t end = s.find_first_of(">\n", i + 1);
    if (end != std::string_view::npos && s[end] == '>') return end + 1;
  }
  return i;
}

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001b3ull;

struct HashFamily {
  std::array<uint64_t, kHashes> a{}, b{};
  HashFamily() {
    uint64_t state = 0x63617366'6f6c696full;  // "casfolio": fixed, so results never vary
    for (int i = 0; i < kHashes; ++i) {
      state += 0x9e3779b97f4a7c15ull;
      a[size_t(i)] = mix64(state) | 1;
      state += 0x9e3779b97f4a7c15ull;
      b[size_t(i)] = mix64(state);
    }
  }
};

const HashFamily& family() {
  static const HashFamily f;
  return f;
}

using Signature = std::array<uint32_t, kHashes>;
static_assert(std::is_same_v<Signature, decltype(Fingerprint::signature)>);

void minhash(const std::vector<uint64_t>& set, Signature& sig) {
  const HashFamily& f = family();
  sig.fill(UINT32_MAX);
  for (uint64_t x : set)
    for (size_t i = 0; i < size_t(kHashes); ++i) {
      uint32_t v = uint32_t((f.a[i] * x + f.b[i]) >> 32);
      sig[i] = v < sig[i] ? v : sig[i];
    }
}

}  // namespace

std::vector<uint64_t> word_hashes(std::string_view markdown) {
  std::string text = to_lower_utf8(markdown);
  std::string_view s = text;
  std::vector<uint64_t> words;
  uint64_t h = kFnvOffset;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    if (size_t after = (s[i] == ']' || s[i] == '<') ? skip_markup(s, i) : i; after != i) {
      if (in_word) words.push_back(h);
      in_word = false;
      i = after;
      continue;
    }
    size_t begin = i;
    uint32_t cp = next_code_point(s, i);
    if (is_word_char(cp)) {
      if (!in_word) h = kFnvOffset;
      in_word = true;
      for (size_t k = begin; k < i; ++k) {
        h ^= static_cast<unsigned char>(s[k]);
        h *= kFnvPrime;
      }
    } else if (in_word) {
      words.push_back(h);
      in_word = false;
    }
  }
  if (in_word) words.push_back(h);
  return words;
}

std::vector<uint64_t> shingles(std::string_view markdown) {
  std::vector<uint64_t> words = word_hashes(markdown);
  std::vector<uint64_t> out;
  if (words.size() < size_t(kMinWords)) return out;
  out.reserve(words.size() - kShingleWords + 1);
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = 0x736869'6e676c65ull;  // "shingle"
    for (size_t k = 0; k < size_t(kShingleWords); ++k) h = mix64(h ^ words[i + k]);
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double containment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++common; ++i; ++j; }
  }
  return double(common) / double(std::min(a.size(), b.size()));
}

double text_similarity(std::string_view a, std::string_view b) { return containment(shingles(a), shingles(b)); }

}  // namespace similarity

namespace {

using namespace similarity;

struct Doc {
  uint32_t portfolio = 0;
  uint32_t reflection = 0;
  const std::vector<uint64_t>* shingles = nullptr;
};

// Buckets bigger than this (many near-identical reflections, e.g. an
// unfilled template) pair each member only with its next kBucketWindow
// members, which still gives each more than kMaxMatches candidates.
constexpr size_t kLargeBucket = 64;
constexpr size_t kBucketWindow = 8;

int first_text_line(const Reflection& r) {
  int line = r.body.first_line;
  for (std::string_view l : split_lines(r.body.text)) {
    if (!trim(l).empty()) return line;
    ++line;
  }
  return r.body.first_line;
}

}  // namespace

std::vector<std::vector<Finding>> check_similarity(const Cohort& cohort, unsigned jobs, SimilarityMemo* memo) {
  std::vector<std::vector<Finding>> out(cohort.portfolios.size());
  const double threshold = cohort.config.requirements.similarity;
  if (!(threshold > 0 && threshold <= 1)) return out;  // outside (0, 1]: the check is off

  // Each reflection's phrases and MinHash signature, on all cores (or from
  // the memo). Reflections too short to compare have no phrases.
  SimilarityMemo local;
  if (!memo) memo = &local;
  std::vector<std::vector<Fingerprint>*> prints(cohort.portfolios.size(), nullptr);
  std::vector<size_t> todo;
  for (size_t p = 0; p < cohort.portfolios.size(); ++p) {
    const Portfolio& portfolio = cohort.portfolios[p].portfolio;
    if (!portfolio.usable) continue;
    auto [it, fresh] = memo->by_root_.try_emplace(portfolio.root);
    if (fresh || it->second.size() != portfolio.reflections.size()) {
      it->second.assign(portfolio.reflections.size(), Fingerprint{});
      todo.push_back(p);
    }
    prints[p] = &it->second;
  }
  parallel_for(todo.size(), jobs, [&](size_t t) {
    size_t p = todo[t];
    const Portfolio& portfolio = cohort.portfolios[p].portfolio;
    std::vector<Fingerprint>& fps = *prints[p];
    for (size_t r = 0; r < portfolio.reflections.size(); ++r) {
      fps[r].shingles = shingles(portfolio.reflections[r].body.text);
      if (!fps[r].shingles.empty()) minhash(fps[r].shingles, fps[r].signature);
    }
  });

  std::vector<Doc> docs;
  std::vector<const Signature*> signature_of;
  for (size_t p = 0; p < cohort.portfolios.size(); ++p) {
    if (!prints[p]) continue;
    for (size_t r = 0; r < prints[p]->size(); ++r) {
      const Fingerprint& fp = (*prints[p])[r];
      if (fp.shingles.empty()) continue;
      docs.push_back(Doc{uint32_t(p), uint32_t(r), &fp.shingles});
      signature_of.push_back(&fp.signature);
    }
  }
  if (docs.size() < 2) return out;

  // LSH on the MinHash signatures: documents whose signatures agree on all
  // kRows values of some band become candidate pairs.
  const auto& signatures = signature_of;

  // Each band's documents are grouped by key in an open-addressing table
  // (faster than sorting them): a group lists its documents in increasing
  // order, as a sort by (key, document) would.
  std::vector<uint64_t> pairs;  // (i << 32) | j with i < j
  constexpr uint32_t kNone = UINT32_MAX;
  size_t capacity = 16;
  while (capacity < docs.size() * 2) capacity *= 2;
  std::vector<uint64_t> keys(docs.size());
  std::vector<uint32_t> table(capacity), next(docs.size()), tail(docs.size());
  std::vector<uint32_t> heads, group;
  for (size_t band = 0; band < size_t(kBands); ++band) {
    std::fill(table.begin(), table.end(), kNone);
    heads.clear();
    for (size_t i = 0; i < docs.size(); ++i) {
      const Signature& s = *signatures[i];
      uint64_t key = 0x62616e64ull ^ band;  // "band"
      for (size_t r = 0; r < size_t(kRows); ++r) key = mix64(key ^ s[band * kRows + r]);
      keys[i] = key;
      next[i] = kNone;
      size_t h = size_t(key) & (capacity - 1);
      while (table[h] != kNone && keys[table[h]] != key) h = (h + 1) & (capacity - 1);
      if (table[h] == kNone) {
        table[h] = uint32_t(i);
        tail[i] = uint32_t(i);
      } else {
        uint32_t head = table[h];
        if (next[head] == kNone && tail[head] == head) heads.push_back(head);  // its second member
        next[tail[head]] = uint32_t(i);
        tail[head] = uint32_t(i);
      }
    }
    for (uint32_t head : heads) {
      group.clear();
      for (uint32_t m = head; m != kNone; m = next[m]) group.push_back(m);
      size_t size = group.size();
      for (size_t x = 0; x < size; ++x) {
        size_t last = size > kLargeBucket ? std::min(size, x + 1 + kBucketWindow) : size;
        for (size_t y = x + 1; y < last; ++y) pairs.push_back(uint64_t(group[x]) << 32 | group[y]);
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  // Confirm each candidate exactly.
  std::vector<std::vector<std::pair<double, uint32_t>>> matches(docs.size());
  for (uint64_t pair : pairs) {
    uint32_t i = uint32_t(pair >> 32), j = uint32_t(pair & 0xffffffffu);
    double sim = containment(*docs[i].shingles, *docs[j].shingles);
    if (sim + 1e-12 < threshold) continue;
    matches[i].push_back({sim, j});
    matches[j].push_back({sim, i});
  }

  for (size_t i = 0; i < docs.size(); ++i) {
    auto& m = matches[i];
    if (m.empty()) continue;
    std::sort(m.begin(), m.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (m.size() > size_t(kMaxMatches)) m.resize(size_t(kMaxMatches));
    const Doc& d = docs[i];
    const Reflection& mine = cohort.portfolios[d.portfolio].portfolio.reflections[d.reflection];
    for (const auto& [sim, other_index] : m) {
      const Doc& o = docs[other_index];
      const Portfolio& other = cohort.portfolios[o.portfolio].portfolio;
      Finding f = make_finding(o.portfolio == d.portfolio ? "similar-own-reflection" : "similar-reflection",
                               Location{mine.file, first_text_line(mine)});
      f.staff_only = true;
      int percent = int(std::floor(sim * 100 + 1e-9));
      f.args = {{"percent", std::to_string(percent)},
                {"other_student", other.id},
                {"other_name", other.profile.name},
                {"other_file", other.reflections[o.reflection].file},
                {"other_path", other.path_from_build_root(other.reflections[o.reflection].file)}};
      out[d.portfolio].push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace casfolio
