import type { CompareRow } from '../compare.ts';
import type { ChartSpec } from './model.ts';

const SERIES = { total: '支出合计', basic: '基本支出', project: '项目支出', sangong: '“三公”经费' } as const;

/**
 * An office's main figures across its years (rows oldest first), only the series some year
 * publishes; none when fewer than two years publish any of them (one year is no trend).
 */
export function officeTrend(rows: CompareRow[]): ChartSpec | null {
  const years = [...rows].reverse();
  const series = (Object.keys(SERIES) as (keyof typeof SERIES)[])
    .map((k) => ({ name: SERIES[k], values: years.map((r) => r.values[k]?.text ?? null) }))
    .filter((s) => s.values.some((v) => v !== null));
  const published = years.filter((_, i) => series.some((s) => s.values[i] !== null));
  if (published.length < 2) return null;
  const first = series[0];
  return {
    id: 'chart-years',
    type: 'bar',
    caption: '历年主要数字',
    summary: `${first.name}：${years.map((r, i) => `${r.year} 年 ${first.values[i] ?? '未公开'}`).join('，')}（万元）。`,
    unit: '万元',
    category: '年度',
    labels: years.map((r) => String(r.year)),
    series,
    source: '各年度报告',
  };
}
