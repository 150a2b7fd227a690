import type { ReportData } from './schema/report.ts';
import type { CostRow } from './schema/performance.ts';
import { CODED_TABLE_IDS, cell, columnsOf, rowLabel } from '../fiscal/forms.ts';
import { costLineName } from '../fiscal/names.ts';

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
      for (const r of t.t01[side]) keys.set(`t01.${r.line}`, cell(t, 't01', [side, r], 'amount').text);
    for (const r of t.t04.income) keys.set(`t04.${r.line}`, cell(t, 't04', ['income', r], 'amount').text);
    for (const r of t.t04.expenditure)
      for (const c of columnsOf('t04'))
        keys.set(`t04.${r.line}.${c.label}`, cell(t, 't04', ['expenditure', r], c.key).text);
    for (const id of CODED_TABLE_IDS)
      for (const r of ['total' as const, ...t[id].rows])
        for (const c of columnsOf(id))
          keys.set(
            `${id}.${r === 'total' ? rowLabel(id, r) : r.code}.${c.label}`,
            cell(t, id, r, c.key).text,
          );
    for (const r of t.t06.groups.flat()) keys.set(`t06.${r.code}`, cell(t, 't06', r, 'amount').text);
    for (const total of ['personnelTotal', 'publicTotal'] as const)
      keys.set(`t06.${rowLabel('t06', total)}`, cell(t, 't06', total, 'amount').text);
    for (const c of columnsOf('t09'))
      for (const half of ['budget', 'actual'] as const)
        keys.set(`t09.${rowLabel('t09', half)}.${c.label}`, cell(t, 't09', half, c.key).text);
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
