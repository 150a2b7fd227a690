import { relative } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { listFiles, siteDir } from './site.ts';

/** Every page of the built site, as URL paths. */
export function sitePages(): string[] {
  return listFiles(siteDir())
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${relative('.', f)}`.replace(/index\.html$/, ''))
    .sort();
}

/**
 * Starts the site server and Chromium before a test file's tests (or a `describe` block's, when
 * called inside one), and stops them after. `dir` gives the built site to serve: SITE_DIR's by default.
 */
export function useBrowser(dir: () => string = siteDir): { base: () => string; browser: () => Browser } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  before(async () => {
    server = await serveStatic(dir());
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return { base: () => server?.url ?? '', browser: () => browser! };
}

/** Scrolls a page from top to bottom, so that whatever loads when it comes into view loads. */
export async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
  });
}

/** The page's charts once all are drawn: each with its painted pixels, data-table rows and summary. */
export async function drawnCharts(page: Page) {
  if (await page.locator('figure.chart').count())
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('figure.chart')].every(
          (f) => (f as HTMLElement).dataset.drawn === 'true',
        ),
      null,
      { timeout: 10_000 },
    );
  return page.evaluate(() =>
    [...document.querySelectorAll('figure.chart')].map((f) => {
      const canvas = f.querySelector('canvas');
      const ctx = canvas?.getContext('2d');
      const pixels = ctx
        ? ctx.getImageData(0, 0, canvas!.width, canvas!.height).data
        : new Uint8ClampedArray();
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
      return {
        id: f.id,
        painted,
        rows: f.querySelectorAll('table tbody tr').length,
        caption: f.querySelector('.chart-summary')?.textContent ?? '',
      };
    }),
  );
}
