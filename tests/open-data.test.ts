/**
 * Open data on the built site (SITE_DIR, and the form-variant fixtures' FIXTURE_SITE_DIR when
 * set): every table's CSV/JSON/xlsx and every chart's CSV/JSON, parsed back to the texts of the
 * content; the data packages against the official Frictionless v2 schemas (schemas/frictionless);
 * the zips, the links on the pages, /data/ and catalog.json. Byte-identical rebuilds of these
 * files are covered by tests/determinism.test.ts, which compares every file of the site.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { loadContent, type Report } from '../src/lib/content/load.ts';
import { tableEntries } from '../src/lib/content/tables.ts';
import { reportTables } from '../src/lib/review/figures.ts';
import { reportForms } from '../src/lib/tables/report-forms.ts';
import { reportCharts } from '../src/lib/charts/report.ts';
import { reportDownloadLinks } from '../src/lib/open-data/package.ts';
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

/** The CSV fields a value column of the content may be written under (a repeated heading gets （n）). */
const columnsNamed = (header: string[], column: string) =>
  header.flatMap((h, i) => (h === column || h.startsWith(`${column}（`) ? [i] : []));

for (const { dir: site, content } of sites) {
  const { reports, errors } = loadContent(resolve(content));
  assert.deepEqual(errors, []);
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

  test(`${content}: every chart's data as CSV and JSON, labels × series as printed`, () => {
    for (const r of reports)
      for (const chart of reportCharts(r)) {
        const base = join(dataDir(site, r), chart.id);
        const [header, ...records] = csvRows(readFileSync(`${base}.csv`));
        assert.deepEqual(header.slice(1), [chart.category, ...chart.series.map((s) => s.name)]);
        assert.deepEqual(
          records.map((rec) => rec.slice(1)),
          chart.labels.map((l, i) => [l, ...chart.series.map((s) => s.values[i] ?? '')]),
        );
        const json = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Record<string, string | null>[];
        assert.deepEqual(
          json.map((o) => o[chart.category]),
          chart.labels,
        );
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
        ...reportCharts(r).flatMap((c) => [`${c.id}.csv`, `${c.id}.json`]),
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
        for (const ext of id.startsWith('chart-') ? ['csv', 'json'] : ['csv', 'json', 'xlsx'])
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
  });
}
