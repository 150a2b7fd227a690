/**
 * Builds the site from content/: the chart script, the pages (Astro), the search index. The one
 * build pipeline: `npm run build` (after `npm run check`), the test runner and the determinism
 * test all call it.
 *   npx tsx scripts/build-site.ts [--outDir dist]
 */
import { spawnSync } from 'node:child_process';

const i = process.argv.indexOf('--outDir');
const outDir = i > 0 ? process.argv[i + 1] : 'dist';

for (const [cmd, ...args] of [
  ['npx', 'tsx', 'scripts/build-charts.ts'],
  ['npx', 'astro', 'build', '--silent', '--outDir', outDir],
  ['npx', 'tsx', 'scripts/index-search.ts', outDir],
]) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
