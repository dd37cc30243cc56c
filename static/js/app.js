// Small behaviours that would otherwise be inline handlers, which the CSP does not run.
(function () {
  "use strict";
  // <select data-autosubmit>: choosing a value sends its form (the year pickers).
  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-autosubmit]")) event.target.form.submit();
  });
  // <input type="file" data-max-bytes data-too-large="message"> (regency/files.size_limit):
  // files together over the limit the view takes are refused here, before the form is sent,
  // so that what was typed in the form is not lost to the server's refusal.
  function filesTooLarge(input) {
    var total = 0;
    Array.prototype.forEach.call(input.files || [], function (file) { total += file.size; });
    return total > Number(input.dataset.maxBytes);
  }
  function checkFileSize(input) {
    var over = filesTooLarge(input);
    var note = input.nextElementSibling;
    if (!(note && note.hasAttribute("data-size-refusal"))) note = null;
    if (over && !note) {
      note = document.createElement("div");
      note.className = "invalid-feedback d-block";
      note.setAttribute("role", "alert");
      note.setAttribute("data-size-refusal", "");
      input.insertAdjacentElement("afterend", note);
    }
    if (note) {
      note.textContent = over ? input.dataset.tooLarge : "";
      note.hidden = !over;
    }
    input.classList.toggle("is-invalid", over);
    input.setCustomValidity(over ? input.dataset.tooLarge : "");
    return over;
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches("input[type=file][data-max-bytes]")) checkFileSize(event.target);
  });
  // In the capture phase, so that neither htmx nor data-confirm sees a form refused here.
  document.addEventListener("submit", function (event) {
    var inputs = event.target.querySelectorAll("input[type=file][data-max-bytes]");
    var refused = Array.prototype.filter.call(inputs, checkFileSize);
    if (refused.length) {
      event.preventDefault();
      event.stopPropagation();
      refused[0].focus();
    }
  }, true);
  // <form data-sign-out>: the chapter drafts kept in this browser (chapter_editor.js) are
  // deleted before signing out, so that the next person at a shared computer finds none.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-sign-out") || !window.indexedDB || form.dataset.cleared) return;
    event.preventDefault();
    var sent = false;
    function signOut() {
      if (sent) return;
      sent = true;
      form.dataset.cleared = "1";
      form.submit();
    }
    var deleting = indexedDB.deleteDatabase("chapter-drafts");
    deleting.onsuccess = deleting.onerror = deleting.onblocked = signOut;
    setTimeout(signOut, 2000); // never keep anyone from signing out
  });
  // <form data-confirm="Question?">: sent only once the user agrees.
  document.addEventListener("submit", function (event) {
    var question = event.target.dataset && event.target.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });
  // <form hx-post data-remove-after-request="#no-jobs">: the placeholder goes once a job is queued.
  document.addEventListener("htmx:afterRequest", function (event) {
    var selector = event.detail.elt.dataset && event.detail.elt.dataset.removeAfterRequest;
    var placeholder = selector && document.querySelector(selector);
    if (placeholder) placeholder.remove();
  });
})();
