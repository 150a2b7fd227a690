/**
 * The Content-Security-Policy the build writes to _headers, sent as a real response header while
 * Chromium opens every page: no violation, no console error, charts drawn, the comparison table
 * sorts, search finds results. Negative controls serve the site with a policy lacking one inline
 * script's hash, and lacking 'wasm-unsafe-eval', and see the violation. Also: the build refuses a
 * page the policy cannot allow.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../scripts/support/chromium.ts';
import { serveStatic, type StaticServer } from '../scripts/support/static-server.ts';
import { CspError, pagePolicyNeeds, writeHeaders } from '../src/integrations/csp.ts';
import { drawnCharts, scrollThrough, sitePages } from './support/browser.ts';
import { siteDir } from './support/site.ts';

/** The headers of the `/*` block of a site's _headers file. */
function headersFile(dir: string): Record<string, string> {
  const lines = readFileSync(join(dir, '_headers'), 'utf8').split('\n');
  assert.equal(lines[0], '/*', 'one block, for every path');
  const headers: Record<string, string> = {};
  for (const l of lines.slice(1).filter((x) => x !== '')) {
    const m = /^ {2}([A-Za-z-]+): (.+)$/.exec(l);
    assert.ok(m, `a header line: ${l}`);
    headers[m[1]] = m[2];
  }
  return headers;
}

const headers = headersFile(siteDir());
const policy = headers['Content-Security-Policy'];
const pages = sitePages();
const reportPages = pages.filter((p) => /^\/offices\/[^/]+\/\d{4}\/[^/]+\/$/.test(p));
const builtPage = (p: string) =>
  readFileSync(join(siteDir(), p.endsWith('/') ? `${p}index.html` : p), 'utf8');
/** Pages whose built HTML has a chart. */
const chartPages = pages.filter((p) => builtPage(p).includes('<figure class="chart"'));
const SEARCH = `/search/?q=${encodeURIComponent('公务接待费')}`;

/** Serves SITE_DIR with these response headers, and Chromium, for one describe block. */
function served(sent: () => Record<string, string>) {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await serveStatic(siteDir(), { headers: sent() });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  /**
   * Opens a page recording console errors and CSP violations: the page's securitypolicyviolation
   * events, and the errors Chromium reports without one (a refused WebAssembly compilation).
   */
  return async (path: string) => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
    const response = await page.goto(server!.url + path, { waitUntil: 'load' });
    assert.equal(response?.headers()['content-security-policy'], sent()['Content-Security-Policy']);
    const violations = async () => [
      ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
      ...errors.filter((e) => /Content Security Policy/i.test(e)),
    ];
    return { page, errors, violations };
  };
}

/** Polls until `found` gives a non-empty list (at most 15 s), and returns it. */
async function until(page: Page, found: () => Promise<string[]>): Promise<string[]> {
  for (let i = 0; i < 150; i++) {
    const list = await found();
    if (list.length) return list;
    await page.waitForTimeout(100);
  }
  return found();
}

/** Waits for the search page's first result. */
const results = (page: Page) =>
  page
    .waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 })
    .then(() => page.locator('.pagefind-ui__result').count());

test('_headers: the policy, its hashes sorted, within a host’s line limit', () => {
  assert.match(
    policy,
    /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]{44}')*; /,
  );
  assert.match(policy, /; style-src 'self'; /, "no 'unsafe-inline' for styles");
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.match(policy, /frame-ancestors 'none'$/);
  const hashes = [...policy.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(hashes, [...hashes].sort(), 'sorted, so the build is byte-identical');
  assert.equal(new Set(hashes).size, hashes.length);
  assert.ok(`  Content-Security-Policy: ${policy}`.length <= 2000);
  assert.equal(headers['X-Content-Type-Options'], 'nosniff');
});

test('the policy allows exactly the inline scripts of the built pages', () => {
  const needed = new Set(pages.flatMap((p) => pagePolicyNeeds(builtPage(p)).hashes));
  assert.ok(needed.size >= 2, 'the pages have inline scripts');
  assert.deepEqual([...policy.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]).sort(), [...needed].sort());
});

test('a page the policy cannot allow fails the step, naming the file and what to change', () => {
  const copy = join(process.env.TEST_OUTPUT!, 'csp-refused');
  mkdirSync(copy, { recursive: true });
  cpSync(siteDir(), copy, { recursive: true, filter: (src) => !src.includes('pagefind') });
  const about = join(copy, 'about', 'index.html');
  const html = readFileSync(about, 'utf8');
  writeFileSync(
    about,
    html.replace(
      '<main id="main">',
      '<main id="main"><button onclick="alert(1)" style="color:red">x</button>',
    ),
  );
  assert.throws(
    () => writeHeaders(copy),
    (e: Error) =>
      e instanceof CspError &&
      /about\/index\.html：.*内联事件属性 onclick/.test(e.message) &&
      /about\/index\.html：.*style 属性/.test(e.message),
  );
  writeFileSync(
    about,
    html.replace('<main id="main">', '<main id="main"><a href="javascript:void 0">x</a><style>p{}</style>'),
  );
  assert.throws(() => writeHeaders(copy), /javascript: 网址[\s\S]*内联样式/);
  writeFileSync(about, html);
  assert.match(writeHeaders(copy), /内容安全策略/, 'the unchanged pages pass');
});

test('charts are tested on report pages and on /compare/', () => {
  assert.ok(chartPages.some((p) => reportPages.includes(p)));
  assert.ok(chartPages.includes('/compare/'));
});

describe('served with the policy of _headers', () => {
  const open = served(() => headers);

  for (const path of pages) {
    test(`${path}: no CSP violation, no console error${chartPages.includes(path) ? ', charts drawn' : ''}`, async () => {
      const { page, errors, violations } = await open(path);
      try {
        await scrollThrough(page);
        const charts = await drawnCharts(page);
        assert.equal(charts.length > 0, chartPages.includes(path));
        const painted = charts.map((c) => c.painted);
        assert.ok(
          painted.every((n) => n > 500),
          `every chart is drawn: ${painted.join(', ')} painted pixels`,
        );
        assert.deepEqual(await violations(), []);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }

  test('/compare/: the sorting script runs', async () => {
    const { page, errors, violations } = await open('/compare/');
    try {
      const header = page.locator('table.compare thead th').nth(2);
      await header.locator('button').click();
      assert.equal(await header.getAttribute('aria-sort'), 'ascending');
      assert.deepEqual(await violations(), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test(`${SEARCH}: Pagefind runs and shows results`, async () => {
    const { page, errors, violations } = await open(SEARCH);
    try {
      assert.ok((await results(page)) > 0, 'results are shown');
      assert.deepEqual(await violations(), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('a missing page is answered with 404.html under the same policy', async () => {
    const { page, errors, violations } = await open('/no-such-page/');
    try {
      assert.match((await page.locator('h1').textContent()) ?? '', /页面不存在/);
      assert.deepEqual(await violations(), []);
      // Chromium logs the page's own 404 status as an error.
      assert.deepEqual(
        errors.filter((e) => !/status of 404/.test(e)),
        [],
      );
    } finally {
      await page.close();
    }
  });
});

describe("negative control: the policy without the search page's inline-script hash", () => {
  const searchHashes = pagePolicyNeeds(readFileSync(join(siteDir(), 'search', 'index.html'), 'utf8')).hashes;
  const open = served(() => ({
    ...headers,
    'Content-Security-Policy': policy.replace(` '${searchHashes[0]}'`, ''),
  }));

  test('the search page reports the blocked inline script', async () => {
    assert.ok(searchHashes.length > 0 && policy.includes(searchHashes[0]));
    const { page, violations } = await open(SEARCH);
    try {
      const seen = await until(page, violations);
      assert.ok(
        seen.some((v) => /^script-src-elem blocked inline/.test(v)),
        seen.join('\n'),
      );
      assert.equal(await page.locator('.pagefind-ui__result').count(), 0, 'the search did not run');
    } finally {
      await page.close();
    }
  });
});

describe("negative control: the policy without 'wasm-unsafe-eval'", () => {
  const open = served(() => ({
    ...headers,
    'Content-Security-Policy': policy.replace(" 'wasm-unsafe-eval'", ''),
  }));

  test('search reports the blocked WebAssembly compilation', async () => {
    assert.ok(policy.includes("'wasm-unsafe-eval'"));
    const { page, violations } = await open(SEARCH);
    try {
      // Chromium refuses the compilation with an error naming the policy, without a violation event.
      const seen = await until(page, violations);
      assert.ok(
        seen.some((v) => /WebAssembly[\s\S]*Content Security Policy/.test(v)),
        seen.join('\n'),
      );
      assert.equal(await page.locator('.pagefind-ui__result').count(), 0, 'no results without WebAssembly');
    } finally {
      await page.close();
    }
  });
});
