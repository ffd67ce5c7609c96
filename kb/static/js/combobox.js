/*
 * Praxis — search suggestions as an ARIA 1.2 combobox (list autocomplete, listbox popup).
 *
 * Progressive enhancement of every <input data-autocomplete-url>: without JavaScript the search
 * form works as is. Keyboard (WAI-ARIA Authoring Practices, "Editable Combobox With List
 * Autocomplete"):
 *   Down / Up        open the suggestions, move through them (focus stays in the text box,
 *                    the current option is given by aria-activedescendant);
 *   Alt+Down / Alt+Up  open / close without moving;
 *   Enter            go to the suggested page (titles) or search for the suggestion
 *                    (themes, tags); without a current option, submit the search as typed;
 *   Escape           close the suggestions, or clear the box when they are closed;
 *   Tab              close the suggestions and move on.
 * The number of suggestions is announced through a polite live region. Texts come from the
 * data- attributes of this script's tag, rendered by the template through gettext.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var texts = (script && script.dataset) || {};
  var MIN_CHARS = 2;
  var DELAY = 150;
  var counter = 0;

  function text(name, fallback) {
    return texts[name] || fallback;
  }

  function countMessage(count) {
    if (count === 0) return text("none", "");
    var template = count === 1 ? text("one", "{count}") : text("many", "{count}");
    return template.replace("{count}", String(count));
  }

  function Combobox(input) {
    counter += 1;
    var id = input.id || "combobox-" + counter;
    input.id = id;
    this.input = input;
    this.url = input.getAttribute("data-autocomplete-url");
    this.form = input.form;
    this.options = [];
    this.active = -1;
    this.timer = null;
    this.controller = null;
    this.lastQuery = null;

    var wrapper = document.createElement("div");
    wrapper.className = "combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    this.listbox = document.createElement("ul");
    this.listbox.id = id + "-suggestions";
    this.listbox.className = "combobox__listbox";
    this.listbox.setAttribute("role", "listbox");
    this.listbox.setAttribute("aria-label", text("label", "Suggestions"));
    this.listbox.hidden = true;
    wrapper.appendChild(this.listbox);

    this.status = document.createElement("p");
    this.status.className = "combobox__status visually-hidden";
    this.status.setAttribute("role", "status");
    wrapper.appendChild(this.status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);
    input.setAttribute("autocomplete", "off");
    var hint = text("hint", "");
    if (hint) {
      var hintNode = document.createElement("span");
      hintNode.id = id + "-hint";
      hintNode.className = "visually-hidden";
      hintNode.textContent = hint;
      wrapper.appendChild(hintNode);
      var described = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", (described ? described + " " : "") + hintNode.id);
    }

    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKeydown.bind(this));
    input.addEventListener("blur", this.onBlur.bind(this));
    this.listbox.addEventListener("mousedown", function (event) {
      event.preventDefault(); // keep the focus in the text box
    });
    this.listbox.addEventListener("click", this.onClick.bind(this));
  }

  Combobox.prototype.isOpen = function () {
    return !this.listbox.hidden;
  };

  Combobox.prototype.open = function () {
    if (!this.options.length) return;
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  Combobox.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.setActive(-1);
  };

  Combobox.prototype.setActive = function (index) {
    if (this.active >= 0 && this.options[this.active]) {
      this.options[this.active].element.setAttribute("aria-selected", "false");
    }
    this.active = index;
    if (index >= 0 && this.options[index]) {
      var element = this.options[index].element;
      element.setAttribute("aria-selected", "true");
      this.input.setAttribute("aria-activedescendant", element.id);
      element.scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  Combobox.prototype.move = function (step) {
    if (!this.options.length) return;
    if (!this.isOpen()) {
      this.open();
      this.setActive(step > 0 ? 0 : this.options.length - 1);
      return;
    }
    var count = this.options.length;
    var next = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
    this.setActive(next);
  };

  Combobox.prototype.render = function (suggestions) {
    var self = this;
    this.listbox.replaceChildren();
    this.options = suggestions.map(function (suggestion, index) {
      var item = document.createElement("li");
      item.id = self.input.id + "-option-" + index;
      item.className = "combobox__option";
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.appendChild(document.createTextNode(suggestion.label));
      // What the suggestion is: a title's content type, else its kind (theme, tag).
      var kind = suggestion.detail || text("kind" + suggestion.kind.charAt(0).toUpperCase() + suggestion.kind.slice(1), "");
      if (kind) {
        var small = document.createElement("small");
        small.textContent = kind;
        item.appendChild(document.createTextNode(" "));
        item.appendChild(small);
      }
      item.dataset.index = String(index);
      self.listbox.appendChild(item);
      return { element: item, label: suggestion.label, url: suggestion.url || "" };
    });
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    if (this.options.length && document.activeElement === this.input) {
      this.open();
    } else {
      this.close();
    }
  };

  // Nothing typed to complete: no suggestions, and nothing to announce (not "No suggestions").
  Combobox.prototype.reset = function () {
    this.lastQuery = null;
    this.render([]);
    this.status.textContent = "";
  };

  Combobox.prototype.fetch = function (query) {
    var self = this;
    if (this.controller) this.controller.abort();
    this.controller = window.AbortController ? new AbortController() : null;
    var url = this.url + (this.url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query);
    fetch(url, {
      headers: { Accept: "application/json" },
      signal: this.controller ? this.controller.signal : undefined,
    })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (self.input.value.trim() !== query) return; // typed on since
        self.render((data && data.suggestions) || []);
        self.status.textContent = countMessage(self.options.length);
      })
      .catch(function () {
        /* aborted or offline: the search still works without suggestions */
      });
  };

  Combobox.prototype.onInput = function () {
    var self = this;
    var query = this.input.value.trim();
    clearTimeout(this.timer);
    if (query.length < MIN_CHARS) {
      this.reset();
      return;
    }
    if (query === this.lastQuery) return;
    this.timer = setTimeout(function () {
      self.lastQuery = query;
      self.fetch(query);
    }, DELAY);
  };

  Combobox.prototype.choose = function (index) {
    var option = this.options[index];
    if (!option) return;
    this.input.value = option.label;
    this.close();
    if (option.url) {
      window.location.assign(option.url);
    } else if (this.form) {
      if (this.form.requestSubmit) this.form.requestSubmit();
      else this.form.submit();
    }
  };

  Combobox.prototype.onKeydown = function (event) {
    if (event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (event.altKey) this.open();
        else this.move(1);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (event.altKey) this.close();
        else this.move(-1);
        break;
      case "Enter":
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();
          this.choose(this.active);
        } else {
          this.close();
        }
        break;
      case "Escape":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
          this.reset();
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  };

  Combobox.prototype.onBlur = function () {
    this.close();
  };

  Combobox.prototype.onClick = function (event) {
    var item = event.target.closest("[role=option]");
    if (item) this.choose(Number(item.dataset.index));
  };

  function init() {
    var inputs = document.querySelectorAll("input[data-autocomplete-url]:not([role=combobox])");
    Array.prototype.forEach.call(inputs, function (input) {
      new Combobox(input);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
