// Small behaviours that would otherwise be inline handlers, which the CSP does not run.
(function () {
  "use strict";
  // <select data-autosubmit>: choosing a value sends its form (the year pickers).
  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-autosubmit]")) event.target.form.submit();
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
