#include "write/entry_name.h"


#include "util/name_chars.h"
#include "util/text.h"

namespace casfolio {

namespace {

char upper(char c) { return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c; }

bool equals_upper(std::string_view s, std::string_view upper_word) {
  if (s.size() != upper_word.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (upper(s[i]) != upper_word[i]) return false;
  return true;
}

// Windows reserves these device names whatever follows the first dot
// ("con.txt", "Aux.tar.gz"), and ignores trailing spaces before it.
bool is_reserved_device(std::string_view segment) {
  std::string_view stem = segment.substr(0, segment.find('.'));
  while (!stem.empty() && stem.back() == ' ') stem.remove_suffix(1);
  for (std::string_view word : {"CON", "PRN", "AUX", "NUL"})
    if (equals_upper(stem, word)) return true;
  if (stem.size() == 4 && stem[3] >= '1' && stem[3] <= '9')
    return equals_upper(stem.substr(0, 3), "COM") || equals_upper(stem.substr(0, 3), "LPT");
  return false;
}

EntryNameProblem segment_problem(std::string_view segment) {
  if (segment.empty()) return EntryNameProblem::empty_segment;
  if (segment == "." || segment == "..") return EntryNameProblem::dot_segment;
  if (segment.size() > kMaxEntrySegmentBytes) return EntryNameProblem::too_long;
  if (segment.back() == '.' || segment.back() == ' ') return EntryNameProblem::trailing_dot_or_space;
  if (is_reserved_device(segment)) return EntryNameProblem::reserved_device;
  return EntryNameProblem::none;
}

}  // namespace

EntryNameProblem entry_name_problem(std::string_view name) {
  if (name.empty() || name == "/") return EntryNameProblem::empty;
  if (name.front() == '/') return EntryNameProblem::absolute;
  if (name.size() >= 2 && name[1] == ':' && ((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z')))
    return EntryNameProblem::absolute;
  if (name.size() > kMaxEntryNameBytes) return EntryNameProblem::too_long;
  // Characters first: a backslash or a control character anywhere decides,
  // whatever the parts look like.
  if (has_control_character(name)) return EntryNameProblem::control_character;
  for (char c : name) {
    if (c == '\\') return EntryNameProblem::backslash;
    switch (c) {
      case '<': case '>': case ':': case '"': case '|': case '?': case '*':
        return EntryNameProblem::reserved_character;
      default:
        break;
    }
  }
  if (!is_valid_utf8(name)) return EntryNameProblem::invalid_utf8;

  std::string_view rest = name;
  if (rest.back() == '/') rest.remove_suffix(1);
  for (size_t start = 0;;) {
    size_t slash = rest.find('/', start);
    std::string_view segment = rest.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (EntryNameProblem p = segment_problem(segment); p != EntryNameProblem::none) return p;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return EntryNameProblem::none;
}

}  // namespace casfolio
