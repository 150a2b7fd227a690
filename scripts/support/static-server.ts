/**
 * A built site served like a static host, on 127.0.0.1 and a free port: directories to their
 * index.html, unknown paths to 404.html. Used by the browser tests and the review's screenshots.
 * `headers` are sent with every response, as a host sends those of the site's _headers file.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface StaticServer {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  close: () => Promise<void>;
}

interface ServeOptions {
  /** Response headers added to every response (e.g. Content-Security-Policy). */
  headers?: Record<string, string>;
}

export async function serveStatic(dir: string, { headers = {} }: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let path = join(root, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    // `..` in a URL must not reach files outside the site.
    const inside = path === root || path.startsWith(root + sep);
    if (!inside || !existsSync(path)) {
      res.writeHead(404, { ...headers, 'content-type': TYPES['.html'] });
      const notFound = join(root, '404.html');
      return res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
