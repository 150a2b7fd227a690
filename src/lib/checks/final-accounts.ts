import type { FinalAccountsTables } from '../content/schema/final-accounts.ts';
import {
  CODED_TABLE_IDS,
  FORMS,
  cell,
  columnLabel,
  columnsOf,
  rowLabel,
  type ColumnName,
  type FinalAccountsTableId,
  type CodedRow,
  type CodedTableId,
  type NumberedRow,
  type Side,
} from '../fiscal/forms.ts';
import type { Fig } from '../fiscal/figure.ts';
import { isAmount, toBig } from '../fiscal/numbers.ts';
import { parentCode } from '../fiscal/classification.ts';
import { CHINESE_NUMBERING, bareName as bare } from '../fiscal/names.ts';
import type { Findings } from './findings.ts';

/**
 * The identities of the nine 决算 tables (docs/domain.md): sums within each table, the code
 * hierarchy, and the cross-table identities 01↔02↔03, 04↔01, 04↔05, 05↔06, 09.
 */

const T = (id: FinalAccountsTableId) => FORMS[id].number;
const found = (figs: (Fig | undefined)[]) => figs.filter((x): x is Fig => !!x);
// Numbered rows (一、二、…) are the parts of a two-sided table.
const numberedParts = (rows: readonly NumberedRow[]) =>
  rows.filter((r) => r.name && CHINESE_NUMBERING.test(r.name));

/** A side of 01: its rows' figures, a row's figure by name, its parts. */
function side01(t: FinalAccountsTables, side: Side) {
  return {
    fig: (r: NumberedRow) => cell(t, 't01', [side, r], 'amount'),
    named: (name: string) => cell(t, 't01', [side, name], 'amount'),
    parts: numberedParts(t.t01[side]),
  };
}

function table01(t: FinalAccountsTables, f: Findings) {
  const inc = side01(t, 'income');
  const exp = side01(t, 'expenditure');
  const incomeTotal = inc.named('本年收入合计');
  const spendTotal = exp.named('本年支出合计');
  const incomeGrand = inc.named('总计');
  const spendGrand = exp.named('总计');
  if (incomeTotal)
    f.sum('fa.t01.income-total', 't01.本年收入合计', incomeTotal, inc.parts.map(inc.fig), '收入各项之和');
  if (spendTotal)
    f.sum('fa.t01.expenditure-total', 't01.本年支出合计', spendTotal, exp.parts.map(exp.fig), '支出各类之和');
  if (incomeGrand && incomeTotal)
    f.sum(
      'fa.t01.income-grand-total',
      't01.收入总计',
      incomeGrand,
      [incomeTotal, ...found(['使用非财政拨款结余', '年初结转和结余'].map(inc.named))],
      '本年收入合计、使用非财政拨款结余与年初结转和结余之和',
    );
  if (spendGrand && spendTotal)
    f.sum(
      'fa.t01.expenditure-grand-total',
      't01.支出总计',
      spendGrand,
      [spendTotal, ...found(['结余分配', '年末结转和结余'].map(exp.named))],
      '本年支出合计、结余分配与年末结转和结余之和',
    );
  if (incomeGrand && spendGrand) f.sum('fa.t01.balance', 't01.总计', spendGrand, [incomeGrand], '收入总计');
}

function table04(t: FinalAccountsTables, f: Findings) {
  const inc = (r: NumberedRow) => cell(t, 't04', ['income', r], 'amount');
  const incNamed = (name: string) => cell(t, 't04', ['income', name], 'amount');
  const exp = (r: NumberedRow, c: ColumnName<'t04'>) => cell(t, 't04', ['expenditure', r], c);
  const expNamed = (name: string, c: ColumnName<'t04'>) => cell(t, 't04', ['expenditure', name], c);
  const incomeTotal = incNamed('本年收入合计');
  if (incomeTotal)
    f.sum(
      'fa.t04.income-total',
      't04.本年收入合计',
      incomeTotal,
      numberedParts(t.t04.income).map(inc),
      '三项财政拨款收入之和',
    );
  // 年初财政拨款结转和结余 is printed with its three funds indented below it.
  const openingAt = t.t04.income.findIndex((r) => bare(r.name) === '年初财政拨款结转和结余');
  const opening = openingAt < 0 ? undefined : inc(t.t04.income[openingAt]);
  if (opening) {
    const after = t.t04.income.slice(openingAt + 1);
    const end = after.findIndex((x) => x.level === 1);
    const subs = end < 0 ? after : after.slice(0, end);
    f.sum(
      'fa.t04.opening-balance',
      't04.年初财政拨款结转和结余',
      opening,
      subs.map(inc),
      '各项财政拨款结转和结余之和',
    );
  }
  const incomeGrand = incNamed('总计');
  if (incomeGrand && incomeTotal && opening)
    f.sum(
      'fa.t04.income-grand-total',
      't04.收入总计',
      incomeGrand,
      [incomeTotal, opening],
      '本年收入合计与年初财政拨款结转和结余之和',
    );

  for (const r of t.t04.expenditure) {
    if (!r.name) continue;
    f.sum(
      'fa.t04.row-sum',
      `t04.${r.line}`,
      exp(r, 'total'),
      [exp(r, 'general'), exp(r, 'fund'), exp(r, 'capital')],
      '三项财政拨款之和',
    );
  }
  const parts = numberedParts(t.t04.expenditure);
  for (const c of columnsOf('t04')) {
    const spendTotal = expNamed('本年支出合计', c.key);
    const closing = expNamed('年末财政拨款结转和结余', c.key);
    const spendGrand = expNamed('总计', c.key);
    if (spendTotal)
      f.sum(
        'fa.t04.expenditure-total',
        `t04.本年支出合计.${c.label}`,
        spendTotal,
        parts.map((r) => exp(r, c.key)),
        '支出各类之和',
      );
    if (spendGrand && spendTotal && closing)
      f.sum(
        'fa.t04.expenditure-grand-total',
        `t04.支出总计.${c.label}`,
        spendGrand,
        [spendTotal, closing],
        '本年支出合计与年末财政拨款结转和结余之和',
      );
  }
  const spendGrand = expNamed('总计', 'total');
  if (incomeGrand && spendGrand) f.sum('fa.t04.balance', 't04.总计', spendGrand, [incomeGrand], '收入总计');
}

type CodedColumn = ColumnName<CodedTableId>;

/** Row sums of the coded tables: which column is the total of which others. */
const ROW_SUMS: { [Id in CodedTableId]?: { total: ColumnName<Id>; parts: ColumnName<Id>[] } } = {
  t02: { total: 'total', parts: ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'] },
  t03: { total: 'total', parts: ['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'] },
  t05: { total: 'subtotal', parts: ['basic', 'project'] },
  t07: { total: 'subtotal', parts: ['basic', 'project'] },
  t08: { total: 'total', parts: ['basic', 'project'] },
};

function coded(id: CodedTableId, t: FinalAccountsTables, f: Findings) {
  const { rows } = t[id];
  const fig = (r: 'total' | CodedRow, c: CodedColumn) => cell(t, id, r, c);
  const key = (r: 'total' | CodedRow, c: CodedColumn) =>
    `${id}.${r === 'total' ? rowLabel(id, r) : r.code}.${columnLabel(id, c)}`;

  const rowSum: { total: CodedColumn; parts: CodedColumn[] } | undefined = ROW_SUMS[id];
  if (rowSum) {
    const what = rowSum.parts.map((c) => columnLabel(id, c)).join('、') + '之和';
    for (const r of ['total' as const, ...rows])
      f.sum(
        `fa.${id}.row-sum`,
        key(r, rowSum.total),
        fig(r, rowSum.total),
        rowSum.parts.map((c) => fig(r, c)),
        what,
      );
  }
  const classes = rows.filter((r) => r.code.length === 3);
  for (const { key: c } of columnsOf(id)) {
    f.sum(
      `fa.${id}.total`,
      key('total', c),
      fig('total', c),
      classes.map((r) => fig(r, c)),
      '各类之和',
    );
    for (const row of rows) {
      const children = rows.filter((k) => parentCode(k.code) === row.code);
      if (children.length)
        f.sum(
          `fa.${id}.hierarchy`,
          key(row, c),
          fig(row, c),
          children.map((k) => fig(k, c)),
          row.code.length === 3 ? '所属各款之和' : '所属各项之和',
        );
    }
  }
}

function table06(t: FinalAccountsTables, f: Findings) {
  const rows = t.t06.groups.flat();
  const fig = (r: CodedRow | 'personnelTotal' | 'publicTotal') => cell(t, 't06', r, 'amount');
  for (const r of rows) {
    const children = rows.filter((k) => parentCode(k.code) === r.code);
    if (children.length)
      f.sum('fa.t06.hierarchy', `t06.${r.code}`, fig(r), children.map(fig), '所属各款之和');
  }
  const classes = (codes: string[]) => rows.filter((r) => codes.includes(r.code)).map(fig);
  f.sum(
    'fa.t06.personnel',
    't06.人员经费合计',
    fig('personnelTotal'),
    classes(['301', '303']),
    '301 工资福利支出与 303 对个人和家庭的补助之和',
  );
  f.sum(
    'fa.t06.public',
    't06.公用经费合计',
    fig('publicTotal'),
    classes(['302', '307', '310', '399']),
    '302、307、310、399 各类之和',
  );
}

function table09(t: FinalAccountsTables, f: Findings) {
  for (const half of ['budget', 'actual'] as const) {
    const label = rowLabel('t09', half);
    const fig = (c: ColumnName<'t09'>) => cell(t, 't09', half, c);
    f.sum(
      'fa.t09.total',
      `t09.${label}.合计`,
      fig('total'),
      [fig('abroad'), fig('vehicles'), fig('reception')],
      '因公出国（境）费、公务用车购置及运行维护费与公务接待费之和',
    );
    f.sum(
      'fa.t09.vehicles',
      `t09.${label}.公务用车小计`,
      fig('vehicles'),
      [fig('vehiclePurchase'), fig('vehicleOperation')],
      '公务用车购置费与运行维护费之和',
    );
  }
}

function crossTable(t: FinalAccountsTables, f: Findings) {
  const one = (fig: Fig | undefined, other: Fig | undefined, rule: string, subject: string) => {
    if (fig && other && isAmount(other.text))
      f.compare(rule, subject, fig, toBig(other.text), [other.text], other.label, [fig, other]);
  };
  one(
    cell(t, 't02', 'total', 'total'),
    cell(t, 't01', ['income', '本年收入合计'], 'amount'),
    'fa.cross.02-01',
    't02.合计.本年收入合计',
  );
  one(
    cell(t, 't03', 'total', 'total'),
    cell(t, 't01', ['expenditure', '本年支出合计'], 'amount'),
    'fa.cross.03-01',
    't03.合计.本年支出合计',
  );
  for (const r of t.t03.rows) {
    if (r.code.length !== 3) continue;
    one(
      cell(t, 't03', r, 'total'),
      cell(t, 't01', ['expenditure', r.name], 'amount'),
      'fa.cross.03-01',
      `t03.${r.code}.本年支出合计`,
    );
  }
  one(
    cell(t, 't04', ['income', '一般公共预算财政拨款'], 'amount'),
    cell(t, 't01', ['income', '一般公共预算财政拨款收入'], 'amount'),
    'fa.cross.04-01',
    't04.一般公共预算财政拨款',
  );
  one(
    cell(t, 't04', ['expenditure', '本年支出合计'], 'general'),
    cell(t, 't05', 'total', 'subtotal'),
    'fa.cross.04-05',
    't04.本年支出合计.一般公共预算财政拨款',
  );
  f.sum(
    'fa.cross.05-06',
    't05.合计.基本支出',
    cell(t, 't05', 'total', 'basic'),
    [cell(t, 't06', 'personnelTotal', 'amount'), cell(t, 't06', 'publicTotal', 'amount')],
    `${T('t06')} 人员经费合计与公用经费合计之和`,
  );
}

/** A 决算 table with no figure at all must say why (e.g. "我单位没有政府性基金收入…"). */
function completeness(t: FinalAccountsTables, f: Findings) {
  for (const id of ['t07', 't08', 't02', 't03', 't05'] as const) {
    const table = t[id];
    const empty = !table.total.some(isAmount) && table.rows.every((r) => !r.values.some(isAmount));
    if (empty && !table.emptyStatement)
      f.add({
        rule: 'fa.empty-statement',
        severity: 'error',
        subject: id,
        message: `${T(id)} 没有数据，但缺少说明（如“我单位没有…故本表无数据”）：在 YAML 中加 emptyStatement`,
        refs: [{ path: ['tables', id] }],
      });
  }
  if (![...t.t09.budget, ...t.t09.actual].some(isAmount) && !t.t09.emptyStatement)
    f.add({
      rule: 'fa.empty-statement',
      severity: 'error',
      subject: 't09',
      message: `${T('t09')} 没有数据，但缺少说明：在 YAML 中加 emptyStatement`,
      refs: [{ path: ['tables', 't09'] }],
    });
}

export function checkFinalAccounts(t: FinalAccountsTables, f: Findings) {
  table01(t, f);
  for (const id of CODED_TABLE_IDS) coded(id, t, f);
  table04(t, f);
  table06(t, f);
  table09(t, f);
  crossTable(t, f);
  completeness(t, f);
}
