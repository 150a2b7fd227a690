import { z } from 'zod';
import { FORMS, type CodedRow, type NumberedRow } from '../../fiscal/forms.ts';
import { cell, cells, code, integer, notes, optionalText, record, text } from './common.ts';

/*
 * The nine 部门决算 tables. Rows are flow sequences in printed order, mirroring the form:
 *   coded rows    [code, name, cell…]      e.g. [2010301, 行政运行, 134.38, 134.38, 0.00]
 *   numbered rows [行次, name, cell…]      e.g. [1, 一、一般公共预算财政拨款收入, 295.05]
 * A row's level (类/款/项) follows from its code; its cells from the form's columns.
 */

const width = (id: keyof typeof FORMS) => FORMS[id].columns.length;
const columnNames = (id: keyof typeof FORMS) => FORMS[id].columns.map((c) => c.label).join('、');
/** The income side's one column of 01 and 04 (决算数, 金额). */
const incomeColumn = (id: 't01' | 't04') => FORMS[id].income![0].label;

/** [行次, 项目 or ~, cells…]: rows of the two-sided summary tables 01 and 04. */
function numberedRow(n: number, what: string) {
  return z
    .tuple([integer, text.nullable()], { error: `应为 [行次, 项目, ${what}]` })
    .rest(cell)
    .refine((r) => r.length === n + 2, { error: `应为 [行次, 项目, ${what}]，共 ${n + 2} 项` })
    .transform(([line, name, ...values]): NumberedRow => ({
      line,
      name: name?.trimStart() ?? null,
      level: indentLevel(name),
      values,
    }));
}

/** Sub-items printed indented keep their leading spaces in the YAML ("  一般公共预算财政拨款"). */
const indentLevel = (name: string | null) => (name && /^[ \u3000]/.test(name) ? 2 : 1);

/** [code, name, cells…]: rows by functional or economic classification. */
function codedRow(id: keyof typeof FORMS) {
  const n = width(id);
  return z
    .tuple([code, text], { error: `应为 [科目编码, 科目名称, ${columnNames(id)}]` })
    .rest(cell)
    .refine((r) => r.length === n + 2, {
      error: `应为 [科目编码, 科目名称, ${columnNames(id)}]，共 ${n + 2} 项`,
    })
    .transform(([code, name, ...values]): CodedRow => ({ code, name, values }));
}

/** Fields every printed table carries. */
const tableBase = {
  /** The "部门：" cell as printed (often left blank in the published tables). */
  department: optionalText,
  notes,
  /** The statement an empty table must carry, e.g. "我单位没有政府性基金收入…故本表无数据。" */
  emptyStatement: optionalText,
};

/** Coded tables with a 合计 row: 02, 03, 05, 07, 08. */
function codedTable(id: 't02' | 't03' | 't05' | 't07' | 't08') {
  return record({
    ...tableBase,
    total: cells(width(id), cell, `合计行：${columnNames(id)}`),
    rows: z.array(codedRow(id)),
    /** Empty rows printed below the data, as on the form. */
    blankRows: integer.optional(),
  });
}

const table01 = record({
  ...tableBase,
  income: z.array(numberedRow(1, incomeColumn('t01'))),
  expenditure: z.array(numberedRow(width('t01'), columnNames('t01'))),
});

const table04 = record({
  ...tableBase,
  income: z.array(numberedRow(1, incomeColumn('t04'))),
  expenditure: z.array(numberedRow(width('t04'), columnNames('t04'))),
});

/** 06 is printed as three side-by-side column groups; each group lists [code, name, 决算数]. */
const table06 = record({
  ...tableBase,
  groups: z.array(z.array(codedRow('t06'))).length(3, { error: '应有 3 组（与表样的三栏对应）' }),
  personnelTotal: cell,
  publicTotal: cell,
});

const table09 = record({
  ...tableBase,
  budget: cells(width('t09'), cell, `预算数：${columnNames('t09')}`),
  actual: cells(width('t09'), cell, `决算数：${columnNames('t09')}`),
});

export const finalAccountsTables = record({
  t01: table01,
  t02: codedTable('t02'),
  t03: codedTable('t03'),
  t04: table04,
  t05: codedTable('t05'),
  t06: table06,
  t07: codedTable('t07'),
  t08: codedTable('t08'),
  t09: table09,
});

export const glossaryEntry = record({
  /** The number as printed ("十三"); kept verbatim, even where the source repeats one. */
  label: text,
  term: text,
  definition: text,
});

export type FinalAccountsTables = z.infer<typeof finalAccountsTables>;
export type CodedTable = z.infer<ReturnType<typeof codedTable>>;
export type Table01 = z.infer<typeof table01>;
export type Table04 = z.infer<typeof table04>;
export type Table06 = z.infer<typeof table06>;
export type Table09 = z.infer<typeof table09>;
export type GlossaryEntry = z.infer<typeof glossaryEntry>;
