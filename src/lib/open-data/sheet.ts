import ExcelJS from 'exceljs';
import { AMOUNT_RE, PERCENT_RE } from '../fiscal/numbers.ts';
import { figureNumber } from '../excel/number-format.ts';
import { cleanSheetName } from '../excel/sheet-names.ts';
import { fixZipDates } from '../excel/zip-dates.ts';
import { ROW_NUMBER, type TidyTable } from './tidy.ts';

/*
 * A tidy table (a chart's data, the comparison table) as a one-sheet workbook: a header row of
 * the field names, then one row per record. 序号 is left out (the sheet numbers its rows). A
 * figure is a number with the format that shows exactly its published text ("16.50" as 16.5 in
 * `0.00`, "84.6%" as 0.846 in `0.0%`), as the report workbook writes them; any other text, and a
 * figure no number shows as written, is a text cell. A blank value is an empty cell. Every date
 * in the file is fixed, so the bytes are the same on every build.
 */

export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
/** Numbers printed as text (a year, a code) stay text when retyped. */
const TEXT_FORMAT = '@';

const displayWidth = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);

/** The workbook's properties: what the sheet is, and its unit and source (not in the cells). */
interface SheetMeta {
  title: string;
  /** Sheet name (cleaned to what Excel allows). */
  sheet: string;
  /** Unit, source and other notes, kept in the workbook's properties. */
  description?: string;
}

export async function tidyWorkbook(table: TidyTable, meta: SheetMeta): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = workbook.lastModifiedBy = '公开 gongkai';
  workbook.title = meta.title;
  if (meta.description) workbook.description = meta.description;
  workbook.created = workbook.modified = FIXED_DATE;
  const ws = workbook.addWorksheet(cleanSheetName(meta.sheet));
  const columns = table.fields.flatMap((f, i) => (f.name === ROW_NUMBER ? [] : [i]));
  const widths = columns.map((i) => displayWidth(table.fields[i].name) + 2);
  columns.forEach((i, c) => {
    const cell = ws.getCell(1, c + 1);
    cell.value = table.fields[i].name;
    cell.font = { bold: true };
  });
  table.rows.forEach((row, r) =>
    columns.forEach((i, c) => {
      const text = row[i];
      if (text === null) return;
      const cell = ws.getCell(r + 2, c + 1);
      const number = table.fields[i].role === 'value' ? figureNumber(text) : null;
      if (number) {
        cell.value = number.value;
        cell.numFmt = number.numFmt;
      } else {
        cell.value = text;
        if (AMOUNT_RE.test(text) || PERCENT_RE.test(text)) cell.numFmt = TEXT_FORMAT;
      }
      widths[c] = Math.max(widths[c], displayWidth(text) + 2);
    }),
  );
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = Math.min(60, Math.max(8, w))));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return fixZipDates(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
