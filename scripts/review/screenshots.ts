/**
 * Screenshots of the changed pages on both sides, at desktop and phone width, with their pixel
 * difference. Each side is served by its own static server; pages are shot once fonts are loaded
 * and every chart is drawn (charts draw lazily, without animation), from the top.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import type { PageDiff, Screenshot } from '../../src/lib/review/types.ts';
import { comparePngs, topOf } from './pixels.ts';

const WIDTHS = { screenshots: 1280, mobile: 375 } as const;
const FOLDER = 'screenshots';

/** A file name for a URL path: /offices/a/2022/b/ → offices-a-2022-b, / → home. */
const fileStem = (url: string) =>
  url
    .replace(/index\.html$|\.html$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'home';

/** Opens a page, lets fonts and charts settle, and takes it whole from the top. */
async function capture(context: BrowserContext, url: string): Promise<Buffer> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    if (await page.locator('figure.chart').count()) {
      // The chart script loads when a chart nears the viewport, and then draws every chart.
      await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
      await page
        .waitForFunction(
          () =>
            [...document.querySelectorAll<HTMLElement>('figure.chart')].every(
              (f) => f.dataset.drawn === 'true',
            ),
          null,
          { timeout: 10_000 },
        )
        .catch(() => undefined); // an undrawn chart shows up in the difference
    }
    // Scroll-driven animations (the tables' scroll cue) settle at a moment that depends on load, and
    // sticky cells are drawn on layers whose text lands on a different subpixel from run to run:
    // both sides are taken without either (a page taken from the top-left looks the same), so an
    // unchanged page gives the same pixels.
    await page.addStyleTag({ content: '*, *::before, *::after { animation: none !important; }' });
    await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('body *'))
        if (getComputedStyle(el).position === 'sticky') el.style.position = 'static';
    });
    await page.evaluate(
      () =>
        new Promise((done) => {
          window.scrollTo(0, 0);
          requestAnimationFrame(() => requestAnimationFrame(done));
        }),
    );
    return await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    await page.close();
  }
}

interface Servers {
  base: StaticServer;
  head: StaticServer;
}

async function shoot(
  contexts: { base: BrowserContext; head: BrowserContext },
  servers: Servers,
  page: PageDiff,
  at: { width: number; stem: string; outDir: string },
): Promise<Screenshot> {
  const write = (name: string, image: Buffer) => {
    const file = `${FOLDER}/${at.stem}-${at.width}-${name}.png`;
    writeFileSync(join(at.outDir, file), image);
    return file;
  };
  // The two sides render in their own Chromium processes, side by side.
  const [base, head] = await Promise.all([
    page.status === 'added' ? null : capture(contexts.base, servers.base.url + page.url),
    page.status === 'removed' ? null : capture(contexts.head, servers.head.url + page.url),
  ]);
  if (base && head) {
    const compared = comparePngs(base, head);
    const images = compared.images;
    return {
      width: at.width,
      base: images && write('base', images.base),
      head: images && write('head', images.head),
      diff: images && write('diff', images.diff),
      changedRatio: compared.changedRatio,
      ...(compared.regions.length ? { regions: compared.regions } : {}),
    };
  }
  const only = topOf((base ?? head)!);
  return {
    width: at.width,
    base: base && write('base', only.image),
    head: head && write('head', only.image),
    diff: null,
    changedRatio: 1,
    regions: only.regions,
  };
}

/**
 * Adds screenshots (1280 px) and mobile (375 px) to each page, writing the images under
 * `<outDir>/screenshots/` with paths relative to outDir.
 */
export async function shootPages(
  pages: PageDiff[],
  dists: { base: string; head: string },
  outDir: string,
): Promise<void> {
  if (!pages.length) return;
  mkdirSync(join(outDir, FOLDER), { recursive: true });
  const servers: Servers = { base: await serveStatic(dists.base), head: await serveStatic(dists.head) };
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const stems = new Set<string>();
    const stemOf = new Map(
      pages.map((p) => {
        let stem = fileStem(p.url);
        for (let n = 2; stems.has(stem); n++) stem = `${fileStem(p.url)}-${n}`;
        stems.add(stem);
        return [p, stem];
      }),
    );
    for (const [key, width] of Object.entries(WIDTHS) as [keyof typeof WIDTHS, number][]) {
      const options = {
        viewport: { width, height: 900 },
        deviceScaleFactor: 1,
        reducedMotion: 'reduce' as const,
      };
      const contexts = { base: await browser.newContext(options), head: await browser.newContext(options) };
      for (const page of pages) {
        page[key] = await shoot(contexts, servers, page, { width, stem: stemOf.get(page)!, outDir });
      }
      await contexts.base.close();
      await contexts.head.close();
    }
  } finally {
    await browser?.close();
    await servers.base.close();
    await servers.head.close();
  }
}
