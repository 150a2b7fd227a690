import ExcelJS from 'exceljs';
import type { ReportData } from '../content/schema/report.ts';
import { reportForms, type ReportForm } from '../tables/report-forms.ts';
import { writeForm } from './layout.ts';
import { fixZipDates } from './zip-dates.ts';
import { DERIVED_FROM_PREFIX, extraTableName, sheetName } from './sheet-names.ts';

/*
 * A report's tables as an .xlsx workbook in the official layout, one worksheet per form. The
 * same report gives the same bytes on every run: the workbook's dates are fixed and so are the
 * zip entries' timestamps.
 */

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export async function reportWorkbook(data: ReportData): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = workbook.lastModifiedBy = '公开 gongkai';
  workbook.title = data.title;
  workbook.created = workbook.modified = FIXED_DATE;
  const taken = new Set<string>();
  for (const item of reportForms(data)) {
    const ws = workbook.addWorksheet(sheetName(item, taken));
    writeForm(ws, item.form, preamble(item));
    // A table that fits no form keeps its key (its anchor on the page) as a defined name.
    if (item.entry.kind === '通用表')
      workbook.definedNames.add(`'${ws.name.replaceAll("'", "''")}'!$A$1`, extraTableName(item.entry.id));
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(bytes));
}

/** Lines the form prints under its heading that the page shows elsewhere. */
function preamble({ entry }: ReportForm): string[] {
  if (entry.kind === '整体支出绩效自评表' && entry.table.derivedFrom)
    return [`${DERIVED_FROM_PREFIX}${entry.table.derivedFrom}`];
  return [];
}
