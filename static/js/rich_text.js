/* A plain rich-text editor (TinyMCE, served locally) on every textarea[data-rich-text].
   It emits only what the server's sanitiser keeps; the server sanitises again on save. */
(function () {
  "use strict";
  var script = document.currentScript;
  tinymce.init(window.richTextOptions(script, {
    selector: "textarea[data-rich-text]",
    min_height: 360,
    plugins: "lists table link autoresize",
    toolbar: "undo redo | blocks | bold italic underline | bullist numlist | table link",
    block_formats: "Paragraf=p; Judul=h3; Judul kecil=h4",
    // Keep the textarea in step so that a failed save shows what was typed.
    setup: function (editor) {
      editor.on("change input", function () { editor.save(); });
    },
  }));
})();
