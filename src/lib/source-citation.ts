import type { ReportData } from './content/schema/report.ts';

/**
 * The source line's words before its 原文 link: the published document by its published title
 * (not one composed for the site: a report with a titleNote is named by its issuer, year and
 * kind instead), its issuer, its dated lines (填报日期 …) and the part of it this report is.
 * Never the file name the text was received under (source.document): that stays in the data.
 */
export function sourceCitation(d: ReportData, issuer: string): string {
  return [
    ...(d.titleNote ? [`${issuer}公开的${d.year}年度${d.kind}`] : [`《${d.title}》`, issuer]),
    ...(d.dates ?? []).map((x) => `${x.label} ${x.date}`),
    ...(d.source.part ? [d.source.part] : []),
  ].join('，');
}
