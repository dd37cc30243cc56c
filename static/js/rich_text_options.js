/* What both rich-text editors (chapters, minutes) share: TinyMCE served locally, its language,
   and exactly the elements the server's sanitiser keeps (regency/html.py, written into the
   editor's script tag as data-valid-elements). */
window.richTextOptions = function (script, options) {
  "use strict";
  var indonesian = script.dataset.language === "id";
  // TinyMCE's folder is where its own script came from: {% static %} names files, not folders,
  // and in production that script's name carries a hash while its plugins and skins do not.
  var tinymceSrc = document.querySelector("script[src*='/tinymce.min']").src;
  var base = tinymceSrc.slice(0, tinymceSrc.lastIndexOf("/"));
  return Object.assign(
    {
      language: indonesian ? "id" : "en",
      language_url: indonesian ? base + "/langs/id.js" : undefined,
      base_url: base,
      suffix: ".min",
      promotion: false,
      branding: false,
      menubar: false,
      toolbar_mode: "wrap",
      valid_elements: script.dataset.validElements,
      entity_encoding: "raw",
      table_default_attributes: {},
      table_default_styles: {},
      table_appearance_options: false,
      table_advtab: false,
      table_cell_advtab: false,
      table_row_advtab: false,
      link_default_protocol: "https",
    },
    options
  );
};
