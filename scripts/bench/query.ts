/**
 * The first search of a fresh browser on a built site, for `npm run bench`: the site is served by
 * a static server that counts the bytes it sends (Pagefind fetches its index from a Web Worker,
 * whose requests the browser's network events undercount), /search/ is opened in a new context
 * (empty cache), and once the page and its network are idle the query is typed into Pagefind's
 * box. Measured: from typing to the first five results shown (each with its link, as Pagefind UI
 * fills a result in when its fragment arrives; this includes the UI's 300 ms input debounce), and
 * the bytes and requests served meanwhile.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { launchChromium } from '../support/chromium.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

interface Served {
  t: number;
  bytes: number;
}

interface CountingServer {
  url: string;
  served: Served[];
  close: () => Promise<void>;
}

/** `dir` served on 127.0.0.1 (directories to their index.html), recording each response's size. */
async function serveCounting(dir: string): Promise<CountingServer> {
  const root = resolve(dir);
  const served: Served[] = [];
  const server = createServer((req, res) => {
    let path = join(root, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    // `..` in a URL must not reach files outside the site.
    const found =
      (path === root || path.startsWith(root + sep)) && existsSync(path) && statSync(path).isFile();
    const body = found ? readFileSync(path) : Buffer.from('not found');
    res.writeHead(found ? 200 : 404, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'content-length': body.length,
    });
    res.end(body);
    served.push({ t: Date.now(), bytes: body.length });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface QueryResult {
  ms: number;
  bytes: number;
  requests: number;
}

const INPUT = '.pagefind-ui__search-input';

/**
 * Opens `dir`'s /search/ in a Chromium started for this query alone (so that none runs during the
 * builds), types `q`, waits for five results.
 */
export async function firstQuery(dir: string, q: string): Promise<QueryResult> {
  const server = await serveCounting(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
    await page.waitForSelector(INPUT);
    const before = server.served.length;
    const start = Date.now();
    await page.fill(INPUT, q);
    await page.waitForFunction(
      () => {
        const results = [...document.querySelectorAll('.pagefind-ui__result')].slice(0, 5);
        return (
          results.length === 5 && results.every((r) => r.querySelector('.pagefind-ui__result-link[href]'))
        );
      },
      null,
      { timeout: 120_000 },
    );
    const end = Date.now();
    const during = server.served.slice(before).filter((s) => s.t <= end);
    return { ms: end - start, bytes: during.reduce((n, s) => n + s.bytes, 0), requests: during.length };
  } finally {
    await browser.close();
    await server.close();
  }
}
