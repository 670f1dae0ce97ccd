// Social GPA: an achievement whose evidence is a web link (`evidence:
// https://…`) counts where the school's rule says links are evidence
// (social_gpa.links_count_as_evidence, default true), and is
// `gpa-no-evidence` where it does not.
#include <catch2/catch.hpp>

#include "builders.h"
#include "indicators/indicators.h"

using namespace casfolio;
using namespace casfolio::test;

namespace {

const Date kAsOf = day("2027-06-15");

Portfolio with_linked_certificate() {
  Portfolio p;
  p.id = "ana";
  Experience e = experience("coding", {Strand::creativity}, "2026-09-14");
  Achievement a = achievement("course_certificate", "2027-01-20", "Python course", "", 14);
  a.evidence_link = "https://certificates.example.kz/c/42";
  e.achievements.push_back(a);
  e.achievements.push_back(achievement("committee", "2027-02-01", "No evidence at all", "", 20));
  p.experiences = {e};
  finish(p);
  return p;
}

}  // namespace

TEST_CASE("evidence links: a linked certificate scores under the default rule") {
  SocialGpaScheme scheme;
  REQUIRE(scheme.links_count_as_evidence);  // the methodology lists links among evidence formats
  SocialGpaResult r = compute_social_gpa(with_linked_certificate(), scheme, kAsOf);
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].kind == "course_certificate");
  CHECK(r.items[0].counted);
  CHECK(r.items[0].points == 2);
  CHECK_FALSE(r.items[1].counted);  // an achievement with nothing is still not evidenced
  CHECK(r.points == 2);
  std::vector<Finding> f = social_gpa_findings(r);
  REQUIRE(f.size() == 1);
  CHECK(f[0].where.line == 20);
}

TEST_CASE("evidence links: with links_count_as_evidence false a link alone is gpa-no-evidence") {
  SocialGpaScheme scheme;
  scheme.links_count_as_evidence = false;
  SocialGpaResult r = compute_social_gpa(with_linked_certificate(), scheme, kAsOf);
  REQUIRE(r.items.size() == 2);
  CHECK_FALSE(r.items[0].counted);
  CHECK(r.items[0].points == 0);
  CHECK(r.points == 0);
  std::vector<Finding> f = social_gpa_findings(r);
  REQUIRE(f.size() == 2);
  CHECK(f[0].code == "gpa-no-evidence");
  CHECK(f[0].where.file == "experiences/coding/index.md");
  CHECK(f[0].where.line == 14);

  // Without require_evidence nothing needs evidence, links or not.
  scheme.require_evidence = false;
  CHECK(compute_social_gpa(with_linked_certificate(), scheme, kAsOf).points == 3);
}
