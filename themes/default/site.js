// casfolio: small enhancements. Every page works without this file; it only
// turns the cohort table's grouped lists into live filters.
(function () {
  "use strict";
  var table = document.getElementById("students-table");
  var box = document.getElementById("filters");
  if (!table || !box) return;
  var selects = box.querySelectorAll("select[data-filter]");
  var out = box.querySelector(".filter-count");
  function apply() {
    var want = {};
    Array.prototype.forEach.call(selects, function (s) { want[s.getAttribute("data-filter")] = s.value; });
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
      var ok = (!want.advisor || tr.getAttribute("data-advisor") === want.advisor) &&
               (!want.status || tr.getAttribute("data-status") === want.status);
      tr.hidden = !ok;
      if (ok) shown++;
    });
    if (out) out.textContent = (out.getAttribute("data-shown") || "{n}").replace("{n}", String(shown));
  }
  Array.prototype.forEach.call(selects, function (s) { s.addEventListener("change", apply); });
  box.hidden = false;
  apply();
})();
