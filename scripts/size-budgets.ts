/**
 * Size budgets of the built site (issue: report page HTML ≤ 30 KB gzip; site CSS ≤ 15 KB gzip;
 * report page JavaScript 0 KB before a chart is visible, ≤ 70 KB gzip after).
 *   npx tsx scripts/size-budgets.ts [dist]
 * Prints every figure; exits 1 when a budget is exceeded. The tests call `measure` directly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
export const BUDGETS = { reportHtml: 30 * KB, css: 15 * KB, jsBefore: 0, jsAfter: 70 * KB };

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const files = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));

export interface Measure {
  reportPages: { page: string; htmlGzip: number; scriptRequests: number; inlineScriptGzip: number }[];
  cssGzip: number;
  chartScriptGzip: number;
}

export function measure(dist: string): Measure {
  const all = files(dist);
  const reportPages = all
    .filter((f) => /offices\/[^/]+\/\d{4}\/[^/]+\/index\.html$/.test(f))
    .sort()
    .map((f) => {
      const html = readFileSync(f, 'utf8');
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
        .map((m) => m[1])
        .join('');
      return {
        page: relative(dist, f),
        htmlGzip: gz(html),
        scriptRequests: (html.match(/<script[^>]*\bsrc=/g) ?? []).length,
        inlineScriptGzip: inline ? gz(inline) : 0,
      };
    });
  const css = all.filter((f) => f.endsWith('.css')).map((f) => readFileSync(f));
  return {
    reportPages,
    cssGzip: gz(Buffer.concat(css)),
    chartScriptGzip: gz(readFileSync(join(dist, 'assets/charts.js'))),
  };
}

/** Budget violations, as sentences. */
export function violations(m: Measure): string[] {
  const out: string[] = [];
  for (const p of m.reportPages) {
    if (p.htmlGzip > BUDGETS.reportHtml)
      out.push(`${p.page}: HTML ${(p.htmlGzip / KB).toFixed(1)} KB gzip > 30 KB`);
    if (p.scriptRequests > BUDGETS.jsBefore)
      out.push(`${p.page}: ${p.scriptRequests} script file(s) loaded before any chart is visible`);
    if (p.inlineScriptGzip + m.chartScriptGzip > BUDGETS.jsAfter)
      out.push(
        `${p.page}: JavaScript after charts ${((p.inlineScriptGzip + m.chartScriptGzip) / KB).toFixed(1)} KB gzip > 70 KB`,
      );
  }
  if (m.cssGzip > BUDGETS.css) out.push(`site CSS ${(m.cssGzip / KB).toFixed(1)} KB gzip > 15 KB`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = measure(process.argv[2] ?? 'dist');
  const k = (n: number) => `${(n / KB).toFixed(1)} KB`;
  for (const p of m.reportPages)
    console.log(
      `${p.page}: HTML ${k(p.htmlGzip)} gzip; JS before a chart is visible: ${p.scriptRequests} file(s), inline loader ${k(p.inlineScriptGzip)}; after: ${k(p.inlineScriptGzip + m.chartScriptGzip)}`,
    );
  console.log(`site CSS: ${k(m.cssGzip)} gzip; chart script: ${k(m.chartScriptGzip)} gzip`);
  const v = violations(m);
  for (const x of v) console.error(`over budget: ${x}`);
  process.exit(v.length ? 1 : 0);
}
