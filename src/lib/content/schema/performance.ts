import { z } from 'zod';
import {
  cell,
  cells,
  figureCell,
  notes,
  optionalMultilineText,
  optionalText,
  percentCell,
  points,
  record,
  score as scoreText,
  text,
} from './common.ts';
import {
  Carried,
  type Column,
  type ColumnSpec,
  headings,
  isMapping,
  readRow,
  resolveColumns,
} from './columns.ts';
import type { FundsKey, FundsRow } from '../../fiscal/funds.ts';

/*
 * The performance self-evaluation forms (绩效自评): the 基础数据表, the 整体支出 自评表 and the
 * 项目支出 自评表, and the same indicator tree for reports that publish their scores only in prose.
 */

/** Identification shared by every attachment form. */
const formBase = {
  /** "附件1" etc. as printed, when the form is an attachment. */
  label: optionalText,
  title: text,
  unit: optionalText,
  notes,
  /** The signature line printed under the form ("填表人：… 填报日期：…"). */
  footer: optionalText,
};

/* ---------- 基础数据表 ---------- */

interface CostRowInput {
  name: string;
  values: (string | null)[];
  parts?: CostRowInput[];
  ofWhich?: CostRowInput[];
}

/**
 * A cost line over the three year columns (上年决算数, 本年预算数, 本年决算数). `parts` are its
 * numbered components (they add up to it); `ofWhich` are its "其中" rows (a subset: together at
 * most the parent).
 */
const costRow: z.ZodType<CostRowInput, CostRowInput> = z.lazy(() =>
  record({
    name: text,
    values: cells(3, cell, '每个年度栏一个'),
    parts: z.array(costRow).optional(),
    ofWhich: z.array(costRow).optional(),
  }),
);

export const baseDataTable = record({
  form: z.literal('基础数据表'),
  ...formBase,
  staffing: record({
    label: text,
    columns: z.array(text).length(3, { error: '应为 [编制数, 实际在职人数, 控制率]' }),
    values: cells(3, figureCell, '编制数、实际在职人数、控制率'),
  }),
  costs: record({
    label: text,
    columns: z.array(text).length(3, { error: '应为 [上年决算数, 本年预算数, 本年决算数] 三个年度栏' }),
    rows: z.array(costRow),
  }),
  /** Further parts of the form (楼堂馆所控制情况, 厉行节约保障措施 …), printed as they are. */
  sections: z
    .array(
      record({
        label: text,
        columns: z.array(text).optional(),
        rows: z.array(z.array(figureCell)).optional(),
        text: optionalMultilineText,
      }),
    )
    .optional(),
});

/* ---------- indicator tree ---------- */

/** 分值 and 得分: 0–100, blank where the form leaves them empty. */
const score = scoreText.nullable();
const blankableText = text.nullable();

/** 指标性质 as forms print it: a comparison sign, or 定性 for a qualitative indicator. */
export const NATURES = ['=', '＝', '≥', '≤', '>', '<', '＞', '＜', '定性'] as const;
const nature = z.enum(NATURES, { error: `指标性质应为 ${NATURES.join(' ')} 之一；空白写 ~` }).nullable();

type IndicatorKey = 'name' | 'nature' | 'target' | 'unit' | 'actual' | 'weight' | 'score' | 'deviation';

/** The columns an indicator row may have, by the headings forms print for them. */
const INDICATOR_COLUMNS: ColumnSpec<IndicatorKey>[] = [
  { key: 'name', headings: ['三级指标'], cell: blankableText, required: true },
  { key: 'nature', headings: ['指标性质'], cell: nature },
  {
    key: 'target',
    headings: ['年度指标值', '指标值', '年度目标值', '目标值', '预期指标值'],
    cell: blankableText,
    required: true,
  },
  { key: 'unit', headings: ['度量单位', '计量单位'], cell: blankableText },
  {
    key: 'actual',
    headings: ['实际完成值', '实际值', '完成值', '全年实际值'],
    cell: blankableText,
    required: true,
  },
  { key: 'weight', headings: ['分值', '权重'], cell: score, required: true },
  { key: 'score', headings: ['得分'], cell: score, required: true },
  {
    key: 'deviation',
    headings: ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因', '未完成原因分析', '原因分析及改进措施'],
    cell: blankableText,
  },
];
/** The headings assumed when an indicator table lists none (`indicatorColumns`): the standard form. */
export const STANDARD_INDICATOR_HEADINGS = [
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
];

/** A placeholder row's 分值 and 得分 may print dots ("……"), never a figure: it counts for nothing. */
export const DOTS_RE = /^[.…。·．]+$/;
const placeholderScore = text
  .regex(DOTS_RE, { error: '占位行不计分：分值、得分应空白（~）或照印“……”' })
  .nullable();
const PLACEHOLDER_COLUMNS = INDICATOR_COLUMNS.map((c) =>
  c.key === 'weight' || c.key === 'score' ? { ...c, cell: placeholderScore } : { ...c, cell: blankableText },
);

export interface IndicatorRow extends Record<IndicatorKey, string | null> {
  /**
   * `placeholder`: a row the form prints with no indicator ("指标2：" and "……"); it is shown as
   * printed and never counted (its 分值 and 得分 are null; `printed` keeps its cells).
   */
  kind: 'indicator' | 'placeholder';
  printed?: Record<IndicatorKey, string | null>;
}

/** Shared by 一级 and 二级: a name, and the weight/score the report states for the level. */
const levelBase = {
  /** As printed; blank where the form leaves the cell empty. */
  name: text.nullable(),
  /** Stated weight, e.g. 30 for "效益指标（30分）" or "(30分，得30分)" in prose. */
  weight: score.optional(),
  /** Stated score, where the report states one for the level ("得49分"). */
  score: score.optional(),
};

const ROW_HINT = '应为一行单元格的列表（空白写 ~），或印刷的空白指标行 { placeholder: [...] }';

function indicatorRow(
  row: unknown,
  columns: readonly Column<IndicatorKey>[],
  ctx: z.RefinementCtx,
): IndicatorRow | undefined {
  if (Array.isArray(row)) {
    const cells = readRow(row, columns, INDICATOR_COLUMNS, ctx, []);
    return cells && { kind: 'indicator', ...cells };
  }
  if (isMapping(row) && Object.keys(row).join() === 'placeholder') {
    if (!Array.isArray(row.placeholder)) {
      ctx.addIssue({ code: 'custom', path: ['placeholder'], input: row.placeholder, message: ROW_HINT });
      return undefined;
    }
    const cells = readRow(row.placeholder, columns, PLACEHOLDER_COLUMNS, ctx, ['placeholder']);
    return cells && { kind: 'placeholder', ...cells, weight: null, score: null, printed: cells };
  }
  ctx.addIssue({ code: 'custom', input: row, message: ROW_HINT });
  return undefined;
}

/** An indicator row, read against the columns its table handed down (see `carryIndicatorColumns`). */
const indicatorRowSchema = z.unknown().transform((value, ctx): IndicatorRow => {
  const carried = value instanceof Carried ? value : new Carried(value, DEFAULT_INDICATOR_COLUMNS);
  if (!carried.columns) return z.NEVER;
  return indicatorRow(carried.row, carried.columns as Column<IndicatorKey>[], ctx) ?? z.NEVER;
});

const level2 = record({ ...levelBase, rows: z.array(indicatorRowSchema) });
const level1 = record({ ...levelBase, children: z.array(level2) });

/** Hands every indicator row the columns of its table, before the table is parsed. */
function carryIndicatorColumns(raw: unknown): unknown {
  if (!isMapping(raw) || !Array.isArray(raw.indicators)) return raw;
  const columns = resolveColumns(indicatorHeadings, raw.indicatorColumns, DEFAULT_INDICATOR_COLUMNS);
  const rows = (l2: unknown) =>
    isMapping(l2) && Array.isArray(l2.rows)
      ? { ...l2, rows: l2.rows.map((r) => new Carried(r, columns)) }
      : l2;
  const children = (l1: unknown) =>
    isMapping(l1) && Array.isArray(l1.children) ? { ...l1, children: l1.children.map(rows) } : l1;
  return { ...raw, indicators: raw.indicators.map(children) };
}

/** An indicator table: its rows carried their columns in; the standard six columns when none are printed. */
function indicatorForm<S extends z.ZodType<{ indicatorColumns?: Column<IndicatorKey>[] }>>(schema: S) {
  return z.preprocess(carryIndicatorColumns, schema).transform((t) => ({
    ...t,
    indicatorColumns: t.indicatorColumns ?? DEFAULT_INDICATOR_COLUMNS,
  }));
}

/* ---------- funds block ---------- */

/** The funds block's columns: the standard header (年初预算数 … 得分) or a province's variant. */
const FUNDS_COLUMNS: ColumnSpec<FundsKey>[] = [
  { key: 'initial', headings: ['年初预算数'], cell },
  { key: 'fullYear', headings: ['全年预算数', '调整后预算数'], cell },
  { key: 'executed', headings: ['全年执行数', '预算执行数', '执行数'], cell, required: true },
  { key: 'weight', headings: ['分值', '权重'], cell: score },
  { key: 'rate', headings: ['执行率', '预算执行率'], cell: percentCell },
  { key: 'score', headings: ['得分'], cell: score },
  { key: 'reason', headings: ['原因', '偏差原因', '未完成原因', '偏差原因分析'], cell: blankableText },
];
/** The headings assumed when a funds block lists none (`columns`): the standard form. */
export const STANDARD_FUNDS_HEADINGS = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];

const resolved = <K extends string>(specs: ColumnSpec<K>[], list: string[]): Column<K>[] =>
  list.map((heading) => ({ key: specs.find((s) => s.headings.includes(heading))!.key, heading }));
const DEFAULT_INDICATOR_COLUMNS = resolved(INDICATOR_COLUMNS, STANDARD_INDICATOR_HEADINGS);
const DEFAULT_FUNDS_COLUMNS = resolved(FUNDS_COLUMNS, STANDARD_FUNDS_HEADINGS);

/** The schemas that resolve printed headings to columns (the Excel import reads with them too). */
export const fundsHeadings = headings(FUNDS_COLUMNS);
export const indicatorHeadings = headings(INDICATOR_COLUMNS);

const labelledAmount = z
  .tuple([text, cell], { error: '应为 [名称, 金额]' })
  .transform(([name, amount]) => ({ name, amount }));

/** One row of the funds block: its name, then one cell per column. */
function fundsRow(
  row: unknown,
  columns: readonly Column<FundsKey>[],
  ctx: z.RefinementCtx,
): FundsRow | undefined {
  if (!Array.isArray(row)) {
    ctx.addIssue({ code: 'custom', input: row, message: '应为一行单元格的列表（名称在前），空白写 ~' });
    return undefined;
  }
  const name = text.safeParse(row[0]);
  if (!name.success)
    ctx.addIssue({
      code: 'custom',
      path: [0],
      input: row[0],
      message: '每行第一格是资金来源的名称（如 年度资金总额、财政资金）',
    });
  const cells = readRow(row, columns, FUNDS_COLUMNS, ctx, [], 1);
  return cells && name.success ? { name: name.data, ...cells } : undefined;
}

/** A funds row, read against the columns its block handed down. */
const fundsRowSchema = z.unknown().transform((value, ctx): FundsRow => {
  const carried = value instanceof Carried ? value : new Carried(value, DEFAULT_FUNDS_COLUMNS);
  if (!carried.columns) return z.NEVER;
  return fundsRow(carried.row, carried.columns as Column<FundsKey>[], ctx) ?? z.NEVER;
});

const fundsBlock = record({
  /** "年度预算申请（万元）", "项目资金（万元）" or "预算执行情况（万元）". */
  label: text,
  /** The heading of the name column, where the form prints one (资金来源). */
  nameHeading: optionalText,
  /** The printed column headings after the name; the standard six when absent. */
  columns: fundsHeadings.optional(),
  /** [名称, …one cell per column]: the total (年度资金总额, 合计) first, then its parts. */
  rows: z.array(fundsRowSchema).min(1),
  byIncome: z.array(labelledAmount).optional(),
  byNature: z.array(labelledAmount).optional(),
});

/** Hands every funds row the columns of its block, before the block is parsed. */
function carryFundsColumns(raw: unknown): unknown {
  if (!isMapping(raw) || !Array.isArray(raw.rows)) return raw;
  const columns = resolveColumns(fundsHeadings, raw.columns, DEFAULT_FUNDS_COLUMNS);
  return { ...raw, rows: raw.rows.map((r) => new Carried(r, columns)) };
}

const funds = z
  .preprocess(carryFundsColumns, fundsBlock)
  .transform((f) => ({ ...f, columns: f.columns ?? DEFAULT_FUNDS_COLUMNS }));

const indicatorTable = {
  ...formBase,
  funds: funds.optional(),
  goals: record({ expected: optionalMultilineText, actual: optionalMultilineText }).optional(),
  /** The printed headings of the indicator rows after 一级/二级指标; the standard six when absent. */
  indicatorColumns: indicatorHeadings.optional(),
  indicators: z.array(level1),
  /** The 总分 row: [分值, 得分], as printed even where it exceeds 100 (the checks compare it). */
  total: record({ weight: points.nullable(), score: points.nullable() }).optional(),
};

/** 部门整体支出绩效自评表; `derivedFrom` marks a tree transcribed from the report's prose. */
const selfEvaluationForm = record({
  form: z.literal('整体支出绩效自评表'),
  ...indicatorTable,
  /** 省级预算部门名称 as printed in the form. */
  department: optionalText,
  /** Where the scores were published only in prose: which part of the narrative states them. */
  derivedFrom: optionalText,
});
export const selfEvaluationTable = indicatorForm(selfEvaluationForm);

const projectEvaluationForm = record({
  form: z.literal('项目支出绩效自评表'),
  ...indicatorTable,
  project: text,
  /** 主管部门 and 实施单位 as printed (blank when left empty). */
  department: optionalText,
  implementer: optionalText,
});
export const projectEvaluationTable = indicatorForm(projectEvaluationForm);

export type BaseDataTable = z.infer<typeof baseDataTable>;
export type CostRow = CostRowInput;
export type SelfEvaluationTable = z.infer<typeof selfEvaluationTable>;
export type ProjectEvaluationTable = z.infer<typeof projectEvaluationTable>;
/** The YAML as written (the Excel import builds it). */
export type SelfEvaluationInput = z.input<typeof selfEvaluationForm>;
export type ProjectEvaluationInput = z.input<typeof projectEvaluationForm>;
export type FundsInput = z.input<typeof fundsBlock>;
export type IndicatorColumn = Column<IndicatorKey>;
export type FundsColumn = Column<FundsKey>;
