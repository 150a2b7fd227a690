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

/** 三级指标: [name, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施]. */
const indicatorRow = z
  .tuple([optionalText.transform((v) => v ?? null), optionalText, optionalText, score, score, optionalText], {
    error: '应为 [三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施]，空白写 ~',
  })
  .transform(([name, target, actual, weight, score, deviation]) => ({
    name,
    target: target ?? null,
    actual: actual ?? null,
    weight,
    score,
    deviation: deviation ?? null,
  }));

/** Shared by 一级 and 二级: a name, and the weight/score the report states for the level. */
const levelBase = {
  /** As printed; blank where the form leaves the cell empty. */
  name: text.nullable(),
  /** Stated weight, e.g. 30 for "效益指标（30分）" or "(30分，得30分)" in prose. */
  weight: score.optional(),
  /** Stated score, where the report states one for the level ("得49分"). */
  score: score.optional(),
};

const level2 = record({ ...levelBase, rows: z.array(indicatorRow) });
const level1 = record({ ...levelBase, children: z.array(level2) });

/** 资金 header block: [名称, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分]. */
const fundsRow = z
  .tuple([text, cell, cell, cell, score, percentCell, score], {
    error: '应为 [名称, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分]，空白写 ~',
  })
  .transform(([name, initial, fullYear, executed, weight, rate, score]) => ({
    name,
    initial,
    fullYear,
    executed,
    weight,
    rate,
    score,
  }));

const labelledAmount = z
  .tuple([text, cell], { error: '应为 [名称, 金额]' })
  .transform(([name, amount]) => ({ name, amount }));

const funds = record({
  /** "年度预算申请（万元）" or "项目资金（万元）". */
  label: text,
  rows: z.array(fundsRow).min(1),
  byIncome: z.array(labelledAmount).optional(),
  byNature: z.array(labelledAmount).optional(),
});

const indicatorTable = {
  ...formBase,
  funds: funds.optional(),
  goals: record({ expected: optionalMultilineText, actual: optionalMultilineText }).optional(),
  indicators: z.array(level1),
  /** The 总分 row: [分值, 得分], as printed even where it exceeds 100 (the checks compare it). */
  total: record({ weight: points.nullable(), score: points.nullable() }).optional(),
};

/** 部门整体支出绩效自评表; `derivedFrom` marks a tree transcribed from the report's prose. */
export const selfEvaluationTable = record({
  form: z.literal('整体支出绩效自评表'),
  ...indicatorTable,
  /** 省级预算部门名称 as printed in the form. */
  department: optionalText,
  /** Where the scores were published only in prose: which part of the narrative states them. */
  derivedFrom: optionalText,
});

export const projectEvaluationTable = record({
  form: z.literal('项目支出绩效自评表'),
  ...indicatorTable,
  project: text,
  /** 主管部门 and 实施单位 as printed (blank when left empty). */
  department: optionalText,
  implementer: optionalText,
});

export type BaseDataTable = z.infer<typeof baseDataTable>;
export type CostRow = CostRowInput;
export type SelfEvaluationTable = z.infer<typeof selfEvaluationTable>;
export type ProjectEvaluationTable = z.infer<typeof projectEvaluationTable>;
export type IndicatorLevel1 = z.infer<typeof level1>;
export type FundsRow = z.infer<typeof fundsRow>;
