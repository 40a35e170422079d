// Corrections to Material's theme.

// Material's search dialog has role="dialog" but no accessible name, which screen readers
// announce as an unnamed dialog (Lighthouse: aria-dialog-name).
document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach((dialog) => {
  dialog.setAttribute("aria-label", "Search");
});

// The build drops Material's rule that stops transitions while a palette is applied, because
// Material applies it at every load too and the rule then restyles the whole page
// (dlqa/palette.py). This marks the body only while the reader switches, before Material's
// own handler runs; dlqa.css stops transitions under the mark.
document.addEventListener("change", (event) => {
  if (!event.target.closest('[data-md-component="palette"]')) return;
  document.body.setAttribute("data-dlqa-switching", "");
  requestAnimationFrame(() => requestAnimationFrame(() => {
    document.body.removeAttribute("data-dlqa-switching");
  }));
}, true);
