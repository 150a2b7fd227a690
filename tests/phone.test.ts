/**
 * The built site on a phone (375 px) and a desktop (1280 px) in Chromium: no page scrolls
 * sideways; every figure of every table on a report page can be scrolled into view with its row's
 * label still in view beside it; charts draw no empty series and label them in short lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sitePages, useBrowser } from './support/browser.ts';
import { officeTrend } from '../src/lib/charts/office.ts';
import { LABEL_WIDTH, wrapLabel } from '../src/lib/charts/model.ts';
import type { CompareRow } from '../src/lib/compare.ts';

const site = useBrowser();
const pages = sitePages();
const reportPages = pages.filter((p) => /^\/offices\/[^/]+\/\d{4}\/[^/]+\/$/.test(p));
const officePages = pages.filter((p) => /^\/offices\/[^/]+\/$/.test(p));
const pageKinds = [
  '/',
  '/offices/',
  officePages[0],
  ...reportPages,
  '/compare/',
  '/glossary/',
  '/about/',
  '/search/',
];

async function open(path: string, width: number): Promise<Page> {
  const page = await site.browser().newPage({ viewport: { width, height: 800 } });
  // tsx compiles with keepNames: a function passed to the page calls its __name helper.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(site.base() + path, { waitUntil: 'load' });
  return page;
}

test('the site has a page of each kind', () => {
  assert.ok(reportPages.length > 0 && officePages.length > 0);
  for (const p of pageKinds) assert.ok(pages.includes(p), p);
});

for (const width of [375, 1280])
  for (const path of pageKinds)
    test(`${path} at ${width} px: the page does not scroll sideways`, async () => {
      const page = await open(path, width);
      try {
        const [scroll, inner] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          window.innerWidth,
        ]);
        assert.ok(scroll <= inner, `page is ${scroll}px wide in a ${inner}px window`);
      } finally {
        await page.close();
      }
    });

/**
 * In one table: every cell with a figure, its scroll box scrolled just far enough to show it
 * (as a reader swipes), must lie wholly in the box and the window, be on top where it is drawn,
 * and have its row's label (the nearest row header to its left) on top, in the box and clear of it.
 * Returns what is wrong, and how many figures were checked.
 */
function checkTable(box: HTMLElement): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  const name = box.getAttribute('aria-label') ?? '';
  const inside = (r: DOMRect, left: number, right: number) => r.left >= left - 0.5 && r.right <= right + 0.5;
  const overlap = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  const onTop = (r: DOMRect, el: Element) => {
    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    return !!hit && (hit === el || el.contains(hit));
  };
  for (const cell of box.querySelectorAll<HTMLTableCellElement>('tbody td')) {
    const text = (cell.textContent ?? '').trim();
    // A figure: a number, with its unit or sign where printed ("16.5万元", "≥95%", "——").
    if (!(text === '——' || (/\d/.test(text) && [...text].length <= 16))) continue;
    checked++;
    const row = cell.parentElement!;
    const before = [...row.children].slice(0, [...row.children].indexOf(cell));
    const label = before.findLast((c) => c.tagName === 'TH' && c.getAttribute('scope') === 'row');
    // The label's text: the opaque part of a label spanning several columns.
    const labelBox = label?.querySelector('.row-label') ?? label;
    box.scrollLeft = 0;
    const scrollBy =
      cell.getBoundingClientRect().right - (box.getBoundingClientRect().left + box.clientWidth);
    if (scrollBy > 0) box.scrollLeft = scrollBy;
    const rect = cell.getBoundingClientRect();
    window.scrollBy(0, rect.top - 100);
    const r = cell.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const where = `${name}: ${label?.textContent?.trim() ?? '(无行标题)'} ${text}`;
    if (!inside(r, b.left, b.left + box.clientWidth) || !inside(r, 0, window.innerWidth))
      problems.push(`${where}: figure not wholly in view (${r.left}–${r.right})`);
    else if (!onTop(r, cell)) problems.push(`${where}: figure covered`);
    if (labelBox) {
      const l = labelBox.getBoundingClientRect();
      if (!inside(l, b.left, b.left + box.clientWidth)) problems.push(`${where}: label out of view`);
      else if (overlap(l, r)) problems.push(`${where}: label and figure overlap`);
      else if (!onTop(l, labelBox)) problems.push(`${where}: label covered`);
    }
  }
  box.scrollLeft = 0;
  return { problems, checked };
}

for (const path of reportPages)
  test(`${path} at 375 px: every figure reachable with its row label in view`, async () => {
    const page = await open(path, 375);
    try {
      const boxes = await page.locator('main .table-scroll').all();
      let checked = 0;
      const problems: string[] = [];
      for (const box of boxes) {
        const result = await box.evaluate(checkTable);
        checked += result.checked;
        problems.push(...result.problems);
      }
      if (boxes.length) assert.ok(checked > 0, 'figures were checked');
      assert.deepEqual(problems, []);
      // Wide forms scroll inside their box, and say so.
      const cues = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main .table-scroll')]
          .filter((b) => b.scrollWidth > b.clientWidth)
          .map((b) => getComputedStyle(b, '::before').visibility),
      );
      assert.ok(
        cues.every((v) => v === 'visible'),
        `every table wider than the phone shows its cue: ${cues}`,
      );
    } finally {
      await page.close();
    }
  });

test('at 1280 px a table that fits shows no scroll cue', async () => {
  const page = await open(reportPages[0], 1280);
  try {
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main .table-scroll')]
        .filter((b) => b.scrollWidth <= b.clientWidth)
        .map((b) => getComputedStyle(b, '::before').visibility),
    );
    assert.ok(hidden.length > 0);
    assert.ok(
      hidden.every((v) => v === 'hidden'),
      `${hidden}`,
    );
  } finally {
    await page.close();
  }
});

const chartPages = [...reportPages, ...officePages, '/compare/'];
for (const path of chartPages)
  test(`${path}: charts label in short lines and draw no empty series`, async () => {
    const page = await open(path, 375);
    try {
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('figure.chart')].map((f) => {
          const rows = [...f.querySelectorAll('tbody tr')];
          const series = [...f.querySelectorAll('thead th')].slice(1).map((th, i) => ({
            name: th.textContent ?? '',
            values: rows.map((tr) => (tr.querySelectorAll('td')[i]?.textContent ?? '').trim()),
          }));
          return {
            id: f.id,
            type: f.dataset.type,
            horizontal: f.dataset.horizontal === 'true',
            labels: rows.map((tr) => {
              const th = tr.querySelector('th')!;
              return {
                text: th.textContent!.trim(),
                lines: JSON.parse(th.dataset.lines ?? 'null') as unknown,
              };
            }),
            series,
          };
        }),
      );
      for (const c of charts) {
        assert.ok(c.series.length > 0, `${c.id}: has a series`);
        for (const s of c.series)
          assert.ok(
            s.values.some((v) => v !== ''),
            `${c.id}: series ${s.name} has a figure`,
          );
        const width = c.type === 'doughnut' || c.horizontal ? LABEL_WIDTH.horizontal : LABEL_WIDTH.vertical;
        for (const { text, lines } of c.labels) {
          assert.ok(
            Array.isArray(lines) && lines.every((l) => typeof l === 'string'),
            `${c.id}: ${text} has lines`,
          );
          const strings = lines as string[];
          assert.equal(strings.join(''), text, `${c.id}: the lines are the whole label`);
          for (const l of strings)
            assert.ok([...l].length <= width, `${c.id}: line ${l} longer than ${width}`);
        }
      }
    } finally {
      await page.close();
    }
  });

test('chart labels wrap at natural breaks, whole', () => {
  assert.deepEqual(wrapLabel('怀化市人民政府驻北京联络处（2022）', 8), [
    '怀化市人民政府',
    '驻北京联络处',
    '（2022）',
  ]);
  assert.deepEqual(wrapLabel('产出指标·数量指标', 8), ['产出指标·', '数量指标']);
  assert.deepEqual(wrapLabel('合计', 5), ['合计']);
});

test('the trend chart of an office: none for one year, only the series some year publishes', () => {
  const office = { slug: 'x', data: { shortName: '某办' } } as unknown as CompareRow['office'];
  const row = (year: number, total: string | null, basic: string | null): CompareRow => ({
    office,
    year,
    values: {
      ...(total ? { total: { text: total, source: '' } } : {}),
      ...(basic ? { basic: { text: basic, source: '' } } : {}),
    },
  });
  assert.equal(officeTrend([row(2022, '10.00', '5.00')]), null);
  assert.equal(officeTrend([row(2022, '10.00', null), row(2021, null, null)]), null);
  const trend = officeTrend([row(2022, '10.00', null), row(2021, '8.00', '4.00')]);
  assert.ok(trend);
  assert.deepEqual(trend.labels, ['2021', '2022']);
  assert.deepEqual(
    trend.series.map((s) => [s.name, s.values]),
    [
      ['支出合计', ['8.00', '10.00']],
      ['基本支出', ['4.00', null]],
    ],
  );
});
