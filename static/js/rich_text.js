/* A plain rich-text editor (TinyMCE, served locally) on every textarea[data-rich-text].
   It emits only what the server's sanitiser keeps; the server sanitises again on save. */
(function () {
  "use strict";
  var script = document.currentScript;
  var indonesian = script.dataset.language === "id";
  // TinyMCE's folder is where its own script came from: {% static %} names files, not folders,
  // and in production that script's name carries a hash while its plugins and skins do not.
  var tinymceSrc = document.querySelector("script[src*='/tinymce.min']").src;
  var base = tinymceSrc.slice(0, tinymceSrc.lastIndexOf("/"));
  tinymce.init({
    selector: "textarea[data-rich-text]",
    language: indonesian ? "id" : "en",
    language_url: indonesian ? base + "/langs/id.js" : undefined,
    base_url: base,
    suffix: ".min",
    promotion: false,
    branding: false,
    menubar: false,
    min_height: 360,
    toolbar_mode: "wrap",
    plugins: "lists table link autoresize",
    toolbar: "undo redo | blocks | bold italic underline | bullist numlist | table link",
    block_formats: "Paragraf=p; Judul=h3; Judul kecil=h4",
    // what the server's sanitiser keeps (regency/html.py MINUTES), from the {% valid_elements %} tag
    valid_elements: script.dataset.validElements,
    entity_encoding: "raw",
    table_default_attributes: {},
    table_default_styles: {},
    table_appearance_options: false,
    table_advtab: false,
    table_cell_advtab: false,
    table_row_advtab: false,
    link_default_protocol: "https",
    // Keep the textarea in step so that a failed save shows what was typed.
    setup: function (editor) {
      editor.on("change input", function () { editor.save(); });
    },
  });
})();
