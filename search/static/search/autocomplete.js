// Suggestions (titles, themes, tags) for the search boxes, through their <datalist>.
(function () {
  "use strict";
  document.querySelectorAll("input[data-autocomplete-url]").forEach(function (input) {
    var list = input.list;
    if (!list) return;
    var timer = null;
    var controller = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var value = input.value.trim();
      if (value.length < 2) { list.replaceChildren(); return; }
      timer = setTimeout(function () {
        if (controller) controller.abort();
        controller = new AbortController();
        fetch(input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(value), { signal: controller.signal })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.suggestions.map(function (s) {
              var option = document.createElement("option");
              option.value = s.label;
              return option;
            }));
          })
          .catch(function () {});
      }, 150);
    });
  });
})();
