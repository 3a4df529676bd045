/* A click on "Save draft", "Submit" or any other save of the page editor never races an autosave.
   An autosave on its way finishes first, then the click goes through (to the page the autosave
   may just have created), so the later save wins and keeps everything typed. No autosave starts
   once a click has been sent. */
(() => {
  "use strict";

  const form = document.getElementById("page-edit-form");
  if (!form) return;
  let autosaving = false;
  let sending = false;
  let held = null; // the click waiting for the autosave: {name, value} of its button
  let fallback = null;

  function sendHeld() {
    if (!held) return;
    const { name, value } = held;
    held = null;
    clearTimeout(fallback);
    sending = true;
    // Disabled buttons (Wagtail marks a clicked one "in progress") are left out of a submission,
    // so the button's name goes in a hidden field of its own.
    if (name) {
      const field = document.createElement("input");
      field.type = "hidden";
      field.name = name;
      field.value = value;
      form.appendChild(field);
    }
    form.requestSubmit();
  }

  document.addEventListener("w-autosave:save", (event) => {
    if (sending || held) {
      event.preventDefault(); // nothing after a click: the click carries the latest text
      return;
    }
    autosaving = true;
  });
  for (const outcome of ["w-autosave:success", "w-autosave:error"]) {
    document.addEventListener(outcome, () => {
      autosaving = false;
      sendHeld();
    });
  }

  form.addEventListener(
    "submit",
    (event) => {
      if (sending) return;
      if (autosaving) {
        event.preventDefault();
        event.stopImmediatePropagation();
        const button = event.submitter;
        held = { name: button ? button.name : "", value: button ? button.value : "" };
        fallback = setTimeout(sendHeld, 10000); // an autosave that never answers
        return;
      }
      sending = true;
    },
    true,
  );
})();
