// Print buttons: no inline script, so the page keeps a strict Content Security Policy.
document.querySelectorAll("[data-print]").forEach(function (button) {
  // Opened from a sandboxed embed, the page cannot open the print dialog itself.
  if (window.origin === "null") {
    var hint = document.createElement("span");
    hint.textContent = "Use your browser's Print (Ctrl+P or ⌘P).";
    button.replaceWith(hint);
    return;
  }
  button.addEventListener("click", function () { window.print(); });
});

// Search filters: open beside the results on a wide screen (CSS does it where ::details-content
// is supported; this covers the other browsers), one "Filters" control on a phone.
document.querySelectorAll("details[data-open-when-wide]").forEach(function (details) {
  var wide = window.matchMedia("(min-width: 48rem)");
  function follow() { details.open = wide.matches; }
  follow();
  wide.addEventListener("change", follow);
});
