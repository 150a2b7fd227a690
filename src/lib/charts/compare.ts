import type { CompareRow, MetricKey } from '../compare.ts';
import { largest, type ChartSpec } from './model.ts';

/** Charts of the comparison page: one figure across offices, only where it is published. */
function across(
  rows: CompareRow[],
  key: MetricKey,
  id: string,
  caption: string,
  unit: string,
): ChartSpec | null {
  const present = rows.filter((r) => r.values[key]);
  if (present.length < 2) return null;
  const labels = present.map((r) => `${r.office.data.shortName}（${r.year}）`);
  const values = present.map((r) => r.values[key]!.text);
  const missing = rows.length - present.length;
  const top = values.reduce((best, v, i) => (Number(v) > Number(values[best]) ? i : best), 0);
  return {
    id,
    type: 'bar',
    horizontal: true,
    caption,
    summary:
      (unit === '万元' ? `${largest(labels, values)}。` : `${labels[top]}最高，${values[top]} ${unit}。`) +
      (missing ? `另有 ${missing} 个机构年度未公开此项。` : ''),
    unit,
    category: '机构（年度）',
    labels,
    series: [{ name: caption, values }],
    source: '各报告（见对比表中每个数字的链接）',
  };
}

export function compareCharts(rows: CompareRow[]): ChartSpec[] {
  return [
    across(rows, 'total', 'chart-total', '支出合计', '万元'),
    across(rows, 'sangong', 'chart-sangong-compare', '“三公”经费决算', '万元'),
    across(rows, 'score', 'chart-score', '绩效自评得分', '分'),
  ].filter((c): c is ChartSpec => c !== null);
}
