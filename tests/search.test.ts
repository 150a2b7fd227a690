/**
 * Search through the real Pagefind UI in Chromium: the query set's recall@5 (printed; fails
 * under 95 %), filters, deep links to sections and tables, and the search box without JavaScript.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './support/browser.ts';
import { RESULT_LINKS, search } from './support/search.ts';
import { QUERIES } from './search-queries.ts';

const site = useBrowser();

test(`query set: recall@5 ≥ 95 % over ${QUERIES.length} queries`, async () => {
  const page = await site.browser().newPage();
  let found = 0;
  let expected = 0;
  const misses: string[] = [];
  try {
    for (const { q, expect } of QUERIES) {
      const top = (await search(page, site.base(), q)).slice(0, 5);
      for (const p of expect) {
        expected++;
        if (top.includes(p)) found++;
        else misses.push(`${q} → ${p} (top 5: ${top.join(', ') || 'none'})`);
      }
    }
  } finally {
    await page.close();
  }
  const recall = found / expected;
  console.log(
    `search recall@5: ${found}/${expected} = ${(recall * 100).toFixed(1)}% over ${QUERIES.length} queries${misses.length ? `; missed: ${misses.join('; ')}` : ''}`,
  );
  assert.ok(QUERIES.length >= 25);
  assert.ok(recall >= 0.95, misses.join('\n'));
});

test('results show office, year and kind, a highlighted excerpt, and deep links that land on their anchor', async () => {
  const page = await site.browser().newPage();
  try {
    await search(page, site.base(), '公务接待费');
    const first = page.locator('.pagefind-ui__result').first();
    assert.match(
      (await first.locator('.pagefind-ui__result-title').first().textContent()) ?? '',
      /怀化市驻北京联络处｜2022年度部门决算/,
    );
    assert.ok((await first.locator('mark').count()) > 0, 'excerpt highlights the query');
    const deep = await page.$$eval('.pagefind-ui__result-nested .pagefind-ui__result-link', (links) =>
      links.map((a) => (a as HTMLAnchorElement).href),
    );
    assert.ok(
      deep.some((h) => /#t09-h$/.test(h)),
      `a sub-result links to the 三公 table: ${deep.join(' ')}`,
    );
    for (const href of deep.slice(0, 5)) {
      await page.goto(href);
      const id = decodeURIComponent(new URL(href).hash.slice(1));
      assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `${href} lands on its anchor`);
    }
  } finally {
    await page.close();
  }
});

test('filters by office, year, kind and level', async () => {
  const page = await site.browser().newPage();
  try {
    await search(page, site.base(), '招商引资');
    const all = await page.locator(RESULT_LINKS).count();
    assert.ok(all >= 4, `招商引资 finds several reports (${all})`);
    for (const name of ['机构', '年度', '类型', '级别'])
      assert.equal(
        await page.locator('.pagefind-ui__filter-name', { hasText: name }).count(),
        1,
        `filter ${name}`,
      );
    await page.locator('.pagefind-ui__filter-name', { hasText: '级别' }).click();
    await page.locator('.pagefind-ui__filter-label', { hasText: '市级' }).click();
    await page.waitForTimeout(800);
    const titles = await page.$$eval(RESULT_LINKS, (a) => a.map((x) => x.textContent ?? ''));
    assert.ok(
      titles.length > 0 && titles.length < all,
      `市级 narrows the results (${titles.length} of ${all})`,
    );
    assert.ok(
      titles.every((t) => /怀化|广州办/.test(t)),
      titles.join(' | '),
    );
  } finally {
    await page.close();
  }
});

test('without JavaScript the search box leads to the office index', async () => {
  const context = await site.browser().newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`${site.base()}/offices/hunan-shenzhen/2022/performance/`);
    await page.fill('#site-q', '公务接待费');
    await page.press('#site-q', 'Enter');
    await page.waitForURL(`${site.base()}/offices/`, { timeout: 10_000 });
    assert.equal(await page.locator('h1').textContent(), '机构');
  } finally {
    await context.close();
  }
});
