/**
 * Every figure and every paragraph of each archived source document (the `source.archive` of the
 * reports in content/) is on the built pages of the reports that name it.
 * Figures compare by value (16.5 matches 16.50) and by count: a figure printed three times in
 * the source must be printed at least three times on the pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Big from 'big.js';
import { loadContent } from '../src/lib/content/load.ts';
import { contentRoot, reportUrl } from '../src/lib/site.ts';
import { archivedFiles, archivedText } from './support/sources.ts';
import { pageText } from './support/site.ts';

const { reports } = loadContent(contentRoot());

function figures(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) {
    const v = new Big(m[0]).toString();
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

const archives = [...new Set(reports.map((r) => r.data.source.archive))].sort();

test('every archived source is the source of a report', () => {
  const unused = archivedFiles().filter((f) => !archives.includes(f));
  assert.deepEqual(unused, [], 'archives in sources/ that no report names as source.archive');
});

for (const archive of archives) {
  const pages = reports.filter((r) => r.data.source.archive === archive);
  const source = archivedText(archive);
  const text = pages.map((r) => pageText(reportUrl(r))).join('\n');

  test(`${archive}: every figure appears on its pages (${pages.map((r) => r.id).join(', ')})`, () => {
    const onPages = figures(text);
    const missing = [...figures(source)]
      .filter(([v, n]) => (onPages.get(v) ?? 0) < n)
      .map(([v, n]) => `${v} (${n}× in source, ${onPages.get(v) ?? 0}× on pages)`);
    assert.deepEqual(missing, []);
  });

  test(`${archive}: every paragraph appears on its pages`, () => {
    const page = squash(text);
    const paragraphs = source
      .split('\n')
      .filter((line) => !line.startsWith('\t'))
      .map(squash)
      .filter(Boolean);
    assert.ok(paragraphs.length > 10);
    const missing = paragraphs.filter((p) => !page.includes(p));
    assert.deepEqual(missing, []);
  });
}
