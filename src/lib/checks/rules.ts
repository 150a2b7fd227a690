/**
 * Every rule `npm run check` reports, with what it checks, the section of the docs it rests on,
 * and an example on the committed content: a passing state and a failing state that differ by
 * one edit. tests/checks.test.ts runs the examples; /about/ and the README's table
 * (scripts/rules-doc.ts) are generated from this list. A new rule is one more entry here.
 */

/** One textual edit of a content file; `from` must occur in it. */
export interface Edit {
  file: string;
  from: string | RegExp;
  to: string;
}

interface Examples {
  /**
   * Edits after which the report that `fail` edits has no unacknowledged error of the rule (rounding
   * notes and acknowledged findings may remain); absent: the committed content.
   */
  pass?: Edit[];
  /** Edits, on top of `pass`, that make the rule report an error at the line the last one changes. */
  fail: Edit[];
  /** Where the error points when that is not the edited line (a removed line): a text of that line. */
  at?: string;
}

interface Rule {
  /** Stable id: printed by the check, named by acknowledgements. */
  id: string;
  /** 'rounding': a difference within rounding (docs/domain.md 二) is a note, a larger one an error. */
  severity: 'error' | 'rounding';
  /** What it checks: one sentence, for staff and readers. */
  what: string;
  /** The section it rests on, linked from the repository root by the anchor GitHub gives its heading. */
  ref: string;
  examples: Examples;
}

const FA = 'content/huaihua-beijing/2022/final-accounts.yaml';
const FA_MD = 'content/huaihua-beijing/2022/final-accounts.md';
const HP = 'content/huaihua-beijing/2022/performance.yaml';
const HP_MD = 'content/huaihua-beijing/2022/performance.md';
const SZ = 'content/hunan-shenzhen/2022/performance.yaml';
const SH = 'content/hunan-shanghai/2022/performance.yaml';
const ZJ = 'content/zhanjiang-guangzhou/2020/performance.yaml';

const TABLES = 'docs/domain.md#四部门决算的九张公开表';
const IDENTITIES = 'docs/domain.md#五表内与表间的勾稽关系';
const SCORING = 'docs/domain.md#六部门整体支出绩效自评';
const PROSE = 'docs/domain.md#八说明正文里的数字';
const STATED = 'docs/content-format.md#只在正文中公布的数字statedfigures';
const ACKNOWLEDGED = 'docs/content-format.md#确认原文中的不一致';

const on = (file: string, from: string | RegExp, to: string): Edit => ({ file, from, to });
/** Removes an acknowledgement, so the finding it covers shows as an error again. */
const unacknowledge = (file: string, rule: string, subject: string): Edit =>
  on(
    file,
    `\n  - rule: ${rule}\n    subject: ${subject}\n`,
    '\n  - rule: ack.removed-by-test\n    subject: none\n',
  );

// 公开07、08表 are empty in the committed content: their examples fill them in first.
const t07Data = on(
  FA,
  'total: [~, ~, ~, ~, ~, ~]\n    rows: []',
  'total: [0.00, 5.00, 3.00, 1.00, 2.00, 2.00]\n    rows:\n      - [229, 其他支出, 0.00, 5.00, 3.00, 1.00, 2.00, 2.00]\n      - [22960, 彩票公益金安排的支出, 0.00, 5.00, 3.00, 1.00, 2.00, 2.00]',
);
const t08Data = on(
  FA,
  'total: [~, ~, ~]\n    rows: []',
  'total: [3.00, 1.00, 2.00]\n    rows:\n      - [223, 国有资本经营预算支出, 3.00, 1.00, 2.00]\n      - [22301, 国有资本经营预算补充社保基金支出, 3.00, 1.00, 2.00]',
);

const finalAccounts: Rule[] = [
  {
    id: 'fa.t01.income-total',
    severity: 'rounding',
    what: '公开01表 本年收入合计等于一至八项收入之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, '[8, 八、其他收入, 0.07]', '[8, 八、其他收入, 0.17]')] },
  },
  {
    id: 'fa.t01.expenditure-total',
    severity: 'rounding',
    what: '公开01表 本年支出合计等于各类支出之和。',
    ref: IDENTITIES,
    examples: {
      fail: [on(FA, '[32, 一、一般公共服务支出, 267.43]', '[32, 一、一般公共服务支出, 268.43]')],
    },
  },
  {
    id: 'fa.t01.income-grand-total',
    severity: 'rounding',
    what: '公开01表 收入总计等于本年收入合计、使用非财政拨款结余与年初结转和结余之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, '[28, 使用非财政拨款结余, 0.00]', '[28, 使用非财政拨款结余, 1.00]')] },
  },
  {
    id: 'fa.t01.expenditure-grand-total',
    severity: 'rounding',
    what: '公开01表 支出总计等于本年支出合计、结余分配与年末结转和结余之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, '[59, 结余分配, 0.01]', '[59, 结余分配, 1.01]')] },
  },
  {
    id: 'fa.t01.balance',
    severity: 'rounding',
    what: '公开01表 收入总计等于支出总计。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, '[31, 总计, 295.12]', '[31, 总计, 296.12]')] },
  },
  {
    id: 'fa.t02.row-sum',
    severity: 'rounding',
    what: '公开02表 每行的本年收入合计等于各收入来源列之和。',
    ref: IDENTITIES,
    examples: {
      fail: [
        on(
          FA,
          '[201, 一般公共服务支出, 267.43, 267.43, 0.00,',
          '[201, 一般公共服务支出, 267.43, 267.43, 1.00,',
        ),
      ],
    },
  },
  {
    id: 'fa.t02.total',
    severity: 'rounding',
    what: '公开02表 合计行的每一列等于各类之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, 'total: [295.12, 295.05,', 'total: [295.12, 296.05,')] },
  },
  {
    id: 'fa.t02.hierarchy',
    severity: 'rounding',
    what: '公开02表 每一列中，类等于其下各款之和，款等于其下各项之和。',
    ref: IDENTITIES,
    examples: {
      fail: [
        on(
          FA,
          '[20103, 政府办公厅（室）及相关机构事务, 133.05, 133.05,',
          '[20103, 政府办公厅（室）及相关机构事务, 134.05, 133.05,',
        ),
      ],
    },
  },
  {
    id: 'fa.t03.row-sum',
    severity: 'rounding',
    what: '公开03表 每行的本年支出合计等于基本支出、项目支出、上缴上级支出、经营支出与对附属单位补助支出之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, 'total: [295.11, 211.92, 83.19', 'total: [295.11, 211.82, 83.19')] },
  },
  {
    id: 'fa.t03.total',
    severity: 'rounding',
    what: '公开03表 合计行的每一列等于各类之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, 'total: [295.11, 211.92, 83.19', 'total: [295.11, 211.82, 83.19')] },
  },
  {
    id: 'fa.t03.hierarchy',
    severity: 'rounding',
    what: '公开03表 每一列中，类等于其下各款之和，款等于其下各项之和。',
    ref: IDENTITIES,
    examples: {
      fail: [
        on(
          FA,
          '[2010309, 参事事务, 83.19, 0.00, 83.19, 0.00, 0.00, 0.00]',
          '[2010309, 参事事务, 83.19, 1.00, 83.19, 0.00, 0.00, 0.00]',
        ),
      ],
    },
  },
  {
    id: 'fa.t05.row-sum',
    severity: 'rounding',
    what: '公开05表 每行的小计等于基本支出与项目支出之和。',
    ref: IDENTITIES,
    examples: {
      fail: [
        on(
          FA,
          '[201, 一般公共服务支出, 267.43, 184.24, 83.19]',
          '[201, 一般公共服务支出, 267.43, 184.24, 84.19]',
        ),
      ],
    },
  },
  {
    id: 'fa.t05.total',
    severity: 'rounding',
    what: '公开05表 合计行的每一列等于各类之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, 'total: [295.05, 211.86, 83.19]', 'total: [296.05, 211.86, 83.19]')] },
  },
  {
    id: 'fa.t05.hierarchy',
    severity: 'rounding',
    what: '公开05表 每一列中，类等于其下各款之和，款等于其下各项之和。',
    ref: IDENTITIES,
    examples: {
      fail: [
        on(
          FA,
          '[201, 一般公共服务支出, 267.43, 184.24, 83.19]',
          '[201, 一般公共服务支出, 267.43, 184.24, 84.19]',
        ),
      ],
    },
  },
  {
    id: 'fa.t07.row-sum',
    severity: 'rounding',
    what: '公开07表 每行的本年支出小计等于基本支出与项目支出之和。',
    ref: IDENTITIES,
    examples: { pass: [t07Data], fail: [on(FA, 'total: [0.00, 5.00, 3.00,', 'total: [0.00, 5.00, 3.50,')] },
  },
  {
    id: 'fa.t07.total',
    severity: 'rounding',
    what: '公开07表 合计行的每一列等于各类之和。',
    ref: IDENTITIES,
    examples: { pass: [t07Data], fail: [on(FA, 'total: [0.00, 5.00, 3.00,', 'total: [0.00, 6.00, 3.00,')] },
  },
  {
    id: 'fa.t07.hierarchy',
    severity: 'rounding',
    what: '公开07表 每一列中，类等于其下各款之和，款等于其下各项之和。',
    ref: IDENTITIES,
    examples: {
      pass: [t07Data],
      fail: [
        on(FA, '[22960, 彩票公益金安排的支出, 0.00, 5.00,', '[22960, 彩票公益金安排的支出, 0.00, 4.00,'),
      ],
    },
  },
  {
    id: 'fa.t08.row-sum',
    severity: 'rounding',
    what: '公开08表 每行的本年支出合计等于基本支出与项目支出之和。',
    ref: IDENTITIES,
    examples: {
      pass: [t08Data],
      fail: [
        on(
          FA,
          '[223, 国有资本经营预算支出, 3.00, 1.00, 2.00]',
          '[223, 国有资本经营预算支出, 3.00, 1.00, 1.00]',
        ),
      ],
    },
  },
  {
    id: 'fa.t08.total',
    severity: 'rounding',
    what: '公开08表 合计行的每一列等于各类之和。',
    ref: IDENTITIES,
    examples: { pass: [t08Data], fail: [on(FA, 'total: [3.00, 1.00, 2.00]', 'total: [4.00, 2.00, 2.00]')] },
  },
  {
    id: 'fa.t08.hierarchy',
    severity: 'rounding',
    what: '公开08表 每一列中，类等于其下各款之和，款等于其下各项之和。',
    ref: IDENTITIES,
    examples: {
      pass: [t08Data],
      fail: [
        on(
          FA,
          '[22301, 国有资本经营预算补充社保基金支出, 3.00, 1.00, 2.00]',
          '[22301, 国有资本经营预算补充社保基金支出, 3.00, 2.00, 1.00]',
        ),
      ],
    },
  },
  {
    id: 'fa.t04.income-total',
    severity: 'rounding',
    what: '公开04表 本年收入合计等于一般公共预算、政府性基金预算与国有资本经营预算三项财政拨款收入之和。',
    ref: IDENTITIES,
    examples: {
      fail: [on(FA, '[1, 一、一般公共预算财政拨款, 295.05]', '[1, 一、一般公共预算财政拨款, 296.05]')],
    },
  },
  {
    id: 'fa.t04.opening-balance',
    severity: 'rounding',
    what: '公开04表 年初财政拨款结转和结余等于其下各项资金之和。',
    ref: IDENTITIES,
    examples: {
      fail: [on(FA, '[29, "  一般公共预算财政拨款", 0.00]', '[29, "  一般公共预算财政拨款", 1.00]')],
    },
  },
  {
    id: 'fa.t04.income-grand-total',
    severity: 'rounding',
    what: '公开04表 收入总计等于本年收入合计与年初财政拨款结转和结余之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, '[32, 总计, 295.05]', '[32, 总计, 296.05]')] },
  },
  {
    id: 'fa.t04.row-sum',
    severity: 'rounding',
    what: '公开04表 支出栏每行的合计等于三种财政拨款之和。',
    ref: IDENTITIES,
    examples: {
      fail: [
        on(
          FA,
          '[59, 本年支出合计, 295.05, 295.05, 0.00, 0.00]',
          '[59, 本年支出合计, 296.05, 295.05, 0.00, 0.00]',
        ),
      ],
    },
  },
  {
    id: 'fa.t04.expenditure-total',
    severity: 'rounding',
    what: '公开04表 本年支出合计的每一列等于各类支出之和。',
    ref: IDENTITIES,
    examples: {
      fail: [
        on(
          FA,
          '[59, 本年支出合计, 295.05, 295.05, 0.00, 0.00]',
          '[59, 本年支出合计, 296.05, 296.05, 0.00, 0.00]',
        ),
      ],
    },
  },
  {
    id: 'fa.t04.expenditure-grand-total',
    severity: 'rounding',
    what: '公开04表 支出总计的每一列等于本年支出合计与年末财政拨款结转和结余之和。',
    ref: IDENTITIES,
    examples: {
      fail: [
        on(
          FA,
          '[60, 年末财政拨款结转和结余, 0.00, 0.00, 0.00, 0.00]',
          '[60, 年末财政拨款结转和结余, 1.00, 1.00, 0.00, 0.00]',
        ),
      ],
    },
  },
  {
    id: 'fa.t04.balance',
    severity: 'rounding',
    what: '公开04表 收入总计等于支出总计。',
    ref: IDENTITIES,
    examples: {
      fail: [on(FA, '[64, 总计, 295.05, 295.05, 0.00, 0.00]', '[64, 总计, 296.05, 296.05, 0.00, 0.00]')],
    },
  },
  {
    id: 'fa.t06.hierarchy',
    severity: 'rounding',
    what: '公开06表 每个经济分类的类等于其下各款之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, '[30101, 基本工资, 62.53]', '[30101, 基本工资, 63.53]')] },
  },
  {
    id: 'fa.t06.personnel',
    severity: 'rounding',
    what: '公开06表 人员经费合计等于 301 工资福利支出与 303 对个人和家庭的补助之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, 'personnelTotal: 190.00', 'personnelTotal: 191.00')] },
  },
  {
    id: 'fa.t06.public',
    severity: 'rounding',
    what: '公开06表 公用经费合计等于 302、307、310、399 各类之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, 'publicTotal: 21.86', 'publicTotal: 22.86')] },
  },
  {
    id: 'fa.t09.total',
    severity: 'rounding',
    what: '公开09表 预算数、决算数的合计各等于因公出国（境）费、公务用车购置及运行维护费与公务接待费之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, 'budget: [50.58,', 'budget: [51.58,')] },
  },
  {
    id: 'fa.t09.vehicles',
    severity: 'rounding',
    what: '公开09表 预算数、决算数的公务用车购置及运行维护费小计各等于购置费与运行维护费之和。',
    ref: IDENTITIES,
    examples: {
      fail: [
        on(FA, 'budget: [50.58, 0.00, 29.70, 0.00, 29.70,', 'budget: [50.58, 0.00, 29.70, 0.00, 28.70,'),
      ],
    },
  },
  {
    id: 'fa.cross.02-01',
    severity: 'rounding',
    what: '公开02表 合计行的本年收入合计等于公开01表的本年收入合计。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, 'total: [295.12, 295.05,', 'total: [296.12, 296.05,')] },
  },
  {
    id: 'fa.cross.03-01',
    severity: 'rounding',
    what: '公开03表 合计行和每一类的本年支出合计等于公开01表的本年支出合计和同名的类。',
    ref: IDENTITIES,
    examples: {
      fail: [
        on(
          FA,
          '[201, 一般公共服务支出, 267.43, 184.24, 83.19, 0.00, 0.00, 0.00]',
          '[201, 一般公共服务支出, 268.43, 185.24, 83.19, 0.00, 0.00, 0.00]',
        ),
      ],
    },
  },
  {
    id: 'fa.cross.04-01',
    severity: 'rounding',
    what: '公开04表的一般公共预算财政拨款收入等于公开01表的一般公共预算财政拨款收入。',
    ref: IDENTITIES,
    examples: {
      fail: [on(FA, '[1, 一、一般公共预算财政拨款, 295.05]', '[1, 一、一般公共预算财政拨款, 296.05]')],
    },
  },
  {
    id: 'fa.cross.04-05',
    severity: 'rounding',
    what: '公开04表 本年支出合计中的一般公共预算财政拨款等于公开05表合计行的小计。',
    ref: IDENTITIES,
    examples: {
      fail: [
        on(
          FA,
          '[59, 本年支出合计, 295.05, 295.05, 0.00, 0.00]',
          '[59, 本年支出合计, 296.05, 296.05, 0.00, 0.00]',
        ),
      ],
    },
  },
  {
    id: 'fa.cross.05-06',
    severity: 'rounding',
    what: '公开05表合计行的基本支出等于公开06表的人员经费合计与公用经费合计之和。',
    ref: IDENTITIES,
    examples: { fail: [on(FA, 'total: [295.05, 211.86, 83.19]', 'total: [295.05, 212.86, 83.19]')] },
  },
  {
    id: 'fa.empty-statement',
    severity: 'error',
    what: '没有数据的公开02、03、05、07、08、09表附有一句说明，写明为什么是空表。',
    ref: TABLES,
    examples: { fail: [on(FA, /\n {4}emptyStatement: 我单位没有政府性基金收入[^\n]*/, '')], at: '  t07:' },
  },
];

const performance: Rule[] = [
  {
    id: 'pe.score-le-weight',
    severity: 'error',
    what: '自评表每一项指标和资金行的得分不超过其分值。',
    ref: SCORING,
    examples: {
      fail: [
        on(SZ, '[协助宣传活动, 不少于10次, 10次, 6, 6, ~]', '[协助宣传活动, 不少于10次, 10次, 6, 7, ~]'),
      ],
    },
  },
  {
    id: 'pe.execution-rate',
    severity: 'error',
    what: '自评表资金行的执行率等于全年执行数 ÷ 全年预算数，按原文的小数位数四舍五入。',
    ref: SCORING,
    examples: {
      fail: [
        on(
          SZ,
          '[年度资金总额, 1215.05, 2300.17, 2300.17, 10, 100%, 10]',
          '[年度资金总额, 1215.05, 2300.17, 2200.17, 10, 100%, 10]',
        ),
      ],
    },
  },
  {
    id: 'pe.funds-sum',
    severity: 'rounding',
    what: '自评表资金部分的合计行（年度资金总额）每一栏等于其下各资金来源之和；分值、得分须完全相等。',
    ref: SCORING,
    examples: {
      fail: [on(SZ, '[其中：当年财政拨款, ~, 392.4, 392.4', '[其中：当年财政拨款, ~, 393.4, 392.4')],
    },
  },
  {
    id: 'pe.funds-zero-total',
    severity: 'error',
    what: '自评表资金部分的合计行印为 0 时，其下各行也没有金额（否则是合计漏填）。',
    ref: SCORING,
    examples: { fail: [on(SZ, '[年度资金总额, ~, 392.4, 392.4, 10', '[年度资金总额, ~, 0, 392.4, 10')] },
  },
  {
    id: 'pe.level-weight',
    severity: 'error',
    what: '一级、二级指标标明的分值等于其下各指标分值之和。',
    ref: SCORING,
    examples: {
      fail: [on(SZ, '[非税收入, 100万元, 100万元, 8, 8, ~]', '[非税收入, 100万元, 100万元, 9, 8, ~]')],
    },
  },
  {
    id: 'pe.level-score',
    severity: 'error',
    what: '一级、二级指标标明的得分等于其下各指标得分之和。',
    ref: SCORING,
    examples: { fail: [on(SH, /(name: 经济效益指标\n {12}weight: 10\n {12})score: 10/, '$1score: 9')] },
  },
  {
    id: 'pe.weight-total',
    severity: 'error',
    what: '自评表全部分值（含预算执行率）之和等于总分行的分值，没有总分行时等于 100。',
    ref: SCORING,
    examples: {
      pass: [
        on(SZ, 'total: { weight: 100, score: 97 }', 'total: { weight: 110, score: 97 }'),
        unacknowledge(SZ, 'pe.weight-total', '整体支出绩效自评表.分值合计'),
      ],
      fail: [on(SZ, 'total: { weight: 110, score: 97 }', 'total: { weight: 100, score: 97 }')],
    },
  },
  {
    id: 'pe.score-total',
    severity: 'error',
    what: '自评表各项得分之和等于总分（总分行，或报告所述的自评总分）。',
    ref: SCORING,
    examples: {
      pass: [
        on(SZ, 'total: { weight: 100, score: 97 }', 'total: { weight: 100, score: 107 }'),
        unacknowledge(SZ, 'pe.score-total', '整体支出绩效自评表.总分'),
      ],
      fail: [on(SZ, 'total: { weight: 100, score: 107 }', 'total: { weight: 100, score: 97 }')],
    },
  },
  {
    id: 'pe.grade',
    severity: 'error',
    what: '自评等级与自评总分所在的分数段相符：优 ≥ 90，良 80–89，中 60–79，差 < 60。',
    ref: SCORING,
    examples: { fail: [on(HP, 'conclusion:\n  score: 98', 'conclusion:\n  score: 88')] },
  },
  {
    id: 'bd.control-rate',
    severity: 'error',
    what: '基础数据表的控制率等于实际在职人数 ÷ 编制数，按原文的小数位数四舍五入。',
    ref: SCORING,
    examples: { fail: [on(SZ, 'values: [26, 22, 84.6%]', 'values: [26, 22, 84.5%]')] },
  },
  {
    id: 'bd.parts',
    severity: 'rounding',
    what: '基础数据表中编号的各分项之和等于其上级。',
    ref: SCORING,
    examples: { fail: [on(SZ, 'values: [26.75, 33, 39.11]', 'values: [26.75, 33, 40.11]')] },
  },
  {
    id: 'bd.of-which',
    severity: 'error',
    what: '基础数据表中各“其中”行之和不超过其上级。',
    ref: SCORING,
    examples: {
      fail: [
        on(
          SZ,
          '{ name: 公车运行维护, values: [20.89, 16.5, 14.23] }',
          '{ name: 公车运行维护, values: [20.89, 16.5, 15.23] }',
        ),
      ],
    },
  },
];

const prose: Rule[] = [
  {
    id: 'prose.amount',
    severity: 'error',
    what: '正文写明是哪一项、哪一种数（年初预算、预算、决算、上年）的金额，与本报告或同一单位同一年度另一份报告的表中这一数一致；资金口径（全部资金、财政拨款）不同的不比。',
    ref: PROSE,
    examples: { fail: [on(FA_MD, '其中：财政拨款收入295.05万元', '其中：财政拨款收入295.06万元')] },
  },
  {
    id: 'prose.share',
    severity: 'rounding',
    what: '正文中“占X%”等于该金额 ÷ 所占总额（同段所写或表中的数），按X的小数位数四舍五入；各数四舍五入能解释的差额只作尾数提示。',
    ref: PROSE,
    examples: { fail: [on(FA_MD, '财政拨款收入295.05万元，占99.98%', '财政拨款收入295.05万元，占98.98%')] },
  },
  {
    id: 'prose.completion',
    severity: 'rounding',
    what: '正文中“完成预算的X%”“预算完成率X%”“执行率X%”等于同段所写同一项的决算数 ÷ 预算数。',
    ref: PROSE,
    examples: { fail: [on(FA_MD, '完成年初预算的131.92%', '完成年初预算的132.92%')] },
  },
  {
    id: 'prose.change-rate',
    severity: 'rounding',
    what: '正文中“增长/下降X%”等于所写的增减额 ÷ 上年数（正文所写，或由本年数与增减额推出）。',
    ref: PROSE,
    examples: { fail: [on(FA_MD, '增加30.94万元，增长11.71%', '增加30.94万元，增长12.71%')] },
  },
  {
    id: 'prose.parts',
    severity: 'rounding',
    what: '正文中一个总额“其中”所列各项之和不超过该总额；各项正好构成总额时（基本支出＝人员经费＋公用经费等）须相等。',
    ref: PROSE,
    examples: {
      fail: [on(HP_MD, '公用经费21.92万元）', '公用经费22.92万元）')],
    },
  },
  {
    id: 'prose.repeated',
    severity: 'error',
    what: '同一项、同一种数在同一报告（或同一单位同一年度的两份报告）的正文中写了两次时，两处相同（表中没有这个数时才比）。',
    ref: PROSE,
    examples: {
      pass: [
        on(
          HP_MD,
          '公用经费21.92万元）。',
          '公用经费21.92万元）。\n\n2022年度基本支出年初预算为150.00万元。\n\n本年基本支出年初预算数150.00万元。',
        ),
      ],
      fail: [on(HP_MD, '本年基本支出年初预算数150.00万元', '本年基本支出年初预算数151.00万元')],
    },
  },
  {
    id: 'prose.unit',
    severity: 'error',
    what: '正文以“元”写的数，不与正文另一处以“万元”写的同一个数相同（单位写错一万倍）。',
    ref: PROSE,
    examples: { fail: [on(FA_MD, '机关运行经费支出21.86万元', '机关运行经费支出21.86元')] },
  },
  {
    id: 'prose.claim',
    severity: 'error',
    what: '正文称“控制在预算范围内”时，同一句或前一句所写的决算数不超过同一项的预算数。',
    ref: PROSE,
    examples: {
      fail: [on(HP_MD, '2022年“三公”经费支出25.12万元', '2022年“三公”经费预算20.00万元，实际支出25.12万元')],
    },
  },
  {
    id: 'prose.stated-figure',
    severity: 'error',
    what: '只在正文中公布的数字（statedFigures），其引文原样出现在正文中，且引文中有这个数。',
    ref: STATED,
    examples: { fail: [on(ZJ, "value: '74.88'", "value: '74.89'")] },
  },
];

const acknowledgements: Rule[] = [
  {
    id: 'ack.stale',
    severity: 'error',
    what: '每条确认都对应一条检查结果，且该结果的数值与确认时相同；对不上或重复的确认都报错。',
    ref: ACKNOWLEDGED,
    examples: {
      fail: [on(FA, 'subject: 正文.三公经费.变动率=36.16%', 'subject: 正文.三公经费.变动率=36.26%')],
      at: 'rule: prose.change-rate',
    },
  },
];

/** In the order the docs list them: 决算表, 绩效自评, 正文, 确认. */
export const RULES: readonly Rule[] = [...finalAccounts, ...performance, ...prose, ...acknowledgements];
