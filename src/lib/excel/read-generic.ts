import type { z } from 'zod';
import type { genericTable } from '../content/schema/generic-table.ts';
import { isBlank, type Frame } from './frame.ts';
import type { SheetReader } from './cells.ts';

type GenericTable = z.input<typeof genericTable>;

/** A table that fits no form: one header row of column names, then rows of text cells. */
export function readGeneric(frame: Frame, reader: SheetReader): GenericTable {
  // Empty rows drawn inside the grid are rows of the table; others are spacing.
  const rows = frame.rows.filter((row) => !isBlank(row) || row.some((c) => c.boxed));
  const header = rows[0] ?? [];
  const width = header.findLastIndex((c) => !c.covered && c.text.trim()) + 1;
  if (!width) reader.error(undefined, '找不到表头：标题下面第一行应为各列的列名');
  if (frame.title === null) reader.error(undefined, '找不到表名：表格上方应有一行标题');
  const body = rows.slice(1);
  body.forEach((row) => reader.beyond(row, width, '本表'));
  return {
    form: '通用表',
    ...(frame.number ? { label: frame.number } : {}),
    title: frame.title ?? '',
    ...(frame.unit ? { unit: frame.unit } : {}),
    columns: header.slice(0, width).map((c) => reader.required(c, '列名')),
    rows: body.map((row) => Array.from({ length: width }, (_, i) => reader.text(row[i]))),
    ...(frame.notes.length ? { notes: frame.notes } : {}),
    ...(frame.footer ? { footer: frame.footer } : {}),
  };
}
