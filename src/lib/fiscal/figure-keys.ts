import type { ReportData } from '../content/schema/report.ts';
import type { CostRow } from '../content/schema/performance.ts';
import { FORMS } from './forms.ts';
import { costLineName } from './names.ts';

/**
 * Figures by key, for the narrative directive `:figure{key=…}`:
 *   t01.27                      公开01表 第27行 (t04 the same; its expenditure side adds the column: t04.59.合计)
 *   t03.合计.基本支出, t03.201.本年支出合计   coded tables: row (合计 or code) and column
 *   t06.30101, t06.人员经费合计, t06.公用经费合计
 *   t09.决算数.公务接待费       (预算数 or 决算数, then the column)
 *   base-data.公用经费.2022年决算数   基础数据表: row name without numbering, then the column
 */
export function figureKeys(d: ReportData): Map<string, string | null> {
  const keys = new Map<string, string | null>();
  if (d.kind === '部门决算') {
    const t = d.tables;
    for (const side of ['income', 'expenditure'] as const)
      for (const r of t.t01[side]) keys.set(`t01.${r.line}`, r.values[0]);
    for (const r of t.t04.income) keys.set(`t04.${r.line}`, r.values[0]);
    for (const r of t.t04.expenditure)
      r.values.forEach((v, c) => keys.set(`t04.${r.line}.${FORMS.t04.columns[c].label}`, v));
    for (const id of ['t02', 't03', 't05', 't07', 't08'] as const) {
      const columns = FORMS[id].columns;
      t[id].total.forEach((v, c) => keys.set(`${id}.合计.${columns[c].label}`, v));
      for (const r of t[id].rows)
        r.values.forEach((v, c) => keys.set(`${id}.${r.code}.${columns[c].label}`, v));
    }
    for (const r of t.t06.groups.flat()) keys.set(`t06.${r.code}`, r.values[0]);
    keys.set('t06.人员经费合计', t.t06.personnelTotal);
    keys.set('t06.公用经费合计', t.t06.publicTotal);
    FORMS.t09.columns.forEach((c, i) => {
      keys.set(`t09.预算数.${c.label}`, t.t09.budget[i]);
      keys.set(`t09.决算数.${c.label}`, t.t09.actual[i]);
    });
  }
  if (d.kind === '部门整体支出绩效自评' && d.tables?.['base-data']) {
    const bd = d.tables['base-data'];
    const walk = (rows: CostRow[]) =>
      rows.forEach((r) => {
        const name = costLineName(r.name);
        bd.costs.columns.forEach(
          (c, i) => keys.has(`base-data.${name}.${c}`) || keys.set(`base-data.${name}.${c}`, r.values[i]),
        );
        walk([...(r.parts ?? []), ...(r.ofWhich ?? [])]);
      });
    walk(bd.costs.rows);
  }
  return keys;
}
