/** Two builds of the same commit (pages and search index) produce byte-identical output. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { listFiles, siteDir } from './support/site.ts';

function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of listFiles(dir)) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out.set(f, createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return out;
}

test('a second build is byte-identical to the first', () => {
  const second = join(process.env.TEST_OUTPUT!, 'site-again');
  const r = spawnSync('npx', ['tsx', 'scripts/build-site.ts', '--outDir', second], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const a = digest(siteDir());
  const b = digest(second);
  assert.ok(a.size > 10, 'the first build has pages');
  assert.deepEqual([...b.keys()], [...a.keys()], 'same files');
  const differing = [...a].filter(([f, h]) => b.get(f) !== h).map(([f]) => f);
  assert.deepEqual(differing, [], 'same bytes');
});
