// Academic honesty: how alike two reflections are (docs/indicators.md,
// "Near-duplicate reflections"). check_similarity (check/rules.h) runs this
// over a whole cohort; the pieces are here so tests and tools can use them.
//
// What is measured: both texts become sets of three-word phrases
// ("shingles") of their normalised words (lower-cased, punctuation and
// Markdown link targets dropped). The similarity of two reflections is the
// share of the shorter one's phrases that also occur in the other
// (containment), so a copy with a few words changed, or a copy padded with
// new sentences, still scores high, while two reflections on the same
// topic in the students' own words share only a few phrases.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace casfolio::similarity {

inline constexpr int kShingleWords = 3;  // words per phrase
inline constexpr int kMinWords = 40;     // shorter reflections are not compared
inline constexpr int kRows = 3;          // MinHash values per LSH band
inline constexpr int kBands = 42;        // LSH bands
inline constexpr int kHashes = kRows * kBands;
inline constexpr int kMaxMatches = 5;    // findings per reflection, most similar first

// The normalised words of a Markdown text, each hashed (64-bit FNV-1a).
std::vector<uint64_t> word_hashes(std::string_view markdown);

// Sorted, distinct hashes of every run of kShingleWords words; empty when
// the text has fewer than kMinWords words.
std::vector<uint64_t> shingles(std::string_view markdown);

// |a ∩ b| / min(|a|, |b|) of two sorted shingle sets; 0 when either is empty.
double containment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// containment(shingles(a), shingles(b)).
double text_similarity(std::string_view a, std::string_view b);

// One reflection as check_similarity sees it: its phrases and their MinHash.
struct Fingerprint {
  std::vector<uint64_t> shingles;
  std::array<uint32_t, kHashes> signature{};
};

}  // namespace casfolio::similarity

namespace casfolio {

// Reflections already hashed, per portfolio folder (casfolio serve keeps one
// between rebuilds). The owner must forget() a portfolio whenever it reloads
// it: entries are trusted as they are, not compared with the text again.
class SimilarityMemo {
 public:
  void forget(const std::string& portfolio_root) { by_root_.erase(portfolio_root); }
  void clear() { by_root_.clear(); }

  // check_similarity's: the fingerprints of a portfolio's reflections, in order.
  std::map<std::string, std::vector<similarity::Fingerprint>> by_root_;
};

}  // namespace casfolio
