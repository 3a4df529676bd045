/* The challenge editor: live character counts, and "Copied" on the embed panel's buttons. */
(() => {
  "use strict";

  function attachCounter(field) {
    if (field.dataset.counterAttached) return;
    field.dataset.counterAttached = "1";
    const limit = Number(field.dataset.characterLimit);
    const counter = document.createElement("p");
    counter.className = "character-count help";
    counter.id = `${field.id}-count`;
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    field.setAttribute(
      "aria-describedby",
      [field.getAttribute("aria-describedby"), counter.id].filter(Boolean).join(" "),
    );
    const update = () => {
      const used = field.value.length;
      const over = used - limit;
      counter.textContent = over > 0
        ? `${used} of ${limit} characters: ${over} too many. Shorten it before submitting; nothing has been cut.`
        : `${used} of ${limit} characters`;
      counter.classList.toggle("character-count--over", over > 0);
    };
    field.addEventListener("input", update);
    update();
  }

  function attachAll() {
    document.querySelectorAll("[data-character-limit]").forEach(attachCounter);
  }

  function showCopyResult(event, buttonText, statusText) {
    const button = event.target.querySelector("[data-action~='w-clipboard#copy']");
    if (!button) return;
    const label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    button.textContent = buttonText;
    const status = event.target.querySelector("[data-copy-status]");
    if (status) status.textContent = statusText;
    window.setTimeout(() => {
      button.textContent = label;
      if (status) status.textContent = "";
    }, 3000);
  }

  document.addEventListener("w-clipboard:copied", (event) => {
    showCopyResult(event, "Copied", "Copied to the clipboard.");
  });
  document.addEventListener("w-clipboard:error", (event) => {
    showCopyResult(event, "Copy", "Could not copy: select the code and press Ctrl+C (or Cmd+C).");
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", attachAll);
  } else {
    attachAll();
  }
})();
