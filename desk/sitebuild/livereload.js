// invoke livereload's client: reload when this page changed; show a failed build's problems over the last good page.
// Served by the dev server only (desk/sitebuild/devserver.py); never part of the built site.
(function () {
  "use strict";
  var script = document.currentScript;
  var pageSite = Number(script.getAttribute("data-site"));
  var pageServer = script.getAttribute("data-server");
  var pageDigest = script.getAttribute("data-page");
  var seen = -1;
  var box = null;

  function show(problems) {
    if (!box) {
      box = document.createElement("div");
      box.id = "livereload-problems";
      box.setAttribute("role", "alert");
      var s = box.style;  // styles through the CSSOM: allowed by the site's style-src 'self'
      s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
      s.maxHeight = "60vh"; s.overflow = "auto"; s.padding = "1rem 1.5rem"; s.margin = "0";
      s.background = "#fff4f2"; s.color = "#3b0a00"; s.borderTop = "4px solid #b42318";
      s.font = "15px/1.5 system-ui, sans-serif"; s.boxShadow = "0 -4px 16px rgba(0,0,0,.2)";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var title = document.createElement("h2");
    title.textContent = "The last save was not built: " + problems.length +
      (problems.length === 1 ? " problem" : " problems") + ". This is the last good page.";
    title.style.font = "bold 17px/1.4 system-ui, sans-serif"; title.style.margin = "0 0 .5rem";
    var list = document.createElement("ul");
    list.style.margin = "0"; list.style.paddingLeft = "1.2rem";
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      item.textContent = problem;
      item.style.fontFamily = "ui-monospace, monospace"; item.style.whiteSpace = "pre-wrap";
      list.appendChild(item);
    });
    var hint = document.createElement("p");
    hint.textContent = "Fix the file and save: this page updates by itself.";
    hint.style.margin = ".5rem 0 0";
    box.appendChild(title); box.appendChild(list); box.appendChild(hint);
  }

  function hide() {
    if (box) { box.remove(); box = null; }
  }

  function poll() {
    var query = "since=" + seen + "&page=" + encodeURIComponent(window.location.pathname);
    fetch("/__livereload/wait?" + query, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        seen = state.builds;
        if (state.problems.length) {
          show(state.problems);
        } else if (state.server !== pageServer ||
                   (state.page !== undefined ? state.page !== pageDigest : state.site > pageSite)) {
          window.location.reload();
          return;
        } else {
          hide();
        }
        poll();
      }, function () { window.setTimeout(poll, 1000); });  // the server restarting: try again
  }

  poll();
}());
