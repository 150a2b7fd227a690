import type { CodedTable, FinalAccountsTables, NumberedRow } from '../content/schema/final-accounts.ts';
import { FORMS, type FinalAccountsTableId } from '../fiscal/forms.ts';
import { isAmount, toBig } from '../fiscal/numbers.ts';
import { parentCode } from '../fiscal/classification.ts';
import { CHINESE_NUMBERING, bareName as bare } from '../fiscal/names.ts';
import type { Findings } from './findings.ts';
import { type Fig } from './findings.ts';

/**
 * The identities of the nine 决算 tables (docs/domain.md): sums within each table, the code
 * hierarchy, and the cross-table identities 01↔02↔03, 04↔01, 04↔05, 05↔06, 09.
 */

const T = (id: FinalAccountsTableId) => FORMS[id].number;
const col = (id: FinalAccountsTableId, i: number) => FORMS[id].columns[i];

function numbered(id: 't01' | 't04', side: 'income' | 'expenditure', rows: NumberedRow[]) {
  const fig = (r: NumberedRow, c = 0): Fig => ({
    text: r.values[c],
    path: ['tables', id, side, rows.indexOf(r), 2 + c],
    label: `${T(id)} 第${r.line}行 ${r.name}${r.values.length > 1 ? ` ${col(id, c).label}` : ''}`,
  });
  const named = (name: string) => rows.find((r) => bare(r.name) === name);
  // Numbered rows (一、二、…) are the parts of a two-sided table.
  const parts = rows.filter((r) => r.name && CHINESE_NUMBERING.test(r.name));
  return { fig, named, parts };
}

function table01(t: FinalAccountsTables['t01'], f: Findings) {
  const inc = numbered('t01', 'income', t.income);
  const exp = numbered('t01', 'expenditure', t.expenditure);
  const incomeTotal = inc.named('本年收入合计');
  const spendTotal = exp.named('本年支出合计');
  const incomeGrand = inc.named('总计');
  const spendGrand = exp.named('总计');
  if (incomeTotal)
    f.sum(
      'fa.t01.income-total',
      't01.本年收入合计',
      inc.fig(incomeTotal),
      inc.parts.map((r) => inc.fig(r)),
      '收入各项之和',
    );
  if (spendTotal)
    f.sum(
      'fa.t01.expenditure-total',
      't01.本年支出合计',
      exp.fig(spendTotal),
      exp.parts.map((r) => exp.fig(r)),
      '支出各类之和',
    );
  if (incomeGrand && incomeTotal) {
    const extra = ['使用非财政拨款结余', '年初结转和结余']
      .map(inc.named)
      .filter((r): r is NumberedRow => !!r);
    f.sum(
      'fa.t01.income-grand-total',
      't01.收入总计',
      inc.fig(incomeGrand),
      [incomeTotal, ...extra].map((r) => inc.fig(r)),
      '本年收入合计、使用非财政拨款结余与年初结转和结余之和',
    );
  }
  if (spendGrand && spendTotal) {
    const extra = ['结余分配', '年末结转和结余'].map(exp.named).filter((r): r is NumberedRow => !!r);
    f.sum(
      'fa.t01.expenditure-grand-total',
      't01.支出总计',
      exp.fig(spendGrand),
      [spendTotal, ...extra].map((r) => exp.fig(r)),
      '本年支出合计、结余分配与年末结转和结余之和',
    );
  }
  if (incomeGrand && spendGrand)
    f.sum('fa.t01.balance', 't01.总计', exp.fig(spendGrand), [inc.fig(incomeGrand)], '收入总计');
}

function table04(t: FinalAccountsTables['t04'], f: Findings) {
  const inc = numbered('t04', 'income', t.income);
  const exp = numbered('t04', 'expenditure', t.expenditure);
  const incomeTotal = inc.named('本年收入合计');
  if (incomeTotal)
    f.sum(
      'fa.t04.income-total',
      't04.本年收入合计',
      inc.fig(incomeTotal),
      inc.parts.map((r) => inc.fig(r)),
      '三项财政拨款收入之和',
    );
  // 年初财政拨款结转和结余 is printed with its three funds indented below it.
  const opening = inc.named('年初财政拨款结转和结余');
  if (opening) {
    const after = t.income.slice(t.income.indexOf(opening) + 1);
    const end = after.findIndex((x) => x.level === 1);
    const subs = end < 0 ? after : after.slice(0, end);
    f.sum(
      'fa.t04.opening-balance',
      't04.年初财政拨款结转和结余',
      inc.fig(opening),
      subs.map((r) => inc.fig(r)),
      '各项财政拨款结转和结余之和',
    );
  }
  const incomeGrand = inc.named('总计');
  if (incomeGrand && incomeTotal && opening)
    f.sum(
      'fa.t04.income-grand-total',
      't04.收入总计',
      inc.fig(incomeGrand),
      [inc.fig(incomeTotal), inc.fig(opening)],
      '本年收入合计与年初财政拨款结转和结余之和',
    );

  const width = FORMS.t04.columns.length;
  for (const r of t.expenditure) {
    if (!r.name) continue;
    f.sum(
      'fa.t04.row-sum',
      `t04.${r.line}`,
      exp.fig(r, 0),
      [1, 2, 3].map((c) => exp.fig(r, c)),
      '三项财政拨款之和',
    );
  }
  const spendTotal = exp.named('本年支出合计');
  const closing = exp.named('年末财政拨款结转和结余');
  const spendGrand = exp.named('总计');
  for (let c = 0; c < width; c++) {
    const column = col('t04', c).label;
    if (spendTotal)
      f.sum(
        'fa.t04.expenditure-total',
        `t04.本年支出合计.${column}`,
        exp.fig(spendTotal, c),
        exp.parts.map((r) => exp.fig(r, c)),
        '支出各类之和',
      );
    if (spendGrand && spendTotal && closing)
      f.sum(
        'fa.t04.expenditure-grand-total',
        `t04.支出总计.${column}`,
        exp.fig(spendGrand, c),
        [exp.fig(spendTotal, c), exp.fig(closing, c)],
        '本年支出合计与年末财政拨款结转和结余之和',
      );
  }
  if (incomeGrand && spendGrand)
    f.sum('fa.t04.balance', 't04.总计', exp.fig(spendGrand, 0), [inc.fig(incomeGrand)], '收入总计');
}

/** Row sums of the coded tables: which column is the total of which others. */
const ROW_SUMS: Partial<Record<FinalAccountsTableId, { total: number; parts: number[] }>> = {
  t02: { total: 0, parts: [1, 2, 3, 4, 5, 6] },
  t03: { total: 0, parts: [1, 2, 3, 4, 5] },
  t05: { total: 0, parts: [1, 2] },
  t07: { total: 2, parts: [3, 4] },
  t08: { total: 0, parts: [1, 2] },
};

function coded(id: 't02' | 't03' | 't05' | 't07' | 't08', t: CodedTable, f: Findings) {
  const columns = FORMS[id].columns;
  const cell = (r: number | 'total', c: number): Fig =>
    r === 'total'
      ? { text: t.total[c], path: ['tables', id, 'total', c], label: `${T(id)} 合计 ${columns[c].label}` }
      : {
          text: t.rows[r].values[c],
          path: ['tables', id, 'rows', r, 2 + c],
          label: `${T(id)} ${t.rows[r].code} ${t.rows[r].name} ${columns[c].label}`,
        };
  const key = (r: number | 'total', c: number) =>
    `${id}.${r === 'total' ? '合计' : t.rows[r].code}.${columns[c].label}`;

  const rowSum = ROW_SUMS[id];
  if (rowSum) {
    const what = rowSum.parts.map((c) => columns[c].label).join('、') + '之和';
    for (const r of ['total' as const, ...t.rows.keys()])
      f.sum(
        `fa.${id}.row-sum`,
        key(r, rowSum.total),
        cell(r, rowSum.total),
        rowSum.parts.map((c) => cell(r, c)),
        what,
      );
  }
  const classes = [...t.rows.keys()].filter((i) => t.rows[i].code.length === 3);
  for (let c = 0; c < columns.length; c++) {
    f.sum(
      `fa.${id}.total`,
      key('total', c),
      cell('total', c),
      classes.map((i) => cell(i, c)),
      '各类之和',
    );
    for (const [i, row] of t.rows.entries()) {
      const children = [...t.rows.keys()].filter((k) => parentCode(t.rows[k].code) === row.code);
      if (children.length)
        f.sum(
          `fa.${id}.hierarchy`,
          key(i, c),
          cell(i, c),
          children.map((k) => cell(k, c)),
          row.code.length === 3 ? '所属各款之和' : '所属各项之和',
        );
    }
  }
}

function table06(t: FinalAccountsTables['t06'], f: Findings) {
  const rows = t.groups.flatMap((g, gi) =>
    g.map((r, ri) => ({
      ...r,
      fig: {
        text: r.values[0],
        path: ['tables', 't06', 'groups', gi, ri, 2],
        label: `${T('t06')} ${r.code} ${r.name}`,
      } as Fig,
    })),
  );
  for (const r of rows) {
    const children = rows.filter((k) => parentCode(k.code) === r.code);
    if (children.length)
      f.sum(
        'fa.t06.hierarchy',
        `t06.${r.code}`,
        r.fig,
        children.map((k) => k.fig),
        '所属各款之和',
      );
  }
  const classes = (codes: string[]) => rows.filter((r) => codes.includes(r.code)).map((r) => r.fig);
  const personnel: Fig = {
    text: t.personnelTotal,
    path: ['tables', 't06', 'personnelTotal'],
    label: `${T('t06')} 人员经费合计`,
  };
  const pub: Fig = {
    text: t.publicTotal,
    path: ['tables', 't06', 'publicTotal'],
    label: `${T('t06')} 公用经费合计`,
  };
  f.sum(
    'fa.t06.personnel',
    't06.人员经费合计',
    personnel,
    classes(['301', '303']),
    '301 工资福利支出与 303 对个人和家庭的补助之和',
  );
  f.sum(
    'fa.t06.public',
    't06.公用经费合计',
    pub,
    classes(['302', '307', '310', '399']),
    '302、307、310、399 各类之和',
  );
}

function table09(t: FinalAccountsTables['t09'], f: Findings) {
  for (const side of ['budget', 'actual'] as const) {
    const label = side === 'budget' ? '预算数' : '决算数';
    const fig = (c: number): Fig => ({
      text: t[side][c],
      path: ['tables', 't09', side, c],
      label: `${T('t09')} ${label} ${col('t09', c).label === '小计' ? '公务用车购置及运行维护费小计' : col('t09', c).label}`,
    });
    f.sum(
      'fa.t09.total',
      `t09.${label}.合计`,
      fig(0),
      [fig(1), fig(2), fig(5)],
      '因公出国（境）费、公务用车购置及运行维护费与公务接待费之和',
    );
    f.sum(
      'fa.t09.vehicles',
      `t09.${label}.公务用车小计`,
      fig(2),
      [fig(3), fig(4)],
      '公务用车购置费与运行维护费之和',
    );
  }
}

function crossTable(t: FinalAccountsTables, f: Findings) {
  const t01i = numbered('t01', 'income', t.t01.income);
  const t01e = numbered('t01', 'expenditure', t.t01.expenditure);
  const t04i = numbered('t04', 'income', t.t04.income);
  const t04e = numbered('t04', 'expenditure', t.t04.expenditure);
  const one = (fig: Fig | undefined, other: Fig | undefined, rule: string, subject: string) => {
    if (fig && other && isAmount(other.text))
      f.compare(rule, subject, fig, toBig(other.text), [other.text], other.label, [fig, other]);
  };
  const opt = <R>(r: R | undefined, g: (r: R) => Fig) => (r ? g(r) : undefined);
  const t02Total: Fig = {
    text: t.t02.total[0],
    path: ['tables', 't02', 'total', 0],
    label: `${T('t02')} 合计 本年收入合计`,
  };
  const t03Total: Fig = {
    text: t.t03.total[0],
    path: ['tables', 't03', 'total', 0],
    label: `${T('t03')} 合计 本年支出合计`,
  };
  one(
    t02Total,
    opt(t01i.named('本年收入合计'), (r) => t01i.fig(r)),
    'fa.cross.02-01',
    't02.合计.本年收入合计',
  );
  one(
    t03Total,
    opt(t01e.named('本年支出合计'), (r) => t01e.fig(r)),
    'fa.cross.03-01',
    't03.合计.本年支出合计',
  );
  for (const [i, r] of t.t03.rows.entries()) {
    if (r.code.length !== 3) continue;
    const row01 = t01e.named(r.name);
    const fig: Fig = {
      text: r.values[0],
      path: ['tables', 't03', 'rows', i, 2],
      label: `${T('t03')} ${r.code} ${r.name} 本年支出合计`,
    };
    one(
      fig,
      opt(row01, (x) => t01e.fig(x)),
      'fa.cross.03-01',
      `t03.${r.code}.本年支出合计`,
    );
  }
  one(
    opt(t04i.named('一般公共预算财政拨款'), (r) => t04i.fig(r)),
    opt(t01i.named('一般公共预算财政拨款收入'), (r) => t01i.fig(r)),
    'fa.cross.04-01',
    't04.一般公共预算财政拨款',
  );
  const t05Total: Fig = {
    text: t.t05.total[0],
    path: ['tables', 't05', 'total', 0],
    label: `${T('t05')} 合计 小计`,
  };
  one(
    opt(t04e.named('本年支出合计'), (r) => t04e.fig(r, 1)),
    t05Total,
    'fa.cross.04-05',
    't04.本年支出合计.一般公共预算财政拨款',
  );
  const basic: Fig = {
    text: t.t05.total[1],
    path: ['tables', 't05', 'total', 1],
    label: `${T('t05')} 合计 基本支出`,
  };
  const parts: Fig[] = [
    { text: t.t06.personnelTotal, path: ['tables', 't06', 'personnelTotal'], label: '人员经费合计' },
    { text: t.t06.publicTotal, path: ['tables', 't06', 'publicTotal'], label: '公用经费合计' },
  ];
  f.sum('fa.cross.05-06', 't05.合计.基本支出', basic, parts, `${T('t06')} 人员经费合计与公用经费合计之和`);
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
  table01(t.t01, f);
  for (const id of ['t02', 't03', 't05', 't07', 't08'] as const) coded(id, t[id], f);
  table04(t.t04, f);
  table06(t.t06, f);
  table09(t.t09, f);
  crossTable(t, f);
  completeness(t, f);
}
