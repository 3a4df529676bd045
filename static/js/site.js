// Print buttons: no inline script, so the page keeps a strict Content Security Policy.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
