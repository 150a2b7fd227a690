import Big from 'big.js';
import type { Report } from '../content/load.ts';
import type { FinalAccountsTables } from '../content/schema/final-accounts.ts';
import type { PerformanceReport } from '../content/schema/report.ts';
import { levelName } from '../tables/performance.ts';
import { big, largest, money, pct, versus, type ChartSpec } from './model.ts';

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
  const classes = t.t03.rows.filter((r) => r.code.length === 3 && big(r.values[0])?.gt(0));
  if (classes.length) {
    const values = classes.map((r) => r.values[0]);
    out.push({
      id: 'chart-functional',
      type: 'bar',
      horizontal: true,
      caption: '支出按功能分类（类）',
      summary: `本年支出合计 ${t.t03.total[0]} 万元，${largest(
        classes.map((r) => r.name),
        values,
        big(t.t03.total[0]) ?? undefined,
      )}。`,
      unit: '万元',
      category: '功能分类（类）',
      labels: classes.map((r) => r.name),
      series: [{ name: '本年支出合计', values }],
      source: '公开03表',
    });
  }
  const basicProject = split(
    'chart-basic-project',
    '基本支出与项目支出',
    '支出性质',
    [
      ['基本支出', t.t03.total[1]],
      ['项目支出', t.t03.total[2]],
    ],
    '公开03表',
  );
  if (basicProject) out.push(basicProject);
  const personnelPublic = split(
    'chart-personnel-public',
    '人员经费与公用经费（一般公共预算财政拨款基本支出）',
    '经费',
    [
      ['人员经费', t.t06.personnelTotal],
      ['公用经费', t.t06.publicTotal],
    ],
    '公开06表',
  );
  if (personnelPublic) out.push(personnelPublic);
  const items = [1, 3, 4, 5];
  const names = ['因公出国（境）费', '公务用车购置费', '公务用车运行维护费', '公务接待费'];
  if (big(t.t09.budget[0]) || big(t.t09.actual[0]))
    out.push({
      id: 'chart-sangong',
      type: 'bar',
      caption: '“三公”经费：预算数与决算数',
      summary: `“三公”经费${versus(big(t.t09.actual[0]), big(t.t09.budget[0]), null)}。`,
      unit: '万元',
      category: '项目',
      labels: ['合计', ...names],
      series: [
        { name: '预算数', values: [0, ...items].map((c) => t.t09.budget[c]) },
        { name: '决算数', values: [0, ...items].map((c) => t.t09.actual[c]) },
      ],
      source: '公开09表',
    });
  return out;
}

function performance(d: PerformanceReport): ChartSpec[] {
  const out: ChartSpec[] = [];
  const se = d.tables?.['self-evaluation'];
  const funds = se?.funds?.rows[0];
  if (funds && (big(funds.fullYear) || big(funds.executed))) {
    const labels = ['年初预算数', '全年预算数', '全年执行数'];
    const values = [funds.initial, funds.fullYear, funds.executed];
    const present = labels.map((l, i) => [l, values[i]] as const).filter(([, v]) => big(v));
    out.push({
      id: 'chart-execution',
      type: 'bar',
      caption: '预算与执行',
      summary: `全年执行数 ${funds.executed ?? '未公开'} 万元，为全年预算数 ${funds.fullYear ?? '未公开'} 万元的 ${funds.rate ?? (big(funds.executed) && big(funds.fullYear) ? pct(big(funds.executed)!, big(funds.fullYear)!) : '—')}。`,
      unit: '万元',
      category: '资金',
      labels: present.map(([l]) => l),
      series: [{ name: funds.name, values: present.map(([, v]) => v) }],
      source: se.label ? `${se.label} ${se.title}` : se.title,
    });
  }
  const nature = se?.funds?.byNature?.filter((x) => big(x.amount));
  if (nature && nature.length > 1) {
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
      source: se!.label ? `${se!.label} ${se!.title}` : se!.title,
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
      source: bd.label ? `${bd.label} ${bd.title}` : bd.title,
    });
  }
  if (se && se.indicators.length) {
    // Scores by 二级 level: the stated weight/score where given, else the sums of its rows.
    const levels = se.indicators.flatMap((l1) => l1.children.map((l2) => ({ l1, l2 })));
    const sum = (xs: (string | null)[]) => xs.reduce((a, v) => a.plus(big(v) ?? 0), new Big(0));
    const weights = levels.map(({ l2 }) => l2.weight ?? sum(l2.rows.map((r) => r.weight)).toString());
    const scores = levels.map(({ l2 }) => l2.score ?? sum(l2.rows.map((r) => r.score)).toString());
    const lost = levels
      .map((x, i) => ({
        name: levelName({ name: x.l2.name }),
        lost: big(weights[i])!.minus(big(scores[i])!),
      }))
      .filter((x) => x.lost.gt(0));
    out.push({
      id: 'chart-scores',
      type: 'bar',
      horizontal: true,
      caption: '绩效指标得分与分值（按二级指标）',
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
      source: se.label ? `${se.label} ${se.title}` : se.title,
    });
  }
  return out;
}

export function reportCharts(r: Report): ChartSpec[] {
  if (r.data.kind === '部门决算') return finalAccounts(r.data.tables);
  if (r.data.kind === '部门整体支出绩效自评') return performance(r.data);
  return [];
}
