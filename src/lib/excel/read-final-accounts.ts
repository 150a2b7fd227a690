import type { z } from 'zod';
import type { finalAccountsTables } from '../content/schema/final-accounts.ts';
import { FORMS, type FinalAccountsTableId } from '../fiscal/forms.ts';
import { AMOUNT_RE } from '../fiscal/numbers.ts';
import type { GridCell } from './grid.ts';
import type { Frame } from './frame.ts';
import { isBlank } from './frame.ts';
import { normalized, type SheetReader } from './cells.ts';

/** The nine 决算 tables read back from their sheets, as the YAML writes them. */

type Tables = z.input<typeof finalAccountsTables>;
type Cell = string | null;

/** The 栏次 row closes the header; a form printed without one starts its body at the first figure. */
function bodyOf(rows: GridCell[][]): GridCell[][] {
  const numbers = rows.findIndex(isColumnNumberRow);
  if (numbers >= 0) return rows.slice(numbers + 1);
  const first = rows.findIndex((row) => row.some((c) => !c.covered && AMOUNT_RE.test(c.text.trim())));
  return first < 0 ? [] : rows.slice(first);
}

function isColumnNumberRow(row: GridCell[]): boolean {
  const texts = row.filter((c) => !c.covered && c.text.trim()).map((c) => c.text.replace(/\s/g, ''));
  if (texts.includes('栏次')) return true;
  const numbers = texts.filter((t) => t !== '行次');
  return numbers.length >= 2 && numbers.every((t, i) => t === String(i + 1));
}

const tableName = (id: FinalAccountsTableId) => FORMS[id].number;

/** t01 and t04: income on the left [项目, 行次, 金额], expenditure on the right [项目, 行次, 金额…]. */
function twoSided(id: 't01' | 't04', rows: GridCell[][], reader: SheetReader) {
  const outWidth = id === 't01' ? 1 : FORMS.t04.columns.length;
  const income: Cell[][] = [];
  const expenditure: Cell[][] = [];
  for (const row of bodyOf(rows)) {
    if (isBlank(row)) continue;
    reader.beyond(row, 5 + outWidth, tableName(id));
    const left = side(row.slice(0, 3), reader);
    const right = side(row.slice(3, 5 + outWidth), reader);
    if (left) income.push(left);
    if (right) expenditure.push(right);
  }
  return { income, expenditure } as Pick<Tables['t01'], 'income' | 'expenditure'>;
}

function side(cells: GridCell[], reader: SheetReader): Cell[] | null {
  const [name, line, ...values] = cells;
  if (isBlank(cells)) return null;
  return [reader.line(line), itemName(name, reader), ...values.map((v) => reader.figure(v))];
}

/** A sub-item printed indented keeps its indent as leading spaces, as the YAML writes it. */
function itemName(cell: GridCell | undefined, reader: SheetReader): string | null {
  const text = reader.text(cell);
  if (text === null || !cell) return null;
  const leading = /^[ \u3000]+/.exec(cell.text)?.[0];
  if (leading) return leading + text;
  return cell.indent > 0 ? `  ${text}` : text;
}

/** Tables by classification code with a 合计 row: 02, 03, 05, 07, 08. */
function coded(id: 't02' | 't03' | 't05' | 't07' | 't08', rows: GridCell[][], reader: SheetReader) {
  const n = FORMS[id].columns.length;
  let total: Cell[] | undefined;
  const out: Cell[][] = [];
  let blankRows = 0;
  for (const row of bodyOf(rows)) {
    const cells = row.slice(0, n + 2);
    if (isBlank(row)) {
      // Empty rows drawn inside the grid below the data are part of the form; others are spacing.
      if ((total || out.length) && cells.some((c) => c.boxed)) blankRows++;
      continue;
    }
    blankRows = 0;
    reader.beyond(row, n + 2, tableName(id));
    const values = cells.slice(2).map((c) => reader.figure(c));
    if (normalized(cells[0]) === '合计' || (!normalized(cells[0]) && normalized(cells[1]) === '合计')) {
      if (total) reader.error(cells[0], `${tableName(id)}有两行“合计”：请删去多余的一行`);
      total = values;
    } else out.push([reader.code(cells[0]), reader.required(cells[1], '科目名称'), ...values]);
  }
  if (!total)
    reader.error(undefined, `${tableName(id)}没有“合计”行：表身第一行应为合计（科目名称栏写“合计”）`);
  return {
    total: total ?? Array.from({ length: n }, () => null),
    rows: out,
    ...(blankRows ? { blankRows: String(blankRows) } : {}),
  };
}

const TOTAL_LABELS = { 人员经费合计: 'personnelTotal', 公用经费合计: 'publicTotal' } as const;

/** 06: three [编码, 名称, 决算数] groups side by side, then 人员经费合计 and 公用经费合计. */
function table06(rows: GridCell[][], reader: SheetReader) {
  const groups: Cell[][][] = [[], [], []];
  const totals: Partial<Record<'personnelTotal' | 'publicTotal', Cell>> = {};
  for (const row of bodyOf(rows)) {
    if (isBlank(row)) continue;
    const labelAt = row.findIndex((c) => normalized(c) in TOTAL_LABELS);
    if (labelAt >= 0) {
      readTotals(row, totals, reader);
      continue;
    }
    reader.beyond(row, 9, tableName('t06'));
    for (let g = 0; g < 3; g++) {
      const [code, name, amount] = row.slice(g * 3, g * 3 + 3);
      if (isBlank([code, name, amount].filter(Boolean))) continue;
      groups[g].push([reader.code(code), reader.required(name, '科目名称'), reader.figure(amount)]);
    }
  }
  for (const [label, key] of Object.entries(TOTAL_LABELS))
    if (!(key in totals))
      reader.error(undefined, `公开06表没有“${label}”：表身最后一行应为人员经费合计和公用经费合计`);
  return { groups, personnelTotal: totals.personnelTotal ?? null, publicTotal: totals.publicTotal ?? null };
}

/** Each label's figure is the first filled cell to its right, before the next label; none is blank. */
function readTotals(
  row: GridCell[],
  totals: Partial<Record<'personnelTotal' | 'publicTotal', Cell>>,
  reader: SheetReader,
): void {
  const keyAt = (i: number) => TOTAL_LABELS[normalized(row[i]) as keyof typeof TOTAL_LABELS];
  const used = new Set<number>();
  row.forEach((_, i) => {
    const key = keyAt(i);
    if (!key) return;
    used.add(i);
    let at = i + 1;
    while (at < row.length && !keyAt(at) && (row[at].covered || !(row[at].text.trim() || row[at].problem)))
      at++;
    const found = at < row.length && !keyAt(at);
    if (found) used.add(at);
    totals[key] = found ? reader.figure(row[at]) : null;
  });
  row.forEach((cell, i) => {
    if (!used.has(i) && !cell.covered && (cell.text.trim() || cell.problem))
      reader.error(cell, '这一格在人员经费合计、公用经费合计那一行，无法放入表中：请删去它');
  });
}

/** 09: one row of twelve figures, 预算数 then 决算数. */
function table09(rows: GridCell[][], reader: SheetReader) {
  const data = bodyOf(rows).filter((row) => !isBlank(row));
  for (const extra of data.slice(1))
    reader.error(
      extra.find((c) => c.text.trim()),
      '公开09表只有一行数字（预算数 6 栏、决算数 6 栏）：这一行无法放入表中，请删去或并入第一行',
    );
  if (!data.length) reader.error(undefined, '公开09表没有数字行：表头（栏次 1–12）下应有一行数字');
  const row = data[0] ?? [];
  reader.beyond(row, 12, tableName('t09'));
  const values = Array.from({ length: 12 }, (_, i) => reader.figure(row[i]));
  return { budget: values.slice(0, 6), actual: values.slice(6) };
}

/** One 决算 table from its sheet, keys in the order the committed files write them. */
export function readFinalAccountsTable(id: FinalAccountsTableId, frame: Frame, reader: SheetReader) {
  if (frame.unit !== null && frame.unit !== '万元')
    reader.error(undefined, `单位为“${frame.unit}”，本站的金额单位是万元：请导出以万元为单位的报表`);
  const body =
    id === 't01' || id === 't04'
      ? twoSided(id, frame.rows, reader)
      : id === 't06'
        ? table06(frame.rows, reader)
        : id === 't09'
          ? table09(frame.rows, reader)
          : coded(id, frame.rows, reader);
  return {
    ...(frame.department ? { department: frame.department } : {}),
    ...body,
    ...(frame.notes.length ? { notes: frame.notes } : {}),
    ...(frame.emptyStatement ? { emptyStatement: frame.emptyStatement } : {}),
  } as Tables[typeof id];
}
