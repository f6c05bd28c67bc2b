/* Material's version selector (on a published version) names its button «انتخاب ویرایش» while the button
   shows the publication's title: a voice user says what they see, so the name must hold the visible text
   (WCAG 2.5.3). Material draws the selector after it reads versions.json: each button is named as soon as
   it appears. Nothing happens on a local build, which has no selector. */
(function () {
  "use strict";
  var said = document.documentElement.lang === "en" ? "Select version: " : "انتخاب ویرایش: ";
  function name(root) {
    root.querySelectorAll(".md-version__current").forEach(function (button) {
      var shown = button.textContent.trim();
      if (shown && button.getAttribute("aria-label") !== said + shown) {
        button.setAttribute("aria-label", said + shown);
      }
    });
  }
  name(document);
  new MutationObserver(function () { name(document); })
    .observe(document.body, { childList: true, subtree: true });
})();
