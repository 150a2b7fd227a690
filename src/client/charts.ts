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
  // Each label as the lines the page computed (data-lines), so none is cut at the chart's edge.
  const labels = rows.map((tr) => {
    const th = tr.querySelector('th');
    const lines = th?.dataset.lines ? (JSON.parse(th.dataset.lines) as string[]) : null;
    // A doughnut's labels are its legend, which wraps by item.
    return type === 'bar' && lines ? lines : (th?.textContent ?? '');
  });
  const data = series.map((_, i) => rows.map((tr) => num(tr.querySelectorAll('td')[i]?.textContent)));
  const shown = series.map((_, i) => i).filter((i) => data[i].some((v) => v !== null));
  if (!shown.length) return;
  const horizontal = figure.dataset.horizontal === 'true';
  const box = document.createElement('div');
  box.className = 'chart-canvas';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', figure.querySelector('.chart-summary')?.textContent ?? '');
  box.append(canvas);
  // Horizontal bars get the height their labels need (each label's lines, and some space).
  if (horizontal) {
    const lines = labels.reduce((n, l) => n + (Array.isArray(l) ? l.length : 1), 0);
    box.style.height = `${Math.max(288, lines * 16 + labels.length * 14 + 40)}px`;
  }
  figure.querySelector('figcaption')!.after(box);
  new Chart(canvas, {
    type,
    data: {
      labels,
      datasets: shown.map((i) => ({
        label: series[i],
        data: data[i],
        backgroundColor: type === 'doughnut' ? COLORS : COLORS[i % COLORS.length],
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: type === 'doughnut' || shown.length > 1 } },
      // Every label drawn, upright: they are wrapped to lines short enough to fit.
      ...(type === 'bar'
        ? {
            scales: {
              x: { ticks: { autoSkip: false, maxRotation: 0 } },
              y: { ticks: { autoSkip: false } },
            },
          }
        : {}),
    },
  });
  figure.dataset.drawn = 'true';
}

export function drawAll() {
  document.querySelectorAll<HTMLElement>('figure.chart').forEach(draw);
}
