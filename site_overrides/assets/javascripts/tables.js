/* Material wraps each table in a box that scrolls sideways when the table is wider than the screen. A
   keyboard user can scroll such a box only if it can take the focus: give each box a place in the tab
   order and a name (the figure's caption, or the table's first header). Runs again after each page
   Material loads itself (instant navigation), through its document$ observable when there is one. */
(function () {
  "use strict";
  var english = document.documentElement.lang === "en";  // the English edition's pages (en/)
  function label(box) {
    var figure = box.closest("figure");
    var caption = figure && figure.querySelector("figcaption");
    var th = box.querySelector("th");
    return (english ? "Table: " : "جدول: ") + ((caption && caption.textContent) || (th && th.textContent) || "").trim();
  }
  var digits = "۰۱۲۳۴۵۶۷۸۹";
  function apply() {
    var seen = {};
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      var name = label(box);
      seen[name] = (seen[name] || 0) + 1;
      if (seen[name] > 1) {  // each region's name is its own
        name += " (" + (english ? String(seen[name])
          : String(seen[name]).replace(/[0-9]/g, function (d) { return digits[d]; })) + ")";
      }
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name);
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(apply);
  } else {
    apply();
  }
})();
