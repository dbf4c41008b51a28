/* ctip's own small script (loaded with defer; no inline script: the CSP forbids it).
   The pillar menu is a <details> element: open as a sidebar on a desktop screen, folded behind
   its "Danh mục chức năng" summary on a phone (< 768 px) so the page's content starts at the top.
   Without this script the menu is simply folded on every screen and opens with a click. */
(function () {
  "use strict";
  var phone = window.matchMedia("(max-width: 767.98px)");

  function fit() {
    var panels = document.querySelectorAll("details[data-menu]");
    for (var i = 0; i < panels.length; i++) {
      if (phone.matches) {
        panels[i].removeAttribute("open");
      } else {
        panels[i].setAttribute("open", "");
      }
    }
  }

  /* A table (or a chart's data table) wider or taller than its box scrolls inside itself, so
     the page never scrolls sideways on a phone; keyboard users must be able to reach it to
     scroll it (WCAG 2.1.1): such a box gets tabindex=0 and a label, and loses them when it fits. */
  function scrollables() {
    var boxes = document.querySelectorAll("main table, .chart-table, .table-wrap");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-scroll-focus", "");
        if (!box.hasAttribute("aria-label") && box.tagName !== "TABLE") {
          box.setAttribute("role", "region");
          var caption = box.querySelector("caption");
          box.setAttribute("aria-label", caption ? caption.textContent.trim() : document.title);
        }
      } else if (!scrolls && box.hasAttribute("data-scroll-focus")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-scroll-focus");
      }
    }
  }

  function start() {
    fit();
    scrollables();
    window.addEventListener("resize", scrollables);
    if (phone.addEventListener) {
      phone.addEventListener("change", fit);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
