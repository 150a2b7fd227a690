import type {
  BaseDataTable,
  CostRow,
  FundsColumn,
  IndicatorColumn,
  IndicatorRow,
  ProjectEvaluationTable,
  SelfEvaluationTable,
} from '../content/schema/performance.ts';
import type { FundsRow } from '../fiscal/funds.ts';
import { levelName } from '../fiscal/names.ts';
import { associate, figure, textCell, th, type FormModel, type ModelCell, type TableModel } from './model.ts';

/** The 绩效自评 forms: 基础数据表, 整体支出绩效自评表, 项目支出绩效自评表. */

const frame = (
  id: string,
  t: { label?: string | null; title: string; unit?: string | null; notes?: string[]; footer?: string | null },
  tables: TableModel[],
): FormModel => ({
  id,
  number: t.label ?? null,
  title: t.title,
  department: null,
  unit: t.unit ?? null,
  tables: tables.map((table, i) => associate(table, `${id}-${i + 1}`)),
  notes: t.notes ?? [],
  emptyStatement: null,
  footer: t.footer ?? null,
});

function costRows(rows: CostRow[], depth: number): ModelCell[][] {
  return rows.flatMap((r) => [
    [th(r.name, 'row', { level: depth }), ...r.values.map(figure)],
    ...costRows(r.parts ?? [], depth + 1),
    ...costRows(r.ofWhich ?? [], depth + 1),
  ]);
}

export function baseDataForm(id: string, t: BaseDataTable): FormModel {
  const tables: TableModel[] = [
    {
      caption: t.staffing.label,
      head: [[th(t.staffing.label, 'col'), ...t.staffing.columns.map((c) => th(c, 'col'))]],
      body: [[textCell(null), ...t.staffing.values.map(figure)]],
    },
    {
      caption: t.costs.label,
      head: [[th(t.costs.label, 'col'), ...t.costs.columns.map((c) => th(c, 'col'))]],
      body: costRows(t.costs.rows, 1),
    },
    ...(t.sections ?? []).map((s): TableModel => {
      if (s.columns)
        return {
          caption: s.label,
          head: [[th(s.label, 'col'), ...s.columns.map((c) => th(c, 'col'))]],
          body: (s.rows ?? []).map((r) => [textCell(null), ...r.map(figure)]),
        };
      return { caption: s.label, head: [], body: [[th(s.label, 'row'), textCell(s.text ?? null)]] };
    }),
  ];
  return frame(id, t, tables);
}

type Funds = NonNullable<SelfEvaluationTable['funds']>;

/** A funds cell by its column: the 原因 column holds text, every other a figure. */
const fundsCell = (r: FundsRow, key: FundsColumn['key']): ModelCell =>
  key === 'reason' ? textCell(r.reason) : figure(r[key]);

/**
 * The funds block: the name column (资金来源, or the block's label), then the printed columns in
 * their order; 按收入性质分 and 按支出性质分 side by side below, over the block's full width.
 */
function fundsTable(funds: Funds): TableModel {
  const body: ModelCell[][] = funds.rows.map((r) => [
    th(r.name, 'row'),
    ...funds.columns.map((c) => fundsCell(r, c.key)),
  ]);
  const byIncome = funds.byIncome ?? [];
  const byNature = funds.byNature ?? [];
  if (byIncome.length || byNature.length) {
    // Each side is a name and an amount: at least two columns, the 支出 side taking the odd one.
    const width = 1 + funds.columns.length;
    const income = Math.max(2, Math.floor(width / 2));
    const nature = Math.max(2, width - income);
    body.push([
      th('按收入性质分：', 'col', { colspan: income }),
      th('按支出性质分：', 'col', { colspan: nature }),
    ]);
    for (let i = 0; i < Math.max(byIncome.length, byNature.length); i++) {
      const a = byIncome[i];
      const b = byNature[i];
      body.push([
        a ? th(a.name, 'row', { colspan: income - 1 }) : textCell(null, { colspan: income - 1 }),
        figure(a?.amount),
        b ? th(b.name, 'row', { colspan: nature - 1 }) : textCell(null, { colspan: nature - 1 }),
        figure(b?.amount),
      ]);
    }
  }
  return {
    caption: funds.label,
    ...(funds.nameHeading ? { captionLine: true } : {}),
    head: [[th(funds.nameHeading ?? funds.label, 'col'), ...funds.columns.map((c) => th(c.heading, 'col'))]],
    body,
  };
}

function goalsTable(goals: NonNullable<SelfEvaluationTable['goals']>): TableModel {
  return {
    caption: '年度总体目标',
    head: [[th('预期目标', 'col'), th('实际完成情况', 'col')]],
    body: [[textCell(goals.expected, { multiline: true }), textCell(goals.actual, { multiline: true })]],
  };
}

/** An indicator row's cell by its column, as printed (a placeholder row's cells as text, muted). */
function indicatorCell(r: IndicatorRow | null, key: IndicatorColumn['key']): ModelCell {
  if (r?.kind === 'placeholder') {
    const value = (r.printed ?? r)[key];
    return key === 'name' && value
      ? th(value, 'row', { placeholder: true })
      : textCell(value, { placeholder: true });
  }
  if (key === 'name') return r?.name ? th(r.name, 'row') : textCell(null);
  if (key === 'weight' || key === 'score') return figure(r?.[key] ?? null);
  return textCell(r?.[key]);
}

/** A 一级 or 二级 cell: a header over its rows, or a blank cell where the form prints no name. */
const levelCell = (level: Parameters<typeof levelName>[0], rowspan?: number): ModelCell => {
  const name = levelName(level);
  const span = rowspan === undefined ? {} : { rowspan };
  return name ? th(name, 'rowgroup', span) : textCell(null, span);
};

/**
 * The indicator block: 一级 and 二级 cells spanning their rows as on the form, then the printed
 * columns in their order; the 总分 row puts its 分值 and 得分 under those columns.
 */
function indicatorTable(t: SelfEvaluationTable | ProjectEvaluationTable): TableModel {
  const columns = t.indicatorColumns;
  const head = [[th('一级指标', 'col'), th('二级指标', 'col'), ...columns.map((c) => th(c.heading, 'col'))]];
  const body: ModelCell[][] = [];
  for (const l1 of t.indicators) {
    const span1 = l1.children.reduce((n, l2) => n + Math.max(1, l2.rows.length), 0) || 1;
    let first1 = true;
    if (!l1.children.length)
      body.push([levelCell(l1), ...Array.from({ length: 1 + columns.length }, () => textCell(null))]);
    for (const l2 of l1.children) {
      const span2 = Math.max(1, l2.rows.length);
      const rows = l2.rows.length ? l2.rows : [null];
      rows.forEach((r, i) => {
        const cells: ModelCell[] = [];
        if (first1) cells.push(levelCell(l1, span1));
        if (i === 0) cells.push(levelCell(l2, span2));
        first1 = false;
        cells.push(...columns.map((c) => indicatorCell(r, c.key)));
        body.push(cells);
      });
    }
  }
  const total = t.total;
  if (total) {
    const first = columns.findIndex((c) => c.key === 'weight' || c.key === 'score');
    body.push([
      th('总分', 'row', { colspan: 2 + first }),
      ...columns
        .slice(first)
        .map((c) =>
          c.key === 'weight'
            ? figure(total.weight)
            : c.key === 'score'
              ? figure(total.score)
              : textCell(null),
        ),
    ]);
  }
  return { caption: '绩效指标', head, body };
}

function evaluationTables(
  t: SelfEvaluationTable | ProjectEvaluationTable,
  identity: ModelCell[][],
): TableModel[] {
  return [
    { caption: '基本信息', head: [], body: identity },
    ...(t.funds ? [fundsTable(t.funds)] : []),
    ...(t.goals ? [goalsTable(t.goals)] : []),
    indicatorTable(t),
  ];
}

export function selfEvaluationForm(id: string, t: SelfEvaluationTable): FormModel {
  const identity = t.department ? [[th('预算部门名称', 'row'), textCell(t.department)]] : [];
  const tables = evaluationTables(t, identity).filter((x) => x.body.length);
  return frame(id, t, tables);
}

export function projectEvaluationForm(id: string, t: ProjectEvaluationTable): FormModel {
  const identity = [
    [th('项目支出名称', 'row'), textCell(t.project, { colspan: 3 })],
    [th('主管部门', 'row'), textCell(t.department), th('实施单位', 'row'), textCell(t.implementer)],
  ];
  return frame(id, t, evaluationTables(t, identity));
}
