import type { GenericTable } from '../content/schema/generic-table.ts';
import { associate, textCell, th, type FormModel } from './model.ts';

export function genericForm(id: string, t: GenericTable): FormModel {
  return {
    id,
    number: t.label ?? null,
    title: t.title,
    department: null,
    unit: t.unit ?? null,
    tables: [
      associate(
        {
          caption: t.title,
          head: [t.columns.map((c) => th(c, 'col'))],
          body: t.rows.map((r) => r.map((c) => textCell(c))),
        },
        id,
      ),
    ],
    notes: t.notes ?? [],
    emptyStatement: null,
    footer: t.footer ?? null,
  };
}
