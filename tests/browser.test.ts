/**
 * The built site in a real Chromium: no console errors or failed requests, charts drawn with
 * their data tables after scrolling, no chart script before a chart is visible, axe-core clean
 * (WCAG 2.1 AA), and no horizontal scrolling at 375 px.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { drawnCharts, scrollThrough, sitePages, useBrowser } from './support/browser.ts';
import { axeViolations } from './support/axe.ts';

const site = useBrowser();
const pages = sitePages();

/** Opens a page and records what went wrong while it loaded. */
async function open(
  path: string,
  width = 1280,
): Promise<{ page: Page; problems: string[]; scripts: string[] }> {
  const page = await site.browser().newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  const scripts: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on(
    'response',
    (r) =>
      r.status() >= 400 &&
      !(path === '/404.html' && r.url().endsWith('/404.html')) &&
      problems.push(`HTTP ${r.status()}: ${r.url()}`),
  );
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto(site.base() + path, { waitUntil: 'load' });
  return { page, problems, scripts };
}

test('the site has its pages', () => {
  for (const p of [
    '/',
    '/offices/',
    '/compare/',
    '/glossary/',
    '/about/',
    '/search/',
    '/404.html',
    '/offices/huaihua-beijing/2022/final-accounts/',
  ])
    assert.ok(pages.includes(p), p);
});

for (const path of pages) {
  test(`${path}: loads cleanly, charts drawn, accessible`, async () => {
    const { page, problems, scripts } = await open(path);
    try {
      // Before any chart is in view, no script is fetched.
      const chartInView = await page.evaluate(() =>
        [...document.querySelectorAll('figure.chart')].some(
          (f) => f.getBoundingClientRect().top < innerHeight + 200,
        ),
      );
      const reportPage = /^\/offices\/[^/]+\/\d{4}\/[^/]+\/$/.test(path);
      if (reportPage && !chartInView) {
        await page.waitForTimeout(300);
        assert.deepEqual(scripts, [], 'a report page fetches no script before a chart is visible');
      }
      await scrollThrough(page);
      const charts = await drawnCharts(page);
      for (const c of charts) {
        assert.ok(c.painted > 500, `${c.id}: canvas is drawn (${c.painted} painted pixels)`);
        assert.ok(c.rows > 0, `${c.id}: has its data table`);
        assert.ok(c.caption.length > 5, `${c.id}: has a summary`);
      }
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], 'axe-core WCAG 2.1 AA');
      assert.deepEqual(problems, [], 'no console errors or failed requests');
    } finally {
      await page.close();
    }
  });

  test(`${path}: no horizontal scrolling at 375 px`, async () => {
    const { page } = await open(path, 375);
    try {
      await scrollThrough(page);
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
    } finally {
      await page.close();
    }
  });
}

test('the comparison table sorts by a column', async () => {
  const { page } = await open('/compare/');
  try {
    const header = page.locator('table.compare thead th', { hasText: '支出合计' }).first();
    await header.locator('button').click();
    await header.locator('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const values = await page.$$eval('table.compare tbody tr', (rows) =>
      rows.map((r) => (r as HTMLTableRowElement).cells[2].dataset.value ?? ''),
    );
    const published = values.filter((v) => v !== '').map(Number);
    assert.deepEqual(
      published,
      [...published].sort((a, b) => b - a),
    );
    assert.deepEqual(
      values.slice(published.length),
      values.filter((v) => v === ''),
      '未公开 sorts last',
    );
  } finally {
    await page.close();
  }
});
