import type { FinalAccountsTables } from '../content/schema/final-accounts.ts';
import type { PerformanceReport } from '../content/schema/report.ts';
import type { CostRow } from '../content/schema/performance.ts';
import type { Fig } from './findings.ts';
import { bareName, costLineName } from '../fiscal/names.ts';

/**
 * The figures a narrative may state, by the label it states them with: for each label the
 * figure as budget, as actual and as last year's actual where the data has them, and the base a
 * share ("占X%") is taken of.
 */
export interface ProseFigure {
  labels: string[];
  budget?: Fig;
  actual?: Fig;
  previous?: Fig;
  shareOf?: Fig;
}

const SANGONG = ['“三公”经费', '"三公"经费', '三公经费'];

export function finalAccountsFigures(t: FinalAccountsTables, source?: string): ProseFigure[] {
  const fig = (text: string | null, path: (string | number)[], label: string): Fig => ({
    text,
    path,
    label,
    ...(source ? { source } : {}),
  });
  const byName = (side: 'income' | 'expenditure', name: string) => {
    const i = t.t01[side].findIndex((r) => bareName(r.name) === name);
    return i < 0
      ? undefined
      : fig(t.t01[side][i].values[0], ['tables', 't01', side, i, 2], `公开01表 ${name}`);
  };
  const income = byName('income', '本年收入合计');
  const spending = byName('expenditure', '本年支出合计');
  const fiscalSpending = fig(t.t05.total[0], ['tables', 't05', 'total', 0], '公开05表 合计 小计');
  const fiscalBasic = fig(t.t05.total[1], ['tables', 't05', 'total', 1], '公开05表 合计 基本支出');
  const t09 = (c: number, name: string) => ({
    budget: fig(t.t09.budget[c], ['tables', 't09', 'budget', c], `公开09表 预算数 ${name}`),
    actual: fig(t.t09.actual[c], ['tables', 't09', 'actual', c], `公开09表 决算数 ${name}`),
  });
  const sangong = t09(0, '合计');
  const out: ProseFigure[] = [
    { labels: ['本年收入合计', '收入合计'], actual: income },
    { labels: ['本年支出合计', '支出合计'], actual: spending },
    { labels: ['一般公共预算财政拨款收入'], actual: byName('income', '一般公共预算财政拨款收入') },
    {
      labels: ['财政拨款收入'],
      actual: fig(t.t02.total[1], ['tables', 't02', 'total', 1], '公开02表 合计 财政拨款收入'),
      shareOf: income,
    },
    {
      labels: ['其他收入'],
      actual: fig(t.t02.total[6], ['tables', 't02', 'total', 6], '公开02表 合计 其他收入'),
      shareOf: income,
    },
    {
      labels: ['基本支出'],
      actual: fig(t.t03.total[1], ['tables', 't03', 'total', 1], '公开03表 合计 基本支出'),
      shareOf: spending,
    },
    {
      labels: ['项目支出'],
      actual: fig(t.t03.total[2], ['tables', 't03', 'total', 2], '公开03表 合计 项目支出'),
      shareOf: spending,
    },
    { labels: ['财政拨款支出'], actual: fiscalSpending, shareOf: spending },
    { labels: ['财政拨款基本支出'], actual: fiscalBasic },
    {
      labels: ['人员经费'],
      actual: fig(t.t06.personnelTotal, ['tables', 't06', 'personnelTotal'], '公开06表 人员经费合计'),
      shareOf: fiscalBasic,
    },
    {
      labels: ['公用经费'],
      actual: fig(t.t06.publicTotal, ['tables', 't06', 'publicTotal'], '公开06表 公用经费合计'),
      shareOf: fiscalBasic,
    },
    { labels: SANGONG, ...sangong },
    { labels: ['因公出国（境）费'], ...t09(1, '因公出国（境）费'), shareOf: sangong.actual },
    {
      labels: ['公务用车购置及运行维护费', '公务用车购置费及运行维护费'],
      ...t09(2, '公务用车购置及运行维护费'),
      shareOf: sangong.actual,
    },
    { labels: ['公务用车购置费'], ...t09(3, '公务用车购置费') },
    { labels: ['公务用车运行维护费'], ...t09(4, '公务用车运行维护费') },
    { labels: ['公务接待费'], ...t09(5, '公务接待费'), shareOf: sangong.actual },
  ];
  // Functional classes: "一般公共服务支出" (all funds, 03) and "一般公共服务（类）支出" (财政拨款, 05).
  t.t03.rows.forEach((r, i) => {
    if (r.code.length === 3)
      out.push({
        labels: [r.name],
        actual: fig(r.values[0], ['tables', 't03', 'rows', i, 2], `公开03表 ${r.code} ${r.name}`),
      });
  });
  t.t05.rows.forEach((r, i) => {
    if (r.code.length === 3)
      out.push({
        labels: [`${r.name.replace(/支出$/, '')}（类）支出`],
        actual: fig(r.values[0], ['tables', 't05', 'rows', i, 2], `公开05表 ${r.code} ${r.name}`),
        shareOf: fiscalSpending,
      });
  });
  return out;
}

/** Cost lines of the 基础数据表 (上年决算, 本年预算, 本年决算) and the funds split of the 自评表. */
export function performanceFigures(d: PerformanceReport): ProseFigure[] {
  const out: ProseFigure[] = [];
  const bd = d.tables?.['base-data'];
  const walk = (rows: CostRow[], path: (string | number)[]) =>
    rows.forEach((r, i) => {
      const p = [...path, i];
      const name = costLineName(r.name);
      const cell = (c: number): Fig => ({
        text: r.values[c],
        path: [...p, 'values', c],
        label: `基础数据表 ${r.name} ${bd!.costs.columns[c]}`,
      });
      if (/^[\p{Script=Han}“"]/u.test(name))
        out.push({
          labels: name === '三公经费' ? SANGONG : [name],
          previous: cell(0),
          budget: cell(1),
          actual: cell(2),
        });
      if (r.parts) walk(r.parts, [...p, 'parts']);
      if (r.ofWhich) walk(r.ofWhich, [...p, 'ofWhich']);
    });
  if (bd) walk(bd.costs.rows, ['tables', 'base-data', 'costs', 'rows']);
  const se = d.tables?.['self-evaluation'];
  se?.funds?.byNature?.forEach((x, i) => {
    out.push({
      labels: [x.name.replace(/^其中：/, '')],
      actual: {
        text: x.amount,
        path: ['tables', 'self-evaluation', 'funds', 'byNature', i, 1],
        label: `整体支出绩效自评表 ${x.name}`,
      },
    });
  });
  return out;
}
