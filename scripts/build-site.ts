/**
 * Builds the site from content/: `astro build`, whose gongkai integration (src/integrations/)
 * bundles the chart script first and writes the search index last. The one build pipeline:
 * `npm run build` (after `npm run check`), the test runner and the determinism test all call it.
 *   npx tsx scripts/build-site.ts [--outDir dist]
 */
import { spawnSync } from 'node:child_process';

const i = process.argv.indexOf('--outDir');
const outDir = i > 0 ? process.argv[i + 1] : 'dist';

const r = spawnSync('npx', ['astro', 'build', '--silent', '--outDir', outDir], { stdio: 'inherit' });
process.exit(r.status ?? 1);
