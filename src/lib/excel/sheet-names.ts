import type { ReportForm } from '../tables/report-forms.ts';

/** How a workbook names its sheets and marks what the forms do not print; export and import agree here. */

/** The line a self-evaluation compiled from the narrative carries under its title. */
export const DERIVED_FROM_PREFIX = '本表据报告正文整理：';

/** Defined name that keeps an extra table's key ("staff-list" → gongkai.extra.staff.list). */
const EXTRA_PREFIX = 'gongkai.extra.';
export const extraTableName = (key: string) => `${EXTRA_PREFIX}${key.replaceAll('-', '.')}`;
export const extraTableKey = (name: string) =>
  name.startsWith(EXTRA_PREFIX) ? name.slice(EXTRA_PREFIX.length).replaceAll('.', '-') : null;

/** Excel forbids []:*?/\ in sheet names, an apostrophe at either end, and more than 31 characters. */
export const cleanSheetName = (name: string) =>
  name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^[\s']+|[\s']+$/g, '')
    .slice(0, 31) || '表';

/** The form's number (公开01表, 附件1), else what the form is; unique within the workbook. */
export function sheetName({ entry, form }: ReportForm, taken: Set<string>): string {
  const base = cleanSheetName(form.number ?? (entry.kind === '通用表' ? form.title : entry.kind));
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 27)}（${i}）`;
  taken.add(name);
  return name;
}
