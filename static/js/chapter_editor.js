// The chapter editor: TinyMCE limited to what regency/html.py keeps, data blocks, live preview.
(function () {
  "use strict";
  var script = document.currentScript;
  var choices = JSON.parse(document.getElementById("block-choices").textContent);
  var title = document.getElementById("id_title");
  var form = document.getElementById("chapter-form");
  var maxBytes = parseInt(form.dataset.maxBytes, 10);
  var tooLarge = document.getElementById("chapter-too-large");
  var draftNotice = document.getElementById("chapter-draft");
  // Keyed by user too: on a shared computer nobody is offered another person's draft
  // (and app.js deletes all drafts when someone signs out).
  var draftKey = "user-" + form.dataset.user + "-chapter-" + form.dataset.chapter;
  var timer = null;
  var draftTimer = null;
  var draftChecked = false;

  // The server refuses a text over the limit; say so here, before sending, and keep the text.
  function isTooLarge(text) {
    if (text.length * 3 <= maxBytes) return false; // UTF-8 takes at most 3 bytes a unit
    return text.length > maxBytes || new Blob([text]).size > maxBytes;
  }

  function showTooLarge(show) {
    tooLarge.textContent = form.dataset.tooLarge;
    tooLarge.hidden = !show;
    if (show) tooLarge.scrollIntoView({ block: "center" });
  }

  // Unsaved text is kept in this browser (IndexedDB: localStorage holds only about 5 MB),
  // so that neither a refused save nor a closed tab loses it.
  var database = null;
  function withDrafts(mode, action) {
    if (!window.indexedDB) return Promise.resolve(undefined);
    if (!database) {
      database = new Promise(function (resolve, reject) {
        var opening = indexedDB.open("chapter-drafts", 1);
        opening.onupgradeneeded = function () { opening.result.createObjectStore("drafts"); };
        opening.onsuccess = function () {
          // Signing out deletes the database: let it, rather than block it.
          opening.result.onversionchange = function () { opening.result.close(); };
          resolve(opening.result);
        };
        opening.onerror = function () { reject(opening.error); };
      });
    }
    return database.then(function (db) {
      return new Promise(function (resolve, reject) {
        var request = action(db.transaction("drafts", mode).objectStore("drafts"));
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }).catch(function () { return undefined; });
  }

  function keepDraft(editor) {
    var draft = { title: title.value, body: editor.getContent(), at: Date.now() };
    return withDrafts("readwrite", function (store) { return store.put(draft, draftKey); });
  }

  function scheduleDraft(editor) {
    if (!draftChecked || !draftNotice.hidden) return; // never overwrite a draft not yet seen
    clearTimeout(draftTimer);
    draftTimer = setTimeout(function () { keepDraft(editor); }, 1000);
  }

  function offerDraft(editor) {
    withDrafts("readonly", function (store) { return store.get(draftKey); }).then(function (draft) {
      draftChecked = true;
      if (!draft) return;
      if (draft.body === editor.getContent() && draft.title === title.value) {
        withDrafts("readwrite", function (store) { return store.delete(draftKey); });
        return;
      }
      draftNotice.hidden = false;
      draftNotice.querySelector("[data-draft=restore]").onclick = function () {
        draftNotice.hidden = true;
        title.value = draft.title;
        editor.setContent(draft.body);
        showTooLarge(isTooLarge(draft.body));
      };
      draftNotice.querySelector("[data-draft=discard]").onclick = function () {
        draftNotice.hidden = true;
        withDrafts("readwrite", function (store) { return store.delete(draftKey); });
      };
    });
  }


  function refreshPreview(editor) {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var body = editor.getContent();
      showTooLarge(isTooLarge(body));
      if (!tooLarge.hidden) return;
      htmx.ajax("POST", script.dataset.preview, {
        target: "#preview",
        swap: "outerHTML",
        values: { body: body, title: title.value },
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

  tinymce.init(window.richTextOptions(script, {
    selector: "#id_body",
    min_height: 480,
    toolbar_sticky: true,
    plugins: "lists table image link autoresize",
    toolbar:
      "undo redo | blocks | bold italic underline | bullist numlist | table image link | datablock",
    block_formats: "Paragraf=p; Subbab=h2; Sub-subbab=h3; Judul kecil=h4",
    valid_children: "+div[p|#text]",
    formats: {
      underline: { inline: "u", exact: true },
      strikethrough: { inline: "s", exact: true },
    },
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
    table_header_type: "sectionCells",
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
      editor.on("input change undo redo", function () { scheduleDraft(editor); });
      editor.on("init", function () {
        offerDraft(editor);
        editor.getBody().querySelectorAll("div[data-block]").forEach(function (div) {
          if (!div.textContent.trim()) div.textContent = label(div.dataset.block);
        });
      });
    },
  }));
  title.addEventListener("input", function () {
    var editor = tinymce.get("id_body");
    if (editor) {
      refreshPreview(editor);
      scheduleDraft(editor);
    }
  });
  // Saving: pasted pictures are uploaded first (never sent inside the text), the text is
  // kept in this browser, and a text over the limit is not sent at all.
  form.addEventListener("submit", function (event) {
    var editor = tinymce.get("id_body");
    if (!editor) return;
    event.preventDefault();
    Promise.resolve(editor.uploadImages())
      .catch(function () {})
      .then(function () {
        editor.save();
        return keepDraft(editor);
      })
      .then(function () {
        if (isTooLarge(editor.getContent())) return showTooLarge(true);
        form.submit();
      });
  });
})();
