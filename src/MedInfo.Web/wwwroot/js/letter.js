// Citation popovers show on hover and focus (CSS). Escape hides the open one until the pointer or focus moves on.
// Delegated on the document, so it keeps working across Blazor's enhanced navigation.
(() => {
  const open = () => document.querySelectorAll(".cite:hover, .cite:focus-within");
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      open().forEach((cite) => cite.classList.add("dismissed"));
    }
  });
  const reset = (event) => {
    const cite = event.target instanceof Element ? event.target.closest(".cite") : null;
    if (cite) {
      cite.classList.remove("dismissed");
    }
  };
  document.addEventListener("mouseleave", reset, true);
  document.addEventListener("focusout", reset, true);
})();
