/* The website kit: each snippet's live preview is the snippet itself, pasted into a plain page
   (serif text, as many school websites have), and choosing a challenge changes both at once. */
(function () {
  "use strict";
  var HOST_PAGE_START =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preview</title></head>' +
    '<body style="margin:8px;font-family:Georgia,serif">';

  function showPreview(section) {
    var code = section.querySelector("textarea").value;
    section.querySelector("[data-kit-preview]").srcdoc = HOST_PAGE_START + code + "</body></html>";
  }

  function choose(select) {
    var option = select.options[select.selectedIndex];
    document.querySelectorAll("[data-kit-snippet^='challenge-']").forEach(function (section) {
      var code = option.getAttribute("data-" + section.getAttribute("data-kit-snippet"));
      if (code === null) return;
      section.querySelector("textarea").value = code;
      showPreview(section);
    });
  }

  function start() {
    document.querySelectorAll("[data-kit-snippet]").forEach(showPreview);
    var select = document.querySelector("[data-kit-chooser] select");
    if (select) select.addEventListener("change", function () { choose(select); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
