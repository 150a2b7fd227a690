import ExcelJS from 'exceljs';
import type { Report } from '../content/load.ts';
import { reportForms, type ReportForm } from '../tables/report-forms.ts';
import { writeForm } from '../excel/layout.ts';
import { fixZipDates } from '../excel/zip-dates.ts';
import { DERIVED_FROM_PREFIX, sheetName } from '../excel/sheet-names.ts';
import { reportCharts } from '../charts/report.ts';
import { formHeading } from '../tables/model.ts';
import { toCsv, toRecords } from './csv.ts';
import { FIGURE_PATTERN, ROW_NUMBER, isFigureColumn, tidyChart, tidyTables, type TidyTable } from './tidy.ts';
import {
  DESCRIPTOR,
  chartFiles,
  dataDir,
  tableFiles,
  packageName,
  zipName,
  type DownloadLink,
} from './urls.ts';
import { deterministicZip } from './zip.ts';
import { FIXED_DATE, tidyWorkbook } from './sheet.ts';

/*
 * A report's open data, built once per build: each table as CSV, JSON and a one-sheet .xlsx in
 * the official layout, each chart's data as CSV, JSON and a one-sheet .xlsx, the Frictionless Data Package v2
 * descriptor (datapackage.json) with a Table Schema per CSV, and a zip of all of it.
 */

interface PackageFile {
  /** File name within the report's data folder (and the zip). */
  path: string;
  bytes: Uint8Array;
}

interface ReportPackage {
  report: Report;
  /** Every file of the package, datapackage.json last; the zip holds exactly these. */
  files: PackageFile[];
  descriptor: DataPackage;
  zip: PackageFile;
}

interface Field {
  name: string;
  title: string;
  type: 'string' | 'integer';
  description?: string;
  constraints?: { required?: boolean; unique?: boolean; pattern?: string };
}

interface Resource {
  name: string;
  title: string;
  description?: string;
  path: string;
  type?: 'table';
  format: string;
  mediatype: string;
  encoding?: 'utf-8';
  bytes: number;
  schema?: { fields: Field[]; primaryKey: string[]; missingValues: string[] };
}

interface DataPackage {
  $schema: string;
  name: string;
  title: string;
  description: string;
  homepage: string;
  sources: { title: string; path: string }[];
  resources: Resource[];
}

const DATAPACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const utf8 = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);

/** Why every value field is a string: the one place that says it, in the descriptor and the docs. */
const VALUE_TYPE_NOTE =
  '数值列的类型为 string：按原文文字保存（16.50 不写作 16.5），空白单元格为空字段（缺失值 ""），“——”（不适用）照原样写出，0.00 照原样写出，三者可以区分；列中全为数字、百分数或“——”时，字段以 pattern 约束其格式。';

/** The Table Schema of a tidy table: strings, text-exact; 序号 an integer; key on the identifying fields when they are unique. */
function tableSchema(t: TidyTable): NonNullable<Resource['schema']> {
  const rowFields = t.fields.flatMap((f, i) => (f.role === 'row' && f.name !== ROW_NUMBER ? [i] : []));
  const identifies =
    rowFields.length > 0 &&
    t.rows.every((r) => rowFields.every((i) => r[i] !== null)) &&
    new Set(t.rows.map((r) => JSON.stringify(rowFields.map((i) => r[i])))).size === t.rows.length;
  const primaryKey = identifies ? rowFields.map((i) => t.fields[i].name) : [ROW_NUMBER];
  return {
    fields: t.fields.map((f, i): Field => {
      if (f.name === ROW_NUMBER)
        return {
          name: f.name,
          title: f.name,
          type: 'integer',
          description: '行在原表中的次序，从 1 起',
          constraints: { required: true, unique: true },
        };
      const figures = f.role === 'value' && isFigureColumn(t.rows, i);
      return {
        name: f.name,
        title: f.name,
        type: 'string',
        ...(figures ? { constraints: { pattern: FIGURE_PATTERN } } : {}),
        ...(primaryKey.includes(f.name) ? { constraints: { required: true } } : {}),
      };
    }),
    primaryKey,
    missingValues: [''],
  };
}

/** One form alone on a worksheet, as the report's workbook lays it out. */
async function formWorkbook(item: ReportForm, title: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = workbook.lastModifiedBy = '公开 gongkai';
  workbook.title = title;
  workbook.created = workbook.modified = FIXED_DATE;
  const ws = workbook.addWorksheet(sheetName(item, new Set()));
  const derived = item.entry.kind === '整体支出绩效自评表' ? item.entry.table.derivedFrom : undefined;
  writeForm(ws, item.form, derived ? [`${DERIVED_FROM_PREFIX}${derived}`] : []);
  return fixZipDates(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

async function build(r: Report, site: string): Promise<ReportPackage> {
  const forms = new Map(reportForms(r.data).map((f) => [f.entry.id, f]));
  const files: PackageFile[] = [];
  const resources: Resource[] = [];
  const add = (path: string, bytes: Uint8Array, resource: Omit<Resource, 'path' | 'bytes'>) => {
    files.push({ path, bytes });
    resources.push({ ...resource, path, bytes: bytes.byteLength });
  };
  const tidy = (t: TidyTable, title: string, description: string) => {
    add(`${t.id}.csv`, utf8(toCsv(t)), {
      name: t.id,
      title,
      description: `${description}${VALUE_TYPE_NOTE}`,
      type: 'table',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: tableSchema(t),
    });
    add(`${t.id}.json`, json(toRecords(t)), {
      name: `${t.id}-json`,
      title: `${title}（JSON）`,
      description: `与 ${t.id}.csv 相同的记录，每行一个对象，值为原文文字，空白为 null。`,
      format: 'json',
      mediatype: 'application/json',
      encoding: 'utf-8',
    });
  };
  for (const t of tidyTables(r.data)) {
    const item = forms.get(t.id)!;
    if (t.id === 'datapackage') throw new Error(`${r.id}: 表的键 datapackage 与数据包说明文件重名`);
    const title = formHeading(item.form);
    tidy(t, title, `${title}，每行一条记录，列为原表的各栏。`);
    add(`${t.id}.xlsx`, await formWorkbook(item, `${r.data.title} ${title}`), {
      name: `${t.id}-xlsx`,
      title: `${title}（Excel，官方表样）`,
      format: 'xlsx',
      mediatype: XLSX_TYPE,
    });
  }
  for (const chart of reportCharts(r)) {
    const t = tidyChart(chart);
    const title = `图表：${chart.caption}`;
    const about = `单位：${chart.unit}，数据来源：${chart.source}。`;
    tidy(t, title, `图表“${chart.caption}”的数据，${about}`);
    const sheet = { title: `${r.data.title} ${title}`, sheet: chart.caption, description: about };
    add(`${t.id}.xlsx`, await tidyWorkbook(t, sheet), {
      name: `${t.id}-xlsx`,
      title: `${title}（Excel）`,
      description: `与 ${t.id}.csv 相同的数据，一个工作表：首行为类别与各数据系列，每个类别一行；数字按原文的小数位显示。`,
      format: 'xlsx',
      mediatype: XLSX_TYPE,
    });
  }
  const descriptor: DataPackage = {
    $schema: DATAPACKAGE_PROFILE,
    name: packageName(r),
    title: r.data.title,
    description: `${r.data.title}的公开表格与图表数据，按原文文字录入（金额单位：${r.data.unit}）。`,
    homepage: new URL(`/offices/${r.id}/`, site).href,
    sources: [
      {
        title: `${r.data.title}（原文：${r.data.source.document}）`,
        path: new URL(`/${r.data.source.archive}`, site).href,
      },
    ],
    resources,
  };
  files.push({ path: DESCRIPTOR, bytes: json(descriptor) });
  return { report: r, files, descriptor, zip: { path: zipName(r), bytes: deterministicZip(files) } };
}

const cache = new WeakMap<Report, Promise<ReportPackage>>();

/** A report's package, built on first use and kept for the rest of the build (keyed by the loaded report). */
export function reportPackage(r: Report, site: string): Promise<ReportPackage> {
  let p = cache.get(r);
  if (!p) cache.set(r, (p = build(r, site)));
  return p;
}

/** Whether the report publishes any table or chart (a package needs at least one resource). */
export const hasOpenData = (p: ReportPackage) => p.descriptor.resources.length > 0;

/**
 * The names of the files a report's data folder holds, without building them (for the build's
 * list of paths): empty when the report publishes no table and no chart.
 */
export function packageFileNames(r: Report): string[] {
  const tables = tidyTables(r.data).flatMap((t) => tableFiles(t.id));
  const charts = reportCharts(r).flatMap((c) => chartFiles(c.id));
  if (!tables.length && !charts.length) return [];
  return [...tables, ...charts, DESCRIPTOR, zipName(r)];
}

/** Every file published under the report's data folder, the zip included. */
export const publishedFiles = (p: ReportPackage) => [...p.files, p.zip];

/**
 * The report header's download line: the zip of everything, the data package descriptor, and
 * the site's catalogue, with the sizes of the report's files.
 */
export async function reportDownloadLinks(r: Report, site: string): Promise<DownloadLink[]> {
  const p = await reportPackage(r, site);
  const descriptor = p.files.find((f) => f.path === DESCRIPTOR)!;
  return [
    { label: '全部数据（ZIP）', url: `${dataDir(r)}${p.zip.path}`, bytes: p.zip.bytes.byteLength },
    {
      label: '数据包说明（datapackage.json）',
      url: `${dataDir(r)}${DESCRIPTOR}`,
      bytes: descriptor.bytes.byteLength,
    },
  ];
}
