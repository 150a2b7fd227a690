/**
 * The search page in Chromium at 1280 and 375 px: no layout shift while Pagefind's results
 * arrive (CLS < 0.1, summed like Lighthouse over shifts without recent input), none either when
 * a second query replaces the first, and axe-core clean (WCAG 2.1 AA, label rules included) with
 * results on the page: the search box has a real label.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useBrowser } from './support/browser.ts';
import { RESULT_LINKS } from './support/search.ts';
import { axeViolations } from './support/axe.ts';

const site = useBrowser();

const INPUT = '.pagefind-ui__search-input';

interface Shift {
  value: number;
  hadRecentInput: boolean;
  sources: string[];
}

/**
 * Records every layout shift from the start of the page, before any of its own scripts run. A
 * string, so that the test runner's transpiler adds no helpers the page does not have.
 */
const RECORD_SHIFTS = `
  window.__shifts = [];
  const nameOf = (node) => {
    if (!(node instanceof Element)) return String(node ? node.nodeName : 'null');
    const cls = typeof node.className === 'string' ? node.className.trim().split(/\\s+/)[0] : '';
    return node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + (cls ? '.' + cls : '');
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__shifts.push({
        value: e.value,
        hadRecentInput: e.hadRecentInput,
        sources: (e.sources || []).map((s) => nameOf(s.node)),
      });
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** Layout shifts recorded so far that no recent input caused (those CLS counts). */
async function unexpectedShifts(page: Page): Promise<Shift[]> {
  return page.evaluate(() =>
    (window as unknown as { __shifts: Shift[] }).__shifts.filter((s) => !s.hadRecentInput),
  );
}

const total = (shifts: Shift[]) => shifts.reduce((sum, s) => sum + s.value, 0);
const explain = (shifts: Shift[]) =>
  shifts.map((s) => `${s.value.toFixed(4)} (${s.sources.join(', ')})`).join('; ') || 'none';

/**
 * Waits until the UI has announced its result count for `q` and filled in every result of the
 * first page (up to 10), then until the network is idle. Returns the count.
 */
async function waitForResults(page: Page, q: string): Promise<number> {
  const count = await page.waitForFunction(
    ([selector, input, query]) => {
      if ((document.querySelector(input) as HTMLInputElement | null)?.value !== query) return 0;
      const n = /(\d+)/.exec(document.querySelector('.pagefind-ui__message')?.textContent ?? '');
      if (!n) return 0;
      const links = [...document.querySelectorAll(selector)] as HTMLAnchorElement[];
      const complete =
        links.length === Math.min(Number(n[1]), 10) && links.every((a) => a.getAttribute('href'));
      return complete ? links.length : 0;
    },
    [RESULT_LINKS, INPUT, q] as const,
    { timeout: 15_000 },
  );
  await page.waitForLoadState('networkidle');
  return count.jsonValue();
}

/**
 * Opens /search/?q=… with the shift recorder installed and waits for its results. With
 * `lateFilters`, the filter index is held back until the results are on the page, as on a slow
 * connection where the filters come last.
 */
async function openWithResults(
  width: number,
  q: string,
  lateFilters = false,
): Promise<{ page: Page; problems: string[] }> {
  const page = await site.browser().newPage({ viewport: { width, height: 800 } });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  await page.addInitScript({ content: RECORD_SHIFTS });
  if (lateFilters) {
    let release = () => {};
    const released = new Promise<void>((done) => (release = done));
    await page.route('**/pagefind/filter/**', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${site.base()}/search/?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('.pagefind-ui__message');
    assert.equal(await page.locator('.pagefind-ui__filter-panel').count(), 0, 'filters held back');
    release();
    await page.waitForSelector('.pagefind-ui__filter-panel');
  } else await page.goto(`${site.base()}/search/?q=${encodeURIComponent(q)}`);
  const n = await waitForResults(page, q);
  assert.ok(n >= 5, `${q} shows at least 5 results (${n})`);
  return { page, problems };
}

for (const width of [1280, 375]) {
  describe(`search page at ${width} px`, () => {
    test('results arrive without moving the page (CLS < 0.1)', async () => {
      const { page, problems } = await openWithResults(width, '公务接待费');
      try {
        const shifts = await unexpectedShifts(page);
        console.log(`search page ${width}px, CLS on load: ${total(shifts).toFixed(4)}: ${explain(shifts)}`);
        assert.ok(total(shifts) < 0.1, `CLS ${total(shifts).toFixed(4)}: ${explain(shifts)}`);
        assert.deepEqual(problems, [], 'no console errors or failed requests');
      } finally {
        await page.close();
      }
    });

    test('filters arriving after the results move nothing (CLS < 0.1)', async () => {
      const { page, problems } = await openWithResults(width, '公务接待费', true);
      try {
        const shifts = await unexpectedShifts(page);
        console.log(`search page ${width}px, CLS with late filters: ${total(shifts).toFixed(4)}`);
        assert.ok(total(shifts) < 0.1, `CLS ${total(shifts).toFixed(4)}: ${explain(shifts)}`);
        assert.deepEqual(problems, [], 'no console errors or failed requests');
      } finally {
        await page.close();
      }
    });

    test('a second query replaces the results without moving the page (CLS < 0.1)', async () => {
      const { page, problems } = await openWithResults(width, '公务接待费');
      try {
        const before = total(await unexpectedShifts(page));
        const first = await page.locator(RESULT_LINKS).first().textContent();
        await page.fill(INPUT, '');
        await page.locator(INPUT).pressSequentially('机关运行经费');
        assert.ok((await waitForResults(page, '机关运行经费')) > 0);
        assert.notEqual(await page.locator(RESULT_LINKS).first().textContent(), first, 'new results shown');
        const shifts = await unexpectedShifts(page);
        const after = total(shifts) - before;
        console.log(`search page ${width}px, CLS from the second query: ${after.toFixed(4)}`);
        assert.ok(after < 0.1, `CLS ${after.toFixed(4)}: ${explain(shifts)}`);
        assert.deepEqual(problems, [], 'no console errors or failed requests');
      } finally {
        await page.close();
      }
    });

    test('axe-core clean with results, the search box labelled', async () => {
      const { page } = await openWithResults(width, '公务接待费');
      try {
        // The box's accessible name comes from a real label, not just its title or placeholder.
        const labelled = await page.$eval(INPUT, (input) => {
          const el = input as HTMLInputElement;
          const byFor = [...(el.labels ?? [])].map((l) => l.textContent?.trim() ?? '');
          const byIds = (el.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
          return [...byFor, ...byIds].filter(Boolean);
        });
        assert.ok(labelled.length > 0, 'the search box has a <label for> or aria-labelledby');
        assert.ok(
          labelled.every((l) => /搜索/.test(l)),
          `its label says what it is: ${labelled.join(' | ')}`,
        );
        assert.deepEqual(await axeViolations(page), [], 'axe-core WCAG 2.1 AA');
      } finally {
        await page.close();
      }
    });
  });
}
