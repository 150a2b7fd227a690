import type { ReportData } from '../content/schema/report.ts';
import { tableEntries } from '../content/table-entries.ts';
import type { FinalAccountsTableId } from '../fiscal/forms.ts';
import { finalAccountsForms } from './final-accounts.ts';
import { baseDataForm, projectEvaluationForm, selfEvaluationForm } from './performance.ts';
import { genericForm } from './generic.ts';
import type { FormModel } from './model.ts';

type TableEntry = ReturnType<typeof tableEntries>[number];

/** A report's table as printed: which table it is, and its form. */
export interface ReportForm {
  entry: TableEntry;
  form: FormModel;
}

/** Every table of a report as its printed form, in the report's order. */
export function reportForms(data: ReportData): ReportForm[] {
  const finals = data.kind === '部门决算' ? finalAccountsForms(data.tables) : null;
  return tableEntries(data).map((entry) => ({ entry, form: formOf(entry, finals) }));
}

function formOf(entry: TableEntry, finals: ReturnType<typeof finalAccountsForms> | null): FormModel {
  switch (entry.kind) {
    case '部门决算':
      return finals![entry.id as FinalAccountsTableId];
    case '基础数据表':
      return baseDataForm(entry.id, entry.table);
    case '整体支出绩效自评表':
      return selfEvaluationForm(entry.id, entry.table);
    case '项目支出绩效自评表':
      return projectEvaluationForm(entry.id, entry.table);
    default:
      return genericForm(entry.id, entry.table);
  }
}
