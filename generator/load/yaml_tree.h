// YAML as the loader sees it: a small tree of nulls, scalars, lists and maps
// in which every node knows its line and column in the file (not in the
// front matter), duplicate keys are already reported, and aliases have been
// expanded under a budget. Built from yaml-cpp only after the text has been
// checked for what would make yaml-cpp slow, deep or wrong.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostics/diagnostics.h"

namespace casfolio {

struct YamlNode {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  std::string scalar;   // a scalar's text without quotes; "" otherwise
  bool quoted = false;  // written in quotes or as a block scalar (| or >)
  int line = 0;         // 1-based line in the file
  int column = 0;       // 1-based, in code points
  int length = 0;       // code points to underline (a one-line scalar as written), else 0
  std::vector<YamlNode> items;                         // a sequence's items
  std::vector<std::pair<YamlNode, YamlNode>> entries;  // a map's keys and values, in file order

  // Defined out of line: clang with libstdc++ cannot instantiate them for a
  // pair of the class inside itself (the fuzz build uses clang).
  YamlNode();
  YamlNode(const YamlNode&);
  YamlNode(YamlNode&&) noexcept;
  YamlNode& operator=(const YamlNode&);
  YamlNode& operator=(YamlNode&&) noexcept;
  ~YamlNode();

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }
  // The value of `key` in a map (keys are unique here), or nullptr.
  const YamlNode* find(std::string_view key) const;
  Location where(const std::string& file) const { return Location{file, line, column, length}; }
};

struct YamlLimits {
  int max_depth = 64;       // lists and maps inside each other
  int max_nodes = 100'000;  // nodes after expanding aliases ("billion laughs")
};

// Parses one YAML document: a whole file (first_line = 1) or front matter
// that starts on `first_line` of `file`. Problems are reported against
// `file`; nullopt when the text cannot be read at all. Empty text is a null.
std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& file, int first_line,
                                   const YamlLimits& limits, Diagnostics& diagnostics);

// The first place (0-based line, 0-based byte column, within `text`) at which
// lists and maps nest deeper than `max_depth`, found without parsing: block
// indentation, "- " items and flow brackets are counted, quotes, comments and
// block scalars skipped. A cheap guard: yaml-cpp recurses once per level.
std::optional<std::pair<int, int>> find_deep_nesting(std::string_view text, int max_depth);

// A 1-based code-point column for byte `byte_column` of line `line0` (0-based) of `text`.
int code_point_column(std::string_view text, int line0, int byte_column);

}  // namespace casfolio
