import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/support/chromium.ts';
import { listFiles, siteDir } from './site.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves the built site like a static host: directories to index.html, unknown paths to 404.html. */
async function serve(): Promise<{ url: string; server: Server }> {
  const root = siteDir();
  const server = createServer((req, res) => {
    let path = join(root, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      return res.end(readFileSync(join(root, '404.html')));
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

/** Every page of the built site, as URL paths. */
export function sitePages(): string[] {
  return listFiles(siteDir())
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${relative('.', f)}`.replace(/index\.html$/, ''))
    .sort();
}

/** Starts the site server and Chromium before a test file's tests, and stops them after. */
export function useBrowser(): { base: () => string; browser: () => Browser } {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let base = '';
  before(async () => {
    ({ url: base, server } = await serve());
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
  return { base: () => base, browser: () => browser! };
}
