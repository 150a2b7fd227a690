import type { ReportData } from '../content/schema/report.ts';
import type {
  BaseDataTable,
  ProjectEvaluationTable,
  SelfEvaluationTable,
} from '../content/schema/performance.ts';
import { tableEntries } from '../content/table-entries.ts';
import { AMOUNT_RE, NOT_APPLICABLE, PERCENT_RE } from '../fiscal/numbers.ts';
import { reportTables, type Path, type Table } from '../review/figures.ts';
import type { ChartSpec } from '../charts/model.ts';

/*
 * A published table or chart as tidy records: one record per printed row, the first fields
 * identify the row (序号, then 科目编码/科目名称, 行次/项目, 一级/二级/三级指标 … as the form has
 * them), the other fields are the printed value columns. Every value is the published text:
 * "16.50" stays "16.50", "——" stays "——", a blank cell is null (an empty CSV field). A column a
 * row does not print (the funds block's columns on an indicator row) is null as well.
 */

/** A record's value for each field, in field order: published text, or null where nothing is printed. */
type TidyRow = (string | null)[];

interface TidyField {
  name: string;
  /** Identifies the row (the primary key is chosen among these), as opposed to a printed value column. */
  role: 'row' | 'value';
}

export interface TidyTable {
  /** The table's anchor on the report page (t01, self-evaluation, chart-functional …). */
  id: string;
  fields: TidyField[];
  rows: TidyRow[];
}

/** The first field of every tidy table: the row's position in print, 1, 2, 3 …. */
export const ROW_NUMBER = '序号';

/** A printed figure: an amount, a percentage, or "——" (not applicable). */
export const FIGURE_PATTERN = `^(?:-?\\d+(?:\\.\\d+)?%?|${NOT_APPLICABLE})$`;
const FIGURE = new RegExp(FIGURE_PATTERN);

/** Whether every non-blank value of a column is a figure (and at least one is): its schema says so. */
export function isFigureColumn(rows: readonly TidyRow[], index: number): boolean {
  let any = false;
  for (const row of rows) {
    const v = row[index];
    if (v === null) continue;
    if (!FIGURE.test(v)) return false;
    if (AMOUNT_RE.test(v) || PERCENT_RE.test(v)) any = true;
  }
  return any;
}

type Entry = ReturnType<typeof tableEntries>[number];

interface Identified {
  /** The identifying fields' values, by field name. */
  id: Record<string, string | null>;
  /** Value cells' columns the identifying fields already carry (科目名称, 项目). */
  skip?: string[];
}

const CODED = new Set(['t02', 't03', 't05', 't07', 't08']);
const blankable = (v: string | null | undefined) => (v === undefined || v === '' ? null : v);

/** The identifying fields of each row of a table, by the kind of table. */
function identify(data: ReportData, entry: Entry, table: Table): { names: string[]; rows: Identified[] } {
  const { id } = entry;
  if (entry.kind === '部门决算' && data.kind === '部门决算') {
    if (id === 't01' || id === 't04') {
      const incomeRows = data.tables[id].income.length;
      return {
        names: ['部分', '行次', '项目'],
        rows: table.rows.map((r, i) => ({
          id: { 部分: i < incomeRows ? '收入' : '支出', 行次: r.key, 项目: r.name ?? null },
          skip: ['项目'],
        })),
      };
    }
    if (CODED.has(id))
      return {
        names: ['科目编码', '科目名称'],
        rows: table.rows.map((r) =>
          r.name === undefined && r.key === '合计'
            ? { id: { 科目编码: null, 科目名称: '合计' } }
            : { id: { 科目编码: r.key, 科目名称: blankable(r.name) }, skip: ['科目名称'] },
        ),
      };
    if (id === 't06')
      return {
        names: ['栏', '科目编码', '科目名称'],
        rows: table.rows.map((r) =>
          r.group
            ? { id: { 栏: r.group, 科目编码: r.key, 科目名称: blankable(r.name) }, skip: ['科目名称'] }
            : { id: { 栏: null, 科目编码: null, 科目名称: r.key } },
        ),
      };
    return { names: ['项目'], rows: table.rows.map((r) => ({ id: { 项目: r.key } })) };
  }
  if (entry.kind === '整体支出绩效自评表' || entry.kind === '项目支出绩效自评表')
    return evaluationIds(entry.table, table, entry.kind === '项目支出绩效自评表' ? 3 : 2);
  if (entry.kind === '基础数据表') return baseDataIds(entry.table, table);
  if (entry.kind === '通用表') {
    const heading = entry.table.columns[0];
    return { names: [heading], rows: entry.table.rows.map((r) => ({ id: { [heading]: blankable(r[0]) } })) };
  }
  return { names: ['项目'], rows: table.rows.map((r) => ({ id: { 项目: r.key } })) };
}

/** The YAML path of a row's first cell below the table (rows of these tables always print cells). */
const rowPath = (row: Table['rows'][number], prefix: number): Path => row.cells[0]?.path.slice(prefix) ?? [];

function evaluationIds(t: SelfEvaluationTable | ProjectEvaluationTable, table: Table, prefix: number) {
  const names = ['部分', '项目', '一级指标', '二级指标', '三级指标'];
  const rows = table.rows.map((row): Identified => {
    const p = rowPath(row, prefix);
    const id: Record<string, string | null> = {
      部分: null,
      项目: null,
      一级指标: null,
      二级指标: null,
      三级指标: null,
    };
    if (p[0] === 'funds') {
      const list =
        p[1] === 'byIncome' ? t.funds?.byIncome : p[1] === 'byNature' ? t.funds?.byNature : t.funds?.rows;
      id.部分 = p[1] === 'byIncome' ? '按收入性质分' : p[1] === 'byNature' ? '按支出性质分' : '资金';
      id.项目 = blankable(list?.[Number(p[2])]?.name);
    } else if (p[0] === 'indicators') {
      id.部分 = '指标';
      const l1 = t.indicators[Number(p[1])];
      id.一级指标 = blankable(l1?.name);
      if (p[2] === 'children') {
        const l2 = l1?.children[Number(p[3])];
        id.二级指标 = blankable(l2?.name);
        if (p[4] === 'rows') id.三级指标 = blankable(l2?.rows[Number(p[5])]?.name);
      }
    } else id.部分 = row.key;
    return { id };
  });
  return { names, rows };
}

function baseDataIds(t: BaseDataTable, table: Table) {
  const depth = (list: BaseDataTable['costs']['rows']): number =>
    Math.max(0, ...list.map((r) => 1 + depth([...(r.parts ?? []), ...(r.ofWhich ?? [])])));
  const levels = Math.max(1, depth(t.costs.rows));
  const names = [
    '部分',
    ...Array.from({ length: levels }, (_, i) => `${['一', '二', '三', '四', '五'][i] ?? i + 1}级项目`),
    '其中',
  ];
  const rows = table.rows.map((row): Identified => {
    const p = rowPath(row, 2);
    const id: Record<string, string | null> = Object.fromEntries(names.map((n) => [n, null]));
    const path: string[] = [];
    if (p[0] === 'staffing') {
      id.部分 = t.staffing.label;
    } else if (p[0] === 'costs') {
      id.部分 = '经费';
      let list = t.costs.rows;
      let at = 2;
      for (;;) {
        const r = list[Number(p[at])];
        path.push(r.name);
        if (p[at + 1] !== 'parts' && p[at + 1] !== 'ofWhich') break;
        list = (p[at + 1] === 'parts' ? r.parts : r.ofWhich) ?? [];
        at += 2;
      }
      id.其中 = row.group === '其中' ? '其中' : null;
    } else if (p[0] === 'sections') {
      const s = t.sections?.[Number(p[1])];
      id.部分 = s?.label ?? null;
      if ((s?.rows?.length ?? 0) > 1) path.push(String(Number(p[3]) + 1));
    }
    path.forEach((name, i) => (id[names[i + 1]] = blankable(name)));
    return { id };
  });
  return { names, rows };
}

/** Every published table of a report as tidy records, in page order. */
export function tidyTables(data: ReportData): TidyTable[] {
  const tables = new Map(reportTables(data).map((t) => [t.id, t]));
  return tableEntries(data).flatMap((entry) => {
    const table = tables.get(entry.id);
    if (!table) return [];
    const { names, rows } = identify(data, entry, table);
    const skip = new Set(rows.flatMap((r) => r.skip ?? []));
    // Columns by heading; a heading printed twice in a row (a generic table's) is a column of its own.
    const keyed = table.rows.map((row) => {
      const seen = new Map<string, number>();
      return row.cells
        .filter((c) => !skip.has(c.column))
        .map((c) => {
          const n = (seen.get(c.column) ?? 0) + 1;
          seen.set(c.column, n);
          return { key: n === 1 ? c.column : `${c.column}（${n}）`, value: c.value };
        });
    });
    const columns = [...new Set(keyed.flatMap((cells) => cells.map((c) => c.key)))];
    return [
      {
        id: entry.id,
        fields: uniqueNames([
          { name: ROW_NUMBER, role: 'row' as const },
          ...names.map((name) => ({ name, role: 'row' as const })),
          ...columns.map((name) => ({ name, role: 'value' as const })),
        ]),
        rows: keyed.map((cells, i) => {
          const byColumn = new Map(cells.map((c) => [c.key, c.value]));
          return [
            String(i + 1),
            ...names.map((n) => rows[i].id[n] ?? null),
            ...columns.map((c) => byColumn.get(c) ?? null),
          ];
        }),
      },
    ];
  });
}

/** Field names are unique: a later field named like an earlier one is marked with its position (科目名称（2）). */
function uniqueNames(fields: TidyField[]): TidyField[] {
  const taken = new Set<string>();
  return fields.map((f) => {
    let name = f.name;
    for (let n = 2; taken.has(name); n++) name = `${f.name}（${n}）`;
    taken.add(name);
    return { ...f, name };
  });
}

/** A chart's data: one record per label, one field per series. */
export function tidyChart(chart: ChartSpec): TidyTable {
  return {
    id: chart.id,
    fields: uniqueNames([
      { name: ROW_NUMBER, role: 'row' },
      { name: chart.category, role: 'row' },
      ...chart.series.map((s) => ({ name: s.name, role: 'value' as const })),
    ]),
    rows: chart.labels.map((label, i) => [
      String(i + 1),
      label,
      ...chart.series.map((s) => s.values[i] ?? null),
    ]),
  };
}
