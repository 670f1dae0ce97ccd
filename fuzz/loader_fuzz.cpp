// Fuzzes the YAML-to-model loader and everything after it that `check` runs:
// the input is cut at lines "=====" into portfolio.yaml, an experience's
// index.md, a reflection in it and, when there is a fourth part, a
// cohort.yaml (the portfolio then sits in students/ana/). The tree is loaded
// from memory and analysed (checks, similarity, indicators, social GPA).
// Any finding is fine; a crash, a hang or a sanitizer report is not.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "indicators/analysis.h"
#include "load/loader.h"

using namespace casfolio;

namespace {

std::vector<std::string_view> split_parts(std::string_view text) {
  constexpr std::string_view kCut = "\n=====\n";
  std::vector<std::string_view> parts;
  while (parts.size() < 3) {
    size_t at = text.find(kCut);
    if (at == std::string_view::npos) break;
    parts.push_back(text.substr(0, at));
    text.remove_prefix(at + kCut.size());
  }
  parts.push_back(text);
  return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string_view> parts = split_parts({reinterpret_cast<const char*>(data), size});
  MemoryFileSource files;
  std::string root;
  if (parts.size() == 4) {
    files.add("cohort.yaml", std::string(parts[3]));
    root = "students/ana/";
  }
  files.add(root + "portfolio.yaml", std::string(parts[0]));
  if (parts.size() > 1) files.add(root + "experiences/guitar/index.md", std::string(parts[1]));
  if (parts.size() > 2) files.add(root + "experiences/guitar/2026-10-01-first.md", std::string(parts[2]));
  // Evidence the texts may refer to.
  files.add(root + "experiences/guitar/chords.jpg", "\xFF\xD8\xFF\xE0 not really a photo");
  files.add(root + "reflections/2026-11-01.md", "---\noutcomes: [1, 2]\n---\nA second reflection.\n");

  LoadOptions options;
  options.drafts = size % 2 == 1;
  // Small enough that the fuzzer reaches every limit.
  options.limits.max_text_file_bytes = 64 << 10;
  options.limits.max_yaml_nodes = 20'000;
  Cohort cohort = load(files, options);
  FUZZ_CHECK(cohort.portfolios.size() <= 1);
  for (const LoadedPortfolio& lp : cohort.portfolios)
    for (const Finding& f : lp.findings) FUZZ_CHECK(is_known_code(f.code));
  for (const Finding& f : cohort.config_findings) FUZZ_CHECK(is_known_code(f.code));

  CohortAnalysis analysis = analyse(cohort, *Date::parse("2027-06-15"));
  FUZZ_CHECK(analysis.students.size() == cohort.portfolios.size());
  for (const StudentAnalysis& s : analysis.students)
    for (const Finding& f : s.findings) {
      FUZZ_CHECK(is_known_code(f.code));
      // Every message can be shown in every language.
      for (Language l : {Language::kk, Language::ru, Language::en}) (void)render_message(f, l);
    }
  return 0;
}
