import Big from 'big.js';
import type { Office, Report } from './content/load.ts';
import { PERCENT_RE, isAmount, toBig } from './fiscal/numbers.ts';
import { fundsTotalFigure } from './fiscal/funds.ts';
import { big, pct } from './charts/model.ts';
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
  const spending = t.t01.expenditure.find((x) => x.name === '本年支出合计');
  v.total ??= from(r, '公开01表', 't01', spending?.values[0]);
  v.basic ??= from(r, '公开03表', 't03', t.t03.total[1]);
  v.project ??= from(r, '公开03表', 't03', t.t03.total[2]);
  v.sangong ??= from(r, '公开09表', 't09', t.t09.actual[0]);
  v.abroad ??= from(r, '公开09表', 't09', t.t09.actual[1]);
  v.vehicles ??= from(r, '公开09表', 't09', t.t09.actual[2]);
  v.reception ??= from(r, '公开09表', 't09', t.t09.actual[5]);
}

function performance(r: Report, v: CompareRow['values']) {
  if (r.data.kind !== '部门整体支出绩效自评') return;
  const se = r.data.tables?.['self-evaluation'];
  const rows = se?.funds?.rows ?? [];
  const seName = se?.label ?? '自评表';
  v.total ??= from(r, seName, 'self-evaluation', fundsTotalFigure(rows, 'executed'));
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
      const [basic, project, total] = [big(v.basic?.text), big(v.project?.text), big(v.total?.text)];
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
