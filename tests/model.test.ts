/** The content model and table models on the real content. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContent } from '../src/lib/content/load.ts';
import { reportView } from '../src/lib/report-view.ts';
import { content, contentRoot, reportContext } from '../src/lib/site.ts';
import { compareRows } from '../src/lib/compare.ts';
import { officeTrend } from '../src/lib/charts/office.ts';
import type { ModelCell } from '../src/lib/tables/model.ts';

const { reports, errors } = loadContent(contentRoot());
const byId = (id: string) => reports.find((r) => r.id === id)!;
const huaihua = byId('huaihua-beijing/2022/final-accounts');
const shenzhen = byId('hunan-shenzhen/2022/performance');

test('committed content loads without errors', () => {
  assert.deepEqual(errors, []);
  assert.equal(reports.length, 5);
});

test('blank, 0.00 and —— stay three different values; precision is kept', () => {
  assert.ok(huaihua.data.kind === '部门决算');
  const t01 = huaihua.data.tables.t01;
  assert.deepEqual(t01.income.find((r) => r.line === 9)?.values, [null]);
  assert.deepEqual(t01.income.find((r) => r.line === 2)?.values, ['0.00']);
  assert.ok(shenzhen.data.kind === '部门整体支出绩效自评');
  const costs = shenzhen.data.tables!['base-data']!.costs.rows;
  assert.deepEqual(costs.find((r) => r.name === '政府采购金额')?.values, ['——', null, null]);
  assert.deepEqual(costs.find((r) => r.name === '三公经费')?.values, ['26.75', '33', '39.11']);
});

test('classification level follows from the code', () => {
  const t05 = reportView(huaihua, reportContext()).forms.get('t05')!.tables[0];
  const levels = t05.body.map((row) => row.find((c) => c.th === 'row' && c.level)?.level);
  const codes = t05.body.map((row) => row[0].text);
  codes.forEach((code, i) => {
    if (/^\d+$/.test(code)) assert.equal(levels[i], (code.length - 1) / 2, code);
  });
});

test('grouped columns: a data cell is associated with its group, column and row headers', () => {
  const t05 = reportView(huaihua, reportContext()).forms.get('t05')!.tables[0];
  const headers = new Map(t05.head.flat().map((c) => [c.id, c.text]));
  const row = t05.body.find((r) => r.some((c) => c.text === '参事事务'))!;
  const project = row.at(-1)!;
  const names = project
    .headers!.split(' ')
    .map((id) => headers.get(id) ?? row.find((c: ModelCell) => c.id === id)?.text);
  assert.deepEqual(names, ['本年支出', '项目支出', '参事事务']);
});

test('two-sided forms associate each side with its own row header', () => {
  const t01 = reportView(huaihua, reportContext()).forms.get('t01')!.tables[0];
  const row = t01.body[0];
  const rowHeader = (cell: ModelCell) => row.find((c) => cell.headers!.split(' ').includes(c.id!))?.text;
  assert.equal(rowHeader(row[2]), '一、一般公共预算财政拨款收入');
  assert.equal(rowHeader(row[5]), '一、一般公共服务支出');
});

test('indicator levels span their rows as on the form', () => {
  const ind = reportView(shenzhen, reportContext())
    .forms.get('self-evaluation')!
    .tables.find((t) => t.caption === '绩效指标')!;
  const output = ind.body.flat().find((c) => c.text === '产出指标')!;
  const quantity = ind.body.flat().find((c) => c.text === '数量指标')!;
  assert.equal(output.rowspan, 13);
  assert.equal(quantity.rowspan, 9);
  assert.ok(ind.body.flat().some((c) => c.text === '效益指标（30分）'));
});

test('every table is in the table of contents and has its anchor', () => {
  for (const r of reports) {
    const view = reportView(r, reportContext());
    const toc = new Set(view.toc.map((e) => e.id));
    for (const id of view.forms.keys()) assert.ok(toc.has(id), `${r.id}: ${id}`);
  }
});

test('an office with several years gets a trend chart; one year gets none', () => {
  const { offices } = content();
  const [row] = compareRows(offices, reports).filter((r) => r.office.slug === 'huaihua-beijing');
  assert.equal(officeTrend([row]), null);
  const earlier = { ...row, year: 2021, values: { total: { text: '264.18', source: 'test' } } };
  const chart = officeTrend([row, earlier])!;
  assert.deepEqual(chart.labels, ['2021', '2022']);
  assert.deepEqual(chart.series[0].values, ['264.18', row.values.total!.text]);
  assert.deepEqual(
    chart.series[3].values,
    [null, row.values.sangong!.text],
    'a figure one year does not publish stays empty, not zero',
  );
});
