// casfolio: offline search. The index is a script (search-index.js) that sets
// window.CASFOLIO_SEARCH, because fetch() of a local JSON file fails from
// file://. Results are built with DOM calls only: no text from the index is
// ever parsed as HTML.
(function () {
  "use strict";
  var index = window.CASFOLIO_SEARCH || [];
  var root = document.body.getAttribute("data-root") || "";
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !status) return;

  function norm(s) { return String(s || "").toLowerCase(); }

  // `text` with every term wrapped in <mark>, as DOM nodes.
  function highlighted(parent, text, terms) {
    var lower = norm(text), pos = 0;
    while (pos < text.length) {
      var best = -1, len = 0;
      terms.forEach(function (t) {
        var i = lower.indexOf(t, pos);
        if (i >= 0 && (best < 0 || i < best)) { best = i; len = t.length; }
      });
      if (best < 0) { parent.appendChild(document.createTextNode(text.slice(pos))); break; }
      if (best > pos) parent.appendChild(document.createTextNode(text.slice(pos, best)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(best, best + len);
      parent.appendChild(mark);
      pos = best + len;
    }
  }

  function snippet(text, term) {
    var i = norm(text).indexOf(term);
    if (i < 0 || text.length <= 180) return text.slice(0, 180);
    var start = Math.max(0, i - 60);
    return (start > 0 ? "…" : "") + text.slice(start, start + 180) + (start + 180 < text.length ? "…" : "");
  }

  function run(query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var q = query.trim();
    if (q.length < 2) { status.textContent = q ? status.getAttribute("data-hint") : ""; return; }
    var terms = norm(q).split(/\s+/).filter(Boolean);
    var hits = [];
    index.forEach(function (e) {
      var title = norm(e.t), hay = title + " " + norm(e.s) + " " + norm(e.x), score = 0;
      for (var i = 0; i < terms.length; i++) {
        if (hay.indexOf(terms[i]) < 0) return;
        score += title.indexOf(terms[i]) >= 0 ? 3 : 1;
      }
      hits.push({ e: e, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.e.u < b.e.u ? -1 : a.e.u > b.e.u ? 1 : 0); });
    status.textContent = hits.length
      ? status.getAttribute("data-found").replace("{n}", String(hits.length))
      : status.getAttribute("data-none");
    hits.slice(0, 100).forEach(function (h) {
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = h.e.k;
      var a = document.createElement("a");
      a.href = root + h.e.u;
      highlighted(a, h.e.t, terms);
      var who = document.createElement("span");
      who.className = "result-student";
      who.textContent = h.e.s === h.e.t ? "" : " · " + h.e.s;
      var title = document.createElement("h2");
      title.className = "entry-title";
      title.appendChild(kind);
      title.appendChild(a);
      title.appendChild(who);
      li.appendChild(title);
      if (h.e.x) {
        var p = document.createElement("p");
        p.className = "excerpt";
        highlighted(p, snippet(h.e.x, terms[0]), terms);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(input.value); });
  input.addEventListener("input", function () { run(input.value); });
  var q = "";
  try { q = new URLSearchParams(window.location.search).get("q") || ""; } catch (e) { q = ""; }
  if (q) { input.value = q; run(q); }
  input.focus();
})();
