// Draws each dashboard chart from the JSON table next to it (no inline script: strict CSP).
// Withheld cells (null) are left out of the drawing; the table shows them as "<N".
(function () {
  "use strict";
  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") { return; }
    var rows = JSON.parse(source.textContent);
    var kind = canvas.dataset.kind;
    if (kind === "bar") { rows = rows.slice(0, parseInt(canvas.dataset.top, 10) || 15); }
    var format = new Intl.NumberFormat(document.documentElement.lang || "vi");
    new Chart(canvas, {
      type: kind === "line" ? "line" : "bar",
      data: {
        labels: rows.map(function (r) { return r.name; }),
        datasets: [{
          data: rows.map(function (r) { return r.value; }),
          backgroundColor: "#1f5f99",
          borderColor: "#1f5f99",
          spanGaps: false
        }]
      },
      options: {
        indexAxis: kind === "bar" ? "y" : "x",
        animation: false,            // printed pages show the finished chart
        devicePixelRatio: 2,         // sharp when printed
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (c) { return format.format(c.raw); } } }
        },
        scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } }
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
