#include "render/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "indicators/progress.h"
#include "render/markdown.h"
#include "render/ui_text.h"

namespace casfolio {

namespace {

const char* kStrandKeys[3] = {"strand_creativity", "strand_activity", "strand_service"};
const char* kStrandClass[3] = {"s-creativity", "s-activity", "s-service"};

// Every SVG coordinate goes through here. The loader keeps numbers finite
// and bounded (yaml_fields.h); a NaN or infinity that got here anyway is
// drawn as 0, never printed as "nan" or "inf" into an attribute.
std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  v = std::clamp(v, -1e9, 1e9);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  return s;
}

std::string svg_open(const std::string& id, int width, int height, const std::string& cls, const std::string& title) {
  std::string s = "<svg class=\"chart " + cls + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                  std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
                  std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" + id + "-t\" focusable=\"false\">";
  s += "<title id=\"" + id + "-t\">" + escape_html(title) + "</title>";
  return s;
}

std::string text(double x, double y, const std::string& content, const std::string& cls = "",
                 const char* anchor = nullptr) {
  std::string s = "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"";
  if (!cls.empty()) s += " class=\"" + cls + "\"";
  if (anchor) s += std::string(" text-anchor=\"") + anchor + "\"";
  return s + ">" + escape_html(content) + "</text>";
}

std::string rect(double x, double y, double w, double h, const std::string& cls, double r = 0) {
  std::string s = "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(0.0, w)) +
                  "\" height=\"" + num(h) + "\" class=\"" + cls + "\"";
  if (r > 0) s += " rx=\"" + num(r) + "\"";
  return s + "/>";
}

}  // namespace

std::string escape_html(std::string_view in) {
  std::string out;
  out.reserve(in.size() + 8);
  for (char c : in) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string catalog_text_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    size_t open = text.find('`', i);
    size_t close = open == std::string_view::npos ? open : text.find('`', open + 1);
    if (close == std::string_view::npos) {
      out += escape_html(text.substr(i));
      break;
    }
    out += escape_html(text.substr(i, open - i));
    out += "<code>" + escape_html(text.substr(open + 1, close - open - 1)) + "</code>";
    i = close + 1;
  }
  return out;
}

std::string hours_chart(const std::string& id, const std::array<double, 3>& claimed_in,
                        const std::array<double, 3>& confirmed_in, const UiText& ui) {
  const int width = 360, row = 58, label_w = 0, value_w = 56;
  const int height = row * 3 + 22;
  // Finite, and small enough to print (ui.number(1e308) would round through inf).
  auto printable = [](std::array<double, 3> v) {
    for (double& x : v) x = std::isfinite(x) ? std::clamp(x, 0.0, 1e9) : 0.0;
    return v;
  };
  const std::array<double, 3> claimed = printable(claimed_in), confirmed = printable(confirmed_in);
  double max = 1;
  for (int i = 0; i < 3; ++i) max = std::max({max, claimed[size_t(i)], confirmed[size_t(i)]});
  std::string summary = ui.s("chart_hours_title") + ": ";
  for (int i = 0; i < 3; ++i) {
    if (i) summary += "; ";
    summary += ui.s(kStrandKeys[i]) + " — " + ui.s("hours_claimed") + " " + ui.number(claimed[size_t(i)]) + ", " +
               ui.s("hours_confirmed") + " " + ui.number(confirmed[size_t(i)]);
  }
  std::string s = svg_open(id, width, height, "hours-chart", summary);
  double bar_max = width - label_w - value_w;
  for (int i = 0; i < 3; ++i) {
    double y = i * row;
    s += text(0, y + 13, ui.s(kStrandKeys[i]), "label");
    double wc = bar_max * claimed[size_t(i)] / max, wf = bar_max * confirmed[size_t(i)] / max;
    s += rect(0, y + 19, bar_max, 12, "track", 3);
    s += rect(0, y + 19, wc, 12, std::string("claimed ") + kStrandClass[i], 3);
    s += text(wc + 6, y + 29, ui.number(claimed[size_t(i)]), "value");
    s += rect(0, y + 35, bar_max, 12, "track", 3);
    s += rect(0, y + 35, wf, 12, std::string("confirmed ") + kStrandClass[i], 3);
    s += text(wf + 6, y + 45, ui.number(confirmed[size_t(i)]), "value");
  }
  double ly = row * 3 + 8;
  s += rect(0, ly, 12, 10, "claimed legend", 2) + text(18, ly + 9, ui.s("hours_claimed"), "legend-text");
  s += rect(150, ly, 12, 10, "confirmed legend", 2) + text(168, ly + 9, ui.s("hours_confirmed"), "legend-text");
  return s + "</svg>";
}

std::string outcomes_chart(const std::string& id, const std::vector<OutcomeCell>& cells, const UiText& ui) {
  const int cell = 44, gap = 6, height = 74;
  int width = std::max(1, int(cells.size()) * (cell + gap) - gap);
  int evidenced = 0;
  for (const auto& c : cells) evidenced += c.count > 0;
  std::string summary = ui.format("chart_outcomes_title", {{"evidenced", std::to_string(evidenced)},
                                                          {"total", std::to_string(cells.size())}});
  std::string s = svg_open(id, width, height, "outcomes-chart", summary);
  for (size_t i = 0; i < cells.size(); ++i) {
    const OutcomeCell& c = cells[i];
    double x = double(i) * (cell + gap);
    s += "<g><title>" + escape_html(ui.s("outcome_short") + c.id + ": " + c.name + " (" + std::to_string(c.count) + ")") +
         "</title>";
    s += rect(x, 0, cell, cell, c.count > 0 ? "lo-on" : "lo-off", 6);
    s += text(x + cell / 2.0, 27, c.id, c.count > 0 ? "lo-id on" : "lo-id", "middle");
    s += text(x + cell / 2.0, 64, c.count > 0 ? "×" + std::to_string(c.count) : "–", "lo-count", "middle");
    s += "</g>";
  }
  return s + "</svg>";
}

std::string timeline_chart(const std::string& id, const std::vector<TimelineRow>& rows,
                           const std::vector<TimelineMark>& marks, Date from, Date to, Date as_of,
                           const UiText& ui, bool with_interviews) {
  const int width = 800, gutter = 200, row_h = 24, axis_h = 40;
  if (!from.valid() || !to.valid() || to <= from) return {};
  int extra_rows = 1;  // reflections and interviews share the last row
  int height = axis_h + row_h * (int(rows.size()) + extra_rows) + 8;
  double plot_w = width - gutter - 10;
  double span = double(to - from);
  auto xpos = [&](Date d) {
    double v = double(std::clamp(d, from, to) - from) / span;
    return gutter + v * plot_w;
  };
  std::string summary = ui.format("chart_timeline_title", {{"experiences", std::to_string(rows.size())},
                                                          {"from", ui.date(from)},
                                                          {"to", ui.date(to)}});
  std::string s = svg_open(id, width, height, "timeline-chart", summary);

  // Month grid: every month, labelled every month or every third one.
  int months = (to.year() - from.year()) * 12 + to.month() - from.month() + 1;
  int step = months <= 12 ? 1 : months <= 30 ? 3 : 6;
  int y = from.year(), m = from.month();
  bool first_label = true;
  for (int i = 0; i < months; ++i) {
    Date first = Date::from_ymd(y, m, 1);
    if (first >= from) {
      double x = xpos(first);
      bool labelled = (m - 1) % step == 0;
      s += "<line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + std::to_string(axis_h - 6) + "\" y2=\"" +
           std::to_string(height - 4) + "\" class=\"" + (labelled ? "grid major" : "grid") + "\"/>";
      if (labelled) {
        std::string label = ui.month_short(m);
        if (m == 1 || first_label) label += " " + std::to_string(y);
        first_label = false;
        s += text(x + 3, 28, label, "axis");
      }
    }
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const TimelineRow& r = rows[i];
    double ry = axis_h + double(i) * row_h;
    s += "<g><title>" + escape_html(r.label + ": " + ui.date(r.start) + " – " + (r.end.valid() ? ui.date(r.end) : ui.s("ongoing"))) + "</title>";
    s += text(gutter - 8, ry + 15, truncate_text(r.label, 24), "row-label", "end");
    Date end = r.end.valid() ? r.end : std::max(r.start, as_of);
    double x1 = xpos(r.start), x2 = std::max(xpos(end), x1 + 4);
    std::string cls = std::string("bar ") + (r.strand >= 0 ? kStrandClass[r.strand] : "s-none");
    if (!r.end.valid()) cls += " ongoing";
    if (r.project) cls += " project";
    s += rect(x1, ry + 5, x2 - x1, 14, cls, 4);
    s += "</g>";
  }
  double my = axis_h + double(rows.size()) * row_h;
  s += text(gutter - 8, my + 15, ui.s(with_interviews ? "chart_marks_label" : "chart_marks_reflections"), "row-label", "end");
  for (const TimelineMark& mk : marks) {
    if (!mk.date.valid() || mk.date < from || mk.date > to) continue;
    double x = xpos(mk.date);
    if (mk.interview)
      s += "<path d=\"M" + num(x) + " " + num(my + 5) + "l6 7-6 7-6-7z\" class=\"mark interview\"/>";
    else
      s += "<circle cx=\"" + num(x) + "\" cy=\"" + num(my + 12) + "\" r=\"4.5\" class=\"mark reflection\"/>";
  }
  if (as_of >= from && as_of <= to) {
    double x = xpos(as_of);
    s += "<line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"15\" y2=\"" + std::to_string(height - 2) +
         "\" class=\"today\"/>";
    s += text(x, 11, ui.s("today"), "today-label", "middle");
  }
  return s + "</svg>";
}

std::string strand_bar(const std::array<int, 3>& counts, const UiText& ui) {
  const int width = 90, height = 12;
  int total = counts[0] + counts[1] + counts[2];
  std::string summary;
  for (int i = 0; i < 3; ++i) {
    if (i) summary += ", ";
    summary += ui.s(kStrandKeys[i]) + " " + std::to_string(counts[size_t(i)]);
  }
  std::string s = "<svg class=\"strand-bar\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
                  "\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
                  "\" role=\"img\" aria-label=\"" + escape_html(summary) + "\" focusable=\"false\">";
  s += rect(0, 0, width, height, "track", 3);
  double x = 0;
  for (int i = 0; i < 3 && total > 0; ++i) {
    double w = double(width) * counts[size_t(i)] / total;
    if (w > 0) s += rect(x, 0, w, height, std::string("solid ") + kStrandClass[i]);
    x += w;
  }
  return s + "</svg>";
}

std::string share_bar(int part, int whole, const std::string& label) {
  const int width = 90, height = 10;
  std::string s = "<svg class=\"share-bar\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
                  "\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
                  "\" role=\"img\" aria-label=\"" + escape_html(label) + "\" focusable=\"false\">";
  s += rect(0, 0, width, height, "track", 3);
  if (whole > 0 && part > 0) s += rect(0, 0, double(width) * std::min(part, whole) / whole, height, "solid share", 3);
  return s + "</svg>";
}

namespace {

double coverage_percent(const CohortProgress& p, const MonthProgress& m) {
  long long all = static_cast<long long>(p.students) * p.outcomes;
  return all > 0 ? 100.0 * m.evidenced_pairs / double(all) : 0;
}

}  // namespace

std::string progress_chart(const std::string& id, const CohortProgress& progress, const UiText& ui) {
  if (progress.months.empty() || progress.students == 0) return "";
  const int step = 30, left = 40, right = 44, top = 16, plot = 140, bottom = 34;
  const int width = left + step * int(progress.months.size()) + right, height = top + plot + bottom;
  int most = 1;
  for (const MonthProgress& m : progress.months) most = std::max(most, m.reflections);
  std::string s = svg_open(id, width, height, "progress-chart", ui.s("progress_chart_label"));
  const double base = top + plot;
  s += "<line x1=\"" + num(left) + "\" x2=\"" + num(width - right) + "\" y1=\"" + num(base) + "\" y2=\"" + num(base) +
       "\" class=\"axis-line\"/>";
  s += text(left - 6, top + 4, std::to_string(most), "axis", "end");
  s += text(left - 6, base, "0", "axis", "end");
  s += text(width - right + 6, top + 4, "100%", "axis");
  s += text(width - right + 6, base, "0%", "axis");
  std::string line;
  for (size_t i = 0; i < progress.months.size(); ++i) {
    const MonthProgress& m = progress.months[i];
    double x = left + step * double(i);
    double h = plot * double(m.reflections) / most;
    if (m.reflections > 0) s += rect(x + 5, base - h, step - 10, h, "bar progress-bar", 2);
    double y = base - plot * coverage_percent(progress, m) / 100.0;
    line += (line.empty() ? "" : " ") + num(x + step / 2.0) + "," + num(y);
    s += text(x + step / 2.0, base + 14, ui.month_short(m.month), "axis", "middle");
    if (i == 0 || m.month == 1) s += text(x + step / 2.0, base + 28, std::to_string(m.year), "axis", "middle");
  }
  s += "<polyline points=\"" + line + "\" class=\"coverage-line\"/>";
  return s + "</svg>";
}

std::string progress_table(const CohortProgress& progress, const UiText& ui) {
  if (progress.months.empty() || progress.students == 0) return "";
  std::string s = "<table class=\"progress-table\"><caption>" + escape_html(ui.s("progress_caption")) +
                  "</caption><thead><tr><th scope=\"col\">" + escape_html(ui.s("progress_col_month")) +
                  "</th><th scope=\"col\" class=\"num\">" + escape_html(ui.s("progress_col_reflections")) +
                  "</th><th scope=\"col\" class=\"num\">" + escape_html(ui.s("progress_col_coverage")) +
                  "</th></tr></thead><tbody>";
  for (const MonthProgress& m : progress.months)
    s += "<tr><th scope=\"row\">" + escape_html(ui.month_year(m.year, m.month)) + "</th><td class=\"num\">" +
         std::to_string(m.reflections) + "</td><td class=\"num\">" + ui.number(coverage_percent(progress, m), 0) +
         "%</td></tr>";
  return s + "</tbody></table>";
}

}  // namespace casfolio
