/**
 * HTML_CodeSniffer, the engine pa11y runs, on every page of the built site (and of the fixture
 * site when FIXTURE_SITE_DIR is set): WCAG2AA with no errors. pa11y itself downloads its own
 * Chrome, which CI cannot; this injects the same `html_codesniffer` build into Debian's Chromium
 * and reports what pa11y's htmlcs runner reports as errors (message type 1).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../scripts/support/chromium.ts';
import { serveStatic, type StaticServer } from '../scripts/support/static-server.ts';
import { fixtureSiteDir, listFiles, siteDir } from './support/site.ts';

const htmlcsSource = createRequire(import.meta.url).resolve('html_codesniffer/build/HTMLCS.js');

interface HtmlcsError {
  code: string;
  message: string;
  snippet: string;
}

/** Every HTML page of a built site, as URL paths. */
const pagesOf = (dir: string) =>
  listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.split('\\').join('/')}`.replace(/index\.html$/, ''));

let browser: Browser;
let page: Page;
before(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
after(async () => {
  await browser?.close();
});

/** Runs HTMLCS WCAG2AA on the page as loaded and returns its errors. */
async function htmlcsErrors(): Promise<HtmlcsError[]> {
  await page.addScriptTag({ path: htmlcsSource });
  return page.evaluate(
    () =>
      new Promise<HtmlcsError[]>((done, fail) => {
        const htmlcs = (
          window as unknown as {
            HTMLCS: {
              process(
                standard: string,
                doc: Document,
                callback: () => void,
                failed: () => void,
                lang: string,
              ): void;
              getMessages(): { type: number; code: string; msg: string; element: Element | Document }[];
            };
          }
        ).HTMLCS;
        htmlcs.process(
          'WCAG2AA',
          document,
          () =>
            done(
              htmlcs
                .getMessages()
                .filter((m) => m.type === 1)
                .map((m) => ({
                  code: m.code,
                  message: m.msg,
                  snippet: ('outerHTML' in m.element ? m.element.outerHTML : '#document').slice(0, 300),
                })),
            ),
          () => fail(new Error('HTML_CodeSniffer failed to run')),
          'en',
        );
      }),
  );
}

const describeErrors = (errors: HtmlcsError[]) =>
  errors.map((e) => `${e.code}\n  ${e.message}\n  ${e.snippet}`).join('\n');

test('negative control: the runner reports a complex table without headers and an unlabelled input', async () => {
  await page.setContent(`<!doctype html><html lang="zh-CN"><head><title>对照</title></head><body><main>
    <table><caption>表</caption>
      <tr><th colspan="2">收入</th></tr>
      <tr><th>项目</th><th>金额</th></tr>
      <tr><td>甲</td><td>1.00</td></tr>
    </table>
    <input type="text">
  </main></body></html>`);
  const codes = (await htmlcsErrors()).map((e) => e.code);
  assert.ok(
    codes.some((c) => c.includes('H43')),
    `a multi-level header table without headers attributes is an H43 error: ${codes.join(', ')}`,
  );
  assert.ok(
    codes.some((c) => c.includes('F68')),
    `an input without a label is an F68 error: ${codes.join(', ')}`,
  );
});

function auditSite(name: string, dir: () => string) {
  describe(name, () => {
    let server: StaticServer | undefined;
    before(async () => {
      server = await serveStatic(dir());
    });
    after(async () => {
      await server?.close();
    });
    const pages = pagesOf(dir());
    test(`${name} has pages`, () => assert.ok(pages.length > 0));
    for (const path of pages)
      test(`${name} ${path}: HTML_CodeSniffer WCAG2AA, no errors`, async () => {
        await page.goto(server!.url + path, { waitUntil: 'load' });
        const errors = await htmlcsErrors();
        assert.equal(errors.length, 0, `${path}: ${errors.length} errors\n${describeErrors(errors)}`);
      });
  });
}

auditSite('site', siteDir);
if (process.env.FIXTURE_SITE_DIR) auditSite('fixture site', fixtureSiteDir);
