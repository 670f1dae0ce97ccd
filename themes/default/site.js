// casfolio: small enhancements. Every page works without this file: the
// cohort's table is then a plain one in the cohort's order. With it, the
// table gets a search by name, filters (class, adviser, status, a missing
// outcome) and a sort on every column; the filters also apply to the
// outcome matrix and the overdue list. The state lives in the address's
// fragment (#q=…&class=…&adviser=…&status=…&missing=…&sort=days-desc,name-asc),
// so a filtered view can be bookmarked and shared. No request leaves the page.
(function () {
  "use strict";
  var table = document.getElementById("students-table");
  var box = document.getElementById("filters");
  if (!table || !box) return;
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var order = {};
  each(rows, function (tr, i) { order[tr.getAttribute("data-student")] = i; });
  var controls = box.querySelectorAll("[data-filter]");
  var out = box.querySelector(".filter-count");
  var heads = table.tHead.rows[0].cells;
  var matrix = document.getElementById("matrix-table");
  var others = Array.prototype.filter.call(document.querySelectorAll("[data-student]"), function (el) {
    return el.parentNode !== body;
  });
  var lang = document.documentElement.lang || undefined;
  var collator = window.Intl && Intl.Collator ? new Intl.Collator(lang, { numeric: true, sensitivity: "base" }) : null;
  var compareText = function (a, b) { return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0); };
  var sort = [];  // [{key, dir}], the first is the primary order
  var orderedBy = "[]";  // the sort the rows are in: the page's own order
  var columns = {};
  each(heads, function (th, i) {
    var key = th.getAttribute("data-sort");
    if (key) columns[key] = i;
  });

  function value(tr, key) {
    var cell = tr.cells[columns[key]];
    var v = cell.getAttribute("data-v");
    if (v !== null) return parseFloat(v);
    var link = cell.querySelector("a");
    return (link || cell).textContent.trim();
  }

  function compareRows(a, b) {
    for (var i = 0; i < sort.length; i++) {
      var x = value(a, sort[i].key), y = value(b, sort[i].key);
      var c = typeof x === "number" ? x - y : compareText(x, y);
      if (c) return sort[i].dir === "desc" ? -c : c;
    }
    return order[a.getAttribute("data-student")] - order[b.getAttribute("data-student")];
  }

  function reorder(tbody, sorted) {
    var byId = {};
    each(tbody.rows, function (tr) { byId[tr.getAttribute("data-student")] = tr; });
    each(sorted, function (tr) {
      var same = byId[tr.getAttribute("data-student")];
      if (same) tbody.appendChild(same);
    });
  }

  function state() {
    var s = {};
    each(controls, function (c) { if (c.value) s[c.getAttribute("data-filter")] = c.value; });
    return s;
  }

  function shows(tr, want) {
    if (want.q) {
      var words = want.q.toLowerCase().split(/\s+/);
      var text = (tr.getAttribute("data-name") || "").toLowerCase();
      for (var i = 0; i < words.length; i++) if (words[i] && text.indexOf(words[i]) < 0) return false;
    }
    if (want["class"] && tr.getAttribute("data-class") !== want["class"]) return false;
    if (want.adviser && tr.getAttribute("data-adviser") !== want.adviser) return false;
    if (want.status && tr.getAttribute("data-status") !== want.status) return false;
    if (want.missing && (tr.getAttribute("data-missing") || "").indexOf(" " + want.missing + " ") < 0) return false;
    return true;
  }

  function apply() {
    var want = state();
    var visible = {};
    var shown = 0;
    each(rows, function (tr) {
      var ok = shows(tr, want);
      tr.hidden = !ok;
      if (ok) { visible[tr.getAttribute("data-student")] = true; shown++; }
    });
    each(others, function (el) { el.hidden = !visible[el.getAttribute("data-student")]; });
    if (out) out.textContent = (out.getAttribute("data-shown") || "{n}").replace("{n}", String(shown));
    if (matrix) totals(visible, shown);
    // Rows move only when the order changes (moving 2,000 rows is most of
    // a filter's time at 1,000 students).
    var key = JSON.stringify(sort);
    if (key !== orderedBy) {
      orderedBy = key;
      var sorted = rows.slice().sort(compareRows);
      reorder(body, sorted);
      if (matrix) reorder(matrix.tBodies[0], sorted);
    }
    each(heads, function (th) {
      var key = th.getAttribute("data-sort");
      if (!key) return;
      if (sort.length && sort[0].key === key) th.setAttribute("aria-sort", sort[0].dir === "desc" ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  }

  // The matrix's totals count the students shown.
  function totals(visible, shown) {
    var foot = matrix.tFoot;
    if (!foot) return;
    var cells = foot.rows[0].cells, per = [], pairs = 0, outcomes = cells.length - 2;
    for (var i = 0; i < outcomes; i++) per.push(0);
    each(matrix.tBodies[0].rows, function (tr) {
      if (!visible[tr.getAttribute("data-student")]) return;
      for (var i = 0; i < outcomes; i++) if (tr.cells[i + 1].className.indexOf("on") >= 0) { per[i]++; pairs++; }
    });
    for (var j = 0; j < outcomes; j++) cells[j + 1].textContent = String(per[j]);
    cells[cells.length - 1].textContent = pairs + " / " + shown * outcomes;
  }

  function writeHash() {
    var want = state(), parts = [];
    each(["q", "class", "adviser", "status", "missing"], function (k) {
      if (want[k]) parts.push(k + "=" + encodeURIComponent(want[k]));
    });
    if (sort.length) parts.push("sort=" + sort.map(function (s) { return s.key + "-" + s.dir; }).join(","));
    var url = parts.length ? "#" + parts.join("&") : location.pathname + location.search;
    try { history.replaceState(null, "", url); } catch (e) { if (parts.length) location.replace(url); }
  }

  function readHash() {
    var h = location.hash.replace(/^#/, "");
    if (h.indexOf("=") < 0) return false;  // an anchor such as #matrix-h, not a view
    var got = {};
    each(h.split("&"), function (kv) {
      var i = kv.indexOf("=");
      if (i < 0) return;
      try { got[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " ")); } catch (e) {}
    });
    each(controls, function (c) {
      var v = got[c.getAttribute("data-filter")] || "";
      if (c.tagName === "SELECT" && v && !c.querySelector("option[value=\"" + v.replace(/["\\]/g, "\\$&") + "\"]")) v = "";
      c.value = v;
    });
    sort = [];
    each((got.sort || "").split(","), function (s) {
      var m = /^([a-z]+)-(asc|desc)$/.exec(s);
      if (m && columns[m[1]] !== undefined && sort.length < 2) sort.push({ key: m[1], dir: m[2] });
    });
    return true;
  }

  // Sort buttons in the headers: a click sorts by that column (again:
  // the other way), and the previous column orders the ties.
  var label = box.getAttribute("data-sort-label") || "{column}";
  each(heads, function (th) {
    var key = th.getAttribute("data-sort");
    if (!key) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    while (th.firstChild) button.appendChild(th.firstChild);
    button.title = label.replace("{column}", button.textContent.trim());
    th.appendChild(button);
    button.addEventListener("click", function () {
      if (sort.length && sort[0].key === key) sort[0].dir = sort[0].dir === "asc" ? "desc" : "asc";
      else sort = [{ key: key, dir: "asc" }].concat(sort.filter(function (s) { return s.key !== key; }).slice(0, 1));
      apply();
      writeHash();
    });
  });

  each(controls, function (c) {
    c.addEventListener(c.tagName === "INPUT" ? "input" : "change", function () { apply(); writeHash(); });
  });
  box.addEventListener("submit", function (e) { e.preventDefault(); });
  box.addEventListener("reset", function () {
    setTimeout(function () { sort = []; apply(); writeHash(); }, 0);
  });
  window.addEventListener("hashchange", function () { if (readHash()) apply(); });
  box.hidden = false;
  readHash();
  apply();
  document.documentElement.setAttribute("data-table-ready", "");
})();
