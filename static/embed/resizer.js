// Tells the page embedding this frame how tall the content is, so it can grow to fit, and what
// it is called, so that the frame can be named after it.
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = 0;
  function report() {
    // The content's own height: documentElement.scrollHeight is never less than the frame's
    // viewport, so a frame measured with it could grow but never shrink to a short challenge.
    var height = Math.ceil(Math.max(document.documentElement.getBoundingClientRect().height,
                                    document.body ? document.body.scrollHeight : 0));
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "lcl:resize", height: height, title: document.title }, "*");
    }
  }
  if ("ResizeObserver" in window) new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener("load", report);
  report();
})();

// "My child is in...": school websites frame embeds in sandboxes that may forbid forms, so the
// choice is a navigation of the frame itself (the plain form still works where forms may run).
(function () {
  "use strict";
  document.querySelectorAll("form[data-year-choice]").forEach(function (form) {
    var button = form.querySelector("button[type=submit]");
    if (!button) return;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, name) { if (value) params.append(name, value); });
      var query = params.toString();
      window.location.assign(form.getAttribute("action") + (query ? "?" + query : ""));
    });
  });
})();
