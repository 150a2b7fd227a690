/** The size budgets hold on the built site. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, violations } from '../scripts/size-budgets.ts';
import { siteDir } from './support/site.ts';

test('report pages, CSS and JavaScript stay within their budgets', () => {
  const m = measure(siteDir());
  assert.equal(m.reportPages.length, 5);
  console.log(
    `size budgets: largest report page ${(Math.max(...m.reportPages.map((p) => p.htmlGzip)) / 1024).toFixed(1)} KB gzip, CSS ${(m.cssGzip / 1024).toFixed(1)} KB gzip, chart script ${(m.chartScriptGzip / 1024).toFixed(1)} KB gzip`,
  );
  assert.deepEqual(violations(m), []);
});
