/**
 * What search engines and link previews read, on the built site: each page's canonical URL
 * (site + its path), its Open Graph and Twitter tags carrying the page's own title and
 * description, sitemap.xml listing exactly the HTML pages but 404, robots.txt pointing at it;
 * and SITE_URL setting the address a deployment publishes under.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import config from '../astro.config.mjs';
import { listFiles, siteDir } from './support/site.ts';

/** The HTML pages of a built site, as URL paths. */
const htmlPages = (dir: string) =>
  listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.split(sep).join('/')}`.replace(/index\.html$/, ''));
/** The URLs a sitemap of this site must list: every page but 404. */
const expectedUrls = (dir: string, site: string) =>
  htmlPages(dir)
    .filter((p) => p !== '/404.html')
    .map((p) => new URL(p, site).href)
    .sort();

const pages = htmlPages(siteDir());
const reportPage = (p: string) => /^\/offices\/[^/]+\/\d{4}\/[^/]+\/$/.test(p);

function* elements(node: Root | RootContent): Generator<Element> {
  if (node.type === 'element') yield node;
  if ('children' in node) for (const child of node.children) yield* elements(child);
}

/** The <head> of a built page: its title, meta tags by name or property, and links by rel. */
function head(dir: string, urlPath: string) {
  const file = join(dir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
  const all = [...elements(fromHtml(readFileSync(file, 'utf8')))];
  const metas = (key: string) =>
    all
      .filter((e) => e.tagName === 'meta' && (e.properties.name ?? e.properties.property) === key)
      .map((e) => String(e.properties.content));
  const links = (rel: string) =>
    all
      .filter((e) => e.tagName === 'link' && String(e.properties.rel) === rel)
      .map((e) => String(e.properties.href));
  const title = all.find((e) => e.tagName === 'title')!;
  return { title: title.children.map((c) => (c.type === 'text' ? c.value : '')).join(''), metas, links };
}

/** Every <loc> of the sitemap index, and of the sitemaps it lists. */
function sitemapUrls(dir: string, site: string): string[] {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
  const index = locs(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8'));
  assert.ok(index.length > 0, 'the sitemap index lists a sitemap');
  return index.flatMap((u) => {
    assert.ok(u.startsWith(site), `${u} is under ${site}`);
    return locs(readFileSync(join(dir, u.slice(site.length)), 'utf8'));
  });
}

const site = String(config.site);

test('the configured site is an absolute origin URL', () => {
  assert.match(site, /^https?:\/\/[^/]+\/$/);
});

test('the site has report pages and a 404 page', () => {
  assert.ok(pages.filter(reportPage).length >= 2);
  assert.ok(pages.includes('/404.html'));
});

for (const path of pages.filter((p) => p !== '/404.html')) {
  test(`${path}: canonical URL, Open Graph and Twitter tags`, () => {
    const h = head(siteDir(), path);
    const url = new URL(path, site).href;
    assert.deepEqual(h.links('canonical'), [url], 'one canonical URL: site + path');
    assert.ok(url.endsWith('/'), 'with its trailing slash');
    assert.deepEqual(h.metas('og:url'), [url]);
    const [description] = h.metas('description');
    assert.ok(description && description.length > 10, 'the page has a description');
    assert.deepEqual(h.metas('og:description'), [description], "og:description is the page's own");
    assert.deepEqual(h.metas('og:title'), [h.title.replace(/ · 公开$/, '')], "og:title is the page's title");
    assert.equal(h.metas('og:type').length, 1);
    assert.match(h.metas('og:type')[0], /^(website|article)$/);
    assert.deepEqual(h.metas('og:site_name'), ['公开']);
    assert.deepEqual(h.metas('og:locale'), ['zh_CN']);
    assert.deepEqual(h.metas('twitter:card'), ['summary']);
    assert.deepEqual(h.metas('robots'), [], 'indexable');
  });
}

test('each report page describes itself: no two share a description', () => {
  const descriptions = pages.filter(reportPage).map((p) => head(siteDir(), p).metas('description')[0]);
  assert.equal(new Set(descriptions).size, descriptions.length, descriptions.join('\n'));
});

test('404.html has no canonical URL and is not indexed', () => {
  const h = head(siteDir(), '/404.html');
  assert.deepEqual(h.links('canonical'), []);
  assert.deepEqual(h.metas('og:url'), []);
  assert.deepEqual(h.metas('robots'), ['noindex']);
});

test('the sitemap lists exactly the HTML pages except 404', () => {
  const urls = sitemapUrls(siteDir(), site);
  assert.equal(new Set(urls).size, urls.length, 'no URL twice');
  assert.deepEqual([...urls].sort(), expectedUrls(siteDir(), site));
});

test('robots.txt allows everything and points at the sitemap index', () => {
  const robots = readFileSync(join(siteDir(), 'robots.txt'), 'utf8');
  assert.match(robots, /^User-agent: \*$/m);
  assert.doesNotMatch(robots, /^Disallow: *\S/m, 'nothing is disallowed');
  const sitemaps = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1]);
  assert.deepEqual(sitemaps, [new URL('sitemap-index.xml', site).href]);
  assert.ok(
    existsSync(join(siteDir(), sitemaps[0].slice(site.length))),
    'the sitemap it names is in the site',
  );
});

test('SITE_URL sets the address in canonical URLs, the sitemap and robots.txt', () => {
  const other = 'https://gongkai-test.example.net/';
  assert.notEqual(other, site);
  const out = join(process.env.TEST_OUTPUT!, 'site-url');
  const r = spawnSync('npx', ['tsx', 'scripts/build-site.ts', '--outDir', out], {
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: other.replace(/\/$/, '') },
  });
  assert.equal(r.status, 0, r.stderr);
  const path = pages.find(reportPage)!;
  assert.deepEqual(head(out, path).links('canonical'), [new URL(path, other).href]);
  assert.deepEqual(head(out, path).metas('og:url'), [new URL(path, other).href]);
  assert.deepEqual(sitemapUrls(out, other).sort(), expectedUrls(out, other));
  const robots = readFileSync(join(out, 'robots.txt'), 'utf8').split('\n');
  assert.ok(robots.includes(`Sitemap: ${other}sitemap-index.xml`), robots.join('\n'));
});

test('a SITE_URL with a path stops the build with a message in Chinese', () => {
  const r = spawnSync(
    'npx',
    ['tsx', 'scripts/build-site.ts', '--outDir', join(process.env.TEST_OUTPUT!, 'site-url-bad')],
    {
      encoding: 'utf8',
      env: { ...process.env, SITE_URL: 'https://example.net/gongkai/' },
    },
  );
  assert.notEqual(r.status, 0);
  assert.match(r.stdout + r.stderr, /SITE_URL 须是网站的根地址/);
});
