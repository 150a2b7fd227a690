/**
 * Every consistency rule, on the real content: a passing state and a failing state that differ
 * by one edit, and the failing finding points at the edited line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkEdited, type Edit, type Located } from './support/edited-content.ts';

const FA = 'content/huaihua-beijing/2022/final-accounts.yaml';
const FA_MD = 'content/huaihua-beijing/2022/final-accounts.md';
const HP = 'content/huaihua-beijing/2022/performance.yaml';
const SZ = 'content/hunan-shenzhen/2022/performance.yaml';
const SH = 'content/hunan-shanghai/2022/performance.yaml';
const ZJ = 'content/zhanjiang-guangzhou/2020/performance.yaml';

const t07Data: Edit = {
  file: FA,
  from: 'total: [~, ~, ~, ~, ~, ~]\n    rows: []',
  to: 'total: [0.00, 5.00, 3.00, 1.00, 2.00, 2.00]\n    rows:\n      - [229, 其他支出, 0.00, 5.00, 3.00, 1.00, 2.00, 2.00]\n      - [22960, 彩票公益金安排的支出, 0.00, 5.00, 3.00, 1.00, 2.00, 2.00]',
};
const t08Data: Edit = {
  file: FA,
  from: 'total: [~, ~, ~]\n    rows: []',
  to: 'total: [3.00, 1.00, 2.00]\n    rows:\n      - [223, 国有资本经营预算支出, 3.00, 1.00, 2.00]\n      - [22301, 国有资本经营预算补充社保基金支出, 3.00, 1.00, 2.00]',
};
const on = (file: string, from: string | RegExp, to: string): Edit => ({ file, from, to });
/** Removes an acknowledgement, so the finding it covers shows as an error again. */
const unacknowledge = (file: string, rule: string, subject: string): Edit =>
  on(
    file,
    `\n  - rule: ${rule}\n    subject: ${subject}\n`,
    '\n  - rule: ack.removed-by-test\n    subject: none\n',
  );

interface Case {
  rule: string;
  subject: string;
  /** Edits that make the rule fail (applied on top of `pass`). */
  fail: Edit[];
  /** Edits for the passing state; the committed content when absent. */
  pass?: Edit[];
  /** Where the finding must point when that is not the edited line (a removed line): a text of that line. */
  at?: string;
}

const cases: Case[] = [
  {
    rule: 'fa.t01.income-total',
    subject: 't01.本年收入合计',
    fail: [on(FA, '[8, 八、其他收入, 0.07]', '[8, 八、其他收入, 0.17]')],
  },
  {
    rule: 'fa.t01.expenditure-total',
    subject: 't01.本年支出合计',
    fail: [on(FA, '[32, 一、一般公共服务支出, 267.43]', '[32, 一、一般公共服务支出, 268.43]')],
  },
  {
    rule: 'fa.t01.income-grand-total',
    subject: 't01.收入总计',
    fail: [on(FA, '[28, 使用非财政拨款结余, 0.00]', '[28, 使用非财政拨款结余, 1.00]')],
  },
  {
    rule: 'fa.t01.expenditure-grand-total',
    subject: 't01.支出总计',
    fail: [on(FA, '[59, 结余分配, 0.01]', '[59, 结余分配, 1.01]')],
  },
  { rule: 'fa.t01.balance', subject: 't01.总计', fail: [on(FA, '[31, 总计, 295.12]', '[31, 总计, 296.12]')] },
  {
    rule: 'fa.t02.row-sum',
    subject: 't02.201.本年收入合计',
    fail: [
      on(
        FA,
        '[201, 一般公共服务支出, 267.43, 267.43, 0.00,',
        '[201, 一般公共服务支出, 267.43, 267.43, 1.00,',
      ),
    ],
  },
  {
    rule: 'fa.t02.total',
    subject: 't02.合计.财政拨款收入',
    fail: [on(FA, 'total: [295.12, 295.05,', 'total: [295.12, 296.05,')],
  },
  {
    rule: 'fa.t02.hierarchy',
    subject: 't02.201.本年收入合计',
    fail: [
      on(
        FA,
        '[20103, 政府办公厅（室）及相关机构事务, 133.05, 133.05,',
        '[20103, 政府办公厅（室）及相关机构事务, 134.05, 133.05,',
      ),
    ],
  },
  {
    rule: 'fa.t03.row-sum',
    subject: 't03.合计.本年支出合计',
    fail: [on(FA, 'total: [295.11, 211.92, 83.19', 'total: [295.11, 211.82, 83.19')],
  },
  {
    rule: 'fa.t03.total',
    subject: 't03.合计.基本支出',
    fail: [on(FA, 'total: [295.11, 211.92, 83.19', 'total: [295.11, 211.82, 83.19')],
  },
  {
    rule: 'fa.t03.hierarchy',
    subject: 't03.20103.基本支出',
    fail: [
      on(
        FA,
        '[2010309, 参事事务, 83.19, 0.00, 83.19, 0.00, 0.00, 0.00]',
        '[2010309, 参事事务, 83.19, 1.00, 83.19, 0.00, 0.00, 0.00]',
      ),
    ],
  },
  {
    rule: 'fa.t05.row-sum',
    subject: 't05.201.小计',
    fail: [
      on(
        FA,
        '[201, 一般公共服务支出, 267.43, 184.24, 83.19]',
        '[201, 一般公共服务支出, 267.43, 184.24, 84.19]',
      ),
    ],
  },
  {
    rule: 'fa.t05.total',
    subject: 't05.合计.小计',
    fail: [on(FA, 'total: [295.05, 211.86, 83.19]', 'total: [296.05, 211.86, 83.19]')],
  },
  {
    rule: 'fa.t05.hierarchy',
    subject: 't05.201.项目支出',
    fail: [
      on(
        FA,
        '[201, 一般公共服务支出, 267.43, 184.24, 83.19]',
        '[201, 一般公共服务支出, 267.43, 184.24, 84.19]',
      ),
    ],
  },
  {
    rule: 'fa.t07.row-sum',
    subject: 't07.合计.小计',
    pass: [t07Data],
    fail: [on(FA, 'total: [0.00, 5.00, 3.00,', 'total: [0.00, 5.00, 3.50,')],
  },
  {
    rule: 'fa.t07.total',
    subject: 't07.合计.本年收入',
    pass: [t07Data],
    fail: [on(FA, 'total: [0.00, 5.00, 3.00,', 'total: [0.00, 6.00, 3.00,')],
  },
  {
    rule: 'fa.t07.hierarchy',
    subject: 't07.229.本年收入',
    pass: [t07Data],
    fail: [on(FA, '[22960, 彩票公益金安排的支出, 0.00, 5.00,', '[22960, 彩票公益金安排的支出, 0.00, 4.00,')],
  },
  {
    rule: 'fa.t08.row-sum',
    subject: 't08.223.合计',
    pass: [t08Data],
    fail: [
      on(
        FA,
        '[223, 国有资本经营预算支出, 3.00, 1.00, 2.00]',
        '[223, 国有资本经营预算支出, 3.00, 1.00, 1.00]',
      ),
    ],
  },
  {
    rule: 'fa.t08.total',
    subject: 't08.合计.合计',
    pass: [t08Data],
    fail: [on(FA, 'total: [3.00, 1.00, 2.00]', 'total: [4.00, 2.00, 2.00]')],
  },
  {
    rule: 'fa.t08.hierarchy',
    subject: 't08.223.基本支出',
    pass: [t08Data],
    fail: [
      on(
        FA,
        '[22301, 国有资本经营预算补充社保基金支出, 3.00, 1.00, 2.00]',
        '[22301, 国有资本经营预算补充社保基金支出, 3.00, 2.00, 1.00]',
      ),
    ],
  },
  {
    rule: 'fa.t04.income-total',
    subject: 't04.本年收入合计',
    fail: [on(FA, '[1, 一、一般公共预算财政拨款, 295.05]', '[1, 一、一般公共预算财政拨款, 296.05]')],
  },
  {
    rule: 'fa.t04.opening-balance',
    subject: 't04.年初财政拨款结转和结余',
    fail: [on(FA, '[29, "  一般公共预算财政拨款", 0.00]', '[29, "  一般公共预算财政拨款", 1.00]')],
  },
  {
    rule: 'fa.t04.income-grand-total',
    subject: 't04.收入总计',
    fail: [on(FA, '[32, 总计, 295.05]', '[32, 总计, 296.05]')],
  },
  {
    rule: 'fa.t04.row-sum',
    subject: 't04.59',
    fail: [
      on(
        FA,
        '[59, 本年支出合计, 295.05, 295.05, 0.00, 0.00]',
        '[59, 本年支出合计, 296.05, 295.05, 0.00, 0.00]',
      ),
    ],
  },
  {
    rule: 'fa.t04.expenditure-total',
    subject: 't04.本年支出合计.一般公共预算财政拨款',
    fail: [
      on(
        FA,
        '[59, 本年支出合计, 295.05, 295.05, 0.00, 0.00]',
        '[59, 本年支出合计, 296.05, 296.05, 0.00, 0.00]',
      ),
    ],
  },
  {
    rule: 'fa.t04.expenditure-grand-total',
    subject: 't04.支出总计.合计',
    fail: [
      on(
        FA,
        '[60, 年末财政拨款结转和结余, 0.00, 0.00, 0.00, 0.00]',
        '[60, 年末财政拨款结转和结余, 1.00, 1.00, 0.00, 0.00]',
      ),
    ],
  },
  {
    rule: 'fa.t04.balance',
    subject: 't04.总计',
    fail: [on(FA, '[64, 总计, 295.05, 295.05, 0.00, 0.00]', '[64, 总计, 296.05, 296.05, 0.00, 0.00]')],
  },
  {
    rule: 'fa.t06.hierarchy',
    subject: 't06.301',
    fail: [on(FA, '[30101, 基本工资, 62.53]', '[30101, 基本工资, 63.53]')],
  },
  {
    rule: 'fa.t06.personnel',
    subject: 't06.人员经费合计',
    fail: [on(FA, 'personnelTotal: 190.00', 'personnelTotal: 191.00')],
  },
  {
    rule: 'fa.t06.public',
    subject: 't06.公用经费合计',
    fail: [on(FA, 'publicTotal: 21.86', 'publicTotal: 22.86')],
  },
  { rule: 'fa.t09.total', subject: 't09.预算数.合计', fail: [on(FA, 'budget: [50.58,', 'budget: [51.58,')] },
  {
    rule: 'fa.t09.vehicles',
    subject: 't09.预算数.公务用车小计',
    fail: [on(FA, 'budget: [50.58, 0.00, 29.70, 0.00, 29.70,', 'budget: [50.58, 0.00, 29.70, 0.00, 28.70,')],
  },
  {
    rule: 'fa.cross.02-01',
    subject: 't02.合计.本年收入合计',
    fail: [on(FA, 'total: [295.12, 295.05,', 'total: [296.12, 296.05,')],
  },
  {
    rule: 'fa.cross.03-01',
    subject: 't03.201.本年支出合计',
    fail: [
      on(
        FA,
        '[201, 一般公共服务支出, 267.43, 184.24, 83.19, 0.00, 0.00, 0.00]',
        '[201, 一般公共服务支出, 268.43, 185.24, 83.19, 0.00, 0.00, 0.00]',
      ),
    ],
  },
  {
    rule: 'fa.cross.04-01',
    subject: 't04.一般公共预算财政拨款',
    fail: [on(FA, '[1, 一、一般公共预算财政拨款, 295.05]', '[1, 一、一般公共预算财政拨款, 296.05]')],
  },
  {
    rule: 'fa.cross.04-05',
    subject: 't04.本年支出合计.一般公共预算财政拨款',
    fail: [
      on(
        FA,
        '[59, 本年支出合计, 295.05, 295.05, 0.00, 0.00]',
        '[59, 本年支出合计, 296.05, 296.05, 0.00, 0.00]',
      ),
    ],
  },
  {
    rule: 'fa.cross.05-06',
    subject: 't05.合计.基本支出',
    fail: [on(FA, 'total: [295.05, 211.86, 83.19]', 'total: [295.05, 212.86, 83.19]')],
  },
  {
    rule: 'fa.empty-statement',
    subject: 't07',
    fail: [on(FA, /\n {4}emptyStatement: 我单位没有政府性基金收入[^\n]*/, '')],
    at: '  t07:',
  },
  {
    rule: 'pe.score-le-weight',
    subject: '整体支出绩效自评表.产出指标.数量指标.协助宣传活动',
    fail: [on(SZ, '[协助宣传活动, 不少于10次, 10次, 6, 6, ~]', '[协助宣传活动, 不少于10次, 10次, 6, 7, ~]')],
  },
  {
    rule: 'pe.execution-rate',
    subject: '整体支出绩效自评表.年度资金总额.执行率',
    fail: [
      on(
        SZ,
        '[年度资金总额, 1215.05, 2300.17, 2300.17, 10, 100%, 10]',
        '[年度资金总额, 1215.05, 2300.17, 2200.17, 10, 100%, 10]',
      ),
    ],
  },
  {
    rule: 'pe.funds-sum',
    subject: '项目支出绩效自评表（异地身份证办理、办公设备及公有住房设施购置）.项目资金.全年预算数',
    fail: [on(SZ, '[其中：当年财政拨款, ~, 392.4, 392.4', '[其中：当年财政拨款, ~, 393.4, 392.4')],
  },
  {
    rule: 'pe.funds-zero-total',
    subject: '项目支出绩效自评表（异地身份证办理、办公设备及公有住房设施购置）.项目资金.全年预算数',
    fail: [on(SZ, '[年度资金总额, ~, 392.4, 392.4, 10', '[年度资金总额, ~, 0, 392.4, 10')],
  },
  {
    rule: 'pe.level-weight',
    subject: '整体支出绩效自评表.效益指标.分值',
    fail: [on(SZ, '[非税收入, 100万元, 100万元, 8, 8, ~]', '[非税收入, 100万元, 100万元, 9, 8, ~]')],
  },
  {
    rule: 'pe.level-score',
    subject: '整体支出绩效自评表.效益指标.经济效益指标.得分',
    fail: [on(SH, /(name: 经济效益指标\n {12}weight: 10\n {12})score: 10/, '$1score: 9')],
  },
  {
    rule: 'pe.weight-total',
    subject: '整体支出绩效自评表.分值合计',
    pass: [
      on(SZ, 'total: { weight: 100, score: 97 }', 'total: { weight: 110, score: 97 }'),
      unacknowledge(SZ, 'pe.weight-total', '整体支出绩效自评表.分值合计'),
    ],
    fail: [on(SZ, 'total: { weight: 110, score: 97 }', 'total: { weight: 100, score: 97 }')],
  },
  {
    rule: 'pe.score-total',
    subject: '整体支出绩效自评表.总分',
    pass: [
      on(SZ, 'total: { weight: 100, score: 97 }', 'total: { weight: 100, score: 107 }'),
      unacknowledge(SZ, 'pe.score-total', '整体支出绩效自评表.总分'),
    ],
    fail: [on(SZ, 'total: { weight: 100, score: 107 }', 'total: { weight: 100, score: 97 }')],
  },
  {
    rule: 'pe.grade',
    subject: 'conclusion.grade',
    fail: [on(HP, 'conclusion:\n  score: 98', 'conclusion:\n  score: 88')],
  },
  {
    rule: 'bd.control-rate',
    subject: 'base-data.控制率',
    fail: [on(SZ, 'values: [26, 22, 84.6%]', 'values: [26, 22, 84.5%]')],
  },
  {
    rule: 'bd.parts',
    subject: 'base-data.三公经费.2022年决算数',
    fail: [on(SZ, 'values: [26.75, 33, 39.11]', 'values: [26.75, 33, 40.11]')],
  },
  {
    rule: 'bd.of-which',
    subject: 'base-data.1、公务用车购置和维护经费.2022年决算数',
    fail: [
      on(
        SZ,
        '{ name: 公车运行维护, values: [20.89, 16.5, 14.23] }',
        '{ name: 公车运行维护, values: [20.89, 16.5, 15.23] }',
      ),
    ],
  },
  {
    rule: 'prose.amount',
    subject: '正文.财政拨款收入.决算数=295.06',
    fail: [on(FA_MD, '其中：财政拨款收入295.05万元', '其中：财政拨款收入295.06万元')],
  },
  {
    rule: 'prose.share',
    subject: '正文.财政拨款收入.占比=99.97%',
    fail: [on(FA_MD, '财政拨款收入295.05万元，占99.98%', '财政拨款收入295.05万元，占99.97%')],
  },
  {
    rule: 'prose.completion',
    subject: '正文.完成预算=131.93%',
    fail: [on(FA_MD, '完成年初预算的131.92%', '完成年初预算的131.93%')],
  },
  {
    rule: 'prose.stated-figure',
    subject: '正文.“三公”经费决算=74.89',
    fail: [on(ZJ, "value: '74.88'", "value: '74.89'")],
  },
  {
    rule: 'ack.stale',
    subject: 'prose.completion 正文.完成预算=49.40%',
    fail: [on(FA, 'subject: 正文.完成预算=49.50%', 'subject: 正文.完成预算=49.40%')],
    at: 'rule: prose.completion',
  },
];

/** The report an edit belongs to: content/<office>/<year>/<slug>.(yaml|md) → <office>/<year>/<slug>. */
const reportOf = (file: string) => file.replace(/^content\//, '').replace(/\.(yaml|md)$/, '');
const errorsOf = (c: Case, findings: Located[]) =>
  findings.filter(
    (f) =>
      f.severity === 'error' &&
      f.rule === c.rule &&
      f.subject === c.subject &&
      f.report === reportOf(c.fail.at(-1)!.file),
  );

for (const c of cases) {
  test(`${c.rule}: passes, then fails at the edited line`, () => {
    const pass = checkEdited(c.pass ?? []);
    assert.deepEqual(pass.errors, []);
    assert.deepEqual(errorsOf(c, pass.findings), [], 'no error in the passing state');

    const fail = checkEdited([...(c.pass ?? []), ...c.fail]);
    assert.deepEqual(fail.errors, []);
    const found = errorsOf(c, fail.findings);
    assert.equal(
      found.length,
      1,
      `one error for ${c.subject}; got: ${fail.findings
        .filter((f) => f.rule === c.rule)
        .map((f) => `${f.severity} ${f.subject}`)
        .join(' | ')}`,
    );
    assert.equal(found[0].acknowledged, undefined, 'not acknowledged');
    const edited = fail.changed.at(-1)!;
    const line = c.at
      ? readFileSync(edited.file, 'utf8')
          .split('\n')
          .findIndex((l) => l.includes(c.at!)) + 1
      : edited.line;
    assert.ok(
      found[0].where.some((w) => w.file === edited.file && w.line === line),
      `located at ${edited.file}:${line}; got ${found[0].where.map((w) => `${w.file}:${w.line}`).join(', ')}`,
    );
  });
}

test('every rule the checks can report has a case', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const source = readdirSync('src/lib/checks')
    .map((f) => readFileSync(`src/lib/checks/${f}`, 'utf8'))
    .join('\n');
  const ids = new Set([...source.matchAll(/'((?:fa|pe|bd|prose|ack)\.[a-z0-9.-]+)'/g)].map((m) => m[1]));
  for (const id of ['t02', 't03', 't05', 't07', 't08'])
    for (const r of ['row-sum', 'total', 'hierarchy']) ids.add(`fa.${id}.${r}`);
  for (const dyn of [...ids].filter((i) => i.endsWith('.'))) ids.delete(dyn);
  const covered = new Set(cases.map((c) => c.rule));
  assert.deepEqual([...ids].filter((i) => !covered.has(i)).sort(), []);
});
