/**
 * Benchmark of `npm run check`'s work at scale: copies the committed reports N times (default 200,
 * i.e. 1,000 reports) into a temporary content/ and times loading plus every check.
 *   npx tsx scripts/bench-check.ts [N]
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/lib/content/load.ts';
import { checkReport } from '../src/lib/checks/run.ts';

const copies = Number(process.argv[2] ?? 200);
const source = resolve('content');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
const root = join(dir, 'content');
try {
  // The copies name the same archived sources, which the load checks beside content/.
  cpSync(resolve('sources'), join(dir, 'sources'), { recursive: true });
  for (let i = 0; i < copies; i++)
    for (const office of readdirSync(source)) {
      const copy = join(root, `c${i}-${office}`);
      cpSync(join(source, office), copy, { recursive: true });
      // Each copy is its own office: names must stay unambiguous across the site.
      const yaml = join(copy, 'office.yaml');
      writeFileSync(
        yaml,
        readFileSync(yaml, 'utf8').replace(/^(name|shortName): (.*)$/gm, `$1: $2（样本${i}）`),
      );
    }
  const t0 = performance.now();
  const content = loadContent(root, { locations: true });
  const t1 = performance.now();
  let findings = 0;
  for (const r of content.reports) findings += checkReport(r, content.reports).length;
  const t2 = performance.now();
  const n = content.reports.length;
  console.log(
    `${n} reports: load + validate ${(t1 - t0).toFixed(0)} ms (${((t1 - t0) / n).toFixed(2)} ms/report), checks ${(t2 - t1).toFixed(0)} ms (${((t2 - t1) / n).toFixed(2)} ms/report), ${findings} findings, peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
