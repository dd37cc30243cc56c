// The chapter editor: TinyMCE limited to what masterplan/books/html.py keeps, data blocks, live preview.
(function () {
  "use strict";
  var script = document.currentScript;
  var choices = JSON.parse(document.getElementById("block-choices").textContent);
  var title = document.getElementById("id_title");
  var timer = null;

  // Exactly the tags and attributes the server-side sanitiser keeps (masterplan/books/html.py).
  var VALID =
    "p,br,hr,h2,h3,h4,strong/b,em/i,u,s,sub,sup,blockquote,ul,ol[start],li," +
    "a[href|title],img[src|alt|width|height],figure,figcaption," +
    "table,thead,tbody,tfoot,tr,th[colspan|rowspan|scope],td[colspan|rowspan],caption,colgroup,col[span]," +
    "span,div[data-block|data-dimension|data-year|data-stage|contenteditable]";

  function refreshPreview(editor) {
    clearTimeout(timer);
    timer = setTimeout(function () {
      htmx.ajax("POST", script.dataset.preview, {
        target: "#preview",
        swap: "outerHTML",
        values: { body: editor.getContent(), title: title.value },
      });
    }, 300);
  }

  function uploadImage(blobInfo) {
    var data = new FormData();
    data.append("file", blobInfo.blob(), blobInfo.filename());
    var headers = JSON.parse(document.body.getAttribute("hx-headers"));
    return fetch(script.dataset.upload, {
      method: "POST",
      body: data,
      headers: headers,
      credentials: "same-origin",
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) throw { message: json.error || response.statusText, remove: true };
        return json.location;
      });
    });
  }

  function insertBlock(editor, choice, values) {
    var attributes = { "data-block": choice.name };
    var text = choice.label;
    Object.keys(values).forEach(function (param) {
      if (values[param]) {
        attributes["data-" + param] = values[param];
        text += " · " + values[param];
      }
    });
    editor.insertContent(editor.dom.createHTML("div", attributes, editor.dom.encode(text)) + "<p></p>");
  }

  function label(name) {
    for (var i = 0; i < choices.length; i++) if (choices[i].name === name) return choices[i].label;
    return name;
  }

  var indonesian = script.dataset.language === "id";
  tinymce.init({
    selector: "#id_body",
    language: indonesian ? "id" : "en",
    language_url: indonesian ? script.dataset.base + "/langs/id.js" : undefined,
    base_url: script.dataset.base,
    suffix: ".min",
    promotion: false,
    branding: false,
    menubar: false,
    min_height: 480,
    toolbar_sticky: true,
    toolbar_mode: "wrap",
    plugins: "lists table image link autoresize",
    toolbar:
      "undo redo | blocks | bold italic underline | bullist numlist | table image link | datablock",
    block_formats: "Paragraf=p; Subbab=h2; Sub-subbab=h3; Judul kecil=h4",
    valid_elements: VALID,
    valid_children: "+div[p|#text]",
    formats: {
      underline: { inline: "u", exact: true },
      strikethrough: { inline: "s", exact: true },
    },
    entity_encoding: "raw",
    // Pictures go to the server (private storage) and come back as /books/images/<name>.
    paste_data_images: true,
    automatic_uploads: true,
    images_file_types: "png,jpg,jpeg,gif,webp",
    images_upload_handler: uploadImage,
    relative_urls: false,
    remove_script_host: true,
    image_dimensions: false,
    image_caption: false,
    object_resizing: false,
    table_resize_bars: false,
    table_default_attributes: {},
    table_default_styles: {},
    table_header_type: "sectionCells",
    table_appearance_options: false,
    table_advtab: false,
    table_cell_advtab: false,
    table_row_advtab: false,
    link_default_protocol: "https",
    content_style:
      "body{font-family:'DejaVu Serif',Georgia,serif;line-height:1.6;max-width:46rem;margin:1rem auto}" +
      "table{border-collapse:collapse;width:100%}td,th{border:1px solid #888;padding:.2rem .4rem}" +
      "div[data-block]{border:1px dashed #0b3d62;background:#eef4f9;color:#0b3d62;padding:.6rem;" +
      "font-family:system-ui,sans-serif;margin:.8rem 0;cursor:default}",
    setup: function (editor) {
      editor.on("PreInit", function () {
        // A data block is one unit in the editor; the data fill it at print time.
        editor.parser.addAttributeFilter("data-block", function (nodes) {
          nodes.forEach(function (node) { node.attr("contenteditable", "false"); });
        });
        editor.serializer.addAttributeFilter("data-block", function (nodes) {
          nodes.forEach(function (node) { node.attr("contenteditable", null); });
        });
      });
      editor.ui.registry.addMenuButton("datablock", {
        text: script.dataset.blockLabel,
        icon: "table-insert-row-after",
        fetch: function (callback) {
          callback(choices.map(function (choice) {
            return {
              type: "menuitem",
              text: choice.label,
              onAction: function () {
                if (!choice.params.length) return insertBlock(editor, choice, {});
                // Blocks with parameters (a year, a dimension, a Bimtek stage) ask for them.
                editor.windowManager.open({
                  title: choice.label,
                  body: {
                    type: "panel",
                    items: choice.params.map(function (param) {
                      return { type: "input", name: param, label: param };
                    }),
                  },
                  buttons: [
                    { type: "cancel", text: "Batal" },
                    { type: "submit", text: "Sisipkan", primary: true },
                  ],
                  onSubmit: function (dialog) {
                    insertBlock(editor, choice, dialog.getData());
                    dialog.close();
                  },
                });
              },
            };
          }));
        },
      });
      editor.on("input change undo redo SetContent", function () { refreshPreview(editor); });
      editor.on("init", function () {
        editor.getBody().querySelectorAll("div[data-block]").forEach(function (div) {
          if (!div.textContent.trim()) div.textContent = label(div.dataset.block);
        });
      });
    },
  });
  title.addEventListener("input", function () {
    var editor = tinymce.get("id_body");
    if (editor) refreshPreview(editor);
  });
})();
