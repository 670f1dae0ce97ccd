// `evidence: https://…` (issue 13): a web link is evidence beside the files,
// in an experience's and a reflection's front matter and in an achievement;
// any other scheme and a malformed address are errors at the entry.
#include <catch2/catch.hpp>

#include <string>

#include "load/file_source.h"
#include "load/loader.h"
#include "load_test_support.h"
#include "util/web_address.h"

using namespace casfolio;
using casfolio::testing::format_findings;

namespace {

const std::string kHead =
    "---\n"                    // 1
    "title: X\n"               // 2
    "strands: [S]\n"           // 3
    "start: 2026-10-01\n"      // 4
    "outcomes: [1]\n";         // 5

// A portfolio whose experience x has `front` after kHead (from line 6 on).
Cohort load_experience(const std::string& front) {
  MemoryFileSource m;
  m.add("portfolio.yaml", "name: A\n");
  m.add("experiences/x/index.md", kHead + front + "---\nText.\n");
  return load(m, {});
}

}  // namespace

TEST_CASE("evidence links: https and http in front matter and an achievement, as written") {
  Cohort c = load_experience(
      "evidence:\n"                                                    // 6
      "  - https://certificates.example.kz/c/42?lang=kk&name=%D0%90\n"  // 7
      "  - HTTP://Olympiad.example.org:8080/r\n"                        // 8
      "achievements:\n"                                                // 9
      "  - kind: competition\n"                                        // 10
      "    date: 2026-11-01\n"                                         // 11
      "    evidence: https://olympiad.example.org/result/7\n");        // 12
  CHECK(format_findings(c) == "");
  REQUIRE(c.portfolios.size() == 1);
  const Portfolio& p = c.portfolios[0].portfolio;
  REQUIRE(p.experiences.size() == 1);
  const Experience& e = p.experiences[0];
  CHECK(e.evidence_links == std::vector<EvidenceLink>{{"https://certificates.example.kz/c/42?lang=kk&name=%D0%90", 7},
                                                      {"HTTP://Olympiad.example.org:8080/r", 8}});
  CHECK(e.evidence.empty());  // links are never files
  REQUIRE(e.achievements.size() == 1);
  CHECK(e.achievements[0].evidence_link == "https://olympiad.example.org/result/7");
  CHECK(e.achievements[0].evidence.empty());
  CHECK(p.files == std::vector<std::string>{"experiences/x/index.md", "portfolio.yaml"});
  CHECK(evidence_link_urls(e) == std::vector<std::string>{"https://certificates.example.kz/c/42?lang=kk&name=%D0%90",
                                                          "HTTP://Olympiad.example.org:8080/r",
                                                          "https://olympiad.example.org/result/7"});
}

TEST_CASE("evidence links: a reflection's front matter takes a link too") {
  MemoryFileSource m;
  m.add("portfolio.yaml", "name: A\n");
  m.add("experiences/x/index.md", kHead + "---\n");
  m.add("experiences/x/2026-10-05-r.md", "---\nevidence: https://school.example.kz/news/5\n---\nText.\n");
  Cohort c = load(m, {});
  CHECK(format_findings(c) == "");
  const Portfolio& p = c.portfolios.at(0).portfolio;
  REQUIRE(p.reflections.size() == 1);
  CHECK(p.reflections[0].evidence_links == std::vector<EvidenceLink>{{"https://school.example.kz/news/5", 2}});
  CHECK(p.reflections[0].evidence.empty());
}

TEST_CASE("evidence links: any other scheme is an error at the entry") {
  for (const char* url : {"javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "ftp://files.example.org/c.pdf",
                          "file:///etc/passwd", "mailto:teacher@school.kz", "JavaScript:alert(1)"}) {
    INFO(url);
    Cohort c = load_experience("evidence:\n  - " + std::string(url) + "\n");
    CHECK(format_findings(c) == "experiences/x/index.md:7:5: error: evidence-link-scheme\n");
    REQUIRE(c.portfolios.at(0).findings.size() == 1);
    CHECK(c.portfolios[0].findings[0].args == Args{{"url", url}});
    REQUIRE(c.portfolios[0].portfolio.experiences.size() == 1);
    CHECK(c.portfolios[0].portfolio.experiences[0].evidence_links.empty());
  }
  Cohort c = load_experience(
      "achievements:\n"                       // 6
      "  - kind: competition\n"               // 7
      "    date: 2026-11-01\n"                // 8
      "    evidence: javascript:alert(1)\n");  // 9
  CHECK(format_findings(c) == "experiences/x/index.md:9:15: error: evidence-link-scheme\n");
  CHECK(c.portfolios.at(0).portfolio.experiences.at(0).achievements.at(0).evidence_link.empty());
  CHECK(render_message(c.portfolios[0].findings.at(0), Language::en).message ==
        "`javascript:alert(1)` is not a web link casfolio can show as evidence");
}

TEST_CASE("evidence links: a malformed address is an error at the entry") {
  for (std::string url : {std::string("https://"), std::string("https:///path"), std::string("https:example.kz/x"),
                          std::string("https://user@evil.example/"), std::string("https://a.kz/my\\x"),
                          std::string("https://a.kz/<script>"), std::string("https://.kz/"),
                          "https://a.kz/" + std::string(kMaxWebAddressLength, 'x')}) {
    INFO(url);
    Cohort c = load_experience("evidence:\n  - '" + url + "'\n");
    CHECK(format_findings(c) == "experiences/x/index.md:7:5: error: evidence-link-invalid\n");
    CHECK(c.portfolios.at(0).portfolio.experiences.at(0).evidence_links.empty());
  }
  // A space inside: the address would end there in any text it is copied into.
  Cohort c = load_experience("evidence: https://a.kz/my file.pdf\n");
  CHECK(format_findings(c) == "experiences/x/index.md:6:11: error: evidence-link-invalid\n");
}

TEST_CASE("evidence links: paths are still paths") {
  // One letter before ':' is a drive, "//host" has no scheme: both leave the portfolio.
  Cohort c = load_experience("evidence:\n  - 'C:\\photos\\a.png'\n  - //server/share/a.png\n");
  CHECK(format_findings(c) ==
        "experiences/x/index.md:7:5: error: path-outside-portfolio\n"
        "experiences/x/index.md:8:5: error: path-outside-portfolio\n");
  CHECK(has_address_scheme("https://a.kz"));
  CHECK_FALSE(has_address_scheme("C:\\a.png"));
  CHECK_FALSE(has_address_scheme("//a.kz/x"));
  CHECK_FALSE(has_address_scheme("photos/a:b.png"));
  CHECK(web_address_host("https://www.example.kz:8443/x?y#z") == "www.example.kz");
  CHECK(web_address_host("http://мектеп.қаз/x") == "мектеп.қаз");
}

TEST_CASE("evidence links: cohort.yaml's social_gpa.links_count_as_evidence, true unless set") {
  MemoryFileSource m;
  m.add("portfolio.yaml", "name: A\n");
  Cohort defaults = load(m, {}, std::string("social_gpa: true\n"));
  REQUIRE(defaults.config.social_gpa);
  CHECK(defaults.config.social_gpa->links_count_as_evidence);

  Cohort off = load(m, {}, std::string("social_gpa:\n  links_count_as_evidence: false\n"));
  CHECK(format_findings(off) == "");
  REQUIRE(off.config.social_gpa);
  CHECK_FALSE(off.config.social_gpa->links_count_as_evidence);

  Cohort typo = load(m, {}, std::string("social_gpa:\n  links_count_as_evidense: false\n"));
  CHECK(format_findings(typo) == "cohort.yaml:2:3: warning: misspelled-key\n");
  CHECK(typo.config.social_gpa->links_count_as_evidence);
}
