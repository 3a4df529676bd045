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

  // "Ready to submit": title, summary and year groups are checked as the teacher types.
  function attachReadiness() {
    const panel = document.querySelector("[data-readiness]");
    if (!panel) return;
    const title = document.getElementById("id_title");
    const summary = document.getElementById("id_summary");
    const years = () => document.querySelectorAll("input[name='year_groups']:checked").length;
    const checks = {
      title: () => Boolean(title && title.value.trim()),
      summary: () => Boolean(summary && summary.value.trim() && summary.value.length <= Number(summary.dataset.characterLimit || 300)),
      year_groups: () => years() > 0,
    };
    const update = () => {
      panel.querySelectorAll("li[data-live]").forEach((item) => {
        const done = checks[item.dataset.requirement]();
        item.classList.toggle("is-done", done);
        item.querySelector(".readiness__mark").textContent = done ? "✓" : "○";
        item.querySelector("[data-readiness-state]").textContent = done ? " (done)" : " (still needed)";
      });
      panel.querySelector("[data-readiness-done]").textContent =
        panel.querySelectorAll("li.is-done").length;
    };
    document.addEventListener("input", update);
    document.addEventListener("change", update);
    update();
  }

  function attachAll() {
    document.querySelectorAll("[data-character-limit]").forEach(attachCounter);
    attachReadiness();
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
