/* ctip unit picker: an ARIA combobox (WAI-ARIA APG "combobox with listbox popup").
 *
 * The markup comes from ctip/widgets/unit_picker.html: a text input (role="combobox"), a hidden
 * input holding the picked unit's code, and an empty listbox. Typing asks the server for
 * suggestions (POST data-url with q, date, levels, scope; JSON, same origin). A POST, not a
 * GET: what is typed may be a victim's home commune, which a query string would carry into
 * access logs and the browser's history. The CSRF token is the page's own: the enclosing
 * form's hidden csrfmiddlewaretoken, else any on the page (base.html's language form has one),
 * sent in the X-CSRFToken header Django checks. Down/Up move through
 * them, Enter picks, Escape closes (a second Escape clears the text), a click picks too.
 * Typing again clears the picked code, so the server resolves what was typed. Without this
 * file the form still works: the server resolves the typed name. No inline script or style:
 * the page's Content-Security-Policy forbids both. */
(function () {
  "use strict";

  var DELAY = 200;

  function setup(root) {
    var input = root.querySelector("[role=combobox]");
    var hidden = root.querySelector("[data-picker-value]");
    var list = root.querySelector("[role=listbox]");
    var status = root.querySelector("[data-picker-status]");
    if (!input || !hidden || !list) return;
    var timer = null;
    var active = -1;
    var asked = 0;
    var options = [];

    function csrfToken() {
      var form = root.closest("form");
      var field =
        (form && form.querySelector("input[name=csrfmiddlewaretoken]")) ||
        document.querySelector("input[name=csrfmiddlewaretoken]");
      return field ? field.value : "";
    }

    function dateValue() {
      var id = root.getAttribute("data-date-input");
      var field = id ? document.getElementById(id) : null;
      return field ? field.value : "";
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (li, i) {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        if (options[index].scrollIntoView) options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function pick(index) {
      var li = options[index];
      if (!li) return;
      hidden.value = li.getAttribute("data-code");
      input.value = li.getAttribute("data-label");
      close();
      if (status) status.textContent = li.getAttribute("data-label");
    }

    function show(results) {
      list.textContent = "";
      options = [];
      results.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-code", String(item.code));
        li.setAttribute("data-label", item.label);
        li.textContent = item.label;
        if (!item.in_area) li.className = "picker-outside";
        li.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the text box
          pick(i);
        });
        list.appendChild(li);
        options.push(li);
      });
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      if (status) status.textContent = String(options.length);
      active = -1;
    }

    function ask() {
      var q = input.value.trim();
      if (!q) {
        show([]);
        return;
      }
      var params = new URLSearchParams({ q: q, date: dateValue() });
      var levels = root.getAttribute("data-levels");
      if (levels) params.set("levels", levels);
      var scope = root.getAttribute("data-scope");
      if (scope) params.set("scope", scope);
      var ticket = ++asked;
      fetch(root.getAttribute("data-url"), {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
        body: params,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (ticket === asked) show(data.results || []);
        })
        .catch(function () {
          close();
        });
    }

    input.addEventListener("input", function () {
      hidden.value = ""; // typed again: the server resolves the text unless a unit is picked
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options.length > 0;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) {
          ask();
          return;
        }
        highlight(active + 1 >= options.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (!open) return;
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault(); // pick, do not submit the form
          pick(active);
        } else if (open && options.length === 1) {
          event.preventDefault();
          pick(0);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          hidden.value = "";
        }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () {
      setTimeout(close, 150);
    });
  }

  function start() {
    document.querySelectorAll("[data-picker]").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
