/**
 * Benchmark of `npm run review`'s data comparison at scale: copies the committed reports until
 * there are N (default 1000) into a temporary base content/, copies that to a head content/ with
 * one figure changed (with --all: the same figure in every copy, so every 决算 and the reports
 * checked against it are compared and re-checked), and times loading both sides and diffContent.
 *   npx tsx scripts/bench-review.ts [N] [--all]
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/lib/content/load.ts';
import { diffContent } from '../src/lib/review/index.ts';

const args = process.argv.slice(2);
const wanted = Number(args.find((a) => !a.startsWith('--')) ?? 1000);
const everyCopy = args.includes('--all');
const source = resolve('content');
const perCopy = loadContent(source).reports.length;
const copies = Math.ceil(wanted / perCopy);
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-review-'));
const side = (name: string) => join(dir, name);
const ms = (from: number, to: number) => `${(to - from).toFixed(0)} ms`;
try {
  // Each side is a project root: content/ and the archived sources/ the loader checks beside it.
  cpSync(resolve('sources'), join(side('base'), 'sources'), { recursive: true });
  for (let i = 0; i < copies; i++)
    for (const office of readdirSync(source))
      cpSync(join(source, office), join(side('base'), 'content', `c${i}-${office}`), { recursive: true });
  cpSync(side('base'), side('head'), { recursive: true });
  for (let i = 0; i < (everyCopy ? copies : 1); i++) {
    const changed = join(side('head'), 'content', `c${i}-huaihua-beijing`, '2022', 'final-accounts.yaml');
    const before = readFileSync(changed, 'utf8');
    const after = before.replace(
      '[2013501, 行政运行, 134.38, 134.38,',
      '[2013501, 行政运行, 134.38, 134.48,',
    );
    if (after === before) throw new Error(`the benchmark's figure is no longer in ${changed}`);
    writeFileSync(changed, after);
  }

  const t0 = performance.now();
  const base = loadContent(join(side('base'), 'content'), { locations: true });
  const t1 = performance.now();
  const head = loadContent(join(side('head'), 'content'), { locations: true });
  const t2 = performance.now();
  const diff = diffContent(base, head);
  const t3 = performance.now();
  const cells = diff.reports.reduce((n, r) => n + r.cells.length, 0);
  const findings = diff.reports.reduce((n, r) => n + r.findings.new.length + r.findings.fixed.length, 0);
  console.log(
    `${base.reports.length} + ${head.reports.length} reports: load base ${ms(t0, t1)}, load head ${ms(t1, t2)}, diff ${ms(t2, t3)} (${((t3 - t2) / head.reports.length).toFixed(2)} ms/report); ${diff.reports.length} reports changed, ${cells} cells, ${findings} findings new or fixed; peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
