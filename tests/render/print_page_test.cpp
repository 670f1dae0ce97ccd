// print.html: a student's whole portfolio on one page (render/print_page.cpp).
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "indicators/analysis.h"
#include "load/loader.h"
#include "render/site.h"

using namespace casfolio;

namespace {

const std::string kContent = std::string(CASFOLIO_SOURCE_DIR) + "/content";

struct Sample {
  Cohort cohort = load_directory(kContent, LoadOptions{});
  CohortAnalysis analysis = analyse(cohort, *Date::parse("2027-06-15"));
};

std::map<std::string, std::string> pages(const Sample& s, Audience audience) {
  SiteOptions o;
  o.audience = audience;
  o.source_root = kContent;
  std::map<std::string, std::string> out;
  for (OutputFile& f : render_site(s.cohort, s.analysis, o))
    if (f.path.ends_with(".html")) out[f.path] = std::move(f.data);
  return out;
}

size_t count(const std::string& text, const std::regex& pattern) {
  return size_t(std::distance(std::sregex_iterator(text.begin(), text.end(), pattern), std::sregex_iterator()));
}

const Portfolio& portfolio(const Sample& s, const std::string& id) {
  for (const LoadedPortfolio& lp : s.cohort.portfolios)
    if (lp.portfolio.id == id) return lp.portfolio;
  FAIL("no portfolio " << id);
  throw;
}

}  // namespace

TEST_CASE("print.html holds every experience, each reflection in full and a table of contents", "[print]") {
  static const Sample s;
  auto site = pages(s, Audience::staff);
  for (const char* id : {"aruzhan-bekova", "amina-sultan"}) {
    INFO(id);
    const Portfolio& p = portfolio(s, id);
    for (const char* lang : {"kk", "ru", "en"}) {
      INFO(lang);
      std::string dir = std::string(lang) + "/students/" + id;
      REQUIRE(site.count(dir + "/print.html") == 1);
      const std::string& print = site[dir + "/print.html"];
      CHECK(count(print, std::regex("<section id=\"exp-[^\"]+\" class=\"print-experience\"")) == p.experiences.size());
      CHECK(count(print, std::regex("<section id=\"refl-[0-9]+\" class=\"print-reflection\"")) == p.reflections.size());
      // The contents lead to every experience on the page.
      for (const Experience& e : p.experiences) {
        INFO(e.id);
        std::smatch m;
        REQUIRE(std::regex_search(print, m, std::regex("<section id=\"(exp-[^\"]+)\" class=\"print-experience\" "
                                                       "aria-labelledby=\"[^\"]+\">\n<h2 id=\"[^\"]+\" lang=\"[a-z]+\">" +
                                                       std::regex_replace(e.title, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)"))));
        CHECK(print.find("<li><a href=\"#" + m[1].str() + "\"") != std::string::npos);
      }
      // One h1, and the student's home links here.
      CHECK(count(print, std::regex("<h1[ >]")) == 1);
      CHECK(site[dir + "/index.html"].find("<a href=\"../../../" + dir + "/print.html\">") != std::string::npos);
    }
  }
}

TEST_CASE("print.html follows the audience: the candidate number for staff, not on a public page", "[print]") {
  static const Sample s;
  const Portfolio& p = portfolio(s, "aruzhan-bekova");
  REQUIRE_FALSE(p.profile.candidate.empty());
  CHECK(pages(s, Audience::staff)["en/students/aruzhan-bekova/print.html"].find(p.profile.candidate) != std::string::npos);
  auto pub = pages(s, Audience::anyone);
  REQUIRE(pub.count("en/students/aruzhan-bekova/print.html") == 1);
  CHECK(pub["en/students/aruzhan-bekova/print.html"].find(p.profile.candidate) == std::string::npos);
  CHECK(pub["en/students/aruzhan-bekova/print.html"].find(p.profile.email) == std::string::npos);
}
