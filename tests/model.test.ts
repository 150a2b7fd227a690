/** The content model and table models on the real content. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, type Report } from '../src/lib/content/load.ts';
import { parseYaml } from '../src/lib/content/yaml.ts';
import { reportView } from '../src/lib/report-view.ts';
import { content, contentRoot, reportContext } from '../src/lib/site.ts';
import { compareRows } from '../src/lib/compare.ts';
import { fundsTotalFigure } from '../src/lib/fiscal/funds.ts';
import { officeTrend } from '../src/lib/charts/office.ts';
import { reportCharts } from '../src/lib/charts/report.ts';
import { reportForms } from '../src/lib/tables/report-forms.ts';
import { selfEvaluationForm } from '../src/lib/tables/performance.ts';
import { associate, figure, textCell, th, type ModelCell, type TableModel } from '../src/lib/tables/model.ts';

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

/** The texts of the headers a cell names, looked up among the header cells of its table. */
const headerTexts = (table: TableModel, cell: ModelCell) => {
  const ids = new Map(
    [...table.head, ...table.body]
      .flat()
      .filter((c) => c.id)
      .map((c) => [c.id, c.text]),
  );
  return cell.headers ? cell.headers.split(' ').map((id) => ids.get(id)) : [];
};

test('two-sided forms: a figure names its side’s column headers and both row headers of its printed row (HTML_CodeSniffer H43)', () => {
  const t01 = reportView(huaihua, reportContext()).forms.get('t01')!.tables[0];
  const row = t01.body[0];
  const names = ['一、一般公共预算财政拨款收入', '一、一般公共服务支出'];
  assert.deepEqual(headerTexts(t01, row[2]), ['收入', '决算数', ...names]);
  assert.deepEqual(headerTexts(t01, row[5]), ['支出', '决算数', ...names]);
});

test('栏次: the column-number row is data cells naming the headers of their column', () => {
  const forms = reportView(huaihua, reportContext()).forms;
  const numbered = [...forms.values()].flatMap((f) => f.tables).filter((t) => t.columnNumbers);
  assert.equal(numbered.length, 8, 'every 决算 table but 公开06表 prints 栏次');
  for (const t of numbered)
    for (const c of t.columnNumbers!) {
      assert.equal(c.th, undefined, `${t.caption}: “${c.text}” is a data cell`);
      assert.ok(c.headers, `${t.caption}: “${c.text}” names its headers`);
    }
  const t05 = forms.get('t05')!.tables[0];
  // HTML_CodeSniffer counts every header cell of the column, the 合计 row's below included.
  assert.deepEqual(headerTexts(t05, t05.columnNumbers![0]), ['项目', '功能分类科目编码', '合计']);
  const t09 = forms.get('t09')!.tables[0];
  const [first, , third, , , , , , , , , last] = t09.columnNumbers!;
  assert.deepEqual(headerTexts(t09, first), ['预算数', '合计']);
  assert.deepEqual(headerTexts(t09, third), ['预算数', '公务用车购置及运行维护费', '小计']);
  assert.deepEqual(headerTexts(t09, last), ['决算数', '公务接待费']);
});

test('the Shenzhen project form: 主管部门 and 实施单位 cells name both headers of their row', () => {
  const identity = reportView(shenzhen, reportContext())
    .forms.get('project-1')!
    .tables.find((t) => t.caption === '基本信息')!;
  const row = identity.body[1];
  assert.deepEqual(
    row.map((c) => c.th ?? 'td'),
    ['row', 'td', 'row', 'td'],
  );
  assert.deepEqual(headerTexts(identity, row[1]), ['主管部门', '实施单位']);
  assert.deepEqual(headerTexts(identity, row[3]), ['主管部门', '实施单位']);
});

test('a level the form prints without a name is a blank cell, never an empty header', () => {
  const ind = reportView(shenzhen, reportContext())
    .forms.get('project-1')!
    .tables.find((t) => t.caption === '绩效指标')!;
  const unnamed = ind.body[0][0];
  assert.deepEqual([unnamed.th, unnamed.text, unnamed.kind, unnamed.rowspan], [undefined, '', 'blank', 6]);
  assert.equal(headerTexts(ind, unnamed)[0], '一级指标');
  for (const r of [...reports, ...variants.reports])
    for (const { form } of reportForms(r.data))
      for (const t of form.tables)
        for (const c of [...t.head, ...t.body].flat())
          if (c.th) assert.notEqual(c.text.trim(), '', `${r.id} ${form.id}: an empty header cell`);
});

test('associate: headers of the whole row and column, wherever placed; an empty header becomes a blank cell', () => {
  const table = associate(
    {
      caption: 'x',
      head: [
        [th('A', 'colgroup', { colspan: 2 }), th('B', 'col', { rowspan: 2 })],
        [th('a1', 'col'), th('a2', 'col')],
      ],
      columnNumbers: [textCell('1'), textCell('2'), textCell('3')],
      body: [
        [th('r1', 'row'), figure('1.00'), th('r1b', 'row')],
        [th('', 'row'), figure('2.00'), figure('3.00')],
        [textCell('c'), th('合计', 'row', { colspan: 2 })],
      ],
    },
    'x',
  );
  const [r1, r2, r3] = table.body;
  // Headers to the right of the cell and below it in its column count (HTML_CodeSniffer H43).
  assert.deepEqual(headerTexts(table, table.columnNumbers![1]), ['A', 'a2', '合计']);
  assert.deepEqual(headerTexts(table, r1[1]), ['A', 'a2', '合计', 'r1', 'r1b']);
  assert.deepEqual([r2[0].th, r2[0].id, r2[0].kind], [undefined, undefined, 'blank']);
  assert.deepEqual(headerTexts(table, r2[0]), ['A', 'a1', 'r1']);
  assert.deepEqual(headerTexts(table, r2[2]), ['B', 'r1b', '合计']);
  // Left of the row's first header cell, no row header applies.
  assert.deepEqual(headerTexts(table, r3[0]), ['A', 'a1', 'r1']);
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

/* ---------- variants of the self-evaluation forms (made-up test fixtures) ---------- */

const FIXTURE = 'tests/fixtures/form-variants';
const variants = loadContent(join(FIXTURE, 'content'));
const variant = (id: string) => variants.reports.find((r) => r.id === id)!;
const y23 = variant('yangli-beijing/2023/performance');
const y24 = variant('yangli-beijing/2024/performance');

type RawRow = (string | null)[] | { placeholder: (string | null)[] };
interface RawEvaluation {
  funds: { label: string; nameHeading?: string; columns?: string[]; rows: (string | null)[][] };
  indicatorColumns: string[];
  indicators: { children: { rows: RawRow[] }[] }[];
  total: { weight: string; score: string };
}
/** The evaluation form as the fixture writes it (expected values come from the YAML text). */
function rawEvaluation(r: Report): RawEvaluation {
  const raw = parseYaml(readFileSync(join(FIXTURE, r.files.yaml), 'utf8')).value as {
    tables: { 'self-evaluation'?: RawEvaluation; projects?: RawEvaluation[] };
  };
  return raw.tables['self-evaluation'] ?? raw.tables.projects![0];
}
const evaluationForm = (r: Report) =>
  reportForms(r.data).find(
    (f) => f.entry.kind === '整体支出绩效自评表' || f.entry.kind === '项目支出绩效自评表',
  )!.form;
const texts = (row: ModelCell[]) => row.map((c) => c.text);
/** Columns a row covers, rowspans from the rows above included. */
function rowWidths(rows: ModelCell[][]): number[] {
  const taken: number[] = [];
  return rows.map((row, r) => {
    const own = row.reduce((n, c) => n + (c.colspan ?? 1), 0);
    const width = own + (taken[r] ?? 0);
    row.forEach((c) => {
      for (let dr = 1; dr < (c.rowspan ?? 1); dr++) taken[r + dr] = (taken[r + dr] ?? 0) + (c.colspan ?? 1);
    });
    return width;
  });
}

test('form variants: the funds block prints its own headings in order; 资金来源 heads the names, the label is a caption line', () => {
  assert.deepEqual(variants.errors, []);
  for (const r of [y23, y24]) {
    const raw = rawEvaluation(r).funds;
    const table = evaluationForm(r).tables.find((t) => t.caption === raw.label)!;
    const headings = raw.columns ?? ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
    assert.deepEqual(texts(table.head[0]), [raw.nameHeading ?? raw.label, ...headings], r.id);
    assert.equal(!!table.captionLine, !!raw.nameHeading, r.id);
    assert.deepEqual(
      table.body.map(texts),
      raw.rows.map((row) => row.map((c) => c ?? '')),
      r.id,
    );
  }
});

test('form variants: 按收入性质分 / 按支出性质分 rows fit the block’s own width', () => {
  assert.ok(y23.data.kind === '部门整体支出绩效自评');
  const se = y23.data.tables!['self-evaluation']!;
  const funds = {
    ...se.funds!,
    byIncome: [{ name: '一般公共预算', amount: '1200.500' }],
    byNature: [
      { name: '基本支出', amount: '900.000' },
      { name: '项目支出', amount: '315.183' },
    ],
  };
  const table = selfEvaluationForm('x', { ...se, funds }).tables.find((t) => t.caption === funds.label)!;
  const width = 1 + funds.columns.length;
  assert.deepEqual(
    rowWidths(table.body),
    table.body.map(() => width),
  );
  const split = table.body.findIndex((row) => row[0].text === '按收入性质分：');
  assert.deepEqual(texts(table.body[split + 2]), ['', '', '项目支出', '315.183']);
});

test('form variants: indicator rows in the printed columns, placeholder rows as printed and flagged, 总分 under 分值/权重 and 得分', () => {
  for (const r of [y23, y24]) {
    const raw = rawEvaluation(r);
    const table = evaluationForm(r).tables.find((t) => t.caption === '绩效指标')!;
    assert.deepEqual(texts(table.head[0]), ['一级指标', '二级指标', ...raw.indicatorColumns]);
    const width = 2 + raw.indicatorColumns.length;
    assert.deepEqual(
      rowWidths(table.body),
      table.body.map(() => width),
      `${r.id}: every row spans the ${width} columns`,
    );
    const rows = raw.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.rows));
    const body = table.body.slice(0, rows.length);
    rows.forEach((row, i) => {
      const cells = Array.isArray(row) ? row : row.placeholder;
      const printed = body[i].slice(-cells.length);
      assert.deepEqual(
        texts(printed),
        cells.map((c) => c ?? ''),
        `${r.id} row ${i + 1}`,
      );
      assert.ok(
        printed.every((c) => !!c.placeholder === !Array.isArray(row)),
        `${cells[0]}: flagged exactly when a placeholder row`,
      );
    });
    // Every data cell names its headers; the 总分 figures name the 分值 (权重) and 得分 headings.
    const headers = new Map(table.head.flat().map((c) => [c.id, c.text]));
    for (const cell of table.body.flat())
      if (!cell.th) assert.ok(cell.headers, `${r.id}: “${cell.text}” has headers`);
    const total = table.body.at(-1)!;
    assert.equal(total[0].text, '总分');
    const columnOf = (text: string) =>
      total.filter((c) => c.text === text).map((c) => c.headers!.split(' ').map((id) => headers.get(id)))[0];
    const weight = raw.indicatorColumns.find((h) => h === '分值' || h === '权重')!;
    assert.ok(
      columnOf(raw.total.weight)?.includes(weight),
      `${r.id}: 总分 ${raw.total.weight} under ${weight}`,
    );
    assert.ok(columnOf(raw.total.score)?.includes('得分'), `${r.id}: 总分 ${raw.total.score} under 得分`);
  }
});

test('form variants: the funds charts show the sources by column; a total printed as 0 is no execution figure', () => {
  const raw23 = rawEvaluation(y23).funds;
  const charts23 = reportCharts(y23);
  assert.equal(
    charts23.find((c) => c.id === 'chart-execution'),
    undefined,
    'the 合计 row prints 0 over parts that are not',
  );
  const parts = charts23.find((c) => c.id === 'chart-funds-parts')!;
  // Sources with figures (财政资金, 单位资金), the amount columns as printed, figures as published.
  const withFigures = raw23.rows.slice(1).filter((row) => row.slice(1, 4).some((c) => c !== null));
  assert.deepEqual(
    parts.labels,
    withFigures.map((row) => row[0]),
  );
  assert.deepEqual(
    parts.series,
    raw23.columns!.slice(0, 3).map((name, i) => ({ name, values: withFigures.map((row) => row[1 + i]) })),
  );
  // The 2024 report has only a project form: its funds (total and sources) and scores are charted.
  const charts24 = reportCharts(y24);
  const raw24 = rawEvaluation(y24);
  const execution = charts24.find((c) => c.id === 'chart-execution-project-1')!;
  assert.deepEqual(execution.labels, raw24.funds.columns!.slice(0, 3));
  assert.deepEqual(execution.series, [
    { name: raw24.funds.rows[0][0], values: raw24.funds.rows[0].slice(1, 4) },
  ]);
  assert.deepEqual(
    charts24.find((c) => c.id === 'chart-funds-parts-project-1')?.labels,
    raw24.funds.rows.slice(1).map((row) => row[0]),
  );
  assert.ok(charts24.some((c) => c.id === 'chart-scores-project-1'));
});

test('form variants: placeholder rows never count in the scores chart', () => {
  const raw = rawEvaluation(y23);
  const scores = reportCharts(y23).find((c) => c.id === 'chart-scores')!;
  const level2 = raw.indicators.flatMap((l1) => l1.children);
  const sum = (rows: RawRow[], at: number) =>
    rows.reduce((n, row) => n + (Array.isArray(row) ? Number(row[at] ?? 0) : 0), 0);
  const weightAt = raw.indicatorColumns.indexOf('分值');
  const scoreAt = raw.indicatorColumns.indexOf('得分');
  assert.deepEqual(scores.series, [
    { name: '分值', values: level2.map((l2) => String(sum(l2.rows, weightAt))) },
    { name: '得分', values: level2.map((l2) => String(sum(l2.rows, scoreAt))) },
  ]);
});

test('form variants: key figures take the funds total, never a total printed as 0 over its parts', () => {
  const rows = compareRows(variants.offices, variants.reports).filter(
    (r) => r.office.slug === 'yangli-beijing',
  );
  const y2023 = rows.find((r) => r.year === 2023)!;
  assert.equal(y2023.values.total, undefined, '预算执行数 合计 printed as 0');
  assert.equal(y2023.values.execution, undefined, '预算执行率 of 合计 printed blank');
  assert.equal(y2023.values.score?.text, rawEvaluation(y23).total.score);
  // A project form's funds are that project's, not the department's spending.
  assert.equal(rows.find((r) => r.year === 2024)?.values.total, undefined);
  const funds = rawEvaluation(y24).funds;
  assert.ok(y24.data.kind === '部门整体支出绩效自评');
  const parsed = y24.data.tables!.projects![0].funds!;
  assert.equal(fundsTotalFigure(parsed.rows, 'executed'), funds.rows[0][3]);
  assert.equal(fundsTotalFigure(parsed.rows, 'rate'), funds.rows[0][5]);
});

test('the real content keeps its charts: one funds row, no sources chart', () => {
  assert.deepEqual(
    reportCharts(shenzhen).map((c) => c.id),
    ['chart-execution', 'chart-basic-project', 'chart-sangong', 'chart-scores'],
  );
  const execution = reportCharts(shenzhen).find((c) => c.id === 'chart-execution')!;
  assert.deepEqual(execution.labels, ['年初预算数', '全年预算数', '全年执行数']);
});
