import Big from 'big.js';
import type { Report } from '../content/load.ts';
import { isAmount, precisionOf } from '../fiscal/numbers.ts';
import { reportTables, type Path, type Table } from './figures.ts';
import type { CellChange, MetaChange, Place } from './types.ts';

type Row = Table['rows'][number];

/** new − old at the finer of the two published precisions ("16.50" → "16.6" gives "0.10"). */
function delta(old: string | null, now: string | null): string | undefined {
  if (!isAmount(old) || !isAmount(now)) return undefined;
  return new Big(now).minus(new Big(old)).toFixed(Math.max(precisionOf(old), precisionOf(now)));
}

const lineOf = (report: Report, path: Path) => report.locate?.(path).line ?? 1;

/** What a row is printed as, in the row-order field: its key, after its column group if any. */
const shown = (r: Row) => (r.group ? `${r.group}：${r.key}` : r.key);

/** The figures of one table that differ: changed cells, then cells of vanished rows. */
function tableCells(id: string, base: Row[], head: Row[], sides: { base: Report; head: Report }) {
  const out: CellChange[] = [];
  const at = (side: Report, path: Path): Place => ({ file: side.files.yaml, line: lineOf(side, path) });
  const byKey = new Map(base.map((r) => [r.key, r]));
  const headKeys = new Set(head.map((r) => r.key));
  const change = (
    row: Row,
    column: string,
    old: string | null,
    now: string | null,
    where: Place,
    rowStatus?: 'added' | 'removed',
  ) => {
    const d = delta(old, now);
    out.push({
      table: id,
      row: row.key,
      ...(row.name !== undefined && row.name !== row.key ? { rowName: row.name } : {}),
      column,
      old,
      new: now,
      ...(d !== undefined ? { delta: d } : {}),
      ...(rowStatus ? { rowStatus } : {}),
      ...where,
    });
  };
  /** A whole row that appeared or vanished: each of its non-blank cells, or its first if all are blank. */
  const wholeRow = (row: Row, side: Report, status: 'added' | 'removed') => {
    const filled = row.cells.filter((c) => c.value !== null);
    for (const c of filled.length ? filled : row.cells.slice(0, 1)) {
      const where = at(side, c.path);
      if (status === 'added') change(row, c.column, null, c.value, where, status);
      else change(row, c.column, c.value, null, where, status);
    }
  };

  for (const row of head) {
    const before = byKey.get(row.key);
    if (!before) {
      wholeRow(row, sides.head, 'added');
      continue;
    }
    const columnsBefore = new Map(before.cells.map((c) => [c.column, c]));
    for (const c of row.cells) {
      const was = columnsBefore.get(c.column);
      const old = was?.value ?? null;
      if (old !== c.value) change(row, c.column, old, c.value, at(sides.head, c.path));
    }
    const columns = new Set(row.cells.map((c) => c.column));
    for (const c of before.cells)
      if (!columns.has(c.column) && c.value !== null)
        change(row, c.column, c.value, null, at(sides.base, c.path));
  }
  for (const row of base) if (!headKeys.has(row.key)) wholeRow(row, sides.base, 'removed');
  return out;
}

/**
 * Rows both sides print, in another order (or another column group of 公开06表): the printed table
 * changed though no figure did. Shows the stretch of rows from the first to the last that moved.
 */
function rowOrder(id: string, base: Row[], head: Row[], headReport: Report): MetaChange | undefined {
  const baseKeys = new Set(base.map((r) => r.key));
  const headKeys = new Set(head.map((r) => r.key));
  const before = base.filter((r) => headKeys.has(r.key)).map(shown);
  const rows = head.filter((r) => baseKeys.has(r.key));
  const after = rows.map(shown);
  let first = 0;
  while (first < after.length && after[first] === before[first]) first++;
  if (first === after.length) return undefined;
  let last = after.length - 1;
  while (after[last] === before[last]) last--;
  return {
    field: `行序.${id}`,
    old: before.slice(first, last + 1),
    new: after.slice(first, last + 1),
    file: headReport.files.yaml,
    line: lineOf(headReport, rows[first].cells[0]?.path ?? []),
  };
}

/** Every published figure that differs between two versions of a report, by table, row and column. */
export function diffCells(base: Report, head: Report): { cells: CellChange[]; order: MetaChange[] } {
  const before = reportTables(base.data);
  const after = reportTables(head.data);
  const ids = [...new Set([...after.map((t) => t.id), ...before.map((t) => t.id)])];
  const rowsOf = (tables: Table[], id: string) => tables.find((t) => t.id === id)?.rows ?? [];
  const cells: CellChange[] = [];
  const order: MetaChange[] = [];
  for (const id of ids) {
    const [b, h] = [rowsOf(before, id), rowsOf(after, id)];
    cells.push(...tableCells(id, b, h, { base, head }));
    const moved = rowOrder(id, b, h, head);
    if (moved) order.push(moved);
  }
  return { cells, order };
}
