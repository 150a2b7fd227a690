import type { ReportData } from '../content/schema/report.ts';
import type { FinalAccountsTables } from '../content/schema/final-accounts.ts';
import type {
  BaseDataTable,
  CostRow,
  ProjectEvaluationTable,
  SelfEvaluationTable,
} from '../content/schema/performance.ts';
import type { GenericTable } from '../content/schema/generic-table.ts';
import { tableEntries } from '../content/table-entries.ts';
import {
  cell,
  columnLabel,
  columnsOf,
  rowLabel,
  sideColumnsOf,
  type CodedRow,
  type CodedTableId,
  type Side,
} from '../fiscal/forms.ts';
import type { Fig } from '../fiscal/figure.ts';

/*
 * Every cell of a report's tables, addressed the way the form addresses it: table anchor → row
 * key (classification code, 行次, indicator path 一级/二级/三级, line name) → column name. Never
 * by position in the YAML, so a reformatted file yields the same cells.
 */

/** A path to a YAML node of the report, as `locate` takes it. */
export type Path = (string | number)[];

interface Cell {
  column: string;
  value: string | null;
  path: Path;
}

interface Row {
  key: string;
  /** Printed name, where the key is a code or 行次. */
  name?: string;
  /** Part of the printed layout the key does not tell (the column group of 公开06表, a "其中" row). */
  group?: string;
  cells: Cell[];
}

export interface Table {
  id: string;
  rows: Row[];
}

/** Blank names ("~" in the YAML) in keys. */
const BLANK = '~';

/** Cells of a row; `offset` is the index of the first value in the YAML row (after its key and name). */
const cells = (
  values: readonly (string | null | undefined)[],
  columns: readonly string[],
  path: Path,
  offset = 0,
): Cell[] =>
  values.map((value, c) => ({
    column: columns[c] ?? `第${c + offset + 1}栏`,
    value: value ?? null,
    path: [...path, c + offset],
  }));

/** A figure as the cell of its column. */
const figureCell = (column: string, f: Fig): Cell => ({ column, value: f.text, path: f.path });

/** t01 and t04: [行次, 项目, cells…]; the name keeps the indent it is printed with. */
function numbered(t: FinalAccountsTables, id: 't01' | 't04', side: Side): Row[] {
  const columns = sideColumnsOf(id, side);
  return t[id][side].map((r, i) => ({
    key: String(r.line),
    ...(r.name !== null ? { name: r.name } : {}),
    cells: [
      {
        column: '项目',
        value: r.name === null ? null : `${'  '.repeat(r.level - 1)}${r.name}`,
        path: ['tables', id, side, i, 1],
      },
      ...columns.map((c) => figureCell(c.label, cell(t, id, [side, r], c.key))),
    ],
  }));
}

function coded(t: FinalAccountsTables, id: CodedTableId): Row[] {
  const figures = (r: 'total' | CodedRow) =>
    columnsOf(id).map((c) => figureCell(c.label, cell(t, id, r, c.key)));
  return [
    { key: rowLabel(id, 'total'), cells: figures('total') },
    ...t[id].rows.map((r, i) => ({
      key: r.code,
      name: r.name,
      cells: [{ column: '科目名称', value: r.name, path: ['tables', id, 'rows', i, 1] }, ...figures(r)],
    })),
  ];
}

function finalAccounts(t: FinalAccountsTables): Table[] {
  const amount = (r: CodedRow | 'personnelTotal' | 'publicTotal') =>
    figureCell(columnLabel('t06', 'amount'), cell(t, 't06', r, 'amount'));
  return [
    { id: 't01', rows: [...numbered(t, 't01', 'income'), ...numbered(t, 't01', 'expenditure')] },
    { id: 't02', rows: coded(t, 't02') },
    { id: 't03', rows: coded(t, 't03') },
    { id: 't04', rows: [...numbered(t, 't04', 'income'), ...numbered(t, 't04', 'expenditure')] },
    { id: 't05', rows: coded(t, 't05') },
    {
      id: 't06',
      rows: [
        ...t.t06.groups.flatMap((g, gi) =>
          g.map((r, i) => ({
            key: r.code,
            name: r.name,
            group: `第${gi + 1}栏`,
            cells: [
              { column: '科目名称', value: r.name, path: ['tables', 't06', 'groups', gi, i, 1] },
              amount(r),
            ],
          })),
        ),
        ...(['personnelTotal', 'publicTotal'] as const).map((row) => ({
          key: rowLabel('t06', row),
          cells: [amount(row)],
        })),
      ],
    },
    { id: 't07', rows: coded(t, 't07') },
    { id: 't08', rows: coded(t, 't08') },
    {
      id: 't09',
      rows: (['budget', 'actual'] as const).map((half) => ({
        key: rowLabel('t09', half),
        cells: columnsOf('t09').map((c) => figureCell(c.label, cell(t, 't09', half, c.key))),
      })),
    },
  ];
}

function baseData(t: BaseDataTable): Row[] {
  const path = ['tables', 'base-data'];
  const costs = (list: CostRow[], parent: string, at: Path, group?: string): Row[] =>
    list.flatMap((r, i) => {
      const key = parent ? `${parent}/${r.name}` : r.name;
      return [
        { key, ...(group ? { group } : {}), cells: cells(r.values, t.costs.columns, [...at, i, 'values']) },
        ...costs(r.parts ?? [], key, [...at, i, 'parts']),
        ...costs(r.ofWhich ?? [], key, [...at, i, 'ofWhich'], '其中'),
      ];
    });
  return [
    {
      key: t.staffing.label,
      cells: cells(t.staffing.values, t.staffing.columns, [...path, 'staffing', 'values']),
    },
    ...costs(t.costs.rows, '', [...path, 'costs', 'rows']),
    ...(t.sections ?? []).flatMap((s, si) =>
      (s.rows ?? []).map((r, k, all) => ({
        key: all.length === 1 ? s.label : `${s.label}/${k + 1}`,
        cells: cells(r, s.columns ?? [], [...path, 'sections', si, 'rows', k]),
      })),
    ),
  ];
}

/**
 * 整体支出 and 项目支出 自评表: funds block, indicator tree by name path, 总分. Funds and indicator
 * cells are named by the column headings the table prints and located by their position in the
 * printed row (the name is a funds row's cell 0); a placeholder row's cells lie under `placeholder`.
 */
function evaluation(t: SelfEvaluationTable | ProjectEvaluationTable, path: Path): Row[] {
  const rows: Row[] = [];
  const funds = [...path, 'funds'];
  const fundsColumns = t.funds?.columns ?? [];
  t.funds?.rows.forEach((r, i) =>
    rows.push({
      key: r.name,
      cells: fundsColumns.map((c, k) => ({
        column: c.heading,
        value: r[c.key],
        path: [...funds, 'rows', i, k + 1],
      })),
    }),
  );
  for (const [list, label] of [
    [t.funds?.byIncome, '按收入性质分'],
    [t.funds?.byNature, '按支出性质分'],
  ] as const)
    list?.forEach((r, i) =>
      rows.push({
        key: `${label}/${r.name}`,
        cells: [
          {
            column: '金额',
            value: r.amount,
            path: [...funds, label === '按收入性质分' ? 'byIncome' : 'byNature', i, 1],
          },
        ],
      }),
    );
  const stated = (level: { weight?: string | null; score?: string | null }, at: Path): Cell[] => [
    { column: '分值', value: level.weight ?? null, path: [...at, 'weight'] },
    { column: '得分', value: level.score ?? null, path: [...at, 'score'] },
  ];
  t.indicators.forEach((l1, i) => {
    const p1 = [...path, 'indicators', i];
    const k1 = l1.name ?? BLANK;
    rows.push({ key: k1, cells: stated(l1, p1) });
    l1.children.forEach((l2, j) => {
      const p2 = [...p1, 'children', j];
      const k2 = `${k1}/${l2.name ?? BLANK}`;
      rows.push({ key: k2, cells: stated(l2, p2) });
      l2.rows.forEach((r, k) => {
        const at = r.kind === 'placeholder' ? [...p2, 'rows', k, 'placeholder'] : [...p2, 'rows', k];
        const printed = r.kind === 'placeholder' ? (r.printed ?? r) : r;
        rows.push({
          key: `${k2}/${r.name ?? BLANK}`,
          // The 三级指标 names the row; every other column is a cell.
          cells: t.indicatorColumns.flatMap((c, n) =>
            c.key === 'name' ? [] : [{ column: c.heading, value: printed[c.key], path: [...at, n] }],
          ),
        });
      });
    });
  });
  // The 总分 row prints its figures under the 分值 (or 权重) and 得分 columns.
  const heading = (key: 'weight' | 'score') => t.indicatorColumns.find((c) => c.key === key)?.heading;
  if (t.total)
    rows.push({
      key: '总分',
      cells: [
        { column: heading('weight') ?? '分值', value: t.total.weight, path: [...path, 'total', 'weight'] },
        { column: heading('score') ?? '得分', value: t.total.score, path: [...path, 'total', 'score'] },
      ],
    });
  return rows;
}

/** 通用表: the first cell names the row, the header names the columns. */
function generic(id: string, t: GenericTable): Row[] {
  return t.rows.map((r, i) => ({
    key: r[0] ?? `第${i + 1}行`,
    cells: cells(r.slice(1), t.columns.slice(1), ['extraTables', id, 'rows', i], 1),
  }));
}

/** Repeated keys ("……" twice under one line) get "#2", "#3" in printed order. */
function uniqueKeys(rows: Row[]): Row[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const n = (seen.get(r.key) ?? 0) + 1;
    seen.set(r.key, n);
    return n === 1 ? r : { ...r, key: `${r.key}#${n}` };
  });
}

/** A report's tables in page order, with their rows in printed order. */
export function reportTables(data: ReportData): Table[] {
  const tables: Table[] = [];
  if (data.kind === '部门决算') tables.push(...finalAccounts(data.tables));
  for (const entry of tableEntries(data)) {
    if (entry.kind === '基础数据表') tables.push({ id: entry.id, rows: baseData(entry.table) });
    if (entry.kind === '整体支出绩效自评表')
      tables.push({ id: entry.id, rows: evaluation(entry.table, ['tables', 'self-evaluation']) });
    if (entry.kind === '项目支出绩效自评表')
      tables.push({
        id: entry.id,
        rows: evaluation(entry.table, ['tables', 'projects', Number(entry.id.slice('project-'.length)) - 1]),
      });
    if (entry.kind === '通用表') tables.push({ id: entry.id, rows: generic(entry.id, entry.table) });
  }
  return tables.map((t) => ({ ...t, rows: uniqueKeys(t.rows) }));
}

/**
 * YAML subtrees that reportTables turns into cells; everything else of a report is compared as
 * a meta field. `*` stands for any one key or index.
 */
const FIGURE_PATHS = [
  'tables.*.income',
  'tables.*.expenditure',
  'tables.*.total',
  'tables.*.rows',
  'tables.t06.groups',
  'tables.t06.personnelTotal',
  'tables.t06.publicTotal',
  'tables.t09.budget',
  'tables.t09.actual',
  'tables.base-data.staffing.values',
  'tables.base-data.costs.rows',
  'tables.base-data.sections.*.rows',
  'tables.self-evaluation.funds.rows',
  'tables.self-evaluation.funds.byIncome',
  'tables.self-evaluation.funds.byNature',
  'tables.self-evaluation.indicators',
  'tables.projects.*.funds.rows',
  'tables.projects.*.funds.byIncome',
  'tables.projects.*.funds.byNature',
  'tables.projects.*.indicators',
  'tables.projects.*.total',
  'extraTables.*.rows',
].map((p) => p.split('.'));

export const isFigurePath = (path: readonly (string | number)[]) =>
  FIGURE_PATHS.some((p) => p.length === path.length && p.every((k, i) => k === '*' || k === String(path[i])));
