/**
 * Open data on the built site (SITE_DIR, and the form-variant fixtures' FIXTURE_SITE_DIR when
 * set): every table's and every chart's CSV/JSON/xlsx, parsed back to the texts of the content;
 * the data packages against the official Frictionless v2 schemas (schemas/frictionless); the
 * office pages' and /compare/'s tables and charts, parsed back to the rows and charts computed
 * here from the loaded content; the zips, the links on the pages, /data/ and catalog.json. Byte-identical rebuilds of these
 * files are covered by tests/determinism.test.ts, which compares every file of the site.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { loadContent, type Report } from '../src/lib/content/load.ts';
import { tableEntries } from '../src/lib/content/table-entries.ts';
import { reportTables } from '../src/lib/review/figures.ts';
import { reportForms } from '../src/lib/tables/report-forms.ts';
import { reportCharts } from '../src/lib/charts/report.ts';
import { reportDownloadLinks } from '../src/lib/open-data/package.ts';
import { METRICS, compareRows, type CompareRow } from '../src/lib/compare.ts';
import { compareCharts } from '../src/lib/charts/compare.ts';
import { officeTrend } from '../src/lib/charts/office.ts';
import type { ChartSpec } from '../src/lib/charts/model.ts';
import { displayNumber } from '../src/lib/excel/number-format.ts';
import { officeData, pageDownloads, pageFileNames, pageFiles } from '../src/lib/open-data/site-wide.ts';
import { siteDir } from './support/site.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const schema = (name: string) =>
  JSON.parse(readFileSync(resolve('schemas/frictionless/2.0', `${name}.json`), 'utf8')) as object;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true })).addFormat('textarea', true);
const validatePackage = ajv.compile(schema('datapackage'));
const validateResource = ajv.compile(schema('dataresource'));
const validateTableSchema = ajv.compile(schema('tableschema'));

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; unique?: boolean; pattern?: string };
}
interface Resource {
  name: string;
  path: string;
  format: string;
  bytes: number;
  schema?: { fields: Field[]; primaryKey: string[]; missingValues: string[] };
}
interface Descriptor {
  name: string;
  resources: Resource[];
}

const sites = [
  { dir: siteDir(), content: 'content' },
  ...(process.env.FIXTURE_SITE_DIR
    ? [{ dir: process.env.FIXTURE_SITE_DIR, content: 'tests/fixtures/form-variants/content' }]
    : []),
];

const csvRows = (bytes: Buffer): string[][] => {
  assert.notEqual(bytes[0], 0xef, 'no byte-order mark');
  return parse(bytes.toString('utf8'), { relaxColumnCount: false }) as string[][];
};
const dataDir = (site: string, r: Report) => join(site, 'offices', r.id, 'data');
const hasData = (r: Report) => tableEntries(r.data).length > 0 || reportCharts(r).length > 0;

/** A one-sheet workbook's cells as the texts Excel shows: a number under its format, blank as "". */
async function sheetTexts(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  assert.equal(wb.worksheets.length, 1, `${file}: one worksheet`);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      const v = cell.value;
      if (v === null || v === undefined) row.push('');
      else if (typeof v === 'number') row.push(displayNumber(v, cell.numFmt) ?? `date ${v}`);
      else if (typeof v === 'string') row.push(v);
      else assert.fail(`${file} ${cell.address}: a number or a text, not ${JSON.stringify(v)}`);
    }
    rows.push(row);
  }
  return rows;
}

/** A chart's data as the texts of its table: header (category, series), one row per label ("" blank). */
const chartGrid = (chart: ChartSpec) => [
  [chart.category, ...chart.series.map((s) => s.name)],
  ...chart.labels.map((l, i) => [l, ...chart.series.map((s) => s.values[i] ?? '')]),
];

/** A chart's CSV, JSON and xlsx all hold exactly its label and series texts. */
async function assertChartFiles(base: string, chart: ChartSpec) {
  const grid = chartGrid(chart);
  const [header, ...records] = csvRows(readFileSync(`${base}.csv`));
  assert.deepEqual(
    [header, ...records].map((rec) => rec.slice(1)),
    grid,
    `${base}.csv`,
  );
  assert.deepEqual(
    records.map((rec) => rec[0]),
    chart.labels.map((_, i) => String(i + 1)),
  );
  const json = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Record<string, string | null>[];
  assert.deepEqual(
    json.map((o) => header.slice(1).map((h) => o[h] ?? '')),
    grid.slice(1),
    `${base}.json`,
  );
  assert.deepEqual(await sheetTexts(`${base}.xlsx`), grid, `${base}.xlsx`);
}

/** The comparison table as its files must hold it, from the rows computed here: texts, sources, addresses. */
const compareGrid = (rows: CompareRow[], site: string) => [
  [
    '序号',
    '机构',
    '机构代码',
    '年度',
    ...METRICS.flatMap((m) => [`${m.label}（${m.unit}）`, `${m.label}：来源`, `${m.label}：链接`]),
  ],
  ...rows.map((r, i) => [
    String(i + 1),
    r.office.data.shortName,
    r.office.slug,
    String(r.year),
    ...METRICS.flatMap((m) => {
      const v = r.values[m.key];
      // An absolute address: a section anchor (#s-…, Chinese) is percent-encoded, as URLs are.
      return [v?.text ?? '', v?.source ?? '', v?.href ? new URL(v.href, site).href : ''];
    }),
  ]),
];

async function assertCompareFiles(base: string, rows: CompareRow[], site: string) {
  const grid = compareGrid(rows, site);
  assert.deepEqual(csvRows(readFileSync(`${base}.csv`)), grid, `${base}.csv`);
  const json = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Record<string, string | null>[];
  assert.deepEqual(
    json.map((o) => grid[0].map((h) => o[h] ?? '')),
    grid.slice(1),
    `${base}.json`,
  );
  // The workbook leaves out 序号 (the sheet numbers its rows).
  assert.deepEqual(
    await sheetTexts(`${base}.xlsx`),
    grid.map((row) => row.slice(1)),
    `${base}.xlsx`,
  );
}

/** The CSV fields a value column of the content may be written under (a repeated heading gets （n）). */
const columnsNamed = (header: string[], column: string) =>
  header.flatMap((h, i) => (h === column || h.startsWith(`${column}（`) ? [i] : []));

for (const { dir: site, content } of sites) {
  const { offices, reports, errors } = loadContent(resolve(content));
  assert.deepEqual(errors, []);
  const ownReports = (slug: string) => reports.filter((r) => r.office === slug);
  // The address the site was built for, from a page's canonical link.
  const siteUrl = () => {
    const html = readFileSync(join(site, 'compare', 'index.html'), 'utf8');
    return new URL('/', /<link rel="canonical" href="([^"]+)"/.exec(html)![1]).href;
  };
  const seen = { blank: 0, zero: 0, na: 0 };

  test(`${content}: every table's CSV holds exactly the content's texts, codes as text; JSON and xlsx beside it`, async () => {
    for (const r of reports) {
      const tables = new Map(reportTables(r.data).map((t) => [t.id, t]));
      for (const { entry, form } of reportForms(r.data)) {
        const base = join(dataDir(site, r), entry.id);
        const rows = csvRows(readFileSync(`${base}.csv`));
        const [header, ...records] = rows;
        const model = tables.get(entry.id)!;
        assert.equal(records.length, model.rows.length, `${r.id} ${entry.id}: one record per printed row`);
        model.rows.forEach((row, i) => {
          for (const cell of row.cells) {
            const at = columnsNamed(header, cell.column);
            // 公开01/04表 print 项目 indented by level (the model's name cell keeps the indent); the CSV holds the name.
            const numbered = cell.column === '项目' && (entry.id === 't01' || entry.id === 't04');
            const want = numbered ? (cell.value ?? '').trimStart() : (cell.value ?? '');
            assert.ok(
              at.some((c) => records[i][c] === want),
              `${r.id} ${entry.id} ${row.key} ${cell.column}: ${JSON.stringify(want)} in ${JSON.stringify(records[i])}`,
            );
            if (cell.value === null) seen.blank++;
            else if (cell.value === '0.00') seen.zero++;
            else if (cell.value === '——') seen.na++;
          }
        });
        // Every figure the page prints is among the CSV's fields (as many times as printed).
        const fields = new Map<string, number>();
        for (const f of records.flat()) fields.set(f, (fields.get(f) ?? 0) + 1);
        for (const t of form.tables)
          for (const c of t.body.flat())
            if (!c.th && (c.kind === 'amount' || c.kind === 'na') && !c.placeholder) {
              const n = fields.get(c.text) ?? 0;
              assert.ok(n > 0, `${r.id} ${entry.id}: printed ${c.text} is in the CSV`);
              fields.set(c.text, n - 1);
            }
        // Codes stay text: the published code, leading digits and all.
        if (r.data.kind === '部门决算' && ['t02', 't03', 't05', 't07', 't08'].includes(entry.id)) {
          const codes = records.map((rec) => rec[header.indexOf('科目编码')]).filter(Boolean);
          const t = r.data.tables[entry.id as 't02'];
          assert.deepEqual(
            codes,
            t.rows.map((x) => x.code),
          );
        }
        // JSON: the same records, texts or null, never numbers.
        const json = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Record<string, unknown>[];
        assert.deepEqual(
          json.map((o) => header.map((h) => o[h])),
          records.map((rec) => rec.map((v) => (v === '' ? null : v))),
          `${r.id} ${entry.id}.json`,
        );
        // The worksheet in the official layout: the form's title on top, its figures in the cells.
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(`${base}.xlsx`) as unknown as ArrayBuffer);
        assert.equal(wb.worksheets.length, 1);
        assert.equal(wb.worksheets[0].getCell(1, 1).value, form.title);
      }
    }
    assert.ok(
      (seen.blank > 0 && seen.zero > 0 && seen.na > 0) || content !== 'content',
      'the content has blanks, 0.00 and ——',
    );
  });

  test(`${content}: every chart's data as CSV, JSON and xlsx, labels × series as printed`, async () => {
    let charts = 0;
    for (const r of reports)
      for (const chart of reportCharts(r)) {
        await assertChartFiles(join(dataDir(site, r), chart.id), chart);
        charts++;
      }
    assert.ok(charts > 0, 'some report has a chart');
  });

  test(`${content}: /compare/'s table and charts as CSV, JSON and xlsx, from the rows of the content`, async () => {
    const rows = compareRows(offices, reports);
    const dir = join(site, 'compare', 'data');
    await assertCompareFiles(join(dir, 'compare'), rows, siteUrl());
    const charts = compareCharts(rows);
    for (const chart of charts) await assertChartFiles(join(dir, chart.id), chart);
    // Every published figure is in the table with the report table it comes from; computed ones say so.
    const [header, ...records] = csvRows(readFileSync(join(dir, 'compare.csv')));
    for (const m of METRICS) {
      const [value, source, link] = ['（', '：来源', '：链接'].map((x) =>
        header.findIndex((h) => h.startsWith(`${m.label}${x}`)),
      );
      for (const rec of records) {
        if (rec[value] === '') assert.equal(rec[source] + rec[link], '', `${m.label}: unpublished is blank`);
        else if (rec[source].startsWith('计算：')) assert.equal(rec[link], '');
        else if (rec[link]) assert.match(rec[link], /\/offices\/[^/]+\/\d{4}\/[^/]+\/(#.*)?$/);
      }
    }
    const html = readFileSync(join(site, 'compare', 'index.html'), 'utf8');
    for (const id of ['compare', ...charts.map((c) => c.id)])
      for (const ext of ['csv', 'json', 'xlsx'])
        assert.ok(
          html.includes(`href="/compare/data/${id}.${ext}" download`),
          `/compare/ links ${id}.${ext}`,
        );
  });

  test(`${content}: each office page's table and trend chart as CSV, JSON and xlsx, linked from the page`, async () => {
    let trends = 0;
    for (const o of offices) {
      const own = ownReports(o.slug);
      const rows = compareRows([o], own);
      const trend = officeTrend(rows);
      const dir = join(site, 'offices', o.slug, 'data');
      const html = readFileSync(join(site, 'offices', o.slug, 'index.html'), 'utf8');
      const ids = [...(rows.length ? ['figures'] : []), ...(trend ? [trend.id] : [])];
      if (rows.length) await assertCompareFiles(join(dir, 'figures'), rows, siteUrl());
      if (trend) {
        await assertChartFiles(join(dir, trend.id), trend);
        trends++;
      }
      for (const id of ids)
        for (const ext of ['csv', 'json', 'xlsx'])
          assert.ok(
            html.includes(`href="/offices/${o.slug}/data/${id}.${ext}" download`),
            `${o.slug}: links ${id}.${ext}`,
          );
      const hrefs = [...html.matchAll(/href="([^"]*\/data\/[^"]*)"/g)].map((m) => m[1]);
      for (const h of hrefs) assert.ok(existsSync(join(site, h)), `${o.slug}: ${h} exists`);
    }
    console.log(`${content}: ${trends} 个机构页面有历年图表`);
  });

  test(`${content}: an office with two years gets its trend chart's files (the content has one year per office)`, async () => {
    // No committed office publishes two years yet: an earlier year is made here from a report's copy.
    const officeOf = (x: Report) => offices.find((o) => o.slug === x.office)!;
    const r = reports.find((x) => {
      const v = compareRows([officeOf(x)], [x])[0]?.values ?? {};
      return v.total ?? v.basic ?? v.project ?? v.sangong;
    });
    if (!r) return assert.notEqual(content, 'content', 'the content has a report with main figures');
    const earlier = {
      ...r,
      id: r.id.replace(/\/\d{4}\//, `/${r.data.year - 1}/`),
      data: { ...r.data, year: r.data.year - 1 },
    };
    const o = { ...officeOf(r) };
    const own = [r, earlier as Report];
    const trend = officeTrend(compareRows([o], own));
    assert.ok(trend, 'two years make a trend');
    const d = officeData(o, own);
    assert.deepEqual(
      pageFileNames(d),
      ['figures', trend.id].flatMap((id) => ['csv', 'json', 'xlsx'].map((x) => `${id}.${x}`)),
    );
    const dir = mkdtempSync(join(process.env.TEST_OUTPUT ?? tmpdir(), 'office-trend-'));
    try {
      for (const f of await pageFiles(d, 'https://gongkai.example.org/'))
        writeFileSync(join(dir, f.path), f.bytes);
      await assertChartFiles(join(dir, trend.id), trend);
      await assertCompareFiles(join(dir, 'figures'), compareRows([o], own), 'https://gongkai.example.org/');
      assert.deepEqual(
        [
          ...pageDownloads(d)
            .get(trend.id)!
            .map((l) => l.url),
        ],
        ['csv', 'json', 'xlsx'].map((x) => `/offices/${o.slug}/data/${trend.id}.${x}`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`${content}: each datapackage.json is a valid Data Package v2 and each CSV fits its Table Schema`, () => {
    for (const r of reports.filter(hasData)) {
      const dir = dataDir(site, r);
      const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as Descriptor;
      assert.ok(validatePackage(descriptor), `${r.id}: ${ajv.errorsText(validatePackage.errors)}`);
      assert.equal(new Set(descriptor.resources.map((x) => x.name)).size, descriptor.resources.length);
      const expected = [
        ...tableEntries(r.data).flatMap((e) => ['csv', 'json', 'xlsx'].map((x) => `${e.id}.${x}`)),
        ...reportCharts(r).flatMap((c) => ['csv', 'json', 'xlsx'].map((x) => `${c.id}.${x}`)),
      ];
      assert.deepEqual(
        descriptor.resources.map((x) => x.path).sort(),
        expected.sort(),
        `${r.id}: every table and chart`,
      );
      for (const res of descriptor.resources) {
        assert.ok(validateResource(res), `${r.id} ${res.name}: ${ajv.errorsText(validateResource.errors)}`);
        const bytes = readFileSync(join(dir, res.path));
        assert.equal(bytes.byteLength, res.bytes, `${r.id} ${res.path}: bytes`);
        if (res.format !== 'csv') continue;
        const s = res.schema!;
        assert.ok(
          validateTableSchema(s),
          `${r.id} ${res.name}: ${ajv.errorsText(validateTableSchema.errors)}`,
        );
        const [header, ...records] = csvRows(bytes);
        assert.deepEqual(
          header,
          s.fields.map((f) => f.name),
          `${r.id} ${res.path}: header = field names`,
        );
        const key = s.primaryKey.map((k) => header.indexOf(k));
        const keys = records.map((rec) => JSON.stringify(key.map((i) => rec[i])));
        assert.equal(new Set(keys).size, records.length, `${r.id} ${res.path}: primary key unique`);
        s.fields.forEach((f, i) => {
          const pattern = f.constraints?.pattern ? new RegExp(f.constraints.pattern, 'u') : null;
          for (const rec of records) {
            const v = rec[i];
            const missing = s.missingValues.includes(v);
            if (f.constraints?.required || key.includes(i))
              assert.ok(!missing, `${r.id} ${res.path} ${f.name}: required`);
            if (missing) continue;
            if (f.type === 'integer') assert.match(v, /^\d+$/, `${r.id} ${res.path} ${f.name}`);
            else assert.equal(f.type, 'string');
            if (pattern) assert.match(v, pattern, `${r.id} ${res.path} ${f.name}: ${v}`);
          }
        });
      }
    }
  });

  test(`${content}: each report's zip holds exactly its package's files`, () => {
    for (const r of reports.filter(hasData)) {
      const dir = dataDir(site, r);
      const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as Descriptor;
      const zip = unzipSync(readFileSync(join(dir, `${r.id.replaceAll('/', '-')}.zip`)));
      const names = [...descriptor.resources.map((x) => x.path), 'datapackage.json'];
      assert.deepEqual(Object.keys(zip).sort(), names.sort());
      for (const n of names)
        assert.deepEqual(Buffer.from(zip[n]), readFileSync(join(dir, n)), `${r.id} ${n}`);
    }
  });

  test(`${content}: each table and chart links its downloads, and the links resolve`, () => {
    for (const r of reports) {
      const html = readFileSync(join(site, 'offices', r.id, 'index.html'), 'utf8');
      const hrefs = [...html.matchAll(/href="([^"]*\/data\/[^"]*)"/g)].map((m) => m[1]);
      const ids = [...tableEntries(r.data).map((e) => e.id), ...reportCharts(r).map((c) => c.id)];
      for (const id of ids)
        for (const ext of ['csv', 'json', 'xlsx'])
          assert.ok(hrefs.includes(`/offices/${r.id}/data/${id}.${ext}`), `${r.id}: link to ${id}.${ext}`);
      for (const h of hrefs) assert.ok(existsSync(join(site, h)), `${r.id}: ${h} exists`);
    }
  });

  test(`${content}: the report header's download links resolve to files of the stated size`, async () => {
    for (const r of reports.filter(hasData)) {
      const links = await reportDownloadLinks(r, 'https://gongkai.example.org/');
      assert.ok(links.length > 0);
      for (const l of links)
        assert.equal(readFileSync(join(site, l.url)).byteLength, l.bytes, `${r.id} ${l.url}`);
    }
  });

  test(`${content}: /data/ lists every report's downloads; catalog.json and the bulk zip cover them`, () => {
    const page = readFileSync(join(site, 'data', 'index.html'), 'utf8');
    const catalog = JSON.parse(readFileSync(join(site, 'data', 'catalog.json'), 'utf8')) as {
      bulk: { url: string; bytes: number };
      siteWide: { id: string; page: string; files: { url: string; bytes: number }[] }[];
      reports: { id: string; zip: { url: string; bytes: number }; files: { url: string; bytes: number }[] }[];
    };
    const withData = reports.filter(hasData);
    assert.deepEqual(catalog.reports.map((e) => e.id).sort(), withData.map((r) => r.id).sort());
    const bulk = unzipSync(readFileSync(join(site, catalog.bulk.url)));
    for (const e of catalog.reports) {
      assert.ok(page.includes(`href="/offices/${e.id}/"`), `/data/ links ${e.id}`);
      assert.ok(page.includes(`href="${e.zip.url}"`), `/data/ offers ${e.zip.url}`);
      for (const f of [...e.files, e.zip]) {
        assert.equal(readFileSync(join(site, f.url)).byteLength, f.bytes, f.url);
        if (f !== e.zip) assert.ok(bulk[`${e.id}/${f.url.split('/').pop()}`], `bulk zip holds ${f.url}`);
      }
      const total = [...e.files, e.zip].reduce((n, f) => n + f.bytes, 0);
      console.log(`下载合计 ${e.id}: ${total} 字节（ZIP ${e.zip.bytes} 字节）`);
    }
    // The site-wide section: /compare/'s files and each office page's, as the pages link them.
    const rows = compareRows(offices, reports);
    const expected = new Map([
      ['compare', ['compare', ...compareCharts(rows).map((c) => c.id)].map((id) => `/compare/data/${id}`)],
      ...offices.flatMap((o) => {
        const own = compareRows([o], ownReports(o.slug));
        const trend = officeTrend(own);
        const ids = [...(own.length ? ['figures'] : []), ...(trend ? [trend.id] : [])];
        return ids.length ? [[o.slug, ids.map((id) => `/offices/${o.slug}/data/${id}`)] as const] : [];
      }),
    ]);
    assert.deepEqual(
      catalog.siteWide.map((e) => e.id),
      [...expected.keys()],
    );
    for (const e of catalog.siteWide) {
      assert.deepEqual(
        e.files.map((f) => f.url),
        expected.get(e.id)!.flatMap((base) => ['csv', 'json', 'xlsx'].map((x) => `${base}.${x}`)),
        `catalog.json: ${e.id}`,
      );
      assert.ok(page.includes(`href="${e.page}"`), `/data/ links ${e.page}`);
      for (const f of e.files) {
        assert.equal(readFileSync(join(site, f.url)).byteLength, f.bytes, f.url);
        assert.ok(page.includes(`href="${f.url}" download`), `/data/ offers ${f.url}`);
        assert.ok(bulk[`${e.id}/${f.url.split('/').pop()}`], `bulk zip holds ${f.url}`);
      }
    }
  });
}
