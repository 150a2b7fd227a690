import { z } from 'zod';
import { finalAccountsTables, glossaryEntry } from './final-accounts.ts';
import { baseDataTable, projectEvaluationTable, selfEvaluationTable } from './performance.ts';
import { genericTable } from './generic-table.ts';
import { integer, isoDate, optionalText, record, score, text, visibleString, year } from './common.ts';
import { acknowledgement } from './acknowledgement.ts';
import { reservedTableKey } from '../tables.ts';
import { statedFigures } from './stated-figures.ts';

const REPORT_KINDS = ['部门决算', '部门整体支出绩效自评', '部门预算'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const ARCHIVE_RE = /^sources\/[a-z0-9]+(?:-[a-z0-9]+)*\/\d{4}\/[a-z0-9]+(?:-[a-z0-9]+)*\.txt$/;
const ARCHIVE_HINT =
  '应为原文存档的路径 sources/<机构>/<年度>/<名称>.txt（小写 ASCII，如 sources/huaihua-beijing/2022/final-accounts.txt）';

const reportBase = {
  /** The title as published; `titleNote` says where the source prints none and this one was composed. */
  title: text,
  titleNote: optionalText,
  year,
  unit: z.literal('万元', { error: '金额单位应为 万元' }),
  /** Dated lines the source prints (填报日期 …), as label and ISO date. */
  dates: z.array(record({ label: text, date: isoDate })).optional(),
  source: record({
    /** File name the source document was received under (sources/README.md lists them). */
    document: text,
    /** The archived published text, the source of record: sources/<office>/<year>/<name>.txt. */
    archive: visibleString(ARCHIVE_HINT).regex(ARCHIVE_RE, { error: ARCHIVE_HINT }),
    /** sha256 of the archived file's bytes, so any change to the source of record is noticed. */
    sha256: visibleString('应为 64 位十六进制的 sha256（sha256sum 的输出）').regex(/^[0-9a-f]{64}$/, {
      error: '应为 64 位小写十六进制的 sha256（sha256sum 的输出）',
    }),
    /** Which part of the document this report is, when the document holds several. */
    part: optionalText,
    note: optionalText,
  }),
  /** The report's stated overall result, where its text states one (综合评分 98 分，等级 优). */
  conclusion: record({
    score,
    /** The grade as stated; checks/performance.ts checkGrade compares it with the score's band. */
    grade: z
      .enum(['优', '良', '中', '差'], { error: '等级应为 优、良、中、差 之一；没有等级写 ~' })
      .nullable(),
  }).optional(),
  acknowledgements: z.array(acknowledgement).optional(),
  /** Figures the report publishes only in its text, each with the sentence that states it. */
  statedFigures,
};

const TABLE_KEY_HINT = '表的键应为小写 ASCII 短名（字母开头，字母、数字和 -，如 staff-list）';
/** An extra table's key is its anchor on the page: it may not take an id the page already uses. */
const tableKey = visibleString(TABLE_KEY_HINT)
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { error: TABLE_KEY_HINT })
  .refine((k) => !reservedTableKey(k), { error: (iss) => reservedTableKey(String(iss.input)) });
const extraTables = z.record(tableKey, genericTable).optional();

const finalAccountsReport = record({
  kind: z.literal('部门决算'),
  ...reportBase,
  tables: finalAccountsTables,
  extraTables,
  glossary: z.array(glossaryEntry).optional(),
});

const performanceReport = record({
  kind: z.literal('部门整体支出绩效自评'),
  ...reportBase,
  tables: record({
    'base-data': baseDataTable.optional(),
    'self-evaluation': selfEvaluationTable.optional(),
    projects: z.array(projectEvaluationTable).optional(),
  }).optional(),
  extraTables,
});

/** Reserved for the 部门预算 (budget) reports: same frame, tables still to be modelled. */
const budgetReport = record({
  kind: z.literal('部门预算'),
  ...reportBase,
  extraTables,
});

export const reportData = z.discriminatedUnion(
  'kind',
  [finalAccountsReport, performanceReport, budgetReport],
  {
    error: `kind 应为 ${REPORT_KINDS.join('、')} 之一`,
  },
);

export const officeData = record({
  name: text,
  shortName: text,
  /** The government that keeps the office. */
  parent: text,
  level: z.enum(['省级', '市级'], { error: 'level 应为 省级 或 市级' }),
  /** The city the office sits in. */
  seat: text,
  functions: record({ source: text, items: z.array(text).min(1) }),
  units: record({ source: text, items: z.array(text).min(1) }).optional(),
  /** Staffing as published, by year; `details` keeps the breakdown as the source words it. */
  staffing: z
    .array(
      record({
        year,
        source: text,
        authorized: integer.nullable(),
        actual: integer.nullable(),
        details: z.array(record({ label: text, count: integer })).optional(),
      }),
    )
    .optional(),
});

export type ReportData = z.infer<typeof reportData>;
export type PerformanceReport = z.infer<typeof performanceReport>;
export type OfficeData = z.infer<typeof officeData>;
