import type { ReportData } from '../content/schema/report.ts';
import { tableEntries } from '../content/table-entries.ts';

/*
 * Where a report's workbook is published: one place for the report page's download link and the
 * build endpoint that writes the file. Kept apart from export.ts so the page does not load ExcelJS.
 */

/** Whether the report has any table to put in a workbook. */
export const hasWorkbook = (data: ReportData) => tableEntries(data).length > 0;

/** File name (without .xlsx) a report's workbook is published under: office-year-report. */
export const workbookName = (r: { office: string; slug: string; data: { year: number } }) =>
  `${r.office}-${r.data.year}-${r.slug}`;

/** The download URL, or null for a report without tables. */
export const workbookUrl = (r: { id: string; office: string; slug: string; data: ReportData }) =>
  hasWorkbook(r.data) ? `/offices/${r.id}/${workbookName(r)}.xlsx` : null;
