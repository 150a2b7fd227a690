/**
 * The prose rules on small inputs: sentences and figures that must pass and that must fail,
 * including the sentences earlier versions misread ("2021年基本支出200.00万元",
 * "基本支出与项目支出分别为…"), ranges, previous-year statements, negations and figures of another
 * office named in the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNarrative } from '../src/lib/content/narrative.ts';
import { statementsOf } from '../src/lib/prose/statements.ts';
import { checkProse } from '../src/lib/checks/prose.ts';
import type { Candidate, Figures } from '../src/lib/prose/figures.ts';
import type { Qualifier } from '../src/lib/prose/vocabulary.ts';

type Row = [subject: string, qualifier: Qualifier, text: string, scope?: Candidate['scope']];

function figures(rows: Row[]): Figures {
  const out: Figures = new Map();
  rows.forEach(([subject, qualifier, text, scope = 'all'], i) =>
    out.set(subject, [
      ...(out.get(subject) ?? []),
      { text, qualifier, scope, path: ['tables', 'x', i], label: `表 ${subject}` },
    ]),
  );
  return out;
}

interface Case {
  name: string;
  md: string;
  data?: Row[];
  /** Narrative of another report of the same office-year. */
  sibling?: string;
  /** The findings expected: rule, severity, expected, actual; none when absent. */
  fails?: [rule: string, severity: 'error' | 'note', expected: string, actual: string][];
  /** How many numbers the coverage must count as checked (verified, rounding or inconsistent). */
  checked?: number;
}

const BASIC: Row[] = [
  ['基本支出', 'actual', '211.92'],
  ['项目支出', 'actual', '83.19'],
  ['支出合计', 'actual', '295.11'],
];

const cases: Case[] = [
  {
    name: 'an amount equal to its table figure',
    md: '2022年度基本支出211.92万元。',
    data: BASIC,
    checked: 1,
  },
  {
    name: 'an amount that differs from its table figure',
    md: '2022年度基本支出212.92万元。',
    data: BASIC,
    fails: [['prose.amount', 'error', '211.92', '212.92']],
  },
  {
    name: 'last year’s figure is not this year’s',
    md: '2021年基本支出200.00万元。',
    data: BASIC,
    checked: 0,
  },
  {
    name: 'last year’s figure against last year’s data',
    md: '2021年基本支出200.00万元。',
    data: [...BASIC, ['基本支出', 'previous', '190.00']],
    fails: [['prose.amount', 'error', '190.00', '200.00']],
  },
  { name: 'a year neither this nor last', md: '2019年基本支出200.00万元。', data: BASIC, checked: 0 },
  {
    name: '分别为 binds in order',
    md: '2022年基本支出与项目支出分别为211.92万元、83.19万元。',
    data: BASIC,
    checked: 2,
  },
  {
    name: '分别为 in the wrong order',
    md: '2022年基本支出与项目支出分别为83.19万元、211.92万元。',
    data: BASIC,
    fails: [
      ['prose.amount', 'error', '211.92', '83.19'],
      ['prose.amount', 'error', '83.19', '211.92'],
    ],
  },
  {
    name: '分别为 with a count that does not match binds nothing',
    md: '2022年基本支出与项目支出分别为1.00万元、2.00万元、3.00万元。',
    data: BASIC,
    checked: 0,
  },
  {
    name: 'two labels joined without 分别 bind nothing',
    md: '2022年基本支出与项目支出共300.00万元。',
    data: BASIC,
  },
  { name: 'a range', md: '2022年基本支出在100-300万元之间。', data: BASIC, checked: 0 },
  { name: 'an approximation', md: '2022年基本支出约212万元。', data: BASIC, checked: 0 },
  { name: 'a negation', md: '2022年基本支出不含212.92万元的专项。', data: BASIC, checked: 0 },
  { name: 'another office named in the text', md: '2022年湖南省驻深圳办基本支出1907.77万元。', data: BASIC },
  { name: 'a longer name ending in a label', md: '2022年政府采购支出总额0万元。', data: BASIC, checked: 0 },
  {
    name: 'an unnamed amount after a total',
    md: '2022年度支出合计295.11万元，结余分配0.01万元。',
    data: BASIC,
  },
  {
    name: 'all funds is not 财政拨款',
    md: '2022年度基本支出211.92万元（其中人员经费190.00万元，公用经费21.92万元）。',
    data: [...BASIC, ['公用经费', 'actual', '21.86', 'fiscal']],
  },
  {
    name: 'a share at its printed precision',
    md: '2022年度支出合计295.11万元，其中：基本支出211.92万元，占71.81%。',
    data: BASIC,
  },
  {
    name: 'a share that is not the quotient',
    md: '2022年度支出合计295.11万元，其中：基本支出211.92万元，占72.81%。',
    data: BASIC,
    fails: [['prose.share', 'error', '71.81%', '72.81%']],
  },
  {
    name: 'a completion rate',
    md: '“三公”经费财政拨款支出预算为50.58万元，支出决算为25.12万元，完成预算的49.66%。',
  },
  {
    name: 'a completion rate that is not the quotient',
    md: '“三公”经费财政拨款支出预算为50.58万元，支出决算为25.12万元，完成预算的59.66%。',
    fails: [['prose.completion', 'error', '49.66%', '59.66%']],
  },
  {
    name: 'a completion rate rounding explains',
    md: '公务用车运行维护费支出预算为29.70万元，支出决算为14.70万元，完成预算的49.50%。',
    fails: [['prose.completion', 'note', '49.49%', '49.50%']],
  },
  {
    name: 'a year-on-year rate against the stated change',
    md: '“三公”经费支出决算为25.12万元；与上年相比减少13.66万元，下降36.16%。',
    fails: [['prose.change-rate', 'error', '35.22%', '36.16%']],
  },
  {
    name: 'a year-on-year rate that agrees',
    md: '2022年度收、支总计均为295.12万元。与上年相比，增加30.94万元，增长11.71%。',
    checked: 3,
  },
  {
    name: 'a completion rate of an item the vocabulary does not know',
    md: '①湖南驻沪单位党委党建工作经费预算安排78万元，实际支出73.13万元，预算完成率94%。',
    checked: 3,
  },
  {
    name: 'a wrong completion rate of an item the vocabulary does not know',
    md: '①湖南驻沪单位党委党建工作经费预算安排78万元，实际支出73.13万元，预算完成率98%。',
    fails: [['prose.completion', 'error', '94%', '98%']],
  },
  {
    name: 'two items named in one sentence are not one item',
    md: '专项业务经费预算54.66万元、维权维稳经费实际支出8.40万元，预算完成率15%。',
    checked: 0,
  },
  {
    name: 'a year-on-year change with last year stated',
    md: '2022年度我办“三公”经费实际支出39.11万元，比上年26.75万元增加支出12.36万元，增长46.21%。',
  },
  {
    name: 'a wrong year-on-year change with last year stated',
    md: '2022年度我办“三公”经费实际支出39.11万元，比上年26.75万元增加支出12.36万元，增长56.21%。',
    fails: [['prose.change-rate', 'error', '46.21%', '56.21%']],
  },
  {
    name: 'a budget top-up is not a year-on-year change',
    md: '2022年度基本支出预算1500.00万元，年内追加100.00万元，增长9.99%。',
    checked: 0,
  },
  {
    name: '上年结转 is this year’s money',
    md: '2022年基本支出上年结转153.98万元。',
    data: [...BASIC, ['基本支出', 'previous', '190.00']],
    checked: 0,
  },
  {
    name: 'parts that exceed their total',
    md: '2022年“三公”经费支出25.12万元，其中公务接待费10.43万元，公务用车运行维护费16.69万元。',
    fails: [['prose.parts', 'error', '≤ 25.12', '27.12']],
  },
  {
    name: 'parts short of a total they need not exhaust',
    md: '2022年“三公”经费支出25.12万元，其中公务接待费10.43万元。',
  },
  {
    name: 'parts short of a total they exhaust',
    md: '2022年度基本支出211.92万元（其中人员经费190.00万元，公用经费20.92万元）。',
    fails: [['prose.parts', 'error', '211.92', '210.92']],
  },
  {
    name: 'parts off by rounding',
    md: '2022年度基本支出总额为1907.77万元，其中人员经费1808.93万元，日常公用经费98.83万元。',
    fails: [['prose.parts', 'note', '1907.77', '1907.76']],
  },
  {
    name: 'one quantity stated twice with two values',
    md: '2022年公务接待费支出10.43万元。\n\n2022年公务接待费支出10.53万元。',
    fails: [['prose.repeated', 'error', '10.43', '10.53']],
  },
  {
    name: 'one quantity in two reports of the office-year',
    md: '2022年公务接待费支出10.53万元。',
    sibling: '2022年公务接待费支出10.43万元。',
    fails: [['prose.repeated', 'error', '10.43', '10.53']],
  },
  {
    name: 'the same name within two different totals',
    md: '2022年基本支出582.73万元，其中工资福利支出344.53万元。项目支出203.17万元，其中工资福利支出28.54万元。',
  },
  {
    name: 'an amount in 元 stated elsewhere in 万元',
    md: '本年追加预算69.94元。\n\n2022年度本部门预算调整数为69.94万元。',
    fails: [['prose.unit', 'error', '69.94 万元', '69.94 元']],
  },
  { name: 'an amount in 元 that is one', md: '固定资产原值16696586.25元，账面净值3624.85元。' },
  {
    name: 'within budget, said of spending over budget',
    md: '2022年度我办“三公”经费实际支出39.11万元。年初预算33万元，支出总额控制在预算范围内。',
    fails: [['prose.claim', 'error', '≤ 33', '39.11']],
  },
  {
    name: 'within budget, said of spending within budget',
    md: '2022年度我办“三公”经费实际支出30.11万元。年初预算33万元，支出总额控制在预算范围内。',
  },
  {
    name: 'a 项 named by its heading',
    md: '### 五、一般公共预算财政拨款支出决算情况说明\n\n#### 1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）参事事务（项）。\n\n年初预算为63.06万元，支出决算为84.19万元。',
    data: [['项:政府办公厅（室）及相关机构事务/参事事务', 'actual', '83.19', 'fiscal']],
    fails: [['prose.amount', 'error', '83.19', '84.19']],
  },
];

for (const c of cases)
  test(`prose: ${c.name}`, () => {
    const own = statementsOf(parseNarrative(c.md), 2022);
    const related = c.sibling
      ? statementsOf(parseNarrative(c.sibling), 2022).statements.map((statement) => ({
          statement,
          report: '部门决算',
        }))
      : [];
    const { findings, statuses } = checkProse({ ...own, figures: figures(c.data ?? []), related });
    assert.deepEqual(
      findings.map((f) => [f.rule, f.severity, f.expected, f.actual]).sort(),
      [...(c.fails ?? [])].sort(),
      findings.map((f) => f.message).join('\n'),
    );
    for (const f of findings) assert.ok(f.narrative?.length, `${f.rule} has no place in the narrative`);
    if (c.checked !== undefined)
      assert.equal(statuses.filter((s) => s !== 'unverified').length, c.checked, statuses.join(' '));
  });
