/**
 * Bundles the chart script (Chart.js, bar and doughnut only) into public/assets/charts.js. It is
 * loaded by a small inline loader only when a chart nears the viewport, so a report page requests
 * no JavaScript until then. `npm run build` and `npm test` run this before Astro.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['src/client/charts.ts'],
  outfile: 'public/assets/charts.js',
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
});
