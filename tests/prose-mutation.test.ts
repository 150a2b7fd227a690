/**
 * Mutation run over the narratives: every amount of a narrative that repeats a table amount of
 * its office-year (printed with decimals: integers in the tables are scores, weights and counts)
 * is raised by 1 at its printed precision, one at a time, and the checks must then report an
 * unacknowledged error at that line of the .md. A zero repeats every empty line of every table,
 * so zeros are counted apart. Prints the rates; fails below the floor measured when it landed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Big from 'big.js';
import { isScalar, parseDocument, visit } from 'yaml';
import { loadContent, readReport, type Report } from '../src/lib/content/load.ts';
import { contentRoot } from '../src/lib/site.ts';
import { checkReport, isFailure, locations } from '../src/lib/checks/run.ts';

const AMOUNT = /(?<![\d.])(\d+(?:\.\d+)?)(\s*万\s*元)/g;
const read = (file: string) => readFileSync(file.replace(/^content\//, `${contentRoot()}/`), 'utf8');

/** Every number printed in the tables of the office-year's reports. */
function tableFigures(reports: Report[]): Big[] {
  const out: Big[] = [];
  for (const r of reports) {
    const doc = parseDocument(read(r.files.yaml));
    visit(doc.get('tables', true) as never, {
      Scalar(_, node) {
        if (isScalar(node) && typeof node.source === 'string' && /^\d+\.\d+$/.test(node.source))
          out.push(new Big(node.source));
      },
    });
  }
  return out;
}

test('every narrative amount that repeats a table figure fails the check when raised by 1', () => {
  const content = loadContent(contentRoot(), { locations: true });
  let total = 0;
  let zeros = 0;
  let zerosMissed = 0;
  const missed: string[] = [];
  for (const original of content.reports) {
    const family = content.reports.filter(
      (r) => r.office === original.office && r.data.year === original.data.year,
    );
    const figures = tableFigures(family);
    const md = read(original.files.markdown);
    const yaml = read(original.files.yaml);
    let reportTotal = 0;
    let reportMissed = 0;
    for (const m of md.matchAll(AMOUNT)) {
      if (!figures.some((f) => f.eq(new Big(m[1])))) continue;
      const decimals = m[1].split('.')[1]?.length ?? 0;
      const changed = new Big(m[1]).plus(1).toFixed(decimals);
      const text = md.slice(0, m.index) + changed + md.slice(m.index! + m[1].length);
      const line = md.slice(0, m.index).split('\n').length;
      const { report, errors } = readReport(
        { office: original.office, year: String(original.data.year), slug: original.slug },
        { name: original.files.yaml, text: yaml },
        { name: original.files.markdown, text },
        { locations: true },
      );
      assert.deepEqual(errors, []);
      const all = [report!, ...content.reports.filter((r) => r.id !== original.id)];
      const hit = checkReport(report!, all)
        .filter(isFailure)
        .some((f) =>
          locations(f, report!, all).some((l) => l.file === original.files.markdown && l.line === line),
        );
      if (new Big(m[1]).eq(0)) {
        zeros++;
        if (!hit) zerosMissed++;
        continue;
      }
      reportTotal++;
      if (!hit) {
        reportMissed++;
        missed.push(`${original.files.markdown}:${line} ${m[1]} → ${changed}`);
      }
    }
    total += reportTotal;
    console.log(`${original.id}: ${reportTotal - reportMissed}/${reportTotal} detected`);
  }
  const rate = (100 * (total - missed.length)) / total;
  console.log(`narrative mutation: ${total - missed.length}/${total} detected (${rate.toFixed(1)}%)`);
  console.log(`zeros: ${zeros - zerosMissed}/${zeros} detected`);
  if (missed.length) console.log(`missed:\n${missed.join('\n')}`);
  assert.ok(total > 50, `only ${total} narrative amounts repeat a table figure`);
  assert.ok(rate >= 95, `detection ${rate.toFixed(1)}% < 95%`);
});

test('percentages raised by one point', () => {
  const content = loadContent(contentRoot(), { locations: true });
  let total = 0;
  let detected = 0;
  for (const original of content.reports) {
    const md = read(original.files.markdown);
    const yaml = read(original.files.yaml);
    const others = content.reports.filter((r) => r.id !== original.id);
    for (const m of md.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)%/g)) {
      const decimals = m[1].split('.')[1]?.length ?? 0;
      const line = md.slice(0, m.index).split('\n').length;
      const text =
        md.slice(0, m.index) + new Big(m[1]).plus(1).toFixed(decimals) + md.slice(m.index! + m[1].length);
      const { report } = readReport(
        { office: original.office, year: String(original.data.year), slug: original.slug },
        { name: original.files.yaml, text: yaml },
        { name: original.files.markdown, text },
        { locations: true },
      );
      const all = [report!, ...others];
      total++;
      if (
        checkReport(report!, all)
          .filter(isFailure)
          .some((f) =>
            locations(f, report!, all).some((l) => l.file === original.files.markdown && l.line === line),
          )
      )
        detected++;
    }
  }
  console.log(`percentages: ${detected}/${total} raised by one point detected`);
  // The floor measured when the rate rules landed (shares, completion and change rates); the rest
  // are rates the narrative gives no figures for (满意度100%, 化解率83.3%).
  assert.ok(detected >= 36, `${detected} of ${total} detected, fewer than the 36 measured`);
});
