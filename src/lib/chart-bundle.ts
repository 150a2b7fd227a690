import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

let url: string | undefined;

/**
 * URL of the chart script built by scripts/build-charts.ts, versioned by its content so a changed
 * bundle is never served from a stale cache. Read and hashed once per build, not once per page.
 */
export function chartScriptUrl(): string {
  url ??= `/assets/charts.js?v=${createHash('sha256').update(readFileSync('public/assets/charts.js')).digest('hex').slice(0, 10)}`;
  return url;
}
