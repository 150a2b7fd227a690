import type { ReportData } from './schema/report.ts';
import { FINAL_ACCOUNTS_TABLE_IDS } from '../fiscal/forms.ts';

/** Anchor ids of a report's tables, in the order the report defines them. */
export function tableIds(data: ReportData): string[] {
  const ids: string[] = [];
  if (data.kind === '部门决算') ids.push(...FINAL_ACCOUNTS_TABLE_IDS);
  if (data.kind === '部门整体支出绩效自评' && data.tables) {
    if (data.tables['base-data']) ids.push('base-data');
    if (data.tables['self-evaluation']) ids.push('self-evaluation');
    data.tables.projects?.forEach((_, i) => ids.push(`project-${i + 1}`));
  }
  ids.push(...Object.keys(data.extraTables ?? {}));
  return ids;
}
