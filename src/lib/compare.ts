import Big from 'big.js';
import type { Office, Report } from './content/load.ts';
import { PERCENT_RE, big, isAmount, precisionOf, toBig } from './fiscal/numbers.ts';
import { pct, show } from './fiscal/arithmetic.ts';
import { fundsTotalFigure, fundsTotalRow } from './fiscal/funds.ts';
import { FORMS, cell, type FinalAccountsTableId } from './fiscal/forms.ts';
import type { Fig } from './fiscal/figure.ts';
import { measureOf, type Measure } from './measures.ts';
import { verifiedStatements } from './stated-figures.ts';

/**
 * Figures every report has in some form, per office and year, each with where it was published:
 * the columns of /compare/, each one measure of measures.ts with its one definition.
 * A figure that no report publishes stays absent (shown as 未公开), never a zero.
 */
const COMPARED = [
  'total',
  'basic',
  'project',
  'basicShare',
  'sangong',
  'reception',
  'vehicles',
  'abroad',
  'execution',
  'score',
  'authorized',
  'staff',
  'perHead',
] as const;
export type MetricKey = (typeof COMPARED)[number];
export const METRICS = COMPARED.map((key) => measureOf(key)) as Extract<Measure, { key: MetricKey }>[];

interface Sourced {
  text: string;
  /** Where it was published ("2022年度部门决算 公开01表"), or how it was computed. */
  source: string;
  href?: string;
}

export interface CompareRow {
  office: Office;
  year: number;
  values: Partial<Record<MetricKey, Sourced>>;
}

const from = (
  r: Report,
  table: string,
  anchor: string,
  text: string | null | undefined,
): Sourced | undefined =>
  typeof text === 'string' && (isAmount(text) || PERCENT_RE.test(text))
    ? { text, source: `${r.data.year}年度${r.data.kind} ${table}`, href: `/offices/${r.id}/#${anchor}` }
    : undefined;

function finalAccounts(r: Report, v: CompareRow['values']) {
  if (r.data.kind !== '部门决算') return;
  const t = r.data.tables;
  const tabled = (id: FinalAccountsTableId, fig: Fig | undefined) => from(r, FORMS[id].number, id, fig?.text);
  v.total ??= tabled('t01', cell(t, 't01', ['expenditure', '本年支出合计'], 'amount'));
  v.basic ??= tabled('t03', cell(t, 't03', 'total', 'basic'));
  v.project ??= tabled('t03', cell(t, 't03', 'total', 'project'));
  v.sangong ??= tabled('t09', cell(t, 't09', 'actual', 'total'));
  v.abroad ??= tabled('t09', cell(t, 't09', 'actual', 'abroad'));
  v.vehicles ??= tabled('t09', cell(t, 't09', 'actual', 'vehicles'));
  v.reception ??= tabled('t09', cell(t, 't09', 'actual', 'reception'));
}

function performance(r: Report, v: CompareRow['values']) {
  if (r.data.kind !== '部门整体支出绩效自评') return;
  const se = r.data.tables?.['self-evaluation'];
  const rows = se?.funds?.rows ?? [];
  const seName = se?.label ?? '自评表';
  // A funds block of 财政拨款 only is not 支出合计 (all funds): like is compared with like.
  const fiscalOnly = /财政/.test(fundsTotalRow(rows)?.name ?? '');
  if (!fiscalOnly) v.total ??= from(r, seName, 'self-evaluation', fundsTotalFigure(rows, 'executed'));
  v.execution ??= from(r, seName, 'self-evaluation', fundsTotalFigure(rows, 'rate'));
  const nature = (name: string) => se?.funds?.byNature?.find((x) => x.name.includes(name))?.amount;
  v.basic ??= from(r, seName, 'self-evaluation', nature('基本支出'));
  v.project ??= from(r, seName, 'self-evaluation', nature('项目支出'));
  const bd = r.data.tables?.['base-data'];
  const sangong = bd?.costs.rows.find((x) => x.name.includes('三公'));
  const part = (word: string) => sangong?.parts?.find((x) => x.name.includes(word))?.values[2];
  const bdName = bd?.label ?? '基础数据表';
  v.sangong ??= from(r, bdName, 'base-data', sangong?.values[2]);
  v.reception ??= from(r, bdName, 'base-data', part('接待'));
  v.vehicles ??= from(r, bdName, 'base-data', part('公务用车'));
  v.abroad ??= from(r, bdName, 'base-data', part('出国'));
  const score = se?.total?.score ?? r.data.conclusion?.score;
  if (score)
    v.score ??= {
      text: score,
      source: `${r.data.year}年度${r.data.kind}${se?.total?.score ? ` ${seName} 总分` : ' 正文所述'}`,
      href: `/offices/${r.id}/`,
    };
}

/**
 * What the report states only in its text (statedFigures, checked against the sentence by
 * prose.stated-figure), for the measures its tables and its office-year's other reports leave
 * open: tabled figures always win. Linked to the section of the narrative that states it.
 */
function stated(r: Report, v: CompareRow['values']) {
  for (const s of verifiedStatements(r)) {
    const key = s.measure.key;
    if (!(COMPARED as readonly string[]).includes(key)) continue;
    v[key as MetricKey] ??= {
      text: s.figure.value,
      source: `${r.data.year}年度${r.data.kind} 正文`,
      href: `/offices/${r.id}/${s.block.heading ? `#${s.block.heading.id}` : ''}`,
    };
  }
}

export function compareRows(offices: readonly Office[], reports: readonly Report[]): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const office of offices) {
    const years = [...new Set(reports.filter((r) => r.office === office.slug).map((r) => r.data.year))].sort(
      (a, b) => b - a,
    );
    for (const year of years) {
      const v: CompareRow['values'] = {};
      const own = reports.filter((r) => r.office === office.slug && r.data.year === year);
      // The 决算 first: its tables are the audited figures; the self-evaluation fills the gaps.
      for (const r of own) finalAccounts(r, v);
      for (const r of own) performance(r, v);
      for (const r of own) stated(r, v);
      const staffing = office.data.staffing?.find((s) => s.year === year);
      if (staffing?.authorized != null)
        v.authorized = { text: String(staffing.authorized), source: staffing.source };
      if (staffing?.actual != null) v.staff = { text: String(staffing.actual), source: staffing.source };
      const [basic, project] = [big(v.basic?.text), big(v.project?.text)];
      // 支出合计 is 基本支出 + 项目支出 by definition: a report that states only the two has it.
      if (!v.total && basic && project)
        v.total = {
          text: show(basic.plus(project), Math.max(precisionOf(v.basic!.text), precisionOf(v.project!.text))),
          source: '计算：基本支出 + 项目支出',
        };
      const total = big(v.total?.text);
      if (basic && project)
        v.basicShare = {
          text: pct(basic, basic.plus(project)),
          source: '计算：基本支出 ÷（基本支出 + 项目支出）',
        };
      if (total && staffing?.actual)
        v.perHead = {
          text: total.div(staffing.actual).round(2, Big.roundHalfUp).toFixed(2),
          source: '计算：支出合计 ÷ 实际在职人数',
        };
      rows.push({ office, year, values: v });
    }
  }
  return rows;
}

/** Sort key of a cell (numbers compare as numbers; 未公开 sorts last). */
export const sortValue = (s: Sourced | undefined) => (s ? toBig(s.text.replace('%', '')).toString() : '');
