import type { Report } from '../content/load.ts';
import { tableIds } from '../content/table-entries.ts';

/*
 * Where the open data is published (docs/open-data.md). Kept free of ExcelJS and the package
 * builder, so the pages that only link to the files load neither.
 *
 *   /offices/<o>/<y>/<r>/data/<table-id>.csv | .json | .xlsx
 *   /offices/<o>/<y>/<r>/data/<chart-id>.csv | .json | .xlsx  (chart ids start with chart-)
 *   /offices/<o>/<y>/<r>/data/datapackage.json
 *   /offices/<o>/<y>/<r>/data/<o>-<y>-<r>.zip
 *   /offices/<o>/data/figures.* | chart-years.*               (the office page's table and trend chart)
 *   /compare/data/compare.* | <chart-id>.*                     (the /compare/ page's table and charts)
 *   /data/  /data/catalog.json  /data/gongkai-open-data.zip
 */

export const CATALOG_URL = '/data/catalog.json';
const BULK_NAME = 'gongkai-open-data.zip';
export const BULK_URL = `/data/${BULK_NAME}`;
export const DESCRIPTOR = 'datapackage.json';

/** The folder of a report's data files. */
export const dataDir = (r: Pick<Report, 'id'>) => `/offices/${r.id}/data/`;
/** The data package's name: office-year-report, as the workbook's. */
export const packageName = (r: Pick<Report, 'id'>) => r.id.replaceAll('/', '-');
export const zipName = (r: Pick<Report, 'id'>) => `${packageName(r)}.zip`;

export interface DownloadLink {
  /** What the link says: CSV, JSON, Excel, 全部数据（ZIP）… */
  label: string;
  url: string;
  /** Size of the file, where it is known without building it. */
  bytes?: number;
}

const tableFormats = [
  ['CSV', 'csv'],
  ['JSON', 'json'],
  ['Excel', 'xlsx'],
] as const;

/** The files of one table or chart: CSV, JSON and xlsx. */
export const tableFiles = (id: string) => tableFormats.map(([, ext]) => `${id}.${ext}`);
export const chartFiles = tableFiles;

/** The download line of one table or chart whose files are in `dir`: CSV · JSON · Excel. */
export const downloadsIn = (dir: string, id: string): DownloadLink[] =>
  tableFormats.map(([label, ext]) => ({ label, url: `${dir}${id}.${ext}` }));

/** The folder of an office's site-wide data: its page's table of main figures and its trend chart. */
export const officeDataDir = (slug: string) => `/offices/${slug}/data/`;
/** The office page's table of main figures (the comparison table's rows of one office). */
export const OFFICE_TABLE_ID = 'figures';
/** The folder of the /compare/ page's data: its table and its charts. */
export const COMPARE_DATA_DIR = '/compare/data/';
/** The /compare/ page's table. */
export const COMPARE_TABLE_ID = 'compare';

/** The download line of a table: CSV · JSON · Excel. */
export function tableDownloads(r: Pick<Report, 'id' | 'data'>, id: string): DownloadLink[] {
  if (!tableIds(r.data).includes(id)) return [];
  return downloadsIn(dataDir(r), id);
}

/** The download line of a chart: CSV · JSON · Excel (a chart's data, labels × series). */
export function chartDownloads(r: Pick<Report, 'id'>, id: string): DownloadLink[] {
  if (!id.startsWith('chart-')) return [];
  return downloadsIn(dataDir(r), id);
}

const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};
/** The Content-Type a data file is served with, by its extension. */
export const mediaType = (path: string) =>
  MEDIA_TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream';

/** "12.3 KB": a file size as the /data/ page prints it. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
