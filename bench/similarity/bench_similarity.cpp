// Times check_similarity (the near-duplicate reflection check) on a cohort
// made by bench/similarity/generate.py, and checks that it finds the planted
// near-duplicates.
//
//   bench_similarity DIR            reflections read straight from DIR/students/*/reflections
//   bench_similarity DIR --load     the whole cohort through load_directory() first
//
// Prints the time of each step; run it under /usr/bin/time -v for peak memory.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "check/rules.h"
#include "check/similarity.h"
#include "load/front_matter.h"
#include "load/loader.h"

using namespace casfolio;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Only what check_similarity reads: ids and reflection bodies.
Cohort read_reflections(const fs::path& dir) {
  Cohort c;
  c.root = dir.string();
  std::vector<fs::path> students;
  for (const auto& e : fs::directory_iterator(dir / "students"))
    if (e.is_directory()) students.push_back(e.path());
  std::sort(students.begin(), students.end());
  for (const fs::path& s : students) {
    LoadedPortfolio lp;
    lp.portfolio.id = s.filename().string();
    lp.portfolio.root = "students/" + lp.portfolio.id;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(s / "reflections")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::string text = read(f);
      FrontMatterSplit split = split_front_matter(text);
      Reflection r;
      r.file = "reflections/" + f.filename().string();
      r.body.text = std::string(split.body);
      r.body.first_line = split.body_first_line;
      lp.portfolio.reflections.push_back(std::move(r));
    }
    c.portfolios.push_back(std::move(lp));
  }
  return c;
}

const Reflection* find_reflection(const Cohort& c, const std::string& student, const std::string& file) {
  for (const LoadedPortfolio& lp : c.portfolios)
    if (lp.portfolio.id == student)
      for (const Reflection& r : lp.portfolio.reflections)
        if (r.file == file) return &r;
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_similarity DIR [--load]\n";
    return 2;
  }
  fs::path dir = argv[1];
  bool through_loader = argc > 2 && std::string(argv[2]) == "--load";

  auto t = Clock::now();
  Cohort cohort = through_loader ? load_directory(dir.string(), LoadOptions{}) : read_reflections(dir);
  size_t reflections = 0;
  for (const LoadedPortfolio& lp : cohort.portfolios) reflections += lp.portfolio.reflections.size();
  std::printf("%s: %zu students, %zu reflections in %.2f s\n", through_loader ? "load_directory" : "read",
              cohort.portfolios.size(), reflections, seconds_since(t));

  t = Clock::now();
  auto findings = check_similarity(cohort);
  double took = seconds_since(t);
  size_t total = 0;
  std::set<std::pair<std::string, std::string>> found;  // (student/file, other student/file)
  for (size_t i = 0; i < findings.size(); ++i)
    for (const Finding& f : findings[i]) {
      ++total;
      std::string other_student, other_file;
      for (const auto& [k, v] : f.args) {
        if (k == "other_student") other_student = v;
        if (k == "other_file") other_file = v;
      }
      found.insert({cohort.portfolios[i].portfolio.id + "/" + f.where.file, other_student + "/" + other_file});
    }
  std::printf("check_similarity: %.2f s, %zu findings\n", took, total);

  // Planted pairs whose exact similarity reaches the threshold must all be found.
  std::ifstream planted(dir / "planted.txt");
  std::string a, b;
  size_t eligible = 0, hit = 0, below = 0;
  const double threshold = cohort.config.requirements.similarity;
  while (planted >> a >> b) {
    auto split = [](const std::string& s) {
      size_t slash = s.find('/');
      return std::pair{s.substr(0, slash), s.substr(slash + 1)};
    };
    auto [sa, fa] = split(a);
    auto [sb, fb] = split(b);
    const Reflection* ra = find_reflection(cohort, sa, fa);
    const Reflection* rb = find_reflection(cohort, sb, fb);
    if (!ra || !rb) continue;
    if (similarity::text_similarity(ra->body.text, rb->body.text) < threshold) {
      ++below;
      continue;
    }
    ++eligible;
    hit += found.count({a, b}) && found.count({b, a});
  }
  std::printf("planted near-duplicates: %zu at or above %.2f, %zu found on both sides; %zu below it\n", eligible,
              threshold, hit, below);
  return hit == eligible ? 0 : 1;
}
