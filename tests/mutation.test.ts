/**
 * Mutation test: every amount in the 决算 tables of the Beijing liaison office's 2022 report is
 * changed, one at a time, by 1.00, and the checks must report an unacknowledged error located at
 * that figure's line. Prints the detection rate.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Big from 'big.js';
import { LineCounter, parseDocument, isScalar, visit } from 'yaml';
import { loadContent, readReport } from '../src/lib/content/load.ts';
import { contentRoot } from '../src/lib/site.ts';
import { checkReport, isFailure, locations } from '../src/lib/checks/run.ts';
import { AMOUNT_RE } from '../src/lib/fiscal/numbers.ts';

const ID = 'huaihua-beijing/2022/final-accounts';

test('every changed 决算 amount is reported at its line', () => {
  const content = loadContent(contentRoot(), { locations: true });
  const original = content.reports.find((r) => r.id === ID)!;
  const yamlText = readFileSync(original.files.yaml.replace(/^content\//, `${contentRoot()}/`), 'utf8');
  const mdText = readFileSync(original.files.markdown.replace(/^content\//, `${contentRoot()}/`), 'utf8');

  // The amount nodes of the nine tables, by source offset.
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines });
  const targets: { start: number; end: number; text: string }[] = [];
  visit(doc.get('tables', true) as never, {
    Scalar(_, node) {
      if (
        isScalar(node) &&
        node.range &&
        typeof node.source === 'string' &&
        AMOUNT_RE.test(node.source) &&
        node.source.includes('.')
      )
        targets.push({ start: node.range[0], end: node.range[1], text: node.source });
    },
  });
  assert.ok(targets.length > 500, `found ${targets.length} amounts`);

  const missed: string[] = [];
  for (const t of targets) {
    const changed = new Big(t.text).plus(1).toFixed(t.text.split('.')[1].length);
    const text = yamlText.slice(0, t.start) + changed + yamlText.slice(t.end);
    const { report, errors } = readReport(
      { office: 'huaihua-beijing', year: '2022', slug: 'final-accounts' },
      { name: original.files.yaml, text },
      { name: original.files.markdown, text: mdText },
      { locations: true },
    );
    assert.deepEqual(errors, []);
    const others = content.reports.filter((r) => r.id !== ID);
    const line = lines.linePos(t.start).line;
    const hit = checkReport(report!, [report!, ...others])
      .filter(isFailure)
      .some((f) =>
        locations(f, report!, [report!, ...others]).some(
          (l) => l.file === original.files.yaml && l.line === line,
        ),
      );
    if (!hit) missed.push(`${original.files.yaml}:${line} ${t.text} → ${changed}`);
  }
  const detected = targets.length - missed.length;
  console.log(
    `mutation test: ${detected}/${targets.length} changed amounts detected (${((100 * detected) / targets.length).toFixed(1)}%)`,
  );
  assert.deepEqual(missed, []);
});
