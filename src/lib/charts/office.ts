import type { CompareRow } from '../compare.ts';
import type { ChartSpec } from './model.ts';

const SERIES = { total: '支出合计', basic: '基本支出', project: '项目支出', sangong: '“三公”经费' } as const;

/** An office's main figures across its years (rows newest first); none for a single year. */
export function officeTrend(rows: CompareRow[]): ChartSpec | null {
  if (rows.length < 2) return null;
  const years = [...rows].reverse();
  return {
    id: 'chart-years',
    type: 'bar',
    caption: '历年主要数字',
    summary: `支出合计：${years.map((r) => `${r.year} 年 ${r.values.total?.text ?? '未公开'}`).join('，')}（万元）。`,
    unit: '万元',
    category: '年度',
    labels: years.map((r) => String(r.year)),
    series: (Object.keys(SERIES) as (keyof typeof SERIES)[]).map((k) => ({
      name: SERIES[k],
      values: years.map((r) => r.values[k]?.text ?? null),
    })),
    source: '各年度报告',
  };
}
