// Every limit of the loader (load/loader.h, Limits) at its default value, as
// a student meets it: `casfolio check` on a folder just over the limit shows
// the exact sentence and hint, and a folder exactly at the limit passes.
// docs/hardening.md lists the same defaults.
#include <catch2/catch.hpp>

#include <string>

#include "diagnostics/diagnostics.h"
#include "load/file_source.h"
#include "load/loader.h"
#include "support.h"

using namespace casfolio;
using namespace casfolio::hardening;

namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// The lines of `casfolio check` output about errors (a finding line and the
// quoted source, caret and note lines after it), without the warnings.
std::string errors_of(const std::string& out) {
  std::string result;
  bool in_error = false;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t nl = out.find('\n', pos);
    std::string line = out.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos + 1);
    pos = nl == std::string::npos ? out.size() : nl + 1;
    bool finding = line.find(": error: ") != std::string::npos || line.find(": warning: ") != std::string::npos ||
                   line.find(": note: ") != std::string::npos;
    bool detail = line.starts_with("    ") || line.starts_with("note: ");
    if (finding) in_error = line.find(": error: ") != std::string::npos;
    else if (!detail) in_error = false;
    if (in_error) result += line;
  }
  return result;
}

const char* kAsOf = "--as-of 2026-10-05";

}  // namespace

TEST_CASE("limits: the defaults") {
  Limits l;
  CHECK(l.max_text_file_bytes == 1024 * 1024);
  CHECK(l.max_evidence_bytes == 500ull * 1024 * 1024);
  CHECK(l.max_yaml_depth == 64);
  CHECK(l.max_yaml_nodes == 100'000);
  CHECK(l.max_files_per_portfolio == 5000);
}

TEST_CASE("limits: a Markdown or YAML file over 1 MB") {
  TempDir tmp;
  fs::path p = tmp.path() / "ana";
  write_file(p / "portfolio.yaml", "name: Ana\n");
  // 1 MiB exactly is read; 16 bytes more is not.
  std::string front = "---\ntitle: \n---\n";
  write_file(p / "reflections/2026-10-01.md", "---\ntitle: " + std::string((1 << 20) - front.size(), 'a') + "\n---\n");
  write_file(p / "reflections/2026-10-02.md", "---\ntitle: " + std::string(1 << 20, 'a') + "\n---\n");
  REQUIRE(fs::file_size(p / "reflections/2026-10-01.md") == 1 << 20);
  RunResult r = run_casfolio("check ana " + std::string(kAsOf), tmp.path());
  CHECK(r.exit_code == 1);
  CHECK(errors_of(r.out) ==
        "ana/reflections/2026-10-02.md: error: this file is too large (1025 KB; the limit is 1024 KB) [file-too-large]\n"
        "note: Text files should be short: remove long pasted content or split the text into several files.\n");

  // cohort.yaml too: the whole cohort is reported, nothing crashes.
  write_file(tmp.path() / "cohort/cohort.yaml", "school: S\n# " + std::string(1 << 20, 'x') + "\n");
  write_file(tmp.path() / "cohort/students/ana/portfolio.yaml", "name: Ana\n");
  RunResult c = run_casfolio("check cohort " + std::string(kAsOf), tmp.path());
  CHECK(c.exit_code == 1);
  CHECK(errors_of(c.out) ==
        "cohort/cohort.yaml: error: this file is too large (1025 KB; the limit is 1024 KB) [file-too-large]\n"
        "note: Text files should be short: remove long pasted content or split the text into several files.\n");
}

TEST_CASE("limits: an evidence file over 500 MB") {
  TempDir tmp;
  fs::path p = tmp.path() / "ana";
  write_file(p / "portfolio.yaml", "name: Ana\n");
  write_file(p / "experiences/x/index.md",
             "---\ntitle: X\nstrands: [service]\nstart: 2026-10-01\noutcomes: [1]\n---\n"
             "![v](video.mp4)\n[w](whole.mp4)\n");
  // Sparse files: their size is real to stat(), but they take no disk.
  write_file(p / "experiences/x/video.mp4", "");
  fs::resize_file(p / "experiences/x/video.mp4", (500ull << 20) + 1);
  write_file(p / "experiences/x/whole.mp4", "");
  fs::resize_file(p / "experiences/x/whole.mp4", 500ull << 20);
  write_file(p / "unused.mov", "");
  fs::resize_file(p / "unused.mov", 600ull << 20);
  RunResult r = run_casfolio("check ana " + std::string(kAsOf), tmp.path());
  CHECK(r.exit_code == 1);
  CHECK(errors_of(r.out) ==
        "ana/experiences/x/index.md:7:6: error: `video.mp4` is too large (512001 KB; the limit is 512000 KB) "
        "[evidence-too-large]\n"
        "    ![v](video.mp4)\n"
        "         ^~~~~~~~~\n"
        "note: Make it smaller (a shorter video, a compressed photo) or give a link to it on the web instead.\n"
        "ana/unused.mov: error: `unused.mov` is too large (614400 KB; the limit is 512000 KB) [evidence-too-large]\n"
        "note: Make it smaller (a shorter video, a compressed photo) or give a link to it on the web instead.\n");
}

TEST_CASE("limits: YAML nested more than 64 levels") {
  TempDir tmp;
  auto flow = [](int lists) { return "name: Ana\ninterests: " + std::string(size_t(lists), '[') + "x" +
                                     std::string(size_t(lists), ']') + "\n"; };
  auto block = [](int lists) {
    std::string s = "name: Ana\ninterests:\n";
    for (int i = 0; i < lists; ++i) s += std::string(size_t(2 * i), ' ') + "- \n";
    return s + std::string(size_t(2 * lists), ' ') + "x\n";
  };
  // The file's map is level 1: 63 lists inside it are 64 levels.
  write_file(tmp.path() / "flow63/portfolio.yaml", flow(63));
  write_file(tmp.path() / "block63/portfolio.yaml", block(63));
  write_file(tmp.path() / "flow64/portfolio.yaml", flow(64));
  write_file(tmp.path() / "block64/portfolio.yaml", block(64));
  for (const char* ok : {"flow63", "block63"}) {
    RunResult r = run_casfolio("check " + std::string(ok) + " " + kAsOf, tmp.path());
    INFO(ok);
    CHECK(count(r.out, "[yaml-too-deep]") == 0);
    // Read to the end: the value is a list where text is expected.
    CHECK(count(r.out, "[not-text]") == 1);
  }
  RunResult f = run_casfolio("check flow64 " + std::string(kAsOf), tmp.path());
  CHECK(f.exit_code == 1);
  CHECK(errors_of(f.out) == "flow64/portfolio.yaml:2:75: error: lists and maps are nested more than 64 levels deep "
                            "[yaml-too-deep]\n"
                            "    " + flow(64).substr(10, flow(64).size() - 11) + "\n" +
                            std::string(4 + 74, ' ') + "^\n"
                            "note: casfolio files need only a few levels; remove the extra nesting.\n");
  RunResult b = run_casfolio("check block64 " + std::string(kAsOf), tmp.path());
  CHECK(b.exit_code == 1);
  CHECK(errors_of(b.out) == "block64/portfolio.yaml:66:129: error: lists and maps are nested more than 64 levels deep "
                            "[yaml-too-deep]\n"
                            "    " + std::string(126, ' ') + "- \n" +
                            std::string(4 + 128, ' ') + "^\n"
                            "note: casfolio files need only a few levels; remove the extra nesting.\n");
}

TEST_CASE("limits: YAML aliases expanding to more than 100,000 values") {
  TempDir tmp;
  fs::path p = tmp.path() / "ana";
  write_file(p / "portfolio.yaml", "name: Ana\n");
  // "Billion laughs": 9^7 values from 60 short lines.
  std::string bomb = "---\ntitle: Laughs\nl0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= 6; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    bomb += "l" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
    for (int k = 0; k < 8; ++k) bomb += ", " + prev;
    bomb += "]\n";
  }
  write_file(p / "experiences/x/index.md", bomb + "---\n");
  // A few aliases are fine (9^4 = 6561 values).
  std::string modest = "---\ndate: 2026-10-01\nl0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= 3; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    modest += "l" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
    for (int k = 0; k < 8; ++k) modest += ", " + prev;
    modest += "]\n";
  }
  write_file(p / "reflections/2026-10-01.md", modest + "---\n");
  RunResult r = run_casfolio("check ana " + std::string(kAsOf), tmp.path());
  CHECK(r.exit_code == 1);
  CHECK(errors_of(r.out) ==
        "ana/experiences/x/index.md:3:25: error: this YAML expands to more than 100000 values [yaml-too-many-nodes]\n"
        "    l0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        "                            ^\n"
        "note: Anchors (`&`) and aliases (`*`) repeat data; write the values out instead.\n");
  // The modest file was read: its unknown keys are reported, not a limit.
  CHECK(count(r.out, "ana/reflections/2026-10-01.md:3:1: warning:") == 1);
}

TEST_CASE("limits: more than 5000 files in a portfolio") {
  TempDir tmp;
  fs::path p = tmp.path() / "ana";
  write_file(p / "portfolio.yaml", "name: Ana\n");
  for (int i = 1; i < 5000; ++i) write_file(p / "photos" / ("p" + std::to_string(10000 + i) + ".jpg"), "x");
  RunResult at = run_casfolio("check ana " + std::string(kAsOf), tmp.path());  // 5000 files with portfolio.yaml
  CHECK(at.exit_code == 0);
  CHECK(count(at.out, "[too-many-files]") == 0);

  write_file(p / "photos/p20000.jpg", "x");
  RunResult over = run_casfolio("check ana " + std::string(kAsOf), tmp.path());
  CHECK(over.exit_code == 1);
  CHECK(errors_of(over.out) ==
        "ana/: error: this portfolio has more than 5000 files; the rest are left out [too-many-files]\n"
        "note: Delete files that are not evidence, or move them to a folder whose name starts with `_`.\n");
}

TEST_CASE("limits: folders more than 32 deep in a portfolio") {
  TempDir tmp;
  fs::path p = tmp.path() / "ana";
  write_file(p / "portfolio.yaml", "name: Ana\n");
  std::string deep;  // d1/d2/.../d32
  for (int i = 1; i <= 32; ++i) deep += (i > 1 ? "/d" : "d") + std::to_string(i);
  write_file(p / deep / "kept.jpg", "x");
  write_file(p / deep / "d33/lost.jpg", "x");
  write_file(p / deep / "d33/d34/lost-too.jpg", "x");
  RunResult r = run_casfolio("check ana " + std::string(kAsOf), tmp.path());
  CHECK(r.exit_code == 1);
  CHECK(errors_of(r.out) == "ana/" + deep + "/d33: error: this folder is more than 32 folders deep; the files in it "
                            "are left out [folder-too-deep]\n"
                            "note: Move the files to a folder nearer the top of the portfolio.\n");

  // The files above the limit are the portfolio's; the deeper ones are not.
  Cohort c = load_directory((tmp.path() / "ana").string(), LoadOptions{});
  REQUIRE(c.portfolios.size() == 1);
  CHECK(c.portfolios[0].portfolio.files == std::vector<std::string>{deep + "/kept.jpg", "portfolio.yaml"});
}

TEST_CASE("limits: portfolios more than 32 folders below the cohort are reported, not silently missed") {
  TempDir tmp;
  write_file(tmp.path() / "cohort.yaml", "programme: IB CAS\n");
  std::string deep;  // g1/g2/.../g32: a portfolio there is still found
  for (int i = 1; i <= 32; ++i) deep += (i > 1 ? "/g" : "g") + std::to_string(i);
  write_file(tmp.path() / deep / "found/portfolio.yaml", "name: Found\n");
  write_file(tmp.path() / deep / "g33/lost/portfolio.yaml", "name: Lost\n");
  RunResult r = run_casfolio("check . " + std::string(kAsOf), tmp.path());
  INFO(r.out << r.err);
  CHECK(count(r.out, "./" + deep + "/g33: warning: this folder is more than 32 folders below the cohort; portfolios "
                     "in it are not looked for [cohort-folder-too-deep]\n"
                     "note: Move the portfolios nearer the cohort's folder (the one with cohort.yaml).\n") == 1);
  Cohort c = load_directory(tmp.str(), LoadOptions{});
  REQUIRE(c.portfolios.size() == 1);
  CHECK(c.portfolios[0].portfolio.profile.name == "Found");
}

TEST_CASE("limits: a cohort with more than 100,000 folders says where it stopped looking") {
  MemoryFileSource src;
  src.add("cohort.yaml", "programme: IB CAS\n");
  for (int i = 0; i < 100'000; ++i) src.add("f" + std::to_string(100'000 + i) + "/notes.txt", "x");
  src.add("z-ana/portfolio.yaml", "name: Ana\n");  // listed after the others: the budget is spent
  Cohort c = load(src, LoadOptions{});
  CHECK(c.portfolios.empty());
  std::vector<std::string> codes;
  for (const Finding& f : c.config_findings) codes.push_back(f.code);
  CHECK(codes == std::vector<std::string>{"cohort-too-many-folders", "no-portfolios"});
  REQUIRE(!c.config_findings.empty());
  CHECK(render_message(c.config_findings[0], Language::en).message ==
        "this cohort has more than 100000 folders; the portfolios in the rest are not looked for");

  MemoryFileSource fits;  // exactly 100,000 folders, the portfolio among them
  fits.add("cohort.yaml", "programme: IB CAS\n");
  for (int i = 0; i < 99'999; ++i) fits.add("f" + std::to_string(100'000 + i) + "/notes.txt", "x");
  fits.add("z-ana/portfolio.yaml", "name: Ana\n");
  Cohort ok = load(fits, LoadOptions{});
  CHECK(ok.portfolios.size() == 1);
  CHECK(ok.config_findings.empty());
}
