/**
 * `astro dev` follows content edits: after a figure in a YAML file is saved, the report page shows
 * the new figure (the gongkai integration watches content/ and invalidates the loaded content).
 * The server reads a copy of content/ and sources/ (CONTENT_DIR), never the real files.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const REPORT = 'huaihua-beijing/2022/final-accounts';
const OLD = '[8, 八、其他收入, 0.07]';
const NEW = '[8, 八、其他收入, 86.42]';
const BOUND_MS = 30_000;

let dir: string;
let server: ChildProcess;
let url: string;
let log = '';

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function page(): Promise<string | undefined> {
  try {
    const r = await fetch(url);
    return r.ok ? await r.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Polls the page until `ok` holds; the milliseconds it took. */
async function until(ok: (html: string) => boolean, what: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < BOUND_MS) {
    const html = await page();
    if (html !== undefined && ok(html)) return performance.now() - started;
    await sleep(50);
  }
  assert.fail(`${what}: not within ${BOUND_MS / 1000} s\n${log}`);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-dev-'));
  cpSync('content', join(dir, 'content'), { recursive: true });
  cpSync('sources', join(dir, 'sources'), { recursive: true });
  const port = await freePort();
  url = `http://127.0.0.1:${port}/offices/${REPORT}/`;
  server = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  await until(() => true, 'the dev server serves the report page');
});

after(() => {
  // npx starts astro as a child: end the whole process group.
  if (server?.pid) {
    try {
      process.kill(-server.pid);
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

test('a saved figure shows on the dev page', async () => {
  assert.ok((await page())?.includes('0.07'), 'the page shows the old figure');
  assert.ok(!(await page())?.includes('86.42'), 'the new figure is not there yet');
  const file = join(dir, 'content', `${REPORT}.yaml`);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(OLD), `${REPORT}.yaml has ${OLD}`);
  const started = performance.now();
  writeFileSync(file, text.replace(OLD, NEW));
  await until((html) => html.includes('86.42'), 'the page shows the new figure');
  console.log(`保存到页面显示新数字：${Math.round(performance.now() - started)} 毫秒`);
});
