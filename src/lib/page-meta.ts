import type { Office, Report } from './content/load.ts';
import type { OfficeData } from './content/schema/report.ts';
import { KIND_LABELS } from './labels.ts';

/**
 * What each page says about itself: its <title> (Base adds " · 公开"), its meta description and
 * its breadcrumb; for a report also the line that puts its published title in context. A page
 * about one report or one office names the office and the year in all of them, whatever the
 * published title says; the published title itself stays on the page as published.
 */
interface Crumb {
  href?: string;
  label: string;
}

interface PageMeta {
  title: string;
  description: string;
  crumbs: Crumb[];
}

export interface ReportMeta extends PageMeta {
  /** The page's <h1>: the title as the report carries it. */
  heading: string;
  /** Office, year and kind, printed with the <h1> when the heading does not say them; else null. */
  context: string[] | null;
}

/** A key figure of the report (report-view.ts); the description names a few: "支出合计 295.11万元". */
interface SummaryFigure {
  key: string;
  label: string;
  text: string;
  unit: string;
}

const HOME: Crumb = { href: '/', label: '首页' };
const OFFICES: Crumb = { href: '/offices/', label: '机构' };
const officeHref = (slug: string) => `/offices/${slug}/`;

/** "2020", or "2020–2022" for several years. */
export function yearSpan(years: readonly number[]): string {
  if (!years.length) return '';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/**
 * Whether a title says which office it is: its full or short name, or both its government and
 * its seat ("湖南省人民政府 … 驻上海 …").
 */
export function namesOffice(title: string, o: OfficeData): boolean {
  const t = title.replace(/\s/g, '');
  const has = (s: string) => s.length > 0 && t.includes(s.replace(/\s/g, ''));
  return has(o.name) || has(o.shortName) || (has(o.parent) && has(o.seat));
}

/** Whether a title says the year: the digits, not inside a longer number. */
export function namesYear(title: string, year: number): boolean {
  return new RegExp(`(?<!\\d)${year}(?!\\d)`).test(title);
}

/** The figures a description names, of those the header shows. */
const SUMMARY_KEYS = ['total', 'sangong', 'execution', 'score'];

const figureLine = (figures: readonly SummaryFigure[]) =>
  figures
    .filter((f) => SUMMARY_KEYS.includes(f.key))
    .map((f) => `${f.label} ${f.text}${f.unit}`)
    .join('，');

const hasTables = (r: Report) =>
  Object.keys(('tables' in r.data ? r.data.tables : undefined) ?? {}).length > 0 ||
  Object.keys(r.data.extraTables ?? {}).length > 0;

export function reportMeta(r: Report, o: OfficeData, figures: readonly SummaryFigure[] = []): ReportMeta {
  const d = r.data;
  const kind = KIND_LABELS[d.kind];
  const self = namesOffice(d.title, o) && namesYear(d.title, d.year);
  const line = figureLine(figures);
  const figuresText = line ? `：${line}` : '';
  return {
    title: self ? d.title : `${o.shortName} ${d.year}年度${kind}`,
    heading: d.title,
    context: self ? null : [o.name, `${d.year} 年度`, d.kind],
    description: `${o.name} ${d.year} 年度${d.kind}${figuresText}。按原文录入${hasTables(r) ? '，含全部公开表格' : ''}，附原文存档。`,
    crumbs: [
      HOME,
      OFFICES,
      { href: officeHref(r.office), label: o.shortName },
      { label: `${d.year} 年度${kind}` },
    ],
  };
}

/** The kinds a set of reports covers, in the order of KIND_LABELS: "部门决算、整体支出绩效自评". */
const kindsOf = (reports: readonly Report[]) =>
  (Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[])
    .filter((k) => reports.some((r) => r.data.kind === k))
    .map((k) => KIND_LABELS[k])
    .join('、');

export function officeMeta(office: Office, reports: readonly Report[]): PageMeta & { context: string } {
  const o = office.data;
  const own = reports.filter((r) => r.office === office.slug);
  const span = yearSpan(own.map((r) => r.data.year));
  return {
    title: `${o.name} ${span} 年度公开报告`,
    context: `${o.level} · 驻${o.seat} · 上级政府：${o.parent} · ${span} 年度公开报告 ${own.length} 份`,
    description: `${o.name}（${o.level}，${o.parent}派驻${o.seat}）${span} 年度公开的${kindsOf(own)}：主要数字、职能${o.staffing ? '、人员编制' : ''}，按原文录入。`,
    crumbs: [HOME, OFFICES, { label: o.shortName }],
  };
}

/** A few short names, then 等: descriptions stay short however many offices there are. */
function someOffices(offices: readonly Office[]): string {
  const names = offices.slice(0, 4).map((o) => o.data.shortName);
  return `${names.join('、')}${offices.length > names.length ? '等' : ''}`;
}

const allYears = (reports: readonly Report[]) => yearSpan(reports.map((r) => r.data.year));

export function homeMeta(offices: readonly Office[], reports: readonly Report[]): PageMeta {
  return {
    title: '驻外办事机构预决算与绩效公开',
    description: `收录${someOffices(offices)} ${offices.length} 个驻外办事机构 ${allYears(reports)} 年度的 ${reports.length} 份公开报告（${kindsOf(reports)}），按原文录入，表格按官方表样呈现。`,
    crumbs: [],
  };
}

export function officesMeta(offices: readonly Office[], reports: readonly Report[]): PageMeta {
  return {
    title: '机构',
    description: `${offices.length} 个驻外办事机构一览（${someOffices(offices)}）：级别、驻地、上级政府与 ${allYears(reports)} 年度的公开报告。`,
    crumbs: [HOME, { label: '机构' }],
  };
}

export function compareMeta(offices: readonly Office[], reports: readonly Report[]): PageMeta {
  return {
    title: '机构对比',
    description: `${offices.length} 个驻外办事机构 ${allYears(reports)} 年度主要数字对比：支出合计、基本与项目支出、“三公”经费、预算执行率、自评得分、编制与人均支出，每个数字链接到所在的表。`,
    crumbs: [HOME, { label: '机构对比' }],
  };
}

export function glossaryMeta(terms: number, reports: readonly Report[]): PageMeta {
  const from = reports.filter((r) => r.data.kind === '部门决算');
  return {
    title: '名词解释',
    description: `部门决算“名词解释” ${terms} 条，摘自 ${from.length} 份部门决算（${allYears(from)} 年度）的原文；表格中的栏目名称链接到这里。`,
    crumbs: [HOME, { label: '名词解释' }],
  };
}

export function aboutMeta(): PageMeta {
  return {
    title: '关于数据',
    description:
      '本站数据从哪里来、怎样核对：原文逐字存档并以 sha256 校验，金额单位与精度照录原文，尾数误差与勾稽关系的自动核对。',
    crumbs: [HOME, { label: '关于数据' }],
  };
}

export function notFoundMeta(): PageMeta {
  return {
    title: '页面不存在',
    description: '您要找的页面不存在或已移动，请从首页或机构列表查找驻外办事机构的公开报告。',
    crumbs: [],
  };
}
