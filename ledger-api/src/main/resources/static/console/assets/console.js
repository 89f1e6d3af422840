// Draws every <canvas data-chart="{Chart.js config}"> on the page and in content htmx swaps in.
(function () {
  function draw(root) {
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas.dataset.drawn) { return; }
      canvas.dataset.drawn = 'true';
      new Chart(canvas, JSON.parse(canvas.dataset.chart));
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    // Axis numbers in the page's language: 20 000 in Russian, 20,000 in English.
    Chart.defaults.locale = document.documentElement.lang === 'en' ? 'en-GB' : 'ru-RU';
    draw(document);
  });
  document.addEventListener('htmx:afterSettle', function (e) { draw(e.target); });
})();
