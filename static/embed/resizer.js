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
