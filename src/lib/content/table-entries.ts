import type { ReportData } from './schema/report.ts';
import type { BaseDataTable, ProjectEvaluationTable, SelfEvaluationTable } from './schema/performance.ts';
import type { GenericTable } from './schema/generic-table.ts';
import { FINAL_ACCOUNTS_TABLE_IDS } from '../fiscal/forms.ts';
import { projectId } from './tables.ts';

/**
 * A report's tables with their anchor ids, in the order the report defines them: the one place
 * that names them (#t01…#t09, #base-data, #self-evaluation, #project-1…, extra tables by key).
 */
type TableEntry =
  | { id: string; kind: '部门决算' }
  | { id: 'base-data'; kind: '基础数据表'; table: BaseDataTable }
  | { id: 'self-evaluation'; kind: '整体支出绩效自评表'; table: SelfEvaluationTable }
  | { id: string; kind: '项目支出绩效自评表'; table: ProjectEvaluationTable }
  | { id: string; kind: '通用表'; table: GenericTable };

export function tableEntries(data: ReportData): TableEntry[] {
  const out: TableEntry[] = [];
  if (data.kind === '部门决算')
    out.push(...FINAL_ACCOUNTS_TABLE_IDS.map((id) => ({ id, kind: '部门决算' as const })));
  if (data.kind === '部门整体支出绩效自评' && data.tables) {
    const t = data.tables;
    if (t['base-data']) out.push({ id: 'base-data', kind: '基础数据表', table: t['base-data'] });
    if (t['self-evaluation'])
      out.push({ id: 'self-evaluation', kind: '整体支出绩效自评表', table: t['self-evaluation'] });
    t.projects?.forEach((table, i) => out.push({ id: projectId(i), kind: '项目支出绩效自评表', table }));
  }
  for (const [id, table] of Object.entries(data.extraTables ?? {})) out.push({ id, kind: '通用表', table });
  return out;
}

export const tableIds = (data: ReportData) => tableEntries(data).map((e) => e.id);
