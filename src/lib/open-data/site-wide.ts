import type { Office, Report } from '../content/load.ts';
import { METRICS, compareRows, type CompareRow } from '../compare.ts';
import { compareCharts } from '../charts/compare.ts';
import { officeTrend } from '../charts/office.ts';
import type { ChartSpec } from '../charts/model.ts';
import { toCsv, toRecords } from './csv.ts';
import { tidyWorkbook } from './sheet.ts';
import { ROW_NUMBER, tidyChart, type TidyTable } from './tidy.ts';
import {
  COMPARE_DATA_DIR,
  COMPARE_TABLE_ID,
  OFFICE_TABLE_ID,
  chartFiles,
  downloadsIn,
  officeDataDir,
  tableFiles,
  type DownloadLink,
} from './urls.ts';

/*
 * The open data of the pages that are not a report's: the /compare/ page's table and charts, and
 * each office page's table of main figures and trend chart. Each as CSV, JSON and a one-sheet
 * .xlsx, in the same forms as a report's chart data (docs/open-data.md). The comparison table has
 * one record per office and year; for each measure, the figure as the page prints it, where it
 * was published (or how it was computed) and the address of the report table it comes from.
 */

interface DataFile {
  /** File name within the page's data folder. */
  path: string;
  bytes: Uint8Array;
}

/** A page's tables and charts: what it prints and where its data files are. */
export interface PageData {
  /** compare, or the office's slug: the page's folder in the bulk zip. */
  id: string;
  /** The page the data belongs to (/compare/, /offices/<o>/). */
  page: string;
  title: string;
  dir: string;
  rows: CompareRow[];
  table: { id: string; caption: string } | null;
  charts: ChartSpec[];
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);

/** The column names of a measure: its figure (with the unit, as the page's header), its source and its link. */
const metricFields = (m: (typeof METRICS)[number]) => ({
  value: `${m.label}（${m.unit}）`,
  source: `${m.label}：来源`,
  link: `${m.label}：链接`,
});

/**
 * The comparison table as tidy records: 机构 (as printed), 机构代码, 年度, then per measure its
 * printed text, its source and the absolute address of the table it was published in (none for
 * a computed figure or a staffing figure from the office's own data). Unpublished: all blank.
 */
function tidyCompare(rows: readonly CompareRow[], site: string, id: string): TidyTable {
  const fields = METRICS.flatMap((m) => Object.values(metricFields(m)));
  return {
    id,
    fields: [
      { name: ROW_NUMBER, role: 'row' },
      { name: '机构', role: 'row' },
      { name: '机构代码', role: 'row' },
      { name: '年度', role: 'row' },
      ...fields.map((name) => ({ name, role: 'value' as const })),
    ],
    rows: rows.map((r, i) => [
      String(i + 1),
      r.office.data.shortName,
      r.office.slug,
      String(r.year),
      ...METRICS.flatMap((m) => {
        const v = r.values[m.key];
        return [v?.text ?? null, v?.source ?? null, v?.href ? new URL(v.href, site).href : null];
      }),
    ]),
  };
}

const compareCache = new WeakMap<readonly Report[], PageData>();
const officeCache = new WeakMap<Office, PageData>();

/** The /compare/ page's data: every office's rows, the charts across offices (once per loaded content). */
export function compareData(offices: readonly Office[], reports: readonly Report[]): PageData {
  let d = compareCache.get(reports);
  if (!d) compareCache.set(reports, (d = buildCompareData(offices, reports)));
  return d;
}

/** An office page's data: its own rows and its trend chart; `reports` are the office's reports only. */
export function officeData(office: Office, reports: readonly Report[]): PageData {
  let d = officeCache.get(office);
  if (!d) officeCache.set(office, (d = buildOfficeData(office, reports)));
  return d;
}

function buildCompareData(offices: readonly Office[], reports: readonly Report[]): PageData {
  const rows = compareRows(offices, reports);
  return {
    id: 'compare',
    page: '/compare/',
    title: '机构对比',
    dir: COMPARE_DATA_DIR,
    rows,
    table: { id: COMPARE_TABLE_ID, caption: '各机构主要数字对比' },
    charts: compareCharts(rows),
  };
}

function buildOfficeData(office: Office, reports: readonly Report[]): PageData {
  const rows = compareRows([office], reports);
  const trend = officeTrend(rows);
  return {
    id: office.slug,
    page: `/offices/${office.slug}/`,
    title: `${office.data.name}历年主要数字`,
    dir: officeDataDir(office.slug),
    rows,
    table: rows.length ? { id: OFFICE_TABLE_ID, caption: `${office.data.shortName}历年主要数字` } : null,
    charts: trend ? [trend] : [],
  };
}

/** The names of the page's data files, without building them (for the build's list of paths). */
export const pageFileNames = (d: PageData) => [
  ...(d.table ? tableFiles(d.table.id) : []),
  ...d.charts.flatMap((c) => chartFiles(c.id)),
];

/** The download lines of the page's table and each chart, by id. */
export function pageDownloads(d: PageData): Map<string, DownloadLink[]> {
  return new Map([
    ...(d.table ? [[d.table.id, downloadsIn(d.dir, d.table.id)] as const] : []),
    ...d.charts.map((c) => [c.id, downloadsIn(d.dir, c.id)] as const),
  ]);
}

async function tidyFiles(t: TidyTable, title: string, sheet: string, description: string) {
  return [
    { path: `${t.id}.csv`, bytes: utf8(toCsv(t)) },
    { path: `${t.id}.json`, bytes: json(toRecords(t)) },
    { path: `${t.id}.xlsx`, bytes: await tidyWorkbook(t, { title, sheet, description }) },
  ];
}

/** Every data file of the page, in the order of pageFileNames. */
async function buildPageFiles(d: PageData, site: string): Promise<DataFile[]> {
  const table = d.table
    ? await tidyFiles(
        tidyCompare(d.rows, site, d.table.id),
        d.table.caption,
        d.table.caption,
        '每行一个机构年度；每项数字有三列：原文文字（未公开为空）、来源（公开的表，或“计算：……”）、所在表的网址。',
      )
    : [];
  const charts = await Promise.all(
    d.charts.map((c) =>
      tidyFiles(
        tidyChart(c),
        `${d.title} 图表：${c.caption}`,
        c.caption,
        `单位：${c.unit}，数据来源：${c.source}。`,
      ),
    ),
  );
  return [...table, ...charts.flat()];
}

const filesCache = new WeakMap<PageData, Promise<DataFile[]>>();
/** The page's data files, built on first use and kept for the rest of the build. */
export function pageFiles(d: PageData, site: string): Promise<DataFile[]> {
  let p = filesCache.get(d);
  if (!p) filesCache.set(d, (p = buildPageFiles(d, site)));
  return p;
}
