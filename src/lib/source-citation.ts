import type { ReportData } from './content/schema/report.ts';

/**
 * What a reader is told beside the 原文 link: the document's published title (not one composed
 * for the site), its issuer, its dated lines, the part of it this report is, and its form.
 */
export function sourceCitation(d: ReportData, issuer: string): string {
  const parts = [
    ...(d.titleNote ? [] : [`《${d.title}》`]),
    issuer,
    ...(d.dates ?? []).map((x) => `${x.label} ${x.date}`),
    ...(d.source.part ? [d.source.part] : []),
  ];
  return `${parts.join('，')}；纯文本（UTF-8），收到时的文件名 ${d.source.document}`;
}
