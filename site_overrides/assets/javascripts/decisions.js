/* The decisions tracker: filter by programme, province and status, and sort, in the page itself.
   Without JavaScript every decision is still on the page, in the order they were made. */
(function () {
  "use strict";
  var form = document.querySelector("form.portal-filter");
  var list = document.querySelector(".portal-decisions");
  if (!form || !list) return;
  var cards = Array.prototype.slice.call(list.querySelectorAll("article.portal-decision"));
  var rank = { overdue: 0, pledged: 1, "in-progress": 2, delivered: 3, cancelled: 4 };
  var keys = {
    made: function (c) { return c.dataset.made; },
    due: function (c) { return c.dataset.due || "9999"; },
    progress: function (c) { return c.dataset.progress === "" ? 2 : -parseFloat(c.dataset.progress); },
    status: function (c) { return rank[c.dataset.status]; }
  };
  var digits = "۰۱۲۳۴۵۶۷۸۹";
  var english = document.documentElement.lang === "en";  // the English edition's tracker (en/decisions/)
  function persian(n) { return String(n).replace(/[0-9]/g, function (d) { return digits[d]; }); }
  function apply() {
    var want = {
      programme: form.elements.programme.value,
      province: form.elements.province.value,
      status: form.elements.status.value
    };
    var key = keys[form.elements.sort.value] || keys.made;
    var shown = 0;
    cards.slice().sort(function (a, b) {
      var x = key(a), y = key(b);
      return x < y ? -1 : x > y ? 1 : cards.indexOf(a) - cards.indexOf(b);
    }).forEach(function (card) {
      var provinces = card.dataset.provinces ? card.dataset.provinces.split(" ") : [];
      var ok = (!want.programme || card.dataset.programme === want.programme) &&
        (!want.province || provinces.length === 0 || provinces.indexOf(want.province) >= 0) &&
        (!want.status || card.dataset.status === want.status);
      card.hidden = !ok;
      shown += ok ? 1 : 0;
      list.appendChild(card);
    });
    form.querySelector("output").textContent = english ? shown + " of " + cards.length + " decisions"
      : persian(shown) + " تصمیم از " + persian(cards.length);
  }
  form.hidden = false;
  // the note for readers without JavaScript says what the filter would do: with it, the filter is there
  document.querySelectorAll(".portal-nojs").forEach(function (note) { note.hidden = true; });
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
