/**
 * Hostile content in every field that reaches a page (tests/support/hostile-payloads.ts), in a
 * copy of content/: either `npm run check` refuses it with a located Chinese error, or the site
 * builds and nothing of it runs or appears as markup — in the built HTML, in the Pagefind index
 * (filters, metadata, excerpts) and in Chromium, on every page and on /search/ with every filter
 * open. Refused payloads are dropped and the rest is checked again until the check passes; then
 * the site is built once with everything that passed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { launchChromium } from '../scripts/support/chromium.ts';
import { serveStatic, type StaticServer } from '../scripts/support/static-server.ts';
import { searchFieldProblems } from '../src/integrations/search-fields.ts';
import { searchLabel } from '../src/lib/search-meta.ts';
import { checkUrl } from '../src/lib/narrative/urls.ts';
import { parseNarrative } from '../src/lib/content/narrative.ts';
import { renderNarrative } from '../src/lib/narrative/render.ts';
import { sanitizeNarrative } from '../src/lib/narrative/sanitize.ts';
import { MARKER, PAYLOADS, type Payload } from './support/hostile-payloads.ts';

interface Row {
  file: string;
  line: number;
  column: number;
  severity: string;
  acknowledged: boolean;
  message: string;
}

const CJK = /[\u4e00-\u9fff]/;
const work = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A fresh copy of content/ and sources/ with the payloads applied; each payload's lines in its file. */
function applied(name: string, payloads: readonly Payload[]) {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync('content', join(dir, 'content'), { recursive: true });
  cpSync('sources', join(dir, 'sources'), { recursive: true });
  for (const p of payloads) {
    const path = join(dir, p.file);
    const text = readFileSync(path, 'utf8');
    if (p.from !== undefined && !text.includes(p.from))
      throw new Error(`${p.field}: "${p.from}" not in ${p.file}`);
    writeFileSync(
      path,
      p.from === undefined ? `${text.replace(/\n*$/, '\n')}\n${p.to}\n` : text.replace(p.from, () => p.to),
    );
  }
  const lines = new Map(
    payloads.map((p) => {
      const text = readFileSync(join(dir, p.file), 'utf8');
      const first = text.slice(0, text.indexOf(p.to)).split('\n').length;
      return [p, { first, last: first + p.to.split('\n').length - 1 }];
    }),
  );
  return { dir, lines };
}

function check(dir: string): Row[] {
  const r = spawnSync('npx', ['tsx', 'scripts/check.ts', '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
  });
  const rows = JSON.parse(r.stdout) as Row[];
  return rows.filter((row) => row.severity === 'error' && !row.acknowledged);
}

const officeOf = (file: string) => file.split('/').slice(0, 2).join('/');

/**
 * Checks the payloads until the check passes: a refused payload must be refused at its own lines
 * in Chinese, and is then dropped. Returns what was refused (with its message) and what remains.
 */
function settle(payloads: readonly Payload[]) {
  const refused = new Map<Payload, Row>();
  let remaining = [...payloads];
  for (let round = 0; round < 4; round++) {
    const { dir, lines } = applied(`check-${round}`, remaining);
    const errors = check(dir);
    if (!errors.length) return { refused, remaining };
    const unexplained: Row[] = [];
    for (const e of errors) {
      const p = remaining.find(
        (x) => x.file === e.file && lines.get(x)!.first <= e.line && e.line <= lines.get(x)!.last,
      );
      if (p) {
        if (!refused.has(p)) refused.set(p, e);
      } else unexplained.push(e);
    }
    // An office whose office.yaml was refused leaves its reports without an office: that follows.
    const followOn = (e: Row) => [...refused.keys()].some((p) => officeOf(p.file) === officeOf(e.file));
    const strays = unexplained.filter((e) => !followOn(e));
    assert.deepEqual(strays, [], 'every error is at a payload');
    remaining = remaining.filter((p) => !refused.has(p));
  }
  assert.fail('the check still fails after dropping every refused payload');
}

let outcome: ReturnType<typeof settle>;
let site: string;
let server: StaticServer;
let browser: Browser;

before(async () => {
  outcome = settle(PAYLOADS);
  const { dir } = applied('site', outcome.remaining);
  site = join(dir, 'site');
  const built = spawnSync('npx', ['tsx', 'scripts/build-site.ts', '--outDir', site], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
  });
  assert.equal(
    built.status,
    0,
    `the site builds with the accepted payloads:\n${built.stdout}\n${built.stderr}`,
  );
  server = await serveStatic(site);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const accepted = (field: RegExp) => outcome.remaining.some((p) => field.test(p.field));

test('each payload is refused with a located Chinese error or builds', () => {
  const lines = PAYLOADS.map((p) => {
    const r = outcome.refused.get(p);
    return `${r ? 'refused' : 'built  '}  ${p.field}${r ? `  (${r.file}:${r.line}:${r.column} ${r.message.slice(0, 60)})` : ''}`;
  });
  console.log(lines.join('\n'));
  for (const p of PAYLOADS) {
    const r = outcome.refused.get(p);
    if (p.expect === 'refuse') assert.ok(r, `${p.field} is refused`);
    if (p.expect === 'pass') assert.ok(!r, `${p.field} is accepted (refused: ${r?.message})`);
    if (r) {
      assert.match(r.message, CJK, `${p.field}: the message is in Chinese`);
      if (p.message) assert.match(r.message, p.message, `${p.field}: ${r.message}`);
    }
  }
});

test('link addresses: only https:, http:, mailto: and scheme-less addresses', () => {
  for (const ok of [
    'https://a.example/x',
    'HTTP://a.example',
    'mailto:a@b.c',
    '/about/',
    '../x',
    '#s-x',
    '?q=1',
    '//h.example/x',
    'a/b:c',
  ])
    assert.equal(checkUrl(ok).ok, true, ok);
  for (const bad of [
    'javascript:x',
    ' \tJaVa\nScRiPt:x',
    'data:text/html,x',
    'vbscript:x',
    'file:///x',
    'tel:1',
    ':x',
    '9:30',
    '\u0000javascript:x',
  ])
    assert.equal(checkUrl(bad).ok, false, JSON.stringify(bad));
  assert.deepEqual(checkUrl('HTTPS://A.example/'), { ok: true, url: 'https://A.example/' });
});

test('search labels hold no markup characters; the indexer refuses a page whose fields do', () => {
  assert.equal(searchLabel(`a<b>&"'\u202e\u0000\tc`), 'a＜b＞＆＂＇ c');
  assert.equal(searchLabel('广州办'), '广州办');
  const dir = join(work, 'fields');
  mkdirSync(join(dir, 'ok'), { recursive: true });
  copyFileSync(
    join(site, 'offices', 'zhanjiang-guangzhou', '2020', 'performance', 'index.html'),
    join(dir, 'ok', 'index.html'),
  );
  writeFileSync(
    join(dir, 'bad.html'),
    '<div data-pagefind-body><span data-pagefind-filter="机构">a&lt;img src=x onerror=alert(1)&gt;</span>' +
      '<span data-pagefind-meta="title:&quot;x">t</span><span data-pagefind-filter="x"><b>y</b></span></div>',
  );
  const problems = searchFieldProblems(dir);
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.ok(problems.every((p) => p.includes('bad.html') && CJK.test(p)));
});

test('unchecked, the renderer and its sanitiser still print no refused markup', () => {
  // What the check refuses, rendered as if it had not: the second line of defence.
  const markdown = PAYLOADS.filter((p) => p.expect === 'refuse')
    .map((p) => p.to)
    .join('\n\n');
  const html = renderNarrative(parseNarrative(`${markdown}\n\n[引用][坏引用]`))
    .segments.map((s) => (s.type === 'html' ? s.html : ''))
    .join('');
  visit(fromHtml(html, { fragment: true }), 'element', (e: Element) => {
    assert.ok(['p', 'h2', 'h3', 'a', 'br', 'hr', 'em', 'strong'].includes(e.tagName), `<${e.tagName}>`);
    const href = e.properties?.href;
    if (href !== undefined) assert.ok(checkUrl(String(href)).ok, `href ${String(href)}`);
  });
  const dirty: HastRoot = {
    type: 'root',
    children: [
      { type: 'element', tagName: 'h2', properties: { id: 'main', onClick: 'alert(1)' }, children: [] },
      {
        type: 'element',
        tagName: 'a',
        properties: { href: 'javascript:alert(1)' },
        children: [{ type: 'text', value: 'a' }],
      },
      { type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'alert(1)' }] },
      { type: 'element', tagName: 'img', properties: { src: 'x', onError: 'alert(1)' }, children: [] },
      { type: 'element', tagName: 'div', properties: {}, children: [{ type: 'text', value: 'kept' }] },
    ],
  };
  assert.equal(toHtml(sanitizeNarrative(dirty)), '<h2></h2><a>a</a>kept');
});

function htmlFiles(): string[] {
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .sort();
}

test('the built HTML carries no injected element or handler, and every id once', () => {
  for (const f of htmlFiles()) {
    const ids: string[] = [];
    visit(fromHtml(readFileSync(join(site, f), 'utf8')), 'element', (e: Element) => {
      const props = e.properties ?? {};
      assert.ok(!String(props.className ?? '').includes('pwn'), `${f}: injected <${e.tagName}>`);
      assert.deepEqual(
        Object.keys(props).filter((k) => /^on/i.test(k)),
        [],
        `${f}: handler on <${e.tagName}>`,
      );
      if (e.tagName === 'script')
        assert.doesNotMatch(String(e.children.map((c) => ('value' in c ? c.value : ''))), /alert\(/);
      if (props.id !== undefined) ids.push(String(props.id));
    });
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
      `${f}: duplicate ids`,
    );
  }
});

/** Opens a page and records dialogs and errors; the caller closes it. */
async function open(path: string, width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url + path, { waitUntil: 'load' });
  return { page, dialogs, errors };
}

/** Elements the payloads would have created, and any on… attribute, in the live DOM. */
const injected = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter(
        (e) =>
          e.classList.contains('pwn') ||
          [...e.attributes].some((a) => a.name.startsWith('on')) ||
          (e.tagName === 'SCRIPT' && e.textContent?.includes('alert(')) ||
          (e.closest('main') && /^(IMG|SVG|IFRAME|OBJECT|EMBED)$/i.test(e.tagName)),
      )
      .map((e) => e.outerHTML.slice(0, 120)),
  );

test('every page in Chromium: no dialog, no injected element, no error', async () => {
  for (const f of htmlFiles()) {
    const path = `/${f}`.replace(/index\.html$/, '');
    const { page, dialogs, errors } = await open(path);
    try {
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 800) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 20));
        }
      });
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, [], `${path}: dialogs`);
      assert.deepEqual(await injected(page), [], `${path}: injected elements`);
      assert.deepEqual(errors, [], `${path}: errors`);
    } finally {
      await page.close();
    }
  }
});

test('the search index: filters, metadata and excerpts hold no markup', async () => {
  const { page, dialogs } = await open('/search/');
  try {
    const index = await page.evaluate(async (marker) => {
      const pf = await import('/pagefind/pagefind.js' as string);
      await pf.init();
      const filters = (await pf.filters()) as Record<string, Record<string, number>>;
      const results = [];
      for (const q of [marker, 'pwn', 'onerror', '广州办', '结余分配']) {
        const search = await pf.search(q);
        for (const r of search.results) results.push(await r.data());
      }
      return { filters, results } as {
        filters: Record<string, Record<string, number>>;
        results: {
          url: string;
          meta: Record<string, string>;
          excerpt: string;
          sub_results: { excerpt: string }[];
        }[];
      };
    }, MARKER);
    assert.ok(index.results.length > 0, 'the hostile pages are found');
    const markup = /[<>"']|&(?!lt;|gt;)/;
    for (const [name, values] of Object.entries(index.filters)) {
      assert.doesNotMatch(name, markup, `filter name ${name}`);
      for (const v of Object.keys(values)) assert.doesNotMatch(v, /[<>&"']/, `filter ${name} value ${v}`);
    }
    if (accepted(/shortName/))
      assert.ok(
        Object.keys(index.filters['机构']).some((v) => v.startsWith('湛江市驻广州办＜img')),
        'the hostile shortName is a filter, as text',
      );
    for (const r of index.results) {
      for (const [k, v] of Object.entries(r.meta))
        assert.doesNotMatch(v, /[<>&"']/, `${r.url} meta ${k}: ${v}`);
      for (const e of [r.excerpt, ...r.sub_results.map((s) => s.excerpt)])
        assert.doesNotMatch(e.replace(/<\/?mark>/g, ''), /</, `${r.url} excerpt: ${e}`);
    }
    assert.deepEqual(dialogs, []);
  } finally {
    await page.close();
  }
});

async function searchUi(q: string, width = 1280) {
  const opened = await open(`/search/?q=${encodeURIComponent(q)}`, width);
  const { page } = opened;
  await page.waitForFunction(
    () => {
      const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
      return /没有|未找到/.test(message) || document.querySelectorAll('.pagefind-ui__result-link').length > 0;
    },
    null,
    { timeout: 15_000 },
  );
  await page.waitForTimeout(500);
  return opened;
}

test('/search/ in Chromium with every filter open: no dialog, no injected element', async () => {
  for (const q of [MARKER, 'pwn', '广州办']) {
    const { page, dialogs, errors } = await searchUi(q);
    try {
      for (const summary of await page.locator('summary.pagefind-ui__filter-name').all())
        await summary.click();
      await page.waitForTimeout(300);
      assert.ok((await page.locator('.pagefind-ui__filter-label').count()) > 0, `${q}: filters are shown`);
      // Tick every filter value once: the results re-render with each.
      for (const box of await page.locator('.pagefind-ui__filter-checkbox').all()) {
        // A re-render of the results may close a filter group again: open the box's own group first.
        await box.evaluate((el) => {
          const group = el.closest('details');
          if (group) group.open = true;
        });
        await box.check();
        await page.waitForTimeout(150);
        await box.uncheck();
      }
      assert.deepEqual(dialogs, [], `${q}: dialogs`);
      assert.deepEqual(await injected(page), [], `${q}: injected elements`);
      assert.deepEqual(
        await page.evaluate(
          () => document.querySelectorAll('#search img, #search svg, #search script, #search iframe').length,
        ),
        0,
      );
      assert.deepEqual(errors, [], `${q}: errors`);
      if (accepted(/shortName/))
        assert.ok(
          (await page
            .locator('.pagefind-ui__filter-label', { hasText: '湛江市驻广州办＜img class=pwn' })
            .count()) > 0,
          'the hostile shortName shows as text',
        );
    } finally {
      await page.close();
    }
  }
});

const PERF_PAGE = '/offices/zhanjiang-guangzhou/2020/performance/';

test('colons in prose, escaped markup and allowed links print as written', async () => {
  const { page } = await open(PERF_PAGE);
  try {
    const text = await page.locator('.narrative').innerText();
    for (const s of ['联系方式:Email', '比例为3:2', '上午9:30开会', '配比1:1', 'https://example.com/a:b'])
      assert.ok(text.includes(s), `prints ${s}`);
    assert.ok(
      text.includes('正文<img class=pwn src=x onerror=alert(41)>与 <svg class=pwn onload=alert(42)>'),
    );
    assert.ok(text.includes(`"双引号" 'single' &amp;`));
    const hrefs = await page.$$eval('.narrative a', (as) => as.map((a) => a.getAttribute('href')));
    for (const h of [
      'https://example.com/x?a=1&b=2',
      'mailto:office@example.com',
      '/about/',
      '#main',
      'https://example.com/',
      'https://example.com/auto',
    ])
      assert.ok(hrefs.includes(h), `link ${h}: ${hrefs.join(' ')}`);
    const heading = page.locator('.narrative h2', { hasText: MARKER });
    assert.match((await heading.getAttribute('id')) ?? '', /^s-/);
    assert.equal(
      await page.locator('.toc a', { hasText: '标题<img class=pwn' }).count(),
      1,
      'the heading is in the table of contents, as text',
    );
  } finally {
    await page.close();
  }
});

test('at 375 px a long word scrolls no page sideways', async () => {
  const paths = [
    PERF_PAGE,
    '/offices/huaihua-beijing/2022/final-accounts/',
    '/offices/zhanjiang-guangzhou/',
    '/',
    '/compare/',
  ];
  for (const path of paths) {
    const { page } = await open(path, 375);
    try {
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      assert.ok(scroll <= client, `${path} is ${scroll}px wide in a ${client}px viewport`);
    } finally {
      await page.close();
    }
  }
  const { page } = await searchUi(MARKER, 375);
  try {
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    assert.ok(scroll <= client, `/search/ is ${scroll}px wide in a ${client}px viewport`);
  } finally {
    await page.close();
  }
  if (accepted(/200,000/)) {
    const { page: p } = await open(PERF_PAGE, 375);
    try {
      const width = await p.evaluate(() => {
        const para = [...document.querySelectorAll('.narrative p')].find((e) =>
          e.textContent?.startsWith('WWWW'),
        );
        return para?.getBoundingClientRect().width ?? -1;
      });
      assert.ok(width > 0 && width <= 375, `the 200,000-character word wraps within the page (${width}px)`);
    } finally {
      await p.close();
    }
  }
});
