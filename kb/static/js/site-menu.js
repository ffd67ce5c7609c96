/* Header: on phones and tablets the main menu folds behind its "Menu" button (a disclosure:
   aria-expanded says whether the links are shown), so that the content comes sooner; on a wide
   screen the stylesheet hides the button and shows the links, whatever their state here (same
   width as the header's layout, 64em). Without JavaScript the button stays hidden and the links
   shown everywhere. Escape, from the button or a link, folds the menu and returns to the button.
   Loaded right after the menu, not deferred: it folds before the page is first painted. */
(function () {
  "use strict";

  var nav = document.querySelector(".site-nav");
  var button = nav && nav.querySelector(".site-nav__toggle");
  if (!button) {
    return;
  }

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("site-nav--open", open);
  }

  function folded() {
    // The button is shown only where the menu folds (the stylesheet decides the width)
    return button.getClientRects().length > 0;
  }

  setOpen(false);
  nav.classList.add("site-nav--foldable");
  button.hidden = false;

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });

  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("site-nav--open") && folded()) {
      setOpen(false);
      button.focus();
      event.preventDefault();
    }
  });
})();
