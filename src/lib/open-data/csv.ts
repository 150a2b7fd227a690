import type { TidyTable } from './tidy.ts';

/*
 * CSV as RFC 4180 writes it: UTF-8 without a byte-order mark, CRLF line ends, a header line of
 * the field names. A blank cell is an empty field; every other value is written as its text
 * (quoted when it holds a comma, a quote, a line break, or space at either end), so "0.00",
 * "16.50" and "——" come back exactly as printed.
 */

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

const field = (v: string | null) =>
  v === null ? '' : NEEDS_QUOTES.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v;

export function toCsv(table: TidyTable): string {
  const lines = [table.fields.map((f) => field(f.name)), ...table.rows.map((r) => r.map(field))];
  return lines.map((l) => `${l.join(',')}\r\n`).join('');
}

/** The same records as JSON objects, field name → published text, null where the cell is blank. */
export function toRecords(table: TidyTable): Record<string, string | null>[] {
  return table.rows.map((r) => Object.fromEntries(table.fields.map((f, i) => [f.name, r[i]])));
}
