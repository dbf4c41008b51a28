// Draws each dashboard chart from the JSON table next to it (no inline script: strict CSP).
// Withheld cells (null) are left out of the drawing; the table shows them as "<N".
// A month or quarter still running (row.partial) is drawn dashed with a hollow point, so a
// running December is not read as a finished one; one still to come (row.future) is not drawn.
(function () {
  "use strict";
  var COLOUR = "#1f5f99";
  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") { return; }
    var rows = JSON.parse(source.textContent);
    var kind = canvas.dataset.kind;
    if (kind === "bar") { rows = rows.slice(0, parseInt(canvas.dataset.top, 10) || 15); }
    var partial = rows.map(function (r) { return !!r.partial; });
    var format = new Intl.NumberFormat(document.documentElement.lang || "vi");
    new Chart(canvas, {
      type: kind === "line" ? "line" : "bar",
      data: {
        labels: rows.map(function (r) { return r.partial ? r.name + " *" : r.name; }),
        datasets: [{
          data: rows.map(function (r) { return r.future ? null : r.value; }),
          backgroundColor: COLOUR,
          borderColor: COLOUR,
          spanGaps: false,
          // The segment into a running period, and its point, drawn apart from the rest.
          segment: {
            borderDash: function (ctx) { return partial[ctx.p1DataIndex] ? [6, 4] : undefined; }
          },
          pointBackgroundColor: rows.map(function (r) { return r.partial ? "#ffffff" : COLOUR; }),
          pointRadius: rows.map(function (r) { return r.partial ? 5 : 3; })
        }]
      },
      options: {
        indexAxis: kind === "bar" ? "y" : "x",
        animation: false,            // printed pages show the finished chart
        devicePixelRatio: 2,         // sharp when printed
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (c) {
            var row = rows[c.dataIndex] || {};
            var text = format.format(c.raw);
            return row.note ? text + " (" + row.note + ")" : text;
          } } }
        },
        scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } }
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
