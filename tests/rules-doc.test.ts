/** The README's rule table and /about/ list the rules of src/lib/checks/rules.ts, as it has them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULES } from '../src/lib/checks/rules.ts';
import { readmeRules } from '../scripts/support/rules-readme.ts';
import { pageText } from './support/site.ts';

test('the README rule table is the one scripts/rules-doc.ts generates', async () => {
  const { written, generated } = await readmeRules(readFileSync('README.md', 'utf8'));
  assert.equal(written, generated, 'README.md: the rule table is out of date: run npm run rules-doc');
});

test('/about/ lists every rule with what it checks', () => {
  const text = pageText('/about/').replace(/\s+/g, ' ');
  for (const r of RULES) assert.ok(text.includes(`${r.id} ${r.what}`), r.id);
});
