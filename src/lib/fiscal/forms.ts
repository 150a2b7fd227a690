import type { Fig } from './figure.ts';
import { bareName } from './names.ts';

/**
 * The official layouts of the nine 部门决算 tables (公开01表–公开09表): numbers, titles, the
 * amount columns in 栏次 order and the rows printed under a fixed name. The one place that knows
 * which column is which: schemas size rows with it, table models print headers with it, and
 * everything else reads a figure by name with cell().
 */
interface Column {
  key: string;
  label: string;
  /** Header of a column group this column sits under (printed as a spanning header cell). */
  group?: string;
}

interface FinalAccountsForm {
  id: FinalAccountsTableId;
  number: string;
  title: string;
  /** The amount columns; in the two-sided tables 01 and 04, those of the expenditure side. */
  columns: readonly Column[];
  /** The income side's amount columns (01, 04). */
  income?: readonly Column[];
  /** Rows printed under a fixed name, by their key in the YAML: the coded tables' 合计 … */
  rows?: Readonly<Record<string, string>>;
  /** Header of the code column in the coded tables (02, 03, 05, 07, 08). */
  codeLabel?: string;
}

export const FINAL_ACCOUNTS_TABLE_IDS = [
  't01',
  't02',
  't03',
  't04',
  't05',
  't06',
  't07',
  't08',
  't09',
] as const;
export type FinalAccountsTableId = (typeof FINAL_ACCOUNTS_TABLE_IDS)[number];
/** The tables by functional code with a 合计 row. */
export const CODED_TABLE_IDS = ['t02', 't03', 't05', 't07', 't08'] as const;
export type CodedTableId = (typeof CODED_TABLE_IDS)[number];
type TwoSidedId = 't01' | 't04';
export type Side = 'income' | 'expenditure';

const amount = <K extends string>(key: K, label: string, group?: string) => ({ key, label, group });
const TOTAL_ROW = { total: '合计' };

const LAYOUTS = {
  t01: {
    id: 't01',
    number: '公开01表',
    title: '收入支出决算总表',
    income: [amount('amount', '决算数')],
    columns: [amount('amount', '决算数')],
  },
  t02: {
    id: 't02',
    codeLabel: '功能分类科目编码',
    number: '公开02表',
    title: '收入决算表',
    columns: [
      amount('total', '本年收入合计'),
      amount('fiscal', '财政拨款收入'),
      amount('superior', '上级补助收入'),
      amount('business', '事业收入'),
      amount('operating', '经营收入'),
      amount('affiliated', '附属单位上缴收入'),
      amount('other', '其他收入'),
    ],
    rows: TOTAL_ROW,
  },
  t03: {
    id: 't03',
    codeLabel: '功能分类科目编码',
    number: '公开03表',
    title: '支出决算表',
    columns: [
      amount('total', '本年支出合计'),
      amount('basic', '基本支出'),
      amount('project', '项目支出'),
      amount('toSuperior', '上缴上级支出'),
      amount('operating', '经营支出'),
      amount('toAffiliated', '对附属单位补助支出'),
    ],
    rows: TOTAL_ROW,
  },
  t04: {
    id: 't04',
    number: '公开04表',
    title: '财政拨款收入支出决算总表',
    income: [amount('amount', '金额')],
    columns: [
      amount('total', '合计'),
      amount('general', '一般公共预算财政拨款'),
      amount('fund', '政府性基金预算财政拨款'),
      amount('capital', '国有资本经营预算财政拨款'),
    ],
  },
  t05: {
    id: 't05',
    codeLabel: '功能分类科目编码',
    number: '公开05表',
    title: '一般公共预算财政拨款支出决算表',
    columns: [
      amount('subtotal', '小计', '本年支出'),
      amount('basic', '基本支出', '本年支出'),
      amount('project', '项目支出', '本年支出'),
    ],
    rows: TOTAL_ROW,
  },
  t06: {
    id: 't06',
    number: '公开06表',
    title: '一般公共预算财政拨款基本支出决算明细表',
    columns: [amount('amount', '决算数')],
    rows: { personnelTotal: '人员经费合计', publicTotal: '公用经费合计' },
  },
  t07: {
    id: 't07',
    codeLabel: '科目代码',
    number: '公开07表',
    title: '政府性基金预算财政拨款收入支出决算表',
    columns: [
      amount('opening', '年初结转和结余'),
      amount('income', '本年收入'),
      amount('subtotal', '小计', '本年支出'),
      amount('basic', '基本支出', '本年支出'),
      amount('project', '项目支出', '本年支出'),
      amount('closing', '年末结转和结余'),
    ],
    rows: TOTAL_ROW,
  },
  t08: {
    id: 't08',
    codeLabel: '科目代码',
    number: '公开08表',
    title: '国有资本经营预算财政拨款支出决算表',
    columns: [
      amount('total', '合计', '本年支出'),
      amount('basic', '基本支出', '本年支出'),
      amount('project', '项目支出', '本年支出'),
    ],
    rows: TOTAL_ROW,
  },
  t09: {
    id: 't09',
    number: '公开09表',
    title: '财政拨款“三公”经费支出决算表',
    // Printed twice, under 预算数 (栏次 1–6) and 决算数 (栏次 7–12): the YAML's two rows.
    columns: [
      amount('total', '合计'),
      amount('abroad', '因公出国（境）费'),
      amount('vehicles', '小计', '公务用车购置及运行维护费'),
      amount('vehiclePurchase', '公务用车购置费', '公务用车购置及运行维护费'),
      amount('vehicleOperation', '公务用车运行维护费', '公务用车购置及运行维护费'),
      amount('reception', '公务接待费'),
    ],
    rows: { budget: '预算数', actual: '决算数' },
  },
} as const satisfies Record<FinalAccountsTableId, FinalAccountsForm>;

export const FORMS: Readonly<Record<FinalAccountsTableId, FinalAccountsForm>> = LAYOUTS;

type Layouts = typeof LAYOUTS;
/** A column of a table by name ("basic"); in 01 and 04 a column of the expenditure side. */
export type ColumnName<Id extends FinalAccountsTableId> = Layouts[Id]['columns'][number]['key'];
type SideColumn<Id extends TwoSidedId, S extends Side> = S extends 'income'
  ? Layouts[Id]['income'][number]['key']
  : ColumnName<Id>;
/** A row printed under a fixed name ("total", "personnelTotal", "budget"). */
type NamedRow<Id extends FinalAccountsTableId> = Layouts[Id] extends { rows: infer R } ? keyof R : never;

/** A table's columns, each with its name. */
export const columnsOf = <Id extends FinalAccountsTableId>(id: Id) =>
  FORMS[id].columns as readonly (Column & { key: ColumnName<Id> })[];

/** The columns of a side of 01 or 04, each with its name. */
export const sideColumnsOf = <Id extends TwoSidedId, S extends Side>(id: Id, side: S) =>
  (side === 'income' ? FORMS[id].income! : FORMS[id].columns) as readonly (Column & {
    key: SideColumn<Id, S>;
  })[];

/** A column's printed label ("基本支出"). */
export const columnLabel = <Id extends FinalAccountsTableId>(id: Id, column: ColumnName<Id>) =>
  FORMS[id].columns[columnIndex(FORMS[id].columns, column)].label;

/** The printed name of a fixed row ("合计", "人员经费合计", "预算数"). */
export const rowLabel = <Id extends FinalAccountsTableId>(id: Id, row: NamedRow<Id>) =>
  FORMS[id].rows![row as string];

/** A column's name standing alone: a 小计 is named by its group (公务用车购置及运行维护费小计). */
export const standaloneLabel = (c: Column) => (c.label === '小计' && c.group ? `${c.group}小计` : c.label);

function columnIndex(columns: readonly Column[], name: string): number {
  const i = columns.findIndex((c) => c.key === name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
}

/*
 * The figures of the tables as the report YAML holds them (content/schema/final-accounts.ts
 * validates them): rows are flow sequences [code or 行次, name, cell…], cells in column order.
 */

/** A cell as published: an amount, "——" (not applicable) or null (blank). */
type Text = string | null;
/** [code, name, cells…]: rows by functional or economic classification. */
export interface CodedRow {
  code: string;
  name: string;
  values: Text[];
}
/** [行次, 项目, cells…]: rows of the two-sided tables 01 and 04; `level` 2 is printed indented. */
export interface NumberedRow {
  line: number;
  name: string | null;
  level: 1 | 2;
  values: Text[];
}
/** Where a row's cells start in its YAML sequence: after its code (or 行次) and name. */
const FIRST_CELL = 2;

interface CodedFigures {
  total: readonly Text[];
  rows: readonly CodedRow[];
}
interface TwoSidedFigures {
  income: readonly NumberedRow[];
  expenditure: readonly NumberedRow[];
}
interface FinalAccountsFigures {
  t01: TwoSidedFigures;
  t02: CodedFigures;
  t03: CodedFigures;
  t04: TwoSidedFigures;
  t05: CodedFigures;
  t06: { groups: readonly (readonly CodedRow[])[]; personnelTotal: Text; publicTotal: Text };
  t07: CodedFigures;
  t08: CodedFigures;
  t09: { budget: readonly Text[]; actual: readonly Text[] };
}

/*
 * A row is chosen by a fixed row's name ("total"), by a row of the table itself (its object, as
 * when walking the rows), or looked up: by code ({ code: "201" }) in the coded tables and 06, by
 * name without its numbering ("本年收入合计" finds "本年收入合计", "一般公共服务支出" finds
 * "一、一般公共服务支出") on a side of 01 and 04. A lookup may find nothing: then no figure.
 */
type RowOf<Id extends FinalAccountsTableId> =
  NamedRow<Id> | (Id extends CodedTableId | 't06' ? CodedRow : never);

/**
 * A published figure of a 决算 table by name: its text, its YAML path and its label in messages
 * ("公开03表 合计 基本支出", "公开01表 第58行 本年支出合计", "公开09表 决算数 公务接待费").
 *   cell(t, 't03', 'total', 'basic')
 *   cell(t, 't01', ['expenditure', '本年支出合计'], 'amount')
 *   cell(t, 't06', 'personnelTotal', 'amount')
 */
export function cell<Id extends TwoSidedId, S extends Side>(
  t: FinalAccountsFigures,
  id: Id,
  row: readonly [S, NumberedRow],
  column: SideColumn<Id, S>,
): Fig;
export function cell<Id extends TwoSidedId, S extends Side>(
  t: FinalAccountsFigures,
  id: Id,
  row: readonly [S, string],
  column: SideColumn<Id, S>,
): Fig | undefined;
export function cell<Id extends Exclude<FinalAccountsTableId, TwoSidedId>>(
  t: FinalAccountsFigures,
  id: Id,
  row: RowOf<Id>,
  column: ColumnName<Id>,
): Fig;
export function cell<Id extends CodedTableId | 't06'>(
  t: FinalAccountsFigures,
  id: Id,
  row: { code: string },
  column: ColumnName<Id>,
): Fig | undefined;
export function cell(
  t: FinalAccountsFigures,
  id: FinalAccountsTableId,
  row: string | CodedRow | { code: string } | readonly [Side, NumberedRow | string],
  column: string,
): Fig | undefined {
  const form = FORMS[id];
  if (id === 't01' || id === 't04')
    return sideCell(t[id], form, row as readonly [Side, NumberedRow | string], column);
  const c = columnIndex(form.columns, column);
  if (id === 't09') {
    const half = row as 'budget' | 'actual';
    return {
      text: t.t09[half][c],
      path: ['tables', id, half, c],
      label: `${form.number} ${form.rows![half]} ${standaloneLabel(form.columns[c])}`,
    };
  }
  if (typeof row === 'string') {
    if (id === 't06') {
      const total = row as 'personnelTotal' | 'publicTotal';
      return {
        text: t.t06[total],
        path: ['tables', id, total],
        label: `${form.number} ${form.rows![total]}`,
      };
    }
    return {
      text: t[id].total[c],
      path: ['tables', id, 'total', c],
      label: `${form.number} ${form.rows![row]} ${form.columns[c].label}`,
    };
  }
  const found = codedRow(t, id, row as CodedRow | { code: string });
  if (!found) return undefined;
  const { r, at } = found;
  // 06 has one column: its rows are named without it.
  const label =
    id === 't06'
      ? `${form.number} ${r.code} ${r.name}`
      : `${form.number} ${r.code} ${r.name} ${form.columns[c].label}`;
  return { text: r.values[c], path: ['tables', id, ...at, FIRST_CELL + c], label };
}

/** A row of a coded table or of 06's three groups, with its place in the YAML. */
function codedRow(
  t: FinalAccountsFigures,
  id: CodedTableId | 't06',
  row: CodedRow | { code: string },
): { r: CodedRow; at: (string | number)[] } | undefined {
  const groups = id === 't06' ? t.t06.groups : [t[id].rows];
  for (const [g, rows] of groups.entries()) {
    const i = 'values' in row ? rows.indexOf(row) : rows.findIndex((r) => r.code === row.code);
    if (i >= 0) return { r: rows[i], at: id === 't06' ? ['groups', g, i] : ['rows', i] };
  }
  if ('values' in row) throw new Error(`${row.code} ${row.name} is not a row of ${id}`);
  return undefined;
}

function sideCell(
  t: TwoSidedFigures,
  form: FinalAccountsForm,
  [side, row]: readonly [Side, NumberedRow | string],
  column: string,
): Fig | undefined {
  const rows = t[side];
  const i = typeof row === 'string' ? rows.findIndex((r) => bareName(r.name) === row) : rows.indexOf(row);
  if (i < 0 && typeof row !== 'string') throw new Error(`第${row.line}行 is not a row of ${form.id} ${side}`);
  if (i < 0) return undefined;
  const r = rows[i];
  const columns = side === 'income' ? form.income! : form.columns;
  const c = columnIndex(columns, column);
  return {
    text: r.values[c],
    path: ['tables', form.id, side, i, FIRST_CELL + c],
    // A side of one column is named without it.
    label: `${form.number} 第${r.line}行 ${r.name}${columns.length > 1 ? ` ${columns[c].label}` : ''}`,
  };
}
