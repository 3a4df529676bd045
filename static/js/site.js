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
