/** cell(): a figure of the 决算 tables by table, row and column name, on the committed content. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadContent } from '../src/lib/content/load.ts';
import { parseYaml } from '../src/lib/content/yaml.ts';
import { contentRoot } from '../src/lib/site.ts';
import { CODED_TABLE_IDS, cell, columnsOf, sideColumnsOf } from '../src/lib/fiscal/forms.ts';
import type { Fig } from '../src/lib/fiscal/figure.ts';

const report = loadContent(contentRoot()).reports.find(
  (r) => r.id === 'huaihua-beijing/2022/final-accounts',
)!;
assert.ok(report.data.kind === '部门决算');
const t = report.data.tables;
const yaml = parseYaml(readFileSync(report.files.yaml, 'utf8')).value;
/** The YAML node at a path, as written (numbers stay text). */
const at = (path: (string | number)[]) =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], yaml);

test('a figure by name: its text, its YAML path and its label', () => {
  assert.deepEqual(cell(t, 't03', 'total', 'basic'), {
    text: '211.92',
    path: ['tables', 't03', 'total', 1],
    label: '公开03表 合计 基本支出',
  });
  assert.deepEqual(cell(t, 't01', ['expenditure', '本年支出合计'], 'amount'), {
    text: '295.11',
    path: ['tables', 't01', 'expenditure', 26, 2],
    label: '公开01表 第58行 本年支出合计',
  });
  assert.deepEqual(cell(t, 't04', ['expenditure', '本年支出合计'], 'general'), {
    text: '295.05',
    path: ['tables', 't04', 'expenditure', 26, 3],
    label: '公开04表 第59行 本年支出合计 一般公共预算财政拨款',
  });
  assert.deepEqual(cell(t, 't06', 'personnelTotal', 'amount'), {
    text: '190.00',
    path: ['tables', 't06', 'personnelTotal'],
    label: '公开06表 人员经费合计',
  });
  assert.deepEqual(cell(t, 't09', 'budget', 'vehicles'), {
    text: '29.70',
    path: ['tables', 't09', 'budget', 2],
    label: '公开09表 预算数 公务用车购置及运行维护费小计',
  });
});

test('a row looked up by code or by its name without numbering, or found missing', () => {
  assert.deepEqual(cell(t, 't03', { code: '201' }, 'total'), {
    text: '267.43',
    path: ['tables', 't03', 'rows', 0, 2],
    label: '公开03表 201 一般公共服务支出 本年支出合计',
  });
  assert.equal(cell(t, 't01', ['income', '一般公共预算财政拨款收入'], 'amount')?.text, '295.05');
  assert.equal(cell(t, 't03', { code: '999' }, 'total'), undefined);
  assert.equal(cell(t, 't01', ['income', '没有这一行'], 'amount'), undefined);
});

test('every figure of the nine tables lies at its path in the YAML', () => {
  const figs: Fig[] = [];
  for (const id of ['t01', 't04'] as const)
    for (const side of ['income', 'expenditure'] as const)
      for (const r of t[id][side])
        for (const c of sideColumnsOf(id, side)) figs.push(cell(t, id, [side, r], c.key));
  for (const id of CODED_TABLE_IDS)
    for (const r of ['total' as const, ...t[id].rows])
      for (const c of columnsOf(id)) figs.push(cell(t, id, r, c.key));
  for (const r of ['personnelTotal' as const, 'publicTotal' as const, ...t.t06.groups.flat()])
    figs.push(cell(t, 't06', r, 'amount'));
  for (const half of ['budget', 'actual'] as const)
    for (const c of columnsOf('t09')) figs.push(cell(t, 't09', half, c.key));
  assert.ok(figs.length > 300);
  for (const f of figs) assert.equal(at(f.path), f.text, f.label);
});

test('a column or row the form does not have is a compile error', () => {
  // @ts-expect-error 公开03表 has no column "basci".
  assert.throws(() => cell(t, 't03', 'total', 'basci'), /no column basci/);
  // @ts-expect-error The income side of 公开04表 has one column, "amount".
  assert.throws(() => cell(t, 't04', ['income', '总计'], 'general'), /no column general/);
  // @ts-expect-error 公开09表's rows are "budget" and "actual".
  assert.throws(() => cell(t, 't09', 'actul', 'total'));
});
