/**
 * Draws every chart on the page from its own data table (the table stays as the text
 * alternative and the no-JavaScript view). Loaded only when a chart nears the viewport.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  DoughnutController,
  ArcElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

const COLORS = ['#1f5f99', '#c0392b', '#2e8b57', '#b8860b', '#6a4c93', '#00838f', '#8d6e63'];
const num = (text: string | null | undefined) => {
  const t = (text ?? '').trim();
  return t === '' || t === '——' ? null : Number(t.replace('%', ''));
};

function draw(figure: HTMLElement) {
  const table = figure.querySelector('table');
  if (!table || figure.querySelector('canvas')) return;
  const type = figure.dataset.type === 'doughnut' ? 'doughnut' : 'bar';
  const series = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent ?? '');
  const rows = [...table.querySelectorAll('tbody tr')];
  const labels = rows.map((tr) => tr.querySelector('th')?.textContent ?? '');
  const data = series.map((_, i) => rows.map((tr) => num(tr.querySelectorAll('td')[i]?.textContent)));
  const box = document.createElement('div');
  box.className = 'chart-canvas';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', figure.querySelector('.chart-summary')?.textContent ?? '');
  box.append(canvas);
  figure.querySelector('figcaption')!.after(box);
  const horizontal = figure.dataset.horizontal === 'true';
  new Chart(canvas, {
    type,
    data: {
      labels,
      datasets: series.map((name, i) => ({
        label: name,
        data: data[i],
        backgroundColor: type === 'doughnut' ? COLORS : COLORS[i % COLORS.length],
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: type === 'doughnut' || series.length > 1 } },
      ...(type === 'bar' ? { scales: { x: { ticks: { autoSkip: false } } } } : {}),
    },
  });
  figure.dataset.drawn = 'true';
}

export function drawAll() {
  document.querySelectorAll<HTMLElement>('figure.chart').forEach(draw);
}
