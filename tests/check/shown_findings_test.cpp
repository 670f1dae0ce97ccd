// findings_for: which findings each audience reads (check/shown_findings.h).
#include "check/shown_findings.h"

#include <catch2/catch.hpp>

#include "check/codes.h"

using namespace casfolio;

namespace {

Finding finding(const char* code, const char* file, int line, bool staff_only, Args args = {}) {
  Finding f;
  f.code = code;
  f.severity = severity_of(code);
  f.where.file = file;
  f.where.line = line;
  f.staff_only = staff_only;
  f.args = std::move(args);
  return f;
}

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += std::string(name(f.severity)) + " " + f.code + " " + f.where.file + ":" + std::to_string(f.where.line) +
           (f.staff_only ? " staff-only" : "") + " args=" + std::to_string(f.args.size()) + "\n";
  }
  return out;
}

const Args kOther = {{"percent", "88"},
                     {"other_student", "chen"},
                     {"other_name", "Chen Wei"},
                     {"other_file", "reflections/2026-12-20.md"},
                     {"other_path", "students/chen/reflections/2026-12-20.md"}};

std::vector<Finding> sample() {
  return {
      finding("strand-missing", "portfolio.yaml", 0, false),
      finding("similar-reflection", "experiences/painting/2027-02-18-portrait.md", 4, true, kOther),
      finding("similar-reflection", "experiences/painting/2027-02-18-portrait.md", 4, true, kOther),  // a second match
      finding("similar-own-reflection", "reflections/a.md", 3, true, {{"percent", "95"}, {"other_file", "b.md"}}),
      finding("reflection-backdated", "reflections/b.md", 2, true, {{"date", "2026-09-01"}}),
      finding("review-in-portfolio", "experiences/painting/review.md", 0, true),
  };
}

}  // namespace

TEST_CASE("staff read every finding as it is", "[shown-findings]") {
  CHECK(describe(findings_for(Audience::staff, sample())) == describe(sample()));
}

TEST_CASE("a student reads their own findings, a near-duplicate only as one staff question per reflection",
          "[shown-findings]") {
  CHECK(describe(findings_for(Audience::student, sample())) ==
        "warning strand-missing portfolio.yaml:0 args=0\n"
        "info staff-question experiences/painting/2027-02-18-portrait.md:0 args=0\n"
        "info staff-question reflections/a.md:0 args=0\n");
  std::vector<Finding> shown = findings_for(Audience::student, sample());
  for (Language l : kAllLanguages) {
    MessageText t = render_message(shown[1], l);
    INFO(t.message << " / " << t.hint);
    CHECK(t.message.find("Chen") == std::string::npos);
    CHECK(t.message.find('{') == std::string::npos);
    CHECK_FALSE(t.hint.empty());
  }
  CHECK(render_message(shown[1], Language::en).message == "Staff have a question about this reflection");
}

TEST_CASE("the public reads no finding", "[shown-findings]") {
  CHECK(findings_for(Audience::anyone, sample()).empty());
}
