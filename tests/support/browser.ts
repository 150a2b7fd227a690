import { relative } from 'node:path';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
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
