// Corrections to Material's theme.

// Material's search dialog has role="dialog" but no accessible name, which screen readers
// announce as an unnamed dialog (Lighthouse: aria-dialog-name).
document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach((dialog) => {
  dialog.setAttribute("aria-label", "Search");
});
