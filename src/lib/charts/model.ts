import Big from 'big.js';
import { big } from '../fiscal/numbers.ts';
import { pct } from '../fiscal/arithmetic.ts';

/**
 * A chart as the page prints it: caption, a one-sentence summary computed from its data, and the
 * data as a table (the published texts). The client script draws the chart from that table, so
 * the table is the single source and works without JavaScript.
 */
export interface ChartSpec {
  id: string;
  type: 'bar' | 'doughnut';
  /** Bars run horizontally (long category names). */
  horizontal?: boolean;
  caption: string;
  summary: string;
  unit: string;
  /** Row header of the table's first column. */
  category: string;
  labels: string[];
  series: { name: string; values: (string | null)[] }[];
  /** Where the figures come from, e.g. "公开03表". */
  source: string;
}

/** Characters per line of a category label: beside horizontal bars, and under vertical ones. */
export const LABEL_WIDTH = { horizontal: 8, vertical: 5 } as const;

/**
 * A category label as the lines the chart draws, none longer than `width` characters, so that no
 * label is cut at the chart's edge: breaks after "·" and before "（", and a longer part in lines
 * of even length ("怀化市人民政府驻北京联络处（2022）" → 怀化市人民政府 / 驻北京联络处 / （2022）).
 */
export function wrapLabel(label: string, width: number): string[] {
  const parts = label.split(/(?<=·)|(?=（)/u).filter((p) => p !== '');
  const lines: string[] = [];
  for (const part of parts) {
    const chars = [...part];
    const last = lines.length ? [...lines[lines.length - 1]] : [];
    if (lines.length && last.length + chars.length <= width) {
      lines[lines.length - 1] += part;
      continue;
    }
    const n = Math.ceil(chars.length / width);
    const size = Math.ceil(chars.length / n);
    for (let i = 0; i < chars.length; i += size) lines.push(chars.slice(i, i + size).join(''));
  }
  return lines.length ? lines : [label];
}

/** A chart as drawn: the series that have a figure, and each label as its lines. */
interface ChartView extends ChartSpec {
  labelLines: string[][];
}

/** The chart as drawn: a series with no figure at all is left out (it would draw nothing). */
export function chartView(chart: ChartSpec): ChartView {
  const series = chart.series.filter((s) => s.values.some((v) => v !== null && v.trim() !== ''));
  const width = chart.type === 'doughnut' || chart.horizontal ? LABEL_WIDTH.horizontal : LABEL_WIDTH.vertical;
  return { ...chart, series, labelLines: chart.labels.map((l) => wrapLabel(l, width)) };
}

export const money = (v: Big) => `${v.toFixed(2)} 万元`;

/** "一般公共服务支出最多，267.43 万元，占 90.6%". */
export function largest(labels: string[], values: (string | null)[], total?: Big): string {
  let best = -1;
  values.forEach((v, i) => {
    const b = big(v);
    if (b && (best < 0 || b.gt(big(values[best])!))) best = i;
  });
  if (best < 0) return '';
  const sum = total ?? values.reduce((acc, v) => acc.plus(big(v) ?? 0), new Big(0));
  return `${labels[best]}最多，${values[best]} 万元，占 ${pct(big(values[best])!, sum)}`;
}

/** "决算 25.12 万元，为预算 50.58 万元的 49.7%" and, where given, the change against last year. */
export function versus(actual: Big | null, budget: Big | null, previous: Big | null): string {
  const parts: string[] = [];
  if (actual && budget) parts.push(`决算 ${money(actual)}，为预算 ${money(budget)}的 ${pct(actual, budget)}`);
  if (actual && previous) {
    const d = actual.minus(previous);
    parts.push(
      `比上年${d.gte(0) ? '增加' : '减少'} ${money(d.abs())}${previous.eq(0) ? '' : `（${pct(d.abs(), previous)}）`}`,
    );
  }
  return parts.join('；');
}
