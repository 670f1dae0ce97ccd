// The renderer's small parts: URLs, charts, redaction, theme overrides.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fixture.h"
#include "render/charts.h"
#include "render/redact.h"
#include "render/template_set.h"
#include "render/ui_text.h"
#include "render/url.h"
#include "util/text.h"

using namespace casfolio;
using namespace casfolio::test;
namespace fs = std::filesystem;

TEST_CASE("site paths become safe relative links") {
  CHECK(encode_path("en/students/a/index.html") == "en/students/a/index.html");
  CHECK(encode_path("media/a/files/my \"photo\" <1>.pdf") == "media/a/files/my%20%22photo%22%20%3C1%3E.pdf");
  CHECK(encode_path("Қ.jpg") == "%D2%9A.jpg");
  CHECK(percent_decoded("my%20%22photo%22.pdf") == "my \"photo\".pdf");
  CHECK(percent_decoded("100%") == "100%");
  CHECK(root_prefix("index.html") == "");
  CHECK(root_prefix("kk/students/a/index.html") == "../../../");
  CHECK(with_html_extension("experiences/x/2026-09-30-first.md") == "experiences/x/2026-09-30-first.html");
  CHECK(with_html_extension("a.b/c") == "a.b/c.html");
  CHECK(anchor_id("Ms Adviser", 1) == "ms-adviser");
  CHECK(anchor_id("1.2", 0) == "1-2");
  CHECK(anchor_id("Гүлнар Омарова", 3) == "x3");
}

TEST_CASE("charts escape their text and describe themselves for screen readers") {
  const UiText& en = UiText::get(Language::en);
  std::string bars = hours_chart("h", {10, 0, 2.5}, {5, 0, 0}, en);
  CHECK(bars.starts_with("<svg class=\"chart hours-chart\" viewBox=\"0 0 360 196\" width=\"360\" height=\"196\" role=\"img\" "
                         "aria-labelledby=\"h-t\" focusable=\"false\"><title id=\"h-t\">Hours per strand: Creativity — "
                         "Claimed 10, Confirmed 5; Activity — Claimed 0, Confirmed 0; Service — Claimed 2.5, Confirmed 0</title>"));
  CHECK(bars.find("style=") == std::string::npos);
  std::string cells = outcomes_chart("o", {{"1", "A <b>", 2}, {"2", "B", 0}}, en);
  CHECK(cells.find("<title id=\"o-t\">1 of 2 learning outcomes evidenced</title>") != std::string::npos);
  CHECK(cells.find("<g><title>LO1: A &lt;b&gt; (2)</title><rect x=\"0\" y=\"0\" width=\"44\" height=\"44\" class=\"lo-on\" rx=\"6\"/>") !=
        std::string::npos);
  CHECK(cells.find("class=\"lo-off\"") != std::string::npos);
  std::string line = timeline_chart("t", {{"<script>", day("2026-09-10"), Date(), 0, false}},
                                    {{day("2026-10-01"), false}, {day("2026-11-01"), true}}, day("2026-09-01"),
                                    day("2027-08-31"), day("2027-01-15"), en);
  CHECK(line.find("&lt;script&gt;") != std::string::npos);
  CHECK(line.find("<script") == std::string::npos);
  CHECK(line.find("class=\"bar s-creativity ongoing\"") != std::string::npos);
  CHECK(line.find("class=\"mark interview\"") != std::string::npos);
  CHECK(line.find(">today</text>") != std::string::npos);
  CHECK(timeline_chart("t", {}, {}, day("2027-01-01"), day("2026-01-01"), day("2026-06-01"), en) == "");
  CHECK(strand_bar({1, 1, 2}, en).find("aria-label=\"Creativity 1, Activity 1, Service 2\"") != std::string::npos);
  CHECK(escape_html("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
}

TEST_CASE("redaction keeps the public part of a portfolio and re-links it") {
  Portfolio p = make_ana();
  PublicPortfolio pub = redact_for_public(p);
  const Portfolio& r = pub.portfolio;
  CHECK(r.profile.candidate == "");
  CHECK(r.profile.email == "");
  CHECK(r.profile.growth.empty());
  CHECK(r.profile.strengths == std::vector<std::string>{"Patience"});
  CHECK(r.profile.advisor == "Ms Adviser");
  REQUIRE(r.experiences.size() == 2);
  CHECK(r.experiences[0].id == "guitar");
  CHECK(r.experiences[1].id == "cleanup");
  CHECK(r.experiences[0].supervisor.name == "Sam Teacher");
  CHECK(r.experiences[0].supervisor.email == "");
  CHECK(r.experiences[0].supervisor.phone == "");
  REQUIRE(r.reflections.size() == 3);
  CHECK(r.reflections[0].experience == 0);
  CHECK(r.reflections[1].experience == -1);
  CHECK(r.reflections[2].experience == 1);
  CHECK(r.experiences[1].reflections == std::vector<int>{2});
  CHECK(pub.hidden_dirs == std::set<std::string>{"experiences/diary", "self-assessment"});
  for (const std::string& f : r.files) CHECK_FALSE(f.starts_with("experiences/diary/"));
  CHECK(pub.hide_interviews);
  // An experience named in `private:` goes too, and `name` may be private.
  p.profile.private_keys = {"cleanup", "name", "plan"};
  PublicPortfolio more = redact_for_public(p);
  CHECK(more.portfolio.profile.name == "ana");
  CHECK(more.portfolio.experiences.size() == 1);
  CHECK_FALSE(more.portfolio.plan.has_value());
  CHECK(more.portfolio.profile.growth == std::vector<std::string>{"PRIVATE-GROWTH-ITEM"});
}

TEST_CASE("a theme folder replaces the built-in files it has") {
  std::string pattern = (fs::temp_directory_path() / "casfolio-theme-XXXXXX").string();
  fs::path dir = ::mkdtemp(pattern.data());
  write_file(dir / "style.css", "body{color:red}");
  write_file(dir / "extra.css", ".x{}");
  write_file(dir / "templates/search.html", "{{> partials/head}}<h1>{{title}}</h1>{{> partials/foot}}");
  write_file(dir / "templates/timeline.html", "{{#broken}}");
  TemplateSet set("default", dir.string());
  CHECK(set.assets().at("style.css") == "body{color:red}");
  CHECK(set.assets().count("extra.css") == 1);
  CHECK(set.assets().count("search.js") == 1);
  View page;
  page.set("title", "<Find>");
  std::string error;
  std::string html = set.render("search", {&page}, error);
  CHECK(error == "");
  CHECK(html.find("<h1>&lt;Find&gt;</h1>") != std::string::npos);
  set.render("timeline", {&page}, error);
  CHECK(error == "Unclosed section \"broken\" at 0");
  CHECK(set.origin("timeline") == (dir / "templates/timeline.html").string());
  CHECK(set.origin("student") == "templates/student.html");
  // An unknown theme name falls back to the built-in default.
  CHECK(TemplateSet("no-such-theme", "").assets().count("style.css") == 1);
  fs::remove_all(dir);
}
