/* Search page: on a small screen the filters fold under their toggle, so that the results come
   first; on a wide screen they stay unfolded beside the results (the toggle is hidden by the
   stylesheet at the same width). Without JavaScript they are unfolded everywhere. Loaded right
   after the panel, not deferred: it folds before the page is first painted. */
(function () {
  "use strict";

  var panel = document.querySelector(".search-facets__panel");
  if (!panel || !window.matchMedia) {
    return;
  }
  var wide = window.matchMedia("(min-width: 56em)");
  panel.open = wide.matches;
  wide.addEventListener("change", function () {
    if (wide.matches) {
      panel.open = true;
    }
  });
})();
