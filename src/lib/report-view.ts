import { toString } from 'mdast-util-to-string';
import type { Office, Report } from './content/load.ts';
import { reportForms } from './tables/report-forms.ts';
import { workbookUrl } from './excel/workbook-url.ts';
import { formHeading, type FormModel } from './tables/model.ts';
import { renderNarrative, type Segment } from './narrative/render.ts';
import { figureKeys } from './content/figure-keys.ts';
import { dataNotes, type DataNote } from './data-notes.ts';
import { proseCoverage, type ProseCoverage } from './checks/run.ts';
import { termLookup, type Term } from './glossary.ts';
import { reportCharts } from './charts/report.ts';
import { chartDownloads, tableDownloads, type DownloadLink } from './open-data/urls.ts';
import type { ChartSpec } from './charts/model.ts';
import { compareRows, type CompareRow } from './compare.ts';
import { measureOf } from './measures.ts';
import { verifiedStatements } from './stated-figures.ts';
import { isAmount } from './fiscal/numbers.ts';
import { cell } from './fiscal/forms.ts';
import { KIND_LABELS } from './labels.ts';
import { reportMeta, type ReportMeta } from './page-meta.ts';

/** Everything a report page prints, computed outside the components. */
export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

interface ReportView {
  charts: ChartSpec[];
  forms: Map<string, FormModel>;
  segments: Segment[];
  toc: TocEntry[];
  notes: DataNote[];
  /** How many amounts and percentages of the narrative the checks compared. */
  coverage: ProseCoverage;
  /** The report's tables as an .xlsx workbook in the official layout, when it has tables. */
  workbookUrl: string | null;
  /** Each table's and chart's data downloads, by its id. */
  downloads: Map<string, DownloadLink[]>;
}

/**
 * A figure of the report header, as published, linked to where it is published: a table or
 * passage of this page (`#t09`), or of the same office-year's other report when this one does not
 * publish it (`/offices/…/#t09`).
 */
interface KeyFigure {
  key: HeaderKey;
  label: string;
  text: string;
  unit: string;
  href: string;
  /** Where it is published: "公开09表", "正文 五、综合评价情况及评价结论", "见部门决算 公开01表". */
  source: string;
  /** Said with it as published ("优"), or null. */
  note: string | null;
}

/** The top of a report page: what it is called and what it says, and its key figures. */
interface ReportHeader {
  meta: ReportMeta;
  figures: KeyFigure[];
}

/** Each table's printed form by id; the workbook download uses the same forms (report-forms.ts). */
const forms = (r: Report) => new Map(reportForms(r.data).map(({ entry, form }) => [entry.id, form]));

/** What a report page needs from the rest of the site; built once per build. */
export interface ViewContext {
  reports: readonly Report[];
  term: (text: string) => Term | undefined;
}

export const viewContext = (reports: readonly Report[], terms: readonly Term[]): ViewContext => ({
  reports,
  term: termLookup(terms),
});

/** Links each glossary term's first header cell in every form to its explanation. */
function linkTerms(forms: Map<string, FormModel>, lookup: ViewContext['term']) {
  for (const form of forms.values()) {
    const linked = new Set<string>();
    for (const table of form.tables)
      for (const cell of [...table.head.flat(), ...table.body.flat()]) {
        const term = cell.th && lookup(cell.text);
        if (term && !linked.has(term.id)) {
          linked.add(term.id);
          cell.href = `/glossary/#${term.id}`;
        }
      }
  }
}

/** The header's figures, in this order; a figure neither this report nor its office-year publishes is left out. */
const HEADER_KEYS = [
  'total',
  'basic',
  'project',
  'initialBudget',
  'sangongBudget',
  'sangong',
  'execution',
  'score',
] as const;
type HeaderKey = (typeof HEADER_KEYS)[number];

const LABELS: Record<HeaderKey, { label: string; unit: string }> = Object.fromEntries(
  HEADER_KEYS.map((k): [HeaderKey, { label: string; unit: string }] => [k, measureOf(k)]),
) as Record<HeaderKey, { label: string; unit: string }>;

interface Found {
  text: string;
  /** The report it is published in, and the anchor there. */
  report: Report;
  anchor: string | null;
  /** The table or passage within that report. */
  where: string;
  note?: string | null;
}

interface Heading {
  id: string;
  text: string;
}

/** The heading of the first passage of the narrative that matches, or null. */
function passage(r: Report, headings: readonly Heading[], pattern: RegExp): Heading | null {
  let h = -1;
  for (const node of r.narrative.children) {
    if (node.type === 'heading') h++;
    else if (pattern.test(toString(node))) return headings[h] ?? null;
  }
  return null;
}

/** The "三公" budget beside the 决算 compare.ts reads: 公开09表 预算数, or the base-data 本年预算数 column. */
function sangongBudget(r: Report): Found | null {
  const d = r.data;
  if (d.kind === '部门决算') {
    const { text } = cell(d.tables, 't09', 'budget', 'total');
    return isAmount(text) ? { text, report: r, anchor: 't09', where: '公开09表' } : null;
  }
  const bd = d.kind === '部门整体支出绩效自评' ? d.tables?.['base-data'] : undefined;
  if (!bd) return null;
  // The columns are [上年决算数, 本年预算数, 本年决算数] (schema/performance.ts).
  const text = bd.costs.rows.find((x) => x.name.includes('三公'))?.values[1];
  return isAmount(text) && bd.costs.columns[1].includes('预算')
    ? { text, report: r, anchor: 'base-data', where: bd.label ?? '基础数据表' }
    : null;
}

/** Where a figure stated only in the text (statedFigures) is published. */
const STATED = '正文';

/** A figure the report states only in its text (statedFigures), at the section that states it. */
function stated(r: Report, key: 'sangongBudget' | 'initialBudget'): Found | null {
  const s = verifiedStatements(r).find((x) => x.measure.key === key);
  return s ? { text: s.figure.value, report: r, anchor: s.block.heading?.id ?? null, where: STATED } : null;
}

/** The score as published: the self-evaluation form's 总分, else the sentence of the text that states it. */
function score(r: Report, headings: () => readonly Heading[]): Found | null {
  const d = r.data;
  const se = d.kind === '部门整体支出绩效自评' ? d.tables?.['self-evaluation'] : undefined;
  const grade = (text: string) => (d.conclusion?.score === text ? (d.conclusion.grade ?? null) : null);
  if (se?.total?.score)
    return {
      text: se.total.score,
      report: r,
      anchor: 'self-evaluation',
      where: `${se.label ?? '自评表'} 总分`,
      note: grade(se.total.score),
    };
  const stated = d.conclusion?.score;
  if (!stated) return null;
  const at = passage(r, headings(), new RegExp(`(?<![\\d.])${stated.replace(/\./g, '\\.')}\\s*分`));
  return {
    text: stated,
    report: r,
    anchor: at?.id ?? null,
    where: at ? `正文 ${at.text}` : '正文',
    note: grade(stated),
  };
}

/** compare.ts's figure, with its anchor and table split out of its link and source. */
function compared(values: CompareRow['values'], key: HeaderKey, reports: readonly Report[]): Found | null {
  const v = key === 'sangongBudget' || key === 'initialBudget' || key === 'score' ? undefined : values[key];
  const [path, anchor] = (v?.href ?? '').split('#');
  const report = reports.find((x) => `/offices/${x.id}/` === path);
  if (!v || !report) return null;
  const prefix = `${report.data.year}年度${report.data.kind} `;
  const where = v.source.startsWith(prefix) ? v.source.slice(prefix.length) : v.source;
  return { text: v.text, report, anchor: anchor ?? null, where };
}

/**
 * The header's key figures: each as this report publishes it, else as the same office-year's
 * other report does (compare.ts reads the tables; the 决算 first), linked to its table or passage.
 */
function keyFigures(
  r: Report,
  office: Office,
  reports: readonly Report[],
  headings: () => readonly Heading[],
) {
  const siblings = reports.filter(
    (x) => x.office === r.office && x.data.year === r.data.year && x.id !== r.id,
  );
  const own = compareRows([office], [r])[0]?.values ?? {};
  const year = compareRows([office], [r, ...siblings])[0]?.values ?? {};
  const sibling = (f: (x: Report) => Found | null) => siblings.map(f).find((x) => x !== null) ?? null;
  const siblingHeadings = new Map<Report, readonly Heading[]>();
  const headingsOf = (x: Report) => () => {
    if (!siblingHeadings.has(x)) siblingHeadings.set(x, renderNarrative(x.narrative).headings);
    return siblingHeadings.get(x)!;
  };
  const find = (key: HeaderKey): Found | null => {
    // Tabled figures first, this report's and then its office-year's; what the text states after.
    if (key === 'sangongBudget')
      return (
        sangongBudget(r) ??
        sibling(sangongBudget) ??
        stated(r, key) ??
        sibling((x) => stated(x, 'sangongBudget'))
      );
    if (key === 'initialBudget') return stated(r, key) ?? sibling((x) => stated(x, 'initialBudget'));
    if (key === 'score') return score(r, headings) ?? sibling((x) => score(x, headingsOf(x)));
    // This report's table, else the office-year's (a sibling's table before any text).
    const mine = compared(own, key, [r]);
    if (mine && mine.where !== STATED) return mine;
    return compared(year, key, [r, ...siblings]) ?? mine;
  };
  return HEADER_KEYS.flatMap((key): KeyFigure[] => {
    const f = find(key);
    if (!f) return [];
    const here = f.report === r;
    const hash = f.anchor ? `#${f.anchor}` : '';
    return [
      {
        key,
        label: LABELS[key].label,
        // A rate is published with its sign ("87%").
        unit: f.text.endsWith('%') ? '' : LABELS[key].unit,
        text: f.text,
        href: here ? hash || '#main' : `/offices/${f.report.id}/${hash}`,
        // The other report is of the same office and year: its kind says which.
        source: here ? f.where : `见${KIND_LABELS[f.report.data.kind]} ${f.where}`,
        note: f.note ?? null,
      },
    ];
  });
}

export function reportView(r: Report, ctx: ViewContext): ReportView;
export function reportView(
  r: Report,
  ctx: ViewContext,
  office: Office,
): ReportView & { header: ReportHeader };
export function reportView(
  r: Report,
  ctx: ViewContext,
  office?: Office,
): ReportView & { header?: ReportHeader } {
  const keys = figureKeys(r.data);
  const { segments, headings, passages } = renderNarrative(r.narrative, (key) => keys.get(key));
  const formsById = forms(r);
  linkTerms(formsById, ctx.term);
  const charts = reportCharts(r);
  const toc: TocEntry[] = charts.length ? [{ depth: 2, id: 'charts', text: '图表' }] : [];
  let h = 0;
  let depth = 1;
  for (const node of r.narrative.children) {
    if (node.type === 'heading') {
      const heading = headings[h++];
      depth = heading.depth;
      if (depth <= 3) toc.push(heading);
    } else if (node.type === 'leafDirective' && node.name === 'table') {
      const f = formsById.get(node.attributes?.ref ?? '');
      if (f) toc.push({ depth: Math.min(depth + 1, 4), id: f.id, text: formHeading(f) });
    }
  }
  const notes = dataNotes(r, ctx.reports, formsById, passages);
  const coverage = proseCoverage(r, ctx.reports);
  if (notes.length || coverage.numbers) toc.push({ depth: 2, id: 'data-notes', text: '数据说明' });
  const downloads = new Map([
    ...[...formsById.keys()].map((id) => [id, tableDownloads(r, id)] as const),
    ...charts.map((c) => [c.id, chartDownloads(r, c.id)] as const),
  ]);
  const view = {
    charts,
    forms: formsById,
    segments,
    toc,
    notes,
    coverage,
    workbookUrl: workbookUrl(r),
    downloads,
  };
  if (!office) return view;
  const figures = keyFigures(r, office, ctx.reports, () => headings);
  return { ...view, header: { meta: reportMeta(r, office.data, figures), figures } };
}
