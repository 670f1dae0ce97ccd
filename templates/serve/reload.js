// casfolio serve: reloads the page when the site has been rebuilt, and shows
// a banner while the portfolios have errors. Only `casfolio serve` sends
// this file (it adds the <script> to each page as it serves it); a built
// site never contains it. It is a file, not inline code, so the pages'
// Content-Security-Policy (script-src 'self') stays as it is.
(function () {
  "use strict";
  var version = null;

  function banner(status) {
    var old = document.getElementById("casfolio-serve-banner");
    if (old) old.parentNode.removeChild(old);
    if (!status.banner) return;
    if (!document.getElementById("casfolio-serve-css")) {
      var link = document.createElement("link");
      link.id = "casfolio-serve-css";
      link.rel = "stylesheet";
      link.href = "/__casfolio/serve.css";
      document.head.appendChild(link);
    }
    var box = document.createElement("div");
    box.id = "casfolio-serve-banner";
    box.setAttribute("role", "alert");
    var title = document.createElement("strong");
    title.textContent = status.banner.title;
    box.appendChild(title);
    var hint = document.createElement("span");
    hint.textContent = " " + status.banner.hint;
    box.appendChild(hint);
    if (status.banner.items && status.banner.items.length) {
      var list = document.createElement("ul");
      status.banner.items.forEach(function (item) {
        var li = document.createElement("li");
        var where = document.createElement("code");
        where.textContent = item.where;
        li.appendChild(where);
        li.appendChild(document.createTextNode(" " + item.message));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    document.body.insertBefore(box, document.body.firstChild);
  }

  // A long poll: the server answers at once when the version differs from
  // ours, else when it changes or after a while.
  function poll() {
    // The page says which it is: a student's page shows only that student's errors.
    var url = "/__casfolio/events?page=" + encodeURIComponent(window.location.pathname) +
      (version === null ? "" : "&since=" + encodeURIComponent(version));
    fetch(url, { cache: "no-store" })
      .then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.json();
      })
      .then(function (status) {
        if (version !== null && status.version !== version) {
          window.location.reload();
          return;
        }
        version = status.version;
        banner(status);
        poll();
      })
      .catch(function () {
        setTimeout(poll, 1000);  // the server is restarting, or gone
      });
  }
  poll();
})();
