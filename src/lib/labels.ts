import type { ReportKind } from './content/schema/report.ts';

/** Short names used in navigation; the published title is always shown on the report itself. */
export const KIND_LABELS: Record<ReportKind, string> = {
  部门决算: '部门决算',
  部门整体支出绩效自评: '整体支出绩效自评',
  部门预算: '部门预算',
};
