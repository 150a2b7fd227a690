/**
 * Bundles the chart script (Chart.js, bar and doughnut only) into public/assets/charts.js. It is
 * loaded by a small inline loader only when a chart nears the viewport, so a report page requests
 * no JavaScript until then. The gongkai integration runs this before Astro reads public/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

export async function buildChartScript(root: string): Promise<void> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/client/charts.ts'],
    outfile: 'public/assets/charts.js',
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  // Written only when it changed: a dev server and a build may run side by side (npm test), and
  // neither should see the other's half-written file.
  const out = join(root, 'public/assets/charts.js');
  const bytes = result.outputFiles[0].contents;
  let old: Buffer | undefined;
  try {
    old = readFileSync(out);
  } catch {
    old = undefined;
  }
  if (old?.equals(bytes)) return;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
}
