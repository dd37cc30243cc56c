// The signing form: a signature pad sized for the screen, or a typed name.
(function () {
  const form = document.getElementById("sign-form");
  if (!form) return;
  const canvas = document.getElementById("signature-pad");
  const hidden = form.querySelector("input[name=image]");
  const pad = new SignaturePad(canvas, { minWidth: 0.8, maxWidth: 2.6, penColor: "#102060" });

  function resize() {
    // Draw at the screen's pixel density; keep what was drawn when the tablet turns.
    const data = pad.isEmpty() ? null : pad.toData();
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext("2d").scale(ratio, ratio);
    pad.clear();
    if (data) pad.fromData(data);
  }
  window.addEventListener("resize", resize);
  resize();

  document.getElementById("signature-clear").addEventListener("click", () => {
    pad.clear();
    hidden.value = "";
  });

  function showMethod() {
    const method = form.querySelector("input[name=method]:checked").value;
    form.querySelectorAll("[data-method]").forEach((part) => {
      part.hidden = part.dataset.method !== method;
    });
    if (method === "drawn") resize();
  }
  form.querySelectorAll("input[name=method]").forEach((radio) => radio.addEventListener("change", showMethod));
  showMethod();
  // A refused attempt comes back with the drawing kept: show it again.
  if (hidden.value.startsWith("data:image/png")) {
    pad.fromDataURL(hidden.value, { ratio: 1, width: canvas.offsetWidth, height: canvas.offsetHeight });
  }

  form.addEventListener("submit", () => {
    hidden.value = pad.isEmpty() ? "" : pad.toDataURL("image/png");
  });
})();
