import Big from 'big.js';
import type { Report } from '../content/load.ts';
import type { FinalAccountsTables } from '../content/schema/final-accounts.ts';
import type { PerformanceReport } from '../content/schema/report.ts';
import type {
  FundsColumn,
  IndicatorRow,
  ProjectEvaluationTable,
  SelfEvaluationTable,
} from '../content/schema/performance.ts';
import { fundsTotalFigure, fundsTotalRow, splitFunds } from '../fiscal/funds.ts';
import { FORMS, cell, columnLabel, rowLabel, type CodedRow } from '../fiscal/forms.ts';
import { levelName } from '../fiscal/names.ts';
import { big } from '../fiscal/numbers.ts';
import { pct } from '../fiscal/arithmetic.ts';
import { largest, money, versus, type ChartSpec } from './model.ts';
import { verifiedStatements } from '../stated-figures.ts';
import type { StatedMeasure } from '../measures.ts';

/** The charts of one report, from whichever of its tables are published. */

/** A whole in two parts (basic/project, personnel/public) as a doughnut, each part with its share. */
function split(
  id: string,
  caption: string,
  category: string,
  parts: [string, string | null][],
  source: string,
): ChartSpec | null {
  const values = parts.map(([, v]) => big(v)).filter((v): v is Big => v !== null);
  if (values.length < parts.length) return null;
  const whole = values.reduce((a, v) => a.plus(v), new Big(0));
  return {
    id,
    type: 'doughnut',
    caption,
    summary: `${parts.map(([name], i) => `${name} ${money(values[i])}，占 ${pct(values[i], whole)}`).join('；')}。`,
    unit: '万元',
    category,
    labels: parts.map(([name]) => name),
    series: [{ name: '决算数', values: parts.map(([, v]) => v) }],
    source,
  };
}

function finalAccounts(t: FinalAccountsTables): ChartSpec[] {
  const out: ChartSpec[] = [];
  const spending = (r: 'total' | CodedRow) => cell(t, 't03', r, 'total').text;
  const classes = t.t03.rows.filter((r) => r.code.length === 3 && big(spending(r))?.gt(0));
  if (classes.length) {
    const values = classes.map(spending);
    out.push({
      id: 'chart-functional',
      type: 'bar',
      horizontal: true,
      caption: '支出按功能分类（类）',
      summary: `本年支出合计 ${spending('total')} 万元，${largest(
        classes.map((r) => r.name),
        values,
        big(spending('total')) ?? undefined,
      )}。`,
      unit: '万元',
      category: '功能分类（类）',
      labels: classes.map((r) => r.name),
      series: [{ name: columnLabel('t03', 'total'), values }],
      source: FORMS.t03.number,
    });
  }
  const basicProject = split(
    'chart-basic-project',
    '基本支出与项目支出',
    '支出性质',
    [
      ['基本支出', cell(t, 't03', 'total', 'basic').text],
      ['项目支出', cell(t, 't03', 'total', 'project').text],
    ],
    FORMS.t03.number,
  );
  if (basicProject) out.push(basicProject);
  const personnelPublic = split(
    'chart-personnel-public',
    '人员经费与公用经费（一般公共预算财政拨款基本支出）',
    '经费',
    [
      ['人员经费', cell(t, 't06', 'personnelTotal', 'amount').text],
      ['公用经费', cell(t, 't06', 'publicTotal', 'amount').text],
    ],
    FORMS.t06.number,
  );
  if (personnelPublic) out.push(personnelPublic);
  const items = ['total', 'abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
  const sangong = (half: 'budget' | 'actual') => items.map((c) => cell(t, 't09', half, c).text);
  const [budget, actual] = [sangong('budget'), sangong('actual')];
  if (big(budget[0]) || big(actual[0]))
    out.push({
      id: 'chart-sangong',
      type: 'bar',
      caption: '“三公”经费：预算数与决算数',
      summary: `“三公”经费${versus(big(actual[0]), big(budget[0]), null)}。`,
      unit: '万元',
      category: '项目',
      labels: items.map((c) => columnLabel('t09', c)),
      series: [
        { name: rowLabel('t09', 'budget'), values: budget },
        { name: rowLabel('t09', 'actual'), values: actual },
      ],
      source: FORMS.t09.number,
    });
  return out;
}

type Evaluation = SelfEvaluationTable | ProjectEvaluationTable;
type Funds = NonNullable<Evaluation['funds']>;
type AmountKey = 'initial' | 'fullYear' | 'executed';

const sourceOf = (t: { label?: string | null; title: string }) =>
  t.label ? `${t.label} ${t.title}` : t.title;
const AMOUNT_KEYS: readonly string[] = ['initial', 'fullYear', 'executed'] satisfies AmountKey[];
/** The block's amount columns (年初预算数, 全年/调整后预算数, 全年/预算执行数) in their printed order. */
const amountColumns = (funds: Funds) =>
  funds.columns.filter((c): c is FundsColumn & { key: AmountKey } => AMOUNT_KEYS.includes(c.key));
const headingOf = (funds: Funds, key: AmountKey) => funds.columns.find((c) => c.key === key)?.heading;

/** "全年执行数 2300.17 万元，为全年预算数 2300.17 万元的 100%": the budget is the full-year one where printed. */
function executedVersusBudget(funds: Funds, cell: (key: AmountKey | 'rate') => string | null): string {
  const missing = '未公开';
  const executed = cell('executed');
  const budgetKey = headingOf(funds, 'fullYear')
    ? 'fullYear'
    : headingOf(funds, 'initial')
      ? 'initial'
      : null;
  const head = `${headingOf(funds, 'executed')} ${executed ?? missing} 万元`;
  if (!budgetKey) return head;
  const budget = cell(budgetKey);
  const [e, b] = [big(executed), big(budget)];
  const rate = cell('rate') ?? (e && b ? pct(e, b) : '—');
  return `${head}，为${headingOf(funds, budgetKey)} ${budget ?? missing} 万元的 ${rate}`;
}

/** The block's total as budget and execution bars: the figures its total row publishes. */
function execution(funds: Funds, id: string, caption: string, source: string): ChartSpec | null {
  const total = fundsTotalRow(funds.rows);
  if (!total) return null;
  const cell = (key: AmountKey | 'rate') => fundsTotalFigure(funds.rows, key);
  const present = amountColumns(funds)
    .map((c) => [c.heading, cell(c.key), c.key] as const)
    .filter(([, v]) => big(v));
  if (!present.some(([, , key]) => key === 'fullYear' || key === 'executed')) return null;
  return {
    id,
    type: 'bar',
    caption,
    summary: `${executedVersusBudget(funds, cell)}。`,
    unit: '万元',
    category: '资金',
    labels: present.map(([l]) => l),
    series: [{ name: total.name, values: present.map(([, v]) => v) }],
    source,
  };
}

/**
 * The block's parts (sources: 财政资金, 单位资金 …) grouped by column; sources the form leaves
 * blank and columns no source fills are left out.
 */
function fundsParts(funds: Funds, id: string, caption: string, source: string): ChartSpec | null {
  const columns = amountColumns(funds);
  const parts = splitFunds(funds.rows).parts.filter(({ row }) => columns.some((c) => big(row[c.key])));
  const series = columns
    .map((c) => ({ name: c.heading, values: parts.map(({ row }) => (big(row[c.key]) ? row[c.key] : null)) }))
    .filter((s) => s.values.some((v) => v !== null));
  if (!parts.length || !series.length) return null;
  const names = parts.map(({ row }) => row.name.replace(/^其中[：:]/, ''));
  const about = parts.map(({ row }, i) => {
    if (big(row.executed))
      return `${names[i]}：${executedVersusBudget(funds, (key) => (key === 'rate' || big(row[key]) ? row[key] : null))}`;
    const first = series.find((s) => s.values[i] !== null)!;
    return `${names[i]}：${first.name} ${first.values[i]} 万元`;
  });
  const category = funds.nameHeading ?? '资金来源';
  return {
    id,
    type: 'bar',
    caption: `${caption}（按${category}）`,
    summary: `${about.join('；')}。`,
    unit: '万元',
    category,
    labels: names,
    series,
    source,
  };
}

/** Scores by 二级 level: the stated weight/score where given, else the sums of its indicators. */
function scores(t: Evaluation, id: string, caption: string): ChartSpec | null {
  if (!t.indicators.length) return null;
  const levels = t.indicators.flatMap((l1) => l1.children.map((l2) => ({ l1, l2 })));
  const sum = (xs: (string | null)[]) => xs.reduce((a, v) => a.plus(big(v) ?? 0), new Big(0));
  // A placeholder row (指标2：……) counts for nothing.
  const counted = (rows: IndicatorRow[]) => rows.filter((r) => r.kind === 'indicator');
  const weights = levels.map(({ l2 }) => l2.weight ?? sum(counted(l2.rows).map((r) => r.weight)).toString());
  const scores = levels.map(({ l2 }) => l2.score ?? sum(counted(l2.rows).map((r) => r.score)).toString());
  const lost = levels
    .map((x, i) => ({
      name: levelName({ name: x.l2.name }),
      lost: big(weights[i])!.minus(big(scores[i])!),
    }))
    .filter((x) => x.lost.gt(0));
  return {
    id,
    type: 'bar',
    horizontal: true,
    caption,
    summary: lost.length
      ? `扣分集中在${lost.map((x) => `${x.name}（扣 ${x.lost} 分）`).join('、')}。`
      : '各二级指标均得满分。',
    unit: '分',
    category: '二级指标',
    labels: levels.map(({ l1, l2 }) => `${l1.name ? `${l1.name}·` : ''}${l2.name}`),
    series: [
      { name: '分值', values: weights },
      { name: '得分', values: scores },
    ],
    source: sourceOf(t),
  };
}

/** An evaluation form's funds charts (its total, its parts), ids and captions made distinct by `suffix` and `prefix`. */
function fundsCharts(t: Evaluation, suffix: string, prefix: string): ChartSpec[] {
  if (!t.funds) return [];
  return [
    execution(t.funds, `chart-execution${suffix}`, `${prefix}预算与执行`, sourceOf(t)),
    fundsParts(t.funds, `chart-funds-parts${suffix}`, `${prefix}预算与执行`, sourceOf(t)),
  ].filter((c): c is ChartSpec => c !== null);
}

function performance(d: PerformanceReport): ChartSpec[] {
  const out: ChartSpec[] = [];
  const se = d.tables?.['self-evaluation'];
  if (se) out.push(...fundsCharts(se, '', ''));
  const nature = se?.funds?.byNature?.filter((x) => big(x.amount));
  if (se && nature && nature.length > 1) {
    const labels = nature.map((x) => x.name.replace(/^其中：/, ''));
    out.push({
      id: 'chart-basic-project',
      type: 'doughnut',
      caption: '基本支出与项目支出',
      summary: `${largest(
        labels,
        nature.map((x) => x.amount),
      )}。`,
      unit: '万元',
      category: '支出性质',
      labels,
      series: [{ name: '执行数', values: nature.map((x) => x.amount) }],
      source: sourceOf(se),
    });
  }
  const bd = d.tables?.['base-data'];
  const sangong = bd?.costs.rows.find((r) => r.name.includes('三公'));
  if (bd && sangong) {
    const rows = [sangong, ...(sangong.parts ?? [])];
    const [prev, budget, actual] = sangong.values.map(big);
    out.push({
      id: 'chart-sangong',
      type: 'bar',
      caption: `“三公”经费：${bd.costs.columns.join('、')}`,
      summary: `“三公”经费${versus(actual, budget, prev)}。`,
      unit: '万元',
      category: '项目',
      labels: rows.map((r) => r.name.replace(/^\d+、/, '')),
      series: bd.costs.columns.map((c, i) => ({ name: c, values: rows.map((r) => r.values[i]) })),
      source: sourceOf(bd),
    });
  }
  const seScores = se && scores(se, 'chart-scores', '绩效指标得分与分值（按二级指标）');
  if (seScores) out.push(seScores);
  // A report of 项目支出 自评表 only: each project's funds and scores.
  if (!se)
    (d.tables?.projects ?? []).forEach((p, i) => {
      const suffix = `-project-${i + 1}`;
      out.push(...fundsCharts(p, suffix, `${p.project}：`));
      const chart = scores(p, `chart-scores${suffix}`, `${p.project}：绩效指标得分与分值（按二级指标）`);
      if (chart) out.push(chart);
    });
  return out;
}

/**
 * Charts of the figures the report states only in its text (statedFigures, each checked against
 * its sentence), where its tables draw no chart of the same: “三公”经费 预算 against 决算, and
 * 基本支出 against 项目支出 (both 决算数).
 */
function statedCharts(r: Report, drawn: readonly ChartSpec[]): ChartSpec[] {
  const statements = verifiedStatements(r);
  const value = (key: StatedMeasure['key']) =>
    statements.find((s) => s.measure.key === key)?.figure.value ?? null;
  const has = (id: string) => drawn.some((c) => c.id === id);
  const out: ChartSpec[] = [];
  const [budget, actual] = [value('sangongBudget'), value('sangong')];
  if (budget && actual && !has('chart-sangong'))
    out.push({
      id: 'chart-sangong',
      type: 'bar',
      caption: '“三公”经费：预算数与决算数',
      summary: `“三公”经费${versus(big(actual), big(budget), null)}。`,
      unit: '万元',
      category: '项目',
      labels: ['“三公”经费'],
      series: [
        { name: '预算数', values: [budget] },
        { name: '决算数', values: [actual] },
      ],
      source: '正文',
    });
  const [basic, project] = [value('basic'), value('project')];
  const basicProject =
    basic && project && !has('chart-basic-project')
      ? split(
          'chart-basic-project',
          '基本支出与项目支出',
          '支出性质',
          [
            ['基本支出', basic],
            ['项目支出', project],
          ],
          '正文',
        )
      : null;
  if (basicProject) out.push(basicProject);
  return out;
}

function tabledCharts(r: Report): ChartSpec[] {
  if (r.data.kind === '部门决算') return finalAccounts(r.data.tables);
  if (r.data.kind === '部门整体支出绩效自评') return performance(r.data);
  return [];
}

export function reportCharts(r: Report): ChartSpec[] {
  const charts = tabledCharts(r);
  return [...charts, ...statedCharts(r, charts)];
}
