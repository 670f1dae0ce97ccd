// The fixed vocabulary of CAS: strands and the five stages.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace casfolio {

enum class Strand : uint8_t { creativity, activity, service };
inline constexpr std::array<Strand, 3> kAllStrands = {Strand::creativity, Strand::activity, Strand::service};
std::string_view name(Strand s);
// Accepts the English names, C/A/S, and the Kazakh and Russian names (any case).
std::optional<Strand> parse_strand(std::string_view text);

// A set of strands (an experience belongs to one or more).
class StrandSet {
 public:
  void add(Strand s) { bits_ |= uint8_t(1u << unsigned(s)); }
  bool has(Strand s) const { return bits_ & (1u << unsigned(s)); }
  bool empty() const { return bits_ == 0; }
  int size() const { return __builtin_popcount(bits_); }
  friend bool operator==(StrandSet, StrandSet) = default;

 private:
  uint8_t bits_ = 0;
};

enum class Stage : uint8_t { investigation, preparation, action, reflection, demonstration };
inline constexpr std::array<Stage, 5> kAllStages = {Stage::investigation, Stage::preparation, Stage::action,
                                                    Stage::reflection, Stage::demonstration};
std::string_view name(Stage s);
std::optional<Stage> parse_stage(std::string_view text);

// Hours per strand, indexed by Strand.
using StrandHours = std::array<double, 3>;

}  // namespace casfolio
