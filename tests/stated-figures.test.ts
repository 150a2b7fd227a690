/**
 * Figures a report publishes only in its text (statedFigures): the schema's located errors, the
 * check prose.stated-figure on the real content and on edits of it, and the built site, where
 * such a figure fills the report header, /compare/ and a chart, its source 正文.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { checkEdited, type Edit } from './support/edited-content.ts';
import { siteDir } from './support/site.ts';
import { hasNumber, readable } from '../src/lib/stated-figures.ts';
import { MEASURES, STATED_LABELS } from '../src/lib/measures.ts';
import { METRICS, compareRows } from '../src/lib/compare.ts';
import { loadContent } from '../src/lib/content/load.ts';
import { reportView, viewContext } from '../src/lib/report-view.ts';

const ZJ = 'content/zhanjiang-guangzhou/2020/performance.yaml';
const ZJ_MD = 'content/zhanjiang-guangzhou/2020/performance.md';
const RULE = 'prose.stated-figure';
const lineOf = (text: string, needle: string, from = 0) =>
  text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

// ---- the measures ----

test('each measure is defined once, with a label, unit and definition; compare.ts uses them', () => {
  assert.equal(new Set(MEASURES.map((m) => m.key)).size, MEASURES.length);
  assert.equal(new Set(MEASURES.map((m) => m.label)).size, MEASURES.length);
  for (const m of MEASURES) assert.ok(m.label && m.unit && m.definition.length > 4, m.key);
  for (const m of METRICS)
    assert.equal(
      m,
      MEASURES.find((x) => x.key === m.key),
    );
  assert.deepEqual(STATED_LABELS, [
    '支出合计',
    '基本支出',
    '项目支出',
    '“三公”经费决算',
    '“三公”经费预算',
    '年初预算',
  ]);
});

test('hasNumber: a whole number only, never part of a longer one', () => {
  const cases: [string, string, boolean][] = [
    ['实际支出74.88万元。', '74.88', true],
    ['实际支出174.88万元。', '74.88', false],
    ['实际支出74.889万元。', '74.88', false],
    ['实际支出74.88.5', '74.88', false],
    ['1.74.88', '74.88', false],
    ['74.88', '74.88', true],
    ['共564.50万元', '564.5', false],
    ['共564.50万元', '564.50', true],
    ['补助0万元', '0', true],
    ['补助10万元', '0', false],
  ];
  for (const [text, value, want] of cases) assert.equal(hasNumber(text, value), want, `${value} in ${text}`);
});

test('readable: line breaks and spaces beside Chinese do not count', () => {
  assert.equal(readable('预算数74.39万元，\n实际支出 74.88 万元。'), '预算数74.39万元，实际支出74.88万元。');
  assert.equal(readable('a  b\nc'), 'a b c');
});

// ---- the schema ----

const schemaCases: { name: string; edit: Edit; at: string; message: RegExp }[] = [
  {
    name: 'an unknown measure lists the allowed ones',
    edit: { file: ZJ, from: 'measure: “三公”经费决算', to: 'measure: 三公经费' },
    at: 'measure: 三公经费',
    message: /measure 应为 支出合计、基本支出、项目支出、“三公”经费决算、“三公”经费预算、年初预算 之一/,
  },
  {
    name: 'a value that is not an amount',
    edit: { file: ZJ, from: "value: '74.88'", to: 'value: 74.88万元' },
    at: 'value: 74.88万元',
    message: /应为正文所写的金额/,
  },
  {
    name: 'a value with padding',
    edit: { file: ZJ, from: "value: '74.88'", to: "value: '074.88'" },
    at: "value: '074.88'",
    message: /前导零/,
  },
  {
    name: 'an empty quote',
    edit: { file: ZJ, from: /quote: 2020年“三公”[^\n]*\n(?= {2}- measure: 年初预算)/, to: "quote: ''\n" },
    at: "quote: ''",
    message: /不能为空字符串/,
  },
  {
    name: 'an unknown key',
    edit: { file: ZJ, from: "value: '74.88'", to: "value: '74.88'\n    page: 3" },
    at: 'page: 3',
    message: /page/,
  },
];

for (const c of schemaCases)
  test(`schema: ${c.name}, located at its line`, () => {
    const { errors, changed } = checkEdited([c.edit]);
    const edited = readFileSync(ZJ, 'utf8').replace(c.edit.from, c.edit.to);
    const line = lineOf(edited, c.at);
    assert.ok(line > 0 && changed[0].line <= line);
    const mine = errors.filter((e) => e.startsWith(`${ZJ}:${line}:`));
    assert.equal(mine.length, 1, `one error at ${ZJ}:${line}; got ${errors.join(' | ')}`);
    assert.match(mine[0], c.message);
  });

// ---- the check ----

const statedErrors = (edits: Edit[]) => {
  const { findings, errors } = checkEdited(edits);
  assert.deepEqual(errors, []);
  return findings.filter((f) => f.rule === RULE && f.severity === 'error');
};

test(`${RULE}: passes on the real content, and with the paragraph's lines broken differently`, () => {
  assert.deepEqual(statedErrors([]), []);
  assert.deepEqual(
    statedErrors([
      { file: ZJ_MD, from: '预算数74.39万元，实际支出', to: '预算数74.39万元，\n实际支出' },
      { file: ZJ_MD, from: '其中基本支出决算数582.73万元', to: '其中基本支出决算数 582.73 万元' },
    ]),
    [],
  );
});

const failing: { name: string; edit: Edit; at: string; subject: string; message: RegExp }[] = [
  {
    name: 'a changed value',
    edit: { file: ZJ, from: "value: '203.17'", to: "value: '203.18'" },
    at: "value: '203.18'",
    subject: '正文.项目支出=203.18',
    message: /引文中没有 203\.18/,
  },
  {
    name: 'a value only inside a longer number (74.3 of 74.39)',
    edit: { file: ZJ, from: "value: '74.39'", to: "value: '74.3'" },
    at: "value: '74.3'",
    subject: '正文.“三公”经费预算=74.3',
    message: /引文中没有 74\.3 这个数/,
  },
  {
    name: 'a value only inside a longer number (4.39 of 74.39)',
    edit: { file: ZJ, from: "value: '74.39'", to: "value: '4.39'" },
    at: "value: '4.39'",
    subject: '正文.“三公”经费预算=4.39',
    message: /引文中没有 4\.39 这个数/,
  },
  {
    name: 'a quote not in the narrative',
    edit: {
      file: ZJ,
      from: 'quote: 2020年年初预算批复数合计564.50万元',
      to: 'quote: 2020年年初预算批复数总计564.50万元',
    },
    at: 'quote: 2020年年初预算批复数总计',
    subject: '正文.年初预算=564.50',
    message: /引文在正文中找不到/,
  },
  {
    name: 'a narrative that no longer says it',
    edit: { file: ZJ_MD, from: '实际支出74.88万元。', to: '实际支出74.80万元。' },
    at: 'measure: “三公”经费决算',
    subject: '正文.“三公”经费决算=74.88',
    message: /引文在正文中找不到/,
  },
];

for (const c of failing)
  test(`${RULE}: fails for ${c.name}, at the YAML item, with both texts`, () => {
    const found = statedErrors([c.edit]);
    assert.deepEqual(
      found.map((f) => f.subject),
      // The sangong sentence is the quote of two items.
      c.edit.file === ZJ_MD ? ['正文.“三公”经费预算=74.39', c.subject] : [c.subject],
    );
    const f = found.find((x) => x.subject === c.subject)!;
    assert.match(f.message, c.message);
    const yaml =
      c.edit.file === ZJ
        ? readFileSync(ZJ, 'utf8').replace(c.edit.from, c.edit.to)
        : readFileSync(ZJ, 'utf8');
    const at = lineOf(yaml, c.at);
    assert.ok(
      f.where.some((w) => w.file === ZJ && w.line === at),
      `at ${ZJ}:${at}; got ${f.where.map((w) => `${w.file}:${w.line}`).join(', ')}`,
    );
    assert.match(f.message, /第 \d+ 行/, 'the message names the line');
    assert.ok(f.message.includes('引文：“'), 'the message quotes the text');
  });

test('tabled figures win: a stated figure the office-year’s 决算 tables is shown from the table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-stated-'));
  try {
    cpSync('content', join(dir, 'content'), { recursive: true });
    cpSync('sources', join(dir, 'sources'), { recursive: true });
    const file = join(dir, 'content/huaihua-beijing/2022/performance.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '\nacknowledgements:',
        [
          '\nstatedFigures:',
          '  - measure: “三公”经费决算',
          "    value: '25.12'",
          '    quote: 2022年“三公”经费支出25.12万元',
          '  - measure: “三公”经费预算',
          "    value: '50.58'",
          '    quote: 本单位2022年“三公”经费预算金额为50.58万元',
          'acknowledgements:',
        ].join('\n'),
      ),
    );
    const { offices, reports, errors } = loadContent(join(dir, 'content'));
    assert.deepEqual(errors, []);
    const office = offices.find((o) => o.slug === 'huaihua-beijing')!;
    const [row] = compareRows([office], reports).filter((x) => x.year === 2022);
    assert.match(row.values.sangong!.source, /公开09表$/);
    const pe = reports.find((x) => x.id === 'huaihua-beijing/2022/performance')!;
    const { figures } = reportView(pe, viewContext(reports, []), office).header;
    for (const key of ['sangong', 'sangongBudget']) {
      const f = figures.find((x) => x.key === key)!;
      assert.equal(f.href, '/offices/huaihua-beijing/2022/final-accounts/#t09', key);
      assert.match(f.source, /公开09表/, key);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- the built site ----

const page = (path: string): Root => fromHtml(readFileSync(join(siteDir(), path, 'index.html'), 'utf8'));
function all(tree: Root | Element, match: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (match(e)) out.push(e);
  });
  return out;
}
const classOf = (e: Element) => (e.properties.className as string[] | undefined) ?? [];
const REPORT = '/offices/zhanjiang-guangzhou/2020/performance/';

test('built: the Zhanjiang report header shows 74.88 (正文), linked to an anchor of the page', () => {
  const tree = page(REPORT);
  const dl = all(tree, (e) => classOf(e).includes('key-figures'))[0];
  const item = all(dl, (e) => e.tagName === 'div').find((d) => toText(d).includes('“三公”经费决算'))!;
  assert.ok(item, 'the header shows “三公”经费决算');
  const a = all(item, (e) => e.tagName === 'a')[0];
  assert.equal(toText(all(a, (e) => classOf(e).includes('value'))[0]), '74.88');
  assert.match(toText(item), /正文/);
  const href = String(a.properties.href);
  assert.match(href, /^#s-/);
  assert.equal(all(tree, (e) => e.properties.id === decodeURIComponent(href.slice(1))).length, 1);
  assert.doesNotMatch(toText(dl), /未公开/);
});

test('built: /compare/ shows Zhanjiang’s “三公”经费决算, not 未公开, linked to the report', () => {
  const tree = page('/compare/');
  const table = all(tree, (e) => e.tagName === 'table' && classOf(e).includes('compare'))[0];
  const heads = all(all(table, (e) => e.tagName === 'thead')[0], (e) => e.tagName === 'th').map((th) =>
    toText(th).trim(),
  );
  const col = heads.findIndex((h) => h.startsWith('“三公”经费决算'));
  assert.ok(col > 0, heads.join(' | '));
  const row = all(table, (e) => e.tagName === 'tr').find((tr) => toText(tr).includes('湛江'))!;
  const cells = row.children.filter((n): n is Element => n.type === 'element');
  assert.equal(toText(cells[col]).trim(), '74.88');
  const a = all(cells[col], (e) => e.tagName === 'a')[0];
  assert.ok(String(a.properties.href).startsWith(`${REPORT}#s-`));
});

test('built: the Zhanjiang report has charts of its stated figures, source 正文', () => {
  const tree = page(REPORT);
  for (const id of ['chart-sangong', 'chart-basic-project'])
    assert.equal(all(tree, (e) => e.properties.id === id).length, 1, id);
});
