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

// The print view's one Print action: with the choice already shown it prints at once; a new
// choice loads first (the form's plain GET, which also works without script), then prints.
(function () {
  var PRINT_AFTER_LOAD = "lcl:print-after-load";
  var form = document.querySelector("form[data-print-form]");
  if (!form) return;
  function chosen(params) {
    var kept = [];
    params.forEach(function (value, name) { if (value) kept.push(name + "=" + value); });
    return kept.sort().join("&");
  }
  var sandboxed = window.origin === "null";  // opened from an embed: no print dialog, no storage
  if (sandboxed) {
    var hint = document.createElement("span");
    hint.textContent = " Then use your browser's Print (Ctrl+P or ⌘P).";
    form.querySelector("button[type=submit]").after(hint);
    return;
  }
  form.addEventListener("submit", function (event) {
    var wanted = chosen(new URLSearchParams(new FormData(form)));
    if (wanted === chosen(new URLSearchParams(window.location.search))) {
      event.preventDefault();
      window.print();
      return;
    }
    try { window.sessionStorage.setItem(PRINT_AFTER_LOAD, wanted); } catch (error) { /* no storage: it loads, they print */ }
  });
  var pending = null;
  try {
    pending = window.sessionStorage.getItem(PRINT_AFTER_LOAD);
    window.sessionStorage.removeItem(PRINT_AFTER_LOAD);
  } catch (error) { pending = null; }
  if (pending !== null && pending === chosen(new URLSearchParams(window.location.search))) {
    window.addEventListener("load", function () { window.print(); });
  }
})();
